import { describe, expect, it } from "vitest";
import type { DecisionOutcome } from "../../src/gate/decision.js";
import { type GateMode, verdictToStatus } from "../../src/gate/verdict-to-status.js";
import type { Verdict } from "../../src/types/result.js";
import { hubApiFixture } from "../support/fixtures.js";
import { builtInPolicy, check, policyFrom } from "../support/policies.js";
import { snapshotOf } from "../support/snapshots.js";

const result = check(snapshotOf(hubApiFixture("dbmdz__bert-large-cased-finetuned-conll03-english")));
const decided = (verdict: Verdict): DecisionOutcome => ({
  ok: true,
  cached: false,
  decision: {
    model: "x/y",
    sha: "a".repeat(40),
    verdict,
    codes: [],
    reason: `x/y: ${verdict}`,
    isPrivate: false,
    result,
  },
});
const undecided: DecisionOutcome = { ok: false, kind: "upstream", message: "x/y: the Hub said 503" };
const failsClosed = builtInPolicy("default");
const failsOpen = policyFrom("extends: default\nundecided: allow\n");

describe("verdictToStatus: the gate's twin of the exit code", () => {
  it.each([
    ["enforce", decided("allow"), failsClosed, null],
    ["enforce", decided("warn"), failsClosed, null],
    ["enforce", decided("block"), failsClosed, 403],
    ["enforce", undecided, failsClosed, 503],
    ["enforce", undecided, failsOpen, null],
    ["annotate", decided("block"), failsClosed, null],
    ["annotate", undecided, failsClosed, null],
  ] as const)("%s, %o → %s", (mode: GateMode, outcome, policy, status) => {
    expect(verdictToStatus(outcome, mode, policy)?.status ?? null).toBe(status);
  });

  it("a block says why and lists the findings that count; undecided says the policy fails closed", () => {
    expect(verdictToStatus(decided("block"), "enforce", failsClosed)).toMatchObject({
      reason: "x/y: block",
      details: { model: "x/y", verdict: "block", policy: { name: "default" } },
    });
    expect(verdictToStatus(undecided, "enforce", failsClosed)).toEqual({
      status: 503,
      reason:
        "lic gate could not decide on this model, so its files are held back (the policy fails closed): x/y: the Hub said 503",
      details: { kind: "upstream", findings: [] },
    });
  });
});
