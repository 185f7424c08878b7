import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { PolicyIssue } from "../../src/policy/parse-policy.js";
import { POLICIES, parsePolicyText, policyFrom, TODAY } from "../support/policies.js";

const INVALID = fileURLToPath(new URL("../fixtures/policies/invalid/", import.meta.url));

const format = (issue: PolicyIssue) =>
  `${issue.file.replace(INVALID, "")}${issue.line === null ? "" : `:${issue.line}`}: ${issue.path ? `${issue.path}: ` : ""}${issue.message}`.replaceAll(
    INVALID,
    "",
  );

describe("invalid policies: every error, at its line, with the fix", () => {
  const cases = readdirSync(INVALID)
    .filter((file) => file.endsWith(".yaml"))
    .sort();

  it("has a corpus", () => expect(cases.length).toBeGreaterThanOrEqual(15));

  it.each(cases)("%s", (file) => {
    const text = readFileSync(`${INVALID}${file}`, "utf8");
    const expected = [...text.matchAll(/^# expect: (.*)$/gm)].map((match) => match[1]);
    const parsed = parsePolicyText(text, `${INVALID}${file}`);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.errors.map(format)).toEqual(expected);
  });
});

describe("policy errors speak of the policy, not of JavaScript", () => {
  const JS_INTERNALS =
    /Cannot read properties|of (null|undefined)|is not a function|is not iterable|call stack|TypeError|RangeError/;

  it.each([
    [
      "an expression ending on OR",
      'licenses:\n  allow: ["MIT OR"]\n',
      'licenses.allow[0]: "MIT OR" is not a license expression (an AND, OR, WITH or parenthesis has no license beside it)',
    ],
    [
      "an expression ending on AND",
      'licenses:\n  deny: ["MIT AND"]\n',
      "an AND, OR, WITH or parenthesis has no license beside it",
    ],
    ["empty parentheses", 'licenses:\n  allow: ["( )"]\n', "an AND, OR, WITH or parenthesis has no license beside it"],
    ["a 20,000-deep sequence", `${"[".repeat(20_000)}${"]".repeat(20_000)}\n`, "not valid YAML: nested too deeply"],
    [
      "a 3,000-deep mapping",
      `${Array.from({ length: 3000 }, (_, depth) => `${" ".repeat(depth)}a:`).join("\n")} 1\n`,
      "not valid YAML: nested too deeply",
    ],
  ])("%s", (_name, text, message) => {
    const parsed = parsePolicyText(text);
    expect(parsed.ok).toBe(false);
    const messages = parsed.ok
      ? []
      : parsed.errors.map((issue) => `${issue.path ? `${issue.path}: ` : ""}${issue.message}`);
    expect(messages.join("\n")).toContain(message);
    expect(messages.join("\n")).not.toMatch(JS_INTERNALS);
  });
});

describe("valid policies", () => {
  it("every shipped policy is valid", () => {
    for (const file of readdirSync(POLICIES).filter((name) => name.endsWith(".yaml"))) {
      const parsed = parsePolicyText(readFileSync(`${POLICIES}${file}`, "utf8"), `${POLICIES}${file}`);
      expect(parsed.ok ? [] : parsed.errors, file).toEqual([]);
    }
  });

  it("lays a team policy over its base: settings replace, lists add up", () => {
    const policy = policyFrom(
      [
        "extends: commercial",
        "licenses:",
        "  allow: [mit, apache-2.0]",
        "rules:",
        "  useRestrictions: block",
        "context:",
        "  monthlyActiveUsers: 1000",
      ].join("\n"),
      "/team/policy.yaml",
    );
    expect(policy.files).toEqual(["policies/default.yaml", "policies/commercial.yaml", "/team/policy.yaml"]);
    expect(policy.rules.nonCommercial).toEqual({
      value: "block",
      at: { file: "policies/commercial.yaml", line: 11, path: "rules.nonCommercial" },
    });
    expect(policy.rules.useRestrictions).toEqual({
      value: "block",
      at: { file: "/team/policy.yaml", line: 5, path: "rules.useRestrictions" },
    });
    expect(policy.rules.commercialConditions?.value).toBe("warn");
    expect(policy.context.use?.value).toBe("commercial-product");
    expect(policy.context.monthlyActiveUsers?.value).toBe(1000);
    expect(policy.allow?.map((entry) => entry.raw)).toEqual(["mit", "apache-2.0"]);
    expect(policy.name).toBe("policy");
  });

  it("parses allow and deny entries as expressions", () => {
    const policy = policyFrom(
      "licenses:\n  allow:\n    - Apache-2.0 OR MIT\n    - GPL-2.0-only WITH Classpath-exception-2.0\n  deny: [cc-by-nc-4.0]\n",
    );
    expect(policy.allow?.[0]?.expression).toEqual({
      kind: "or",
      left: { kind: "license", key: "apache-2.0", known: true },
      right: { kind: "license", key: "mit", known: true },
    });
    expect(policy.allow?.[1]?.expression).toMatchObject({ kind: "with", exception: "Classpath-exception-2.0" });
    expect(policy.deny[0]?.expression).toMatchObject({ key: "cc-by-nc-4.0" });
  });

  it("reports an expired waiver as a warning, not an error", () => {
    const parsed = parsePolicyText(
      [
        "waivers:",
        "  - model: org/model",
        "    finding: license-not-allowed",
        "    reason: reviewed",
        "    approvedBy: Jane Doe",
        "    expires: 2025-01-31",
      ].join("\n"),
    );
    expect(
      parsed.ok && parsed.warnings.map((warning) => `${warning.line}: ${warning.path}: ${warning.message}`),
    ).toEqual([
      "2: waivers[0]: the waiver for org/model (license-not-allowed) expired on 2025-01-31; renew it with a new date or remove it",
    ]);
  });

  it("gives different settings different digests, and the same settings the same digest wherever they are written", () => {
    const a = policyFrom("rules:\n  osiApproved: block\n");
    const b = policyFrom("\n\nrules:\n  osiApproved: block\n", "/elsewhere/policy.yaml");
    const c = policyFrom("rules:\n  osiApproved: warn\n");
    expect(a.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a.digest).toBe(b.digest);
    expect(a.digest).not.toBe(c.digest);
  });

  it("takes today's date as given", () => {
    expect(TODAY).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
