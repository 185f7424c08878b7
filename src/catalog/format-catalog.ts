import type { CatalogEntry, CommercialCondition, CommercialUse, LicenseTerms, Source } from "./types.js";

/** `lic licenses list`: one line per license. */
export function formatCatalogList(entries: readonly CatalogEntry[]): string {
  const rows = entries.map((entry) => [
    entry.key,
    entry.kind,
    entry.spdx ?? "-",
    entry.osi.approved ? "yes" : "no",
    commercialSummary(entry.terms?.commercialUse),
    entry.name,
  ]);
  const header = ["KEY", "KIND", "SPDX", "OSI", "COMMERCIAL", "NAME"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join("  ");
  return `${[line(header), ...rows.map(line)].join("\n")}\n${entries.length} licenses\n`;
}

/** `lic licenses show ID`: everything the catalog says of one license, each fact with its source. */
export function formatCatalogEntry(entry: CatalogEntry): string {
  const lines = [
    `${entry.name}`,
    `  key: ${entry.key}`,
    `  kind: ${entry.kind}${entry.partOf ? ` (part of ${entry.partOf})` : ""}`,
  ];
  lines.push(`  SPDX: ${entry.spdx ?? "none"}`);
  if (entry.hubIds.length > 0) lines.push(`  Hub ids: ${entry.hubIds.join(", ")}`);
  if (entry.licenseNames.length > 0) lines.push(`  license_name values: ${entry.licenseNames.join(", ")}`);
  lines.push(`  text: ${entry.url}`);
  lines.push(`  OSI-approved: ${entry.osi.approved ? "yes" : "no"}`);
  if (entry.osi.stance)
    lines.push(`    OSI (${entry.osi.stance.date}): ${entry.osi.stance.statement}`, `      ${entry.osi.stance.url}`);
  if (entry.terms) lines.push(...formatTerms(entry.terms));
  else if (entry.kind === "license")
    lines.push("  terms: not written up (the SPDX data above is all the catalog holds)");
  return `${lines.join("\n")}\n`;
}

function formatTerms(terms: LicenseTerms): string[] {
  const lines = ["  terms:"];
  const fact = (label: string, text: string, source: Source) =>
    lines.push(`    ${label}: ${text}`, `      source: ${formatSource(source)}`);
  const use = terms.commercialUse;
  fact("commercial use", describeCommercialUse(use), use.source);
  if (terms.geographic.length === 0) lines.push("    geographic restrictions: none");
  for (const restriction of terms.geographic) {
    fact(
      "geographic restriction",
      `${restriction.rightsWithheld} are withheld from ${restriction.excludes.map((who) => EXCLUDED[who]).join(" and ")} ${restriction.territories.map((code) => (code === "EU" ? "the EU" : code)).join(", ")}, for ${restriction.appliesTo === "multimodal-models" ? "multimodal models" : "all models"}${restriction.endUsersExempt ? "; end users of products that incorporate them are exempt" : ""}`,
      restriction.source,
    );
  }
  if (terms.useRestrictions) {
    fact(
      "use restrictions",
      `${terms.useRestrictions.document}${terms.useRestrictions.mustPassOn ? "; must be passed on to recipients" : ""}`,
      terms.useRestrictions.source,
    );
  } else {
    lines.push("    use restrictions: none");
  }
  for (const obligation of terms.obligations) {
    fact(
      `obligation (${obligation.when})`,
      `${obligation.kind}${obligation.text ? `: "${obligation.text}"` : ""}`,
      obligation.source,
    );
  }
  fact("outputs for training", `${terms.outputs.training}: ${terms.outputs.detail}`, terms.outputs.source);
  for (const trigger of terms.termination)
    fact(`termination (${trigger.kind}${trigger.automatic ? ", automatic" : ""})`, trigger.detail, trigger.source);
  if (terms.governingLaw)
    fact(
      "governing law",
      `${terms.governingLaw.law}${terms.governingLaw.venue ? `; ${terms.governingLaw.venue}` : ""}`,
      terms.governingLaw.source,
    );
  return lines;
}

const EXCLUDED: Record<"individuals-domiciled" | "companies-principal-place-of-business", string> = {
  "individuals-domiciled": "individuals domiciled in",
  "companies-principal-place-of-business": "companies with their principal place of business in",
};

function describeCommercialUse(use: CommercialUse): string {
  switch (use.kind) {
    case "allowed":
      return "allowed";
    case "forbidden":
      return `forbidden (${use.scope})`;
    case "conditional":
      return `conditional: ${use.conditions.map(formatCondition).join("; ")}`;
  }
}

function formatCondition(condition: CommercialCondition): string {
  switch (condition.kind) {
    case "monthly-active-users":
      return `over ${condition.threshold.toLocaleString("en-US")} monthly active users (${condition.measuredAt}): ${condition.consequence}`;
    case "annual-revenue":
      return `over US$${condition.thresholdUsd.toLocaleString("en-US")} annual revenue: ${condition.consequence}`;
    case "registration":
      return `registration: ${condition.consequence}`;
  }
}

function commercialSummary(use: CommercialUse | undefined): string {
  return use ? use.kind : "-";
}

function formatSource(source: Source): string {
  return `${source.document}${source.section ? `, ${source.section}` : ""} <${source.url}>${source.secondary ? " (secondary source: not checked against a saved text)" : ""}`;
}
