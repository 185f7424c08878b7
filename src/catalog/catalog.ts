import spdxList from "spdx-license-list/spdx.json" with { type: "json" };
import { once } from "../util/once.js";
import { HUB_LICENSES } from "./hub-licenses.js";
import { appleLicenses } from "./licenses/apple.js";
import { creativeCommonsLicenses } from "./licenses/creative-commons.js";
import { deepseekLicenses } from "./licenses/deepseek.js";
import { exaoneLicenses } from "./licenses/exaone.js";
import { fairLicenses } from "./licenses/fair.js";
import { falconLicenses } from "./licenses/falcon.js";
import { fluxLicenses } from "./licenses/flux.js";
import { gemmaLicenses } from "./licenses/gemma.js";
import { googleHealthLicenses } from "./licenses/google-health.js";
import { hubOnlyLicenses } from "./licenses/hub-only.js";
import { llamaLicenses } from "./licenses/llama.js";
import { microsoftResearchLicenses } from "./licenses/microsoft-research.js";
import { mistralLicenses } from "./licenses/mistral.js";
import { modifiedMitLicenses } from "./licenses/modified-mit.js";
import { nvidiaLicenses } from "./licenses/nvidia.js";
import { openDataLicenses } from "./licenses/open-data.js";
import { openaiLicenses } from "./licenses/openai.js";
import { openmdwLicenses } from "./licenses/openmdw.js";
import { openrailLicenses } from "./licenses/openrail.js";
import { openrailDLicenses } from "./licenses/openrail-d.js";
import { permissiveLicenses } from "./licenses/permissive.js";
import { qwenLicenses } from "./licenses/qwen.js";
import { stabilityLicenses } from "./licenses/stability.js";
import { tencentLicenses } from "./licenses/tencent.js";
import type { CatalogEntry } from "./types.js";

/** The licenses we wrote up by hand, one family per file. */
export const HAND_WRITTEN: readonly CatalogEntry[] = [
  ...llamaLicenses,
  ...gemmaLicenses,
  ...openrailLicenses,
  ...deepseekLicenses,
  ...qwenLicenses,
  ...stabilityLicenses,
  ...nvidiaLicenses,
  ...falconLicenses,
  ...mistralLicenses,
  ...appleLicenses,
  ...fairLicenses,
  ...microsoftResearchLicenses,
  ...fluxLicenses,
  ...creativeCommonsLicenses,
  ...openDataLicenses,
  ...openrailDLicenses,
  ...openmdwLicenses,
  ...permissiveLicenses,
  ...modifiedMitLicenses,
  ...openaiLicenses,
  ...googleHealthLicenses,
  ...exaoneLicenses,
  ...tencentLicenses,
  ...hubOnlyLicenses,
];

/**
 * The SPDX License List 3.28.0 (2026-02-20) as spdx-license-list 6.12.0 ships it: name, URL, OSI approval. Imported
 * as module data, like the catalog itself, so building the catalog reads no file of its own.
 */
export const SPDX_LIST: Record<string, { name: string; url?: string; osiApproved: boolean }> = spdxList;

export interface Catalog {
  entries: readonly CatalogEntry[];
  get(key: string): CatalogEntry | undefined;
  /** By SPDX id, exactly as SPDX spells it. */
  bySpdx(id: string): CatalogEntry | undefined;
  /** By Hub `license:` id or `license_name`, case-insensitively, with `_`/space runs read as `-`. */
  byName(name: string): CatalogEntry | undefined;
}

/** Folds a license id or name for lookup: "Llama 3.1 Community License" and "llama-3.1-community-license" meet. */
export function foldLicenseName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9.+]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Every license lic knows: the hand-written model licenses with their terms, every Hub id, every SPDX id.
 * Keys: the Hub id where the Hub has one, our own key for other model licenses, the SPDX id for the rest.
 */
export function buildCatalog(): Catalog {
  const entries: CatalogEntry[] = [...HAND_WRITTEN];
  const coveredHubIds = new Set(HAND_WRITTEN.flatMap((entry) => entry.hubIds));
  const coveredSpdx = new Set(HAND_WRITTEN.flatMap((entry) => (entry.spdx ? [entry.spdx] : [])));

  for (const hub of HUB_LICENSES) {
    if (hub.id === "other" || hub.id === "unknown") continue;
    if (coveredHubIds.has(hub.id)) continue;
    const spdx = hub.spdx ? SPDX_LIST[hub.spdx] : undefined;
    if (hub.spdx) coveredSpdx.add(hub.spdx);
    entries.push({
      key: hub.id,
      name: hub.name,
      kind: hub.spdx ? "license" : "family",
      spdx: hub.spdx,
      hubIds: [hub.id],
      licenseNames: [],
      url: spdx?.url ?? "https://huggingface.co/docs/hub/repositories-licenses",
      osi: { approved: spdx?.osiApproved ?? false },
    });
  }
  for (const [id, spdx] of Object.entries(SPDX_LIST)) {
    if (coveredSpdx.has(id)) continue;
    entries.push({
      key: id,
      name: spdx.name,
      kind: "license",
      spdx: id,
      hubIds: [],
      licenseNames: [],
      // Three ids come without a URL in the list; SPDX publishes a page for every id.
      url: spdx.url ?? `https://spdx.org/licenses/${id}.html`,
      osi: { approved: spdx.osiApproved },
    });
  }

  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  const bySpdx = new Map(entries.filter((entry) => entry.spdx).map((entry) => [entry.spdx!, entry]));
  // Ids and names first, so a name never shadows an id; each under its folded and its compact spelling
  // ("llama-3.1" and "llama3.1", "Apache License 2.0" and "apache-license-2.0"). Built on the first lookup by name.
  const byName = once(() => {
    const names = new Map<string, CatalogEntry>();
    const index = (name: string, entry: CatalogEntry) => {
      const folded = foldLicenseName(name);
      if (!names.has(folded)) names.set(folded, entry);
      const compacted = folded.replace(/-/g, "");
      if (!names.has(compacted)) names.set(compacted, entry);
    };
    for (const entry of entries)
      for (const name of [entry.key, ...entry.hubIds, ...entry.licenseNames]) index(name, entry);
    for (const entry of entries) {
      index(entry.name, entry);
      const spdxName = entry.spdx ? SPDX_LIST[entry.spdx]?.name : undefined;
      if (spdxName) index(spdxName, entry);
    }
    return names;
  });
  return {
    entries,
    get: (key) => byKey.get(key),
    bySpdx: (id) => bySpdx.get(id),
    byName: (name) => {
      const folded = foldLicenseName(name);
      return byName().get(folded) ?? byName().get(folded.replace(/-/g, ""));
    },
  };
}

const shared = once(buildCatalog);

/**
 * The catalog, built once, when it is first asked something: a warm check answered from its cached result renders
 * it without asking (building it was 5 ms of such a run).
 */
const whenAsked: Catalog = {
  get entries() {
    return shared().entries;
  },
  get: (key) => shared().get(key),
  bySpdx: (id) => shared().bySpdx(id),
  byName: (name) => shared().byName(name),
};

export function getCatalog(): Catalog {
  return whenAsked;
}
