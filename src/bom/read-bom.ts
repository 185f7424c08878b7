/**
 * The Hugging Face repos a BOM from another tool lists: a CycloneDX JSON BOM (any 1.x) or an SPDX 3.0 JSON-LD
 * document. A repo is found by its purl (`pkg:huggingface/…`, https://github.com/package-url/purl-spec/blob/main/types/huggingface-definition.json),
 * by a Hub URL in its fields (https://huggingface.co/org/name, …/datasets/org/name), or by its name when the BOM
 * calls it a model or a dataset and the name is a Hub id. Pure: the text in, the repos out.
 */
import { type ModelRef, parseModelRef } from "../types/repo-ref.js";

/** The file is not a BOM lic reads; the message names what is wrong, for the CLI to put beside the file's name. */
export class BomFormatError extends Error {}

/** Something the BOM says is on the Hub that lic cannot check, and why. */
export interface UnmappedEntry {
  /** Where in the BOM: `components[2]`, `@graph[5]`. */
  where: string;
  value: string;
  reason: string;
}

export interface BomContents {
  format: "cyclonedx" | "spdx";
  /** Every Hub repo listed, once each, in the BOM's order; datasets carry `repoType: "dataset"`. */
  refs: ModelRef[];
  unmapped: UnmappedEntry[];
  /** Entries that name nothing on the Hub (an npm package, a file): not lic's to check. */
  ignored: number;
}

type Json = Record<string, unknown>;
/** What one BOM entry says about itself, in either format. */
interface Entry {
  where: string;
  isDataset: boolean;
  /** The BOM calls it a model or dataset: its name may then be a Hub id. */
  isMlKind: boolean;
  purl: string | null;
  urls: string[];
  names: string[];
  version: string | null;
}

const HUB_HOSTS = new Set(["huggingface.co", "www.huggingface.co", "hf.co"]);
const PURL_PREFIX = "pkg:huggingface/";
const COMMIT = /^[0-9a-fA-F]{40}$/;

