import type { Duty } from "../../../types/dist-report.js";
import type { DistContext, DutyCheck } from "../dist-context.js";
import { hubCardDocs } from "../dist-context.js";

const LICENSE_DOCS = hubCardDocs(
  "License",
  "license: other, license_name and license_link for a license the Hub has no id for (hub-docs modelcard.md)",
);

/**
 * The card's `license` names what applies: a card with none, or none readable, declares nothing; a card naming a
 * license other than an ancestor's relabels the model, which does not change the terms it comes under (the check
 * `license-laundering`, reused here).
 */
export const cardLicense: DutyCheck = (context) => {
  const { read } = context;
  const hasReadme = read.snapshot.texts.some((file) => file.role === "readme");
  const base = { kind: "card-license" as const, license: null, clause: LICENSE_DOCS, file: "README.md" };
  const suggested = suggestedLicenseKeys(context);
  const expected = Object.entries(suggested)
    .map(([key, value]) => `${key}: ${value}`)
    .join(", ");
  let duty: Duty;
  if (!hasReadme) duty = { ...base, status: "missing", expected, reason: "the model has no README.md", fixable: true };
  else if (read.cardError)
    duty = {
      ...base,
      status: "missing",
      reason: `the front matter is not valid YAML${read.cardError.line ? ` (line ${read.cardError.line})` : ""}: ${read.cardError.reason}`,
      fixable: false,
    };
  else if (read.snapshot.cardData?.["license"] === undefined)
    duty = { ...base, status: "missing", expected, reason: "the card declares no license", fixable: expected !== "" };
  else duty = { ...base, status: "met", found: String(read.snapshot.cardData["license"]), fixable: false };

  const relabelled = context.result.findings.flatMap((finding) =>
    finding.code === "license-laundering" ? [finding] : [],
  );
  const relabelling: Duty[] = relabelled.map((finding) => ({
    kind: "no-relabelling",
    status: "missing",
    license: finding.args.inherited,
    clause: licenseCopyClause(context, finding.args.inherited),
    expected: finding.args.inherited,
    found: finding.args.declared.join(", "),
    reason: `${finding.args.ancestor} comes under ${finding.args.inherited}, and the card declares ${finding.args.declared.join(", ")}`,
    file: "README.md",
    fixable: false,
  }));
  const inherited = context.parents.some((parent) => parent.licenses.length > 0);
  if (relabelling.length === 0 && inherited && duty.status === "met")
    relabelling.push({ kind: "no-relabelling", status: "met", license: null, clause: LICENSE_DOCS, fixable: false });
  return [duty, ...relabelling];
};

/**
 * The front-matter keys that declare the licenses the model comes under: the inherited ones where it has parents,
 * by their Hub id, or `other` with `license_name` (hub-docs modelcard.md) where the Hub has none.
 */
export function suggestedLicenseKeys(context: Pick<DistContext, "result" | "catalog">): Record<string, string> {
  const mentions = context.result.license.licenses;
  const inherited = mentions.filter((license) => license.sources.includes("inherited"));
  const ids = (inherited.length > 0 ? inherited : mentions).map((license) => license.id);
  if (ids.length !== 1) return {};
  const id = ids[0]!;
  const hubId = context.catalog.get(id)?.hubIds[0];
  if (hubId) return { license: hubId };
  return { license: "other", license_name: id, license_link: "LICENSE" };
}

function licenseCopyClause(context: DistContext, license: string) {
  return (
    context.catalog.get(license)?.terms?.obligations.find((obligation) => obligation.kind === "include-license-copy")
      ?.source ?? LICENSE_DOCS
  );
}
