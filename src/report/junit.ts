import { findingInfo } from "../findings/finding-info.js";
import type { Finding } from "../types/finding.js";
import type { CheckResult, ModelError, RunReport } from "../types/result.js";
import { formatEvidence } from "./format-evidence.js";
import { formatFindingMessage } from "./format-message.js";

/**
 * The report as JUnit XML, for CI systems that show test results: a test case per model, a failure per
 * blocking (error) finding, warnings and waived findings in the test case's output, an error per model
 * that could not be checked. `failures` and `errors` count test cases, as JUnit does.
 */
export function formatJunit(report: RunReport): string {
  const tests = report.results.length + report.errors.length;
  const failures = report.results.filter((result) => result.findings.some(isBlocking)).length;
  const errors = report.errors.length;
  const counts = `tests="${tests}" failures="${failures}" errors="${errors}"`;
  const timestamp = attr(report.generatedAt);

  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="lic" ${counts} timestamp="${timestamp}">`,
    `  <testsuite name="${attr(`lic check (policy ${report.policy.name})`)}" ${counts} skipped="0" timestamp="${timestamp}">`,
    `    <properties>`,
    `      <property name="tool" value="${attr(`${report.tool.name} ${report.tool.version}`)}"/>`,
    `      <property name="policy" value="${attr(report.policy.name)}"/>`,
    `      <property name="policy.digest" value="${attr(report.policy.digest)}"/>`,
    `    </properties>`,
    ...report.results.flatMap(formatResult),
    ...report.errors.flatMap(formatError),
    `  </testsuite>`,
    `</testsuites>`,
  ];
  return `${lines.join("\n")}\n`;
}

function isBlocking(finding: Finding): boolean {
  return finding.severity === "error";
}

function formatResult(result: CheckResult): string[] {
  const lines = [`    <testcase classname="lic" name="${attr(`${result.model}@${result.revision}`)}">`];
  for (const finding of result.findings.filter(isBlocking)) {
    lines.push(
      `      <failure type="${attr(finding.code)}" message="${attr(formatFindingMessage(finding))}">${text(details(finding).join("\n"))}</failure>`,
    );
  }
  const others = result.findings.filter((finding) => !isBlocking(finding));
  if (others.length > 0) {
    const out = others.flatMap((finding) => [
      `${finding.severity} ${finding.code}: ${formatFindingMessage(finding)}`,
      ...details(finding).map((line) => `  ${line}`),
    ]);
    lines.push(`      <system-out>${text(out.join("\n"))}</system-out>`);
  }
  if (lines.length === 1) return [lines[0]!.replace(/>$/, "/>")];
  lines.push(`    </testcase>`);
  return lines;
}

/** The lines under a finding: its evidence, clause, rule, waiver and docs page. */
function details(finding: Finding): string[] {
  const lines = finding.evidence.map((evidence) => `evidence: ${formatEvidence(evidence)}`);
  if (finding.term)
    lines.push(
      `clause: ${finding.term.document}${finding.term.section ? `, ${finding.term.section}` : ""} <${finding.term.url}>`,
    );
  if (finding.rule)
    lines.push(
      `rule: ${finding.rule.file}${finding.rule.line === null ? "" : `:${finding.rule.line}`} ${finding.rule.path}`,
    );
  if (finding.waiver)
    lines.push(
      `waived by ${finding.waiver.approvedBy} until ${finding.waiver.expires}${finding.waiver.ticket ? ` (${finding.waiver.ticket})` : ""}: ${finding.waiver.reason}`,
    );
  lines.push(`see ${findingInfo[finding.code].docs}`);
  return lines;
}

function formatError(error: ModelError): string[] {
  const name = error.revision ? `${error.model}@${error.revision}` : error.model;
  return [
    `    <testcase classname="lic" name="${attr(name)}">`,
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
