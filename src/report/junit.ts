import type { RunReport } from "../types/result.js";
import { plainDetail } from "./plain-detail.js";
import type { Render } from "./renderer.js";
import { repoLabel } from "./repo-label.js";
import {
  type FindingView,
  flattenDatasets,
  type ModelView,
  type NotCheckedView,
  type ProjectView,
  reportView,
  type TrainingDataView,
  type UsesView,
} from "./view.js";

/**
 * The report as JUnit XML, for CI systems that show test results: a test case per model, a failure per
 * blocking (error) finding, warnings and waived findings in the test case's output, an error per model
 * that could not be checked. `failures` and `errors` count test cases, as JUnit does.
 */
export function formatJunit(report: RunReport): string {
  const view = reportView(report);
  const modelCounts: Counts = {
    tests: view.models.length + view.notChecked.length,
    failures: view.models.filter((model) => model.findings.some(isBlocking)).length,
    errors: view.notChecked.length,
  };
  const projectCounts: Counts = {
    tests: view.project?.findings.length ?? 0,
    failures: view.project?.findings.filter(isBlocking).length ?? 0,
    errors: 0,
  };
  const timestamp = attr(view.generatedAt);

  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="lic" ${countAttributes(sum(modelCounts, projectCounts))} timestamp="${timestamp}">`,
    `  <testsuite name="${attr(`lic check (policy ${view.policy.name})`)}" ${countAttributes(modelCounts)} skipped="0" timestamp="${timestamp}">`,
    `    <properties>`,
    `      <property name="tool" value="${attr(view.tool)}"/>`,
    `      <property name="policy" value="${attr(view.policy.name)}"/>`,
    `      <property name="policy.digest" value="${attr(view.policy.digest)}"/>`,
    `    </properties>`,
    ...view.models.flatMap(formatResult),
    ...view.notChecked.flatMap(formatNotChecked),
    `  </testsuite>`,
    ...(view.project ? formatProject(view.project, projectCounts, timestamp) : []),
    `</testsuites>`,
  ];
  return `${lines.join("\n")}\n`;
}

/** What a suite holds, as JUnit counts it: test cases, and of those the failed and the errored. */
interface Counts {
  tests: number;
  failures: number;
  errors: number;
}

function sum(a: Counts, b: Counts): Counts {
  return { tests: a.tests + b.tests, failures: a.failures + b.failures, errors: a.errors + b.errors };
}

function countAttributes(counts: Counts): string {
  return `tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}"`;
}

/**
 * The project's findings as a suite of their own, a test case each (named by its code and place), so a drift of
 * lic.lock fails the build in the CI's test view as a blocked model does; the datasets go in the suite's output.
 */
function formatProject(project: ProjectView, counts: Counts, timestamp: string): string[] {
  const lines = [`  <testsuite name="project" ${countAttributes(counts)} skipped="0" timestamp="${timestamp}">`];
  for (const finding of project.findings) {
    const name = finding.at === null ? finding.code : `${finding.code} at ${finding.at}`;
    lines.push(...testcase(name, findingElements([finding])));
  }
  lines.push(`  </testsuite>`);
  return lines;
}

function isBlocking(finding: FindingView): boolean {
  return finding.severity === "error";
}

function formatResult(model: ModelView): string[] {
  const notes = [...usedAtNote(model), ...trainingDataNote(model.trainingData)];
  return testcase(`${model.model}@${model.revision}`, findingElements(model.findings, notes));
}

/**
 * The datasets in the test case's output, each with its licenses and the card naming it, and the codes of its
 * findings (which stand with the model's: a blocking one fails the model's test case, as any finding does).
 */
function trainingDataNote(trainingData: TrainingDataView | null): string[] {
  if (trainingData === null) return [];
  return [
    `${trainingData.heading.toLowerCase()}: ${trainingData.note}`,
    ...flattenDatasets(trainingData.datasets).map(({ node, depth }) => {
      const state = node.unavailable
        ? `not read: ${node.unavailable.reason}`
        : node.licenses.join(", ") || "no license declared";
      const codes = node.findings.map((finding) => `${finding.severity} ${finding.code}`);
      const findings = codes.length > 0 ? `; findings: ${codes.join(", ")}` : "";
      return `${"  ".repeat(depth + 1)}${node.name}  ${state}  (${node.declared}${node.gated ? `; gated: ${node.gated}` : ""})${findings}`;
    }),
  ];
}

/** A failure per blocking finding; the others, after `notes`, in the test case's output. */
function findingElements(findings: FindingView[], notes: string[] = []): string[] {
  const lines = findings
    .filter(isBlocking)
    .map(
      (finding) =>
        `      <failure type="${attr(finding.code)}" message="${attr(`${aboutDataset(finding)}${finding.message}`)}">${text(details(finding).join("\n"))}</failure>`,
    );
  const out = [
    ...notes,
    ...findings
      .filter((finding) => !isBlocking(finding))
      .flatMap((finding) => [
        `${finding.severity} ${finding.code}: ${aboutDataset(finding)}${finding.message}`,
        ...details(finding).map((line) => `  ${line}`),
      ]),
  ];
  if (out.length > 0) lines.push(`      <system-out>${text(out.join("\n"))}</system-out>`);
  return lines;
}

/** `dataset:org/name: ` before the message of a finding about a dataset, which stands among the model's own. */
function aboutDataset(finding: FindingView): string {
  return finding.dataset === null ? "" : `${repoLabel("dataset", finding.dataset)}: `;
}

/** A test case holding `body`; an empty one closes itself. */
function testcase(name: string, body: string[]): string[] {
  const open = `    <testcase classname="lic" name="${attr(name)}">`;
  if (body.length === 0) return [open.replace(/>$/, "/>")];
  return [open, ...body, `    </testcase>`];
}

/** Where the code loads the model, for a test case's output, when the run was a scan. */
function usedAtNote(uses: UsesView): string[] {
  return uses.usedAtSummary === null ? [] : [`used at: ${uses.usedAtSummary}`];
}

/** The lines under a finding: its evidence, clause (without its quote), rule, waiver and docs page. */
function details(finding: FindingView): string[] {
  return finding.details.map((detail) => plainDetail(detail, false));
}

function formatNotChecked(error: NotCheckedView): string[] {
  const notes = usedAtNote(error);
  return testcase(error.name, [
    `      <error type="${attr(error.kind)}" message="${attr(error.message)}"/>`,
    ...(notes.length > 0 ? [`      <system-out>${text(notes.join("\n"))}</system-out>`] : []),
  ]);
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
