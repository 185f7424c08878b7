import type { RunReport } from "../types/result.js";
import { plainDetail } from "./plain-detail.js";
import type { Render } from "./renderer.js";
import { type FindingView, type ModelView, type NotCheckedView, reportView } from "./view.js";

/**
 * The report as JUnit XML, for CI systems that show test results: a test case per model, a failure per
 * blocking (error) finding, warnings and waived findings in the test case's output, an error per model
 * that could not be checked. `failures` and `errors` count test cases, as JUnit does.
 */
export function formatJunit(report: RunReport): string {
  const view = reportView(report);
  const tests = view.models.length + view.notChecked.length;
  const failures = view.models.filter((model) => model.findings.some(isBlocking)).length;
  const errors = view.notChecked.length;
  const counts = `tests="${tests}" failures="${failures}" errors="${errors}"`;
  const timestamp = attr(view.generatedAt);

  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="lic" ${counts} timestamp="${timestamp}">`,
    `  <testsuite name="${attr(`lic check (policy ${view.policy.name})`)}" ${counts} skipped="0" timestamp="${timestamp}">`,
    `    <properties>`,
    `      <property name="tool" value="${attr(view.tool)}"/>`,
    `      <property name="policy" value="${attr(view.policy.name)}"/>`,
    `      <property name="policy.digest" value="${attr(view.policy.digest)}"/>`,
    `    </properties>`,
    ...view.models.flatMap(formatResult),
    ...view.notChecked.flatMap(formatNotChecked),
    `  </testsuite>`,
    `</testsuites>`,
  ];
  return `${lines.join("\n")}\n`;
}

function isBlocking(finding: FindingView): boolean {
  return finding.severity === "error";
}

function formatResult(model: ModelView): string[] {
  const lines = [`    <testcase classname="lic" name="${attr(`${model.model}@${model.revision}`)}">`];
  for (const finding of model.findings.filter(isBlocking)) {
    lines.push(
      `      <failure type="${attr(finding.code)}" message="${attr(finding.message)}">${text(details(finding).join("\n"))}</failure>`,
    );
  }
  const others = model.findings.filter((finding) => !isBlocking(finding));
  if (others.length > 0) {
    const out = others.flatMap((finding) => [
      `${finding.severity} ${finding.code}: ${finding.message}`,
      ...details(finding).map((line) => `  ${line}`),
    ]);
    lines.push(`      <system-out>${text(out.join("\n"))}</system-out>`);
  }
  if (lines.length === 1) return [lines[0]!.replace(/>$/, "/>")];
  lines.push(`    </testcase>`);
  return lines;
}

/** The lines under a finding: its evidence, clause (without its quote), rule, waiver and docs page. */
function details(finding: FindingView): string[] {
  return finding.details.map((detail) => plainDetail(detail, false));
}

function formatNotChecked(error: NotCheckedView): string[] {
  return [
    `    <testcase classname="lic" name="${attr(error.name)}">`,
    `      <error type="${attr(error.kind)}" message="${attr(error.message)}"/>`,
    `    </testcase>`,
  ];
}

/** Characters XML 1.0 cannot carry at all, even escaped: control characters, lone surrogates, U+FFFE and U+FFFF. */
const ILLEGAL_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text content: the five markup characters escaped, illegal characters dropped. */
export function text(value: string): string {
  return value
    .replace(ILLEGAL_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** An attribute value: as text, and tabs and line breaks as character references, so attribute normalization keeps them. */
export function attr(value: string): string {
  return text(value).replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}

export const render: Render = (report) => ({ output: formatJunit(report) });
