import { JSON_SCHEMA_VERSION } from "../report/json.js";
import type { Finding } from "../types/finding.js";
import type { CheckResult, ModelError, PolicyUsed, ProjectReport, RunReport } from "../types/result.js";

const CHOSEN_BY: readonly string[] = ["flag", "config", "default"] satisfies NonNullable<PolicyUsed["chosenBy"]>[];

/** Why a saved result cannot be read back: the CLI exits 2 with it. */
export class ReportFormatError extends Error {
  override readonly name = "ReportFormatError";
}

/**
 * Reads a result saved with `--format json` back into the report every renderer takes, so it can be re-rendered
 * (`lic report`) or compared (`lic diff`) with no network. The wording fields (message, title, docs) are dropped:
 * renderers derive them again from the codes and arguments.
 */
export function readJsonReport(text: string, name: string): RunReport {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ReportFormatError(
      `${name} is not JSON (${error instanceof Error ? error.message : String(error)}); give a file written by lic check --format json`,
    );
  }
  if (!isObject(document) || document["schemaVersion"] !== JSON_SCHEMA_VERSION || !Array.isArray(document["results"])) {
    throw new ReportFormatError(
      `${name} is not a lic result of schema version ${JSON_SCHEMA_VERSION}; give a file written by lic check --format json`,
    );
  }
  const tool = isObject(document["tool"]) ? document["tool"] : {};
  const policy = isObject(document["policy"]) ? document["policy"] : {};
  return {
    tool: { name: String(tool["name"] ?? "lic"), version: String(tool["version"] ?? "") },
    policy: {
      name: String(policy["name"] ?? ""),
      digest: String(policy["digest"] ?? ""),
      ...(CHOSEN_BY.includes(policy["chosenBy"] as string)
        ? { chosenBy: policy["chosenBy"] as NonNullable<PolicyUsed["chosenBy"]> }
        : {}),
      ...(isObject(policy["context"]) ? { context: policy["context"] as NonNullable<PolicyUsed["context"]> } : {}),
    },
    generatedAt: String(document["generatedAt"] ?? ""),
    results: (document["results"] as unknown[]).map((result, index) =>
      readResult(result, `${name}: results[${index}]`),
    ),
    errors: Array.isArray(document["errors"]) ? (document["errors"] as ModelError[]) : [],
    ...(document["project"] === undefined ? {} : { project: readProject(document["project"], `${name}: project`) }),
  };
}

/** The project part of a scan's result: its findings read as a model's are. */
function readProject(value: unknown, where: string): ProjectReport {
  if (!isObject(value) || typeof value["root"] !== "string" || !Array.isArray(value["findings"])) {
    throw new ReportFormatError(`${where} is not a project section (root, findings)`);
  }
  return {
    root: value["root"],
    lock: typeof value["lock"] === "string" ? value["lock"] : null,
    findings: readFindings(value["findings"], where),
    datasets: Array.isArray(value["datasets"]) ? (value["datasets"] as ProjectReport["datasets"]) : [],
  };
}

function readResult(value: unknown, where: string): CheckResult {
  if (
    !isObject(value) ||
    typeof value["model"] !== "string" ||
    typeof value["revision"] !== "string" ||
    !Array.isArray(value["findings"])
  ) {
    throw new ReportFormatError(`${where} is not a model result (model, revision, findings)`);
  }
  const findings = readFindings(value["findings"] as unknown[], where);
  const license = isObject(value["license"]) ? value["license"] : {};
  return {
    ...(value as unknown as CheckResult),
    license: {
      ids: [],
      licenses: [],
      expression: null,
      unidentified: [],
      texts: [],
      tree: null,
      choices: [],
      ...(license as object),
    },
    findings,
    obligations: Array.isArray(value["obligations"]) ? (value["obligations"] as CheckResult["obligations"]) : [],
    lineage: Array.isArray(value["lineage"]) ? (value["lineage"] as CheckResult["lineage"]) : [],
    gaps: Array.isArray(value["gaps"]) ? (value["gaps"] as CheckResult["gaps"]) : [],
  };
}

/** Findings without their wording (message, title, docs), which the renderers derive again. */
function readFindings(values: unknown[], where: string): Finding[] {
  return values.map((finding) => {
    if (!isObject(finding)) throw new ReportFormatError(`${where}: a finding is not an object`);
    const { message: _message, title: _title, docs: _docs, ...rest } = finding;
    return rest as unknown as Finding;
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
