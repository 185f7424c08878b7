import { describe, expect, it } from "vitest";
import { checkModel } from "../../src/evaluate/check-model.js";
import type { CheckCode } from "../../src/evaluate/checks/index.js";
import type { Ancestor, ModelSnapshot } from "../../src/types/snapshot.js";
import type { TrainingData } from "../../src/types/training-data.js";
import { builtInPolicy, checkOptions, policyFrom } from "./policies.js";

/** One case of a check's table: a snapshot, checked through the whole core (checks, policy, branch choice). */
export interface CheckCase {
  name: string;
  snapshot: ModelSnapshot;
  /** A policy file's text; without it, the built-in default policy. */
  policy?: string;
  ancestors?: Ancestor[];
  /** The datasets its cards name, as acquisition would hand them in. */
  trainingData?: TrainingData;
}

export interface InvalidCase extends CheckCase {
  /** The findings of the code under test, in order, each matched partially (severity, args, subject, rule…). */
  findings: object[];
}

/**
 * A table test for one check, in the style of typescript-eslint's RuleTester and publint's fixture table: valid
 * cases give no finding of the code, invalid ones give exactly the findings listed. Without its check, the invalid
 * cases fail.
 */
export function testCheck(code: CheckCode, cases: { valid: CheckCase[]; invalid: InvalidCase[] }): void {
  const findingsOf = ({ snapshot, policy, ancestors, trainingData }: CheckCase) =>
    checkModel(
      snapshot,
      policy === undefined ? builtInPolicy("default") : policyFrom(policy),
      checkOptions({
        ...(ancestors ? { lineage: { ancestors, complete: true } } : {}),
        ...(trainingData ? { trainingData } : {}),
      }),
    ).findings.filter((finding) => finding.code === code);

  describe(code, () => {
    it.each(cases.valid)("valid: $name", (valid) => {
      expect(findingsOf(valid)).toEqual([]);
    });
    it.each(cases.invalid)("invalid: $name", (invalid) => {
      expect(findingsOf(invalid)).toMatchObject(invalid.findings);
    });
  });
}
