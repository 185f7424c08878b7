import type { Duty } from "../../../types/dist-report.js";
import type { FindingCode } from "../../../types/finding.js";
import type { DutyCheck } from "../dist-context.js";
import { dutiesOf, licensesInForce } from "../dist-context.js";

/** Findings that, blocking under the policy, forbid the organization the model, and so its distribution. */
const FORBIDDING: ReadonlySet<FindingCode> = new Set([
  "license-denied",
  "license-not-allowed",
  "license-non-commercial",
  "license-commercial-conditions",
  "license-geographic-restriction",
  "license-not-osi-approved",
]);

/**
 * May the model be distributed at all? Not where a license grants no right to distribute (Microsoft Research
 * §2(e)), nor commercially where it forbids commercial use and the policy's context distributes to customers or
 * in a product, nor where the policy blocks the license, nor where the policy says models stay internal.
 */
export const distributionAllowed: DutyCheck = (context) => {
  const { policy, catalog, result } = context;
  const duties: Duty[] = dutiesOf(context, "no-redistribution").map(({ license, obligation }) => ({
    kind: "distribution-allowed",
    status: "missing",
    license,
    clause: obligation.source,
    reason: "the license grants no right to distribute",
    fixable: false,
  }));
  const distribution = policy.context.distribution?.value;
  if (distribution === "internal-only")
    duties.push({
      kind: "distribution-allowed",
      status: "missing",
      license: null,
      clause: null,
      reason: `the policy's context says models stay internal (distribution: internal-only, ${policy.context.distribution!.at.file})`,
      fixable: false,
    });
  const commercial = distribution === "customers" || policy.context.use?.value === "commercial-product";
  for (const license of licensesInForce(context)) {
    const use = catalog.get(license)?.terms?.commercialUse;
    if (commercial && use?.kind === "forbidden")
      duties.push({
        kind: "distribution-allowed",
        status: "missing",
        license,
        clause: use.source,
        reason: `the license is ${use.scope}, and the policy distributes commercially`,
        fixable: false,
      });
  }
  for (const finding of result.findings) {
    if (finding.severity !== "error" || !FORBIDDING.has(finding.code)) continue;
    const license = "license" in finding.args ? String(finding.args.license) : null;
    if (duties.some((duty) => duty.license === license && license !== null)) continue;
    duties.push({
      kind: "distribution-allowed",
      status: "missing",
      license,
      clause: finding.term ?? null,
      reason: `the policy blocks it (${finding.code})`,
      fixable: false,
    });
  }
  return duties.length > 0
    ? duties
    : [{ kind: "distribution-allowed", status: "met", license: null, clause: null, fixable: false }];
};