export function readBom(text: string): BomContents {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new BomFormatError(`is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isObject(document)) throw new BomFormatError("is not a JSON object: a BOM is one");
  if (document["bomFormat"] === "CycloneDX") return collect("cyclonedx", cycloneDxEntries(document));
  if (isSpdx3(document)) return collect("spdx", spdxEntries(document));
  if (typeof document["spdxVersion"] === "string") {
    throw new BomFormatError(
      `is ${document["spdxVersion"]} JSON: lic reads SPDX 3.0 JSON-LD and CycloneDX JSON; convert it, or export SPDX 3`,
    );
  }
  throw new BomFormatError(
    'is neither a CycloneDX JSON BOM ("bomFormat": "CycloneDX") nor an SPDX 3.0 JSON-LD document ("@context": "https://spdx.org/rdf/3.0.…", "@graph": […])',
  );
}

function collect(format: BomContents["format"], entries: Entry[]): BomContents {
  const refs = new Map<string, ModelRef>();
  const unmapped: UnmappedEntry[] = [];
  let ignored = 0;
  for (const entry of entries) {
    const found = refOf(entry);
    if (found === null) ignored++;
    else if ("reason" in found) unmapped.push(found);
    else refs.set(`${found.repoType ?? "model"} ${found.id}@${found.revision ?? ""}`, found);
  }
  return { format, refs: [...refs.values()], unmapped, ignored };
}

/** The repo an entry names: by purl first, then a Hub URL, then its name; null when it names none. */
function refOf(entry: Entry): ModelRef | UnmappedEntry | null {
  const unmapped = (value: string, reason: string): UnmappedEntry => ({ where: entry.where, value, reason });
  if (entry.purl?.startsWith(PURL_PREFIX)) {
    const parsed = parsePurl(entry.purl);
    if ("reason" in parsed) return unmapped(entry.purl, parsed.reason);
    return withKind(parsed.id, parsed.revision ?? commitOf(entry.version), entry.isDataset, unmapped, entry.purl);
  }
  for (const url of entry.urls) {
    const parsed = parseHubUrl(url);
    if (parsed === null) continue;
    if ("reason" in parsed) return unmapped(url, parsed.reason);
    return withKind(parsed.id, parsed.revision ?? commitOf(entry.version), parsed.isDataset, unmapped, url);
  }
  if (!entry.isMlKind) return null;
  const name = entry.names.find((candidate) => candidate.includes("/") && parseModelRef(candidate).ok);
  return name === undefined ? null : withKind(name, commitOf(entry.version), entry.isDataset, unmapped, name);
}

function withKind(
  id: string,
  revision: string | null,
  isDataset: boolean,
  unmapped: (value: string, reason: string) => UnmappedEntry,
  value: string,
): ModelRef | UnmappedEntry {
  const parsed = parseModelRef(revision ? `${id}@${revision}` : id);
  if (!parsed.ok) return unmapped(value, parsed.reason);
  return { ...parsed.ref, ...(isDataset ? { repoType: "dataset" as const } : {}) };
}

/** A component's version is a revision lic can pin only when it is a commit; "1.0" or "main" names nothing. */
function commitOf(version: string | null): string | null {
  return version !== null && COMMIT.test(version) ? version.toLowerCase() : null;
}

/** `pkg:huggingface/[namespace/]name[@commit][?qualifiers][#subpath]`, percent-decoded (purl-spec PURL-SPECIFICATION.rst). */
export function parsePurl(purl: string): { id: string; revision: string | null } | { reason: string } {
  const body = purl.slice(PURL_PREFIX.length).split("#")[0]!.split("?")[0]!;
  const at = body.lastIndexOf("@");
  const path = at === -1 ? body : body.slice(0, at);
  let segments: string[];
  let version: string | null;
  try {
    segments = path
      .split("/")
      .filter((segment) => segment.length > 0)
      .map(decodeURIComponent);
    version = at === -1 ? null : decodeURIComponent(body.slice(at + 1));
  } catch {
    return { reason: "its percent-encoding is broken" };
  }
  if (segments.length === 0 || segments.length > 2)
    return { reason: "a Hugging Face purl is pkg:huggingface/org/name@commit" };
  const qualifiers = new URLSearchParams(purl.split("#")[0]!.split("?")[1] ?? "");
  const repository = qualifiers.get("repository_url");
  if (repository !== null && !isHubUrl(repository)) {
    return { reason: `it is on ${repository}, not the Hugging Face Hub lic checks against` };
  }
  return { id: segments.join("/"), revision: version ? version.toLowerCase() : null };
}

/**
 * `https://huggingface.co/org/name[/tree|blob|resolve/REV/…]`, `…/datasets/org/name…`; null for a URL elsewhere,
 * a reason for a Hub URL that names no model or dataset (a Space, the docs).
 */
export function parseHubUrl(
  value: string,
): { id: string; revision: string | null; isDataset: boolean } | { reason: string } | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (!isHubUrl(value)) return null;
  const parts = url.pathname
    .split("/")
    .filter((part) => part.length > 0)
    .map(safeDecode);
  const isDataset = parts[0] === "datasets";
  if (parts[0] === "spaces") return { reason: "a Space is an app, not a model or dataset: lic does not check Spaces" };
  const repo = isDataset ? parts.slice(1) : parts;
  const [namespace, name, view, revision] = repo;
  if (namespace === undefined || RESERVED.has(namespace)) return { reason: "this Hub page names no model or dataset" };
  // A legacy single-name model (`huggingface.co/gpt2`) has no namespace; the second part is then a view.
  if (name === undefined || VIEWS.has(name)) {
    return { id: namespace, revision: name !== undefined && view ? view : null, isDataset };
  }
  return { id: `${namespace}/${name}`, revision: view && VIEWS.has(view) && revision ? revision : null, isDataset };
}

function isHubUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && HUB_HOSTS.has(url.hostname.toLowerCase());
  } catch {
    return false;
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Where a Hub URL names a revision: `/tree/REV`, `/blob/REV/path`, `/resolve/REV/path`, `/commit/REV`. */
const VIEWS = new Set(["tree", "blob", "resolve", "commit", "raw"]);
/** First path parts of Hub pages that are not repos. */
const RESERVED = new Set([
  "docs",
  "spaces",
  "models",
  "api",
  "papers",
  "collections",
  "organizations",
  "settings",
  "blog",
  "learn",
  "join",
  "login",
  "pricing",
  "tasks",
]);

/** Every component, nested ones too, and the BOM's subject (`metadata.component`); not pedigree, which is lineage. */
function cycloneDxEntries(bom: Json): Entry[] {
  const entries: Entry[] = [];
  const visit = (component: unknown, where: string) => {
    if (!isObject(component)) throw new BomFormatError(`${where} is not an object: a CycloneDX component is one`);
    const type = component["type"];
    const data = arrayAt(component, "data", where);
    entries.push({
      where,
      isDataset: type === "data",
      isMlKind: type === "machine-learning-model" || type === "data",
      purl: stringAt(component, "purl"),
      urls: [
        ...arrayAt(component, "externalReferences", where).flatMap((ref) => (isObject(ref) ? strings(ref["url"]) : [])),
        ...data.flatMap((item) =>
          isObject(item) && isObject(item["contents"]) ? strings(item["contents"]["url"]) : [],
        ),
      ],
      names: [
        ...(typeof component["group"] === "string" && typeof component["name"] === "string"
          ? [`${component["group"]}/${component["name"]}`]
          : []),
        ...strings(component["name"]),
        ...data.flatMap((item) => (isObject(item) ? strings(item["name"]) : [])),
      ],
      version: stringAt(component, "version"),
    });
    for (const [index, child] of arrayAt(component, "components", where).entries())
      visit(child, `${where}.components[${index}]`);
  };
  const metadata = bom["metadata"];
  if (isObject(metadata) && metadata["component"] !== undefined) visit(metadata["component"], "metadata.component");
  for (const [index, component] of arrayAt(bom, "components", "the BOM").entries())
    visit(component, `components[${index}]`);
  return entries;
}

function isSpdx3(document: Json): boolean {
  const context = document["@context"];
  const contexts = Array.isArray(context) ? context : [context];
  return contexts.some((each) => typeof each === "string" && each.startsWith("https://spdx.org/rdf/3."));
}

const SPDX_PACKAGES = new Set(["software_Package", "ai_AIPackage", "dataset_DatasetPackage"]);

/** Every package of the graph (software, AI, dataset), by its purl, its locations and its name. */
function spdxEntries(document: Json): Entry[] {
  const graph = document["@graph"];
  if (!Array.isArray(graph))
    throw new BomFormatError('has no "@graph" list: an SPDX 3 JSON-LD document keeps its elements there');
  return graph.flatMap((element, index): Entry[] => {
    if (!isObject(element)) throw new BomFormatError(`@graph[${index}] is not an object: an SPDX element is one`);
    const type = element["type"] ?? element["@type"];
    if (typeof type !== "string" || !SPDX_PACKAGES.has(type)) return [];
    const where = `@graph[${index}]`;
    return [
      {
        where,
        isDataset: type === "dataset_DatasetPackage",
        isMlKind: type !== "software_Package",
        purl: stringAt(element, "software_packageUrl"),
        urls: [
          ...strings(element["software_downloadLocation"]),
          ...strings(element["software_homePage"]),
          ...arrayAt(element, "externalRef", where).flatMap((ref) => (isObject(ref) ? stringList(ref["locator"]) : [])),
        ],
        names: strings(element["name"]),
        version: stringAt(element, "software_packageVersion"),
      },
    ];
  });
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringAt(object: Json, key: string): string | null {
  return typeof object[key] === "string" ? object[key] : null;
}

function strings(value: unknown): string[] {
  return typeof value === "string" ? [value] : [];
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((each): each is string => typeof each === "string") : strings(value);
}

/** A list field, absent meaning empty; anything else is a broken BOM, said with where. */
function arrayAt(object: Json, key: string, where: string): unknown[] {
  const value = object[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new BomFormatError(`${where}'s "${key}" is not a list`);
  return value;
}
