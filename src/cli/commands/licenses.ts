import { getCatalog } from "../../catalog/catalog.js";
import { formatCatalogEntry, formatCatalogList } from "../../catalog/format-catalog.js";
import { didYouMean } from "../../util/suggest.js";
import type { CliIo } from "../cli-io.js";
import { ExitCode } from "../exit-code.js";
import { UsageError } from "../usage-error.js";

export interface LicensesFlags {
  format: "text" | "json";
  /** Include every SPDX license, not only those the Hub lists or we wrote up. */
  all?: boolean;
}

/** `lic licenses list`: the model licenses and Hub ids, or with --all every SPDX license too. */
export function runLicensesList(flags: LicensesFlags, io: CliIo): number {
  const catalog = getCatalog();
  const entries = flags.all
    ? catalog.entries
    : catalog.entries.filter((entry) => entry.hubIds.length > 0 || entry.terms || entry.kind === "use-policy");
  io.stdout(flags.format === "json" ? `${JSON.stringify(entries, null, 2)}\n` : formatCatalogList(entries));
  return ExitCode.ok;
}

/** `lic licenses show ID`: by key, Hub id, license_name or SPDX id. */
export function runLicensesShow(id: string, flags: LicensesFlags, io: CliIo): number {
  const catalog = getCatalog();
  const entry = catalog.get(id) ?? catalog.bySpdx(id) ?? catalog.byName(id);
  if (!entry) {
    throw new UsageError(
      `"${id}" is not in the catalog${didYouMean(
        id,
        catalog.entries.map((candidate) => candidate.key),
      )} (lic licenses list shows them all)`,
    );
  }
  io.stdout(flags.format === "json" ? `${JSON.stringify(entry, null, 2)}\n` : formatCatalogEntry(entry));
  return ExitCode.ok;
}
