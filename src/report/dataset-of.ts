import type { Finding } from "../types/finding.js";

/**
 * The dataset a finding is about (its `args.dataset`), or null for a finding about the repo itself. Read from the
 * args generically, so a finding code that names a dataset is grouped under it without this file knowing the code.
 */
export function datasetOf(finding: Finding): string | null {
  const args: object = finding.args;
  const dataset = "dataset" in args ? args.dataset : undefined;
  return typeof dataset === "string" ? dataset : null;
}
