import { getCatalog } from "../catalog/catalog.js";
import { formatCatalogEntry, formatCatalogList } from "../report/catalog-text.js";
import { ExitCode } from "./exit-code.js";
import type { CliIo } from "./run-check.js";
import { UsageError } from "./usage-error.js";

export interface LicensesFlags {
  format: "text" | "json";
  /** Include every SPDX license, not only those the Hub lists or we wrote up. */
  all?: boolean;
}

/** `lic licenses list`: the model licenses and Hub ids, or with --all every SPDX license too. */
export function runLicensesList(flags: LicensesFlags, io: CliIo): number {
  const catalog = getCatalog();
  const entries = flags.all ? catalog.entries : catalog.entries.filter((entry) => entry.hubIds.length > 0 || entry.terms || entry.kind === "use-policy");
  io.stdout(flags.format === "json" ? JSON.stringify(entries, null, 2) + "\n" : formatCatalogList(entries));
  return ExitCode.ok;
}

/** `lic licenses show ID`: by key, Hub id, license_name or SPDX id. */
export function runLicensesShow(id: string, flags: LicensesFlags, io: CliIo): number {
  const catalog = getCatalog();
  const entry = catalog.get(id) ?? catalog.bySpdx(id) ?? catalog.byName(id);
  if (!entry) {
    const suggestions = closest(id, catalog.entries.map((candidate) => candidate.key));
    throw new UsageError(`"${id}" is not in the catalog${suggestions.length > 0 ? `; did you mean ${suggestions.map((key) => `"${key}"`).join(" or ")}?` : ""} (lic licenses list shows them all)`);
  }
  io.stdout(flags.format === "json" ? JSON.stringify(entry, null, 2) + "\n" : formatCatalogEntry(entry));
  return ExitCode.ok;
}

/** Keys within a small edit distance of the input, nearest first. */
function closest(input: string, keys: string[]): string[] {
  const wanted = input.toLowerCase();
  return keys
    .map((key) => ({ key, distance: editDistance(wanted, key.toLowerCase()) }))
    .filter(({ distance }) => distance <= Math.max(2, Math.floor(wanted.length / 4)))
    .sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key))
    .slice(0, 3)
    .map(({ key }) => key);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
