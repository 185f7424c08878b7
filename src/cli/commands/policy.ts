import { stringify } from "yaml";
import * as z from "zod";
import { getCatalog } from "../../catalog/catalog.js";
import type { Policy } from "../../policy/policy.js";
import { PolicyFileSchema } from "../../policy/schema.js";
import { type CliIo, todayFrom } from "../cli-io.js";
import { ExitCode } from "../exit-code.js";
import { formatIssue, loadPolicy } from "../load-policy.js";

/** `lic policy validate FILE`: every problem at its line (exit 2), or a summary of the valid policy. */
export async function runPolicyValidate(file: string, io: CliIo): Promise<number> {
  const { policy, warnings } = await loadPolicy(file, getCatalog(), todayFrom(io.env));
  for (const warning of warnings) io.stderr(`lic: warning: ${formatIssue(warning)}\n`);
  io.stdout(
    `${file}: valid policy "${policy.name}" (${policy.digest})${policy.files.length > 1 ? `, extending ${policy.files.slice(0, -1).map(shortName).join(" → ")}` : ""}\n`,
  );
  return ExitCode.ok;
}

/** `lic policy show NAME|FILE`: the policy as it applies, its bases merged in. */
export async function runPolicyShow(
  nameOrFile: string,
  flags: { format: "yaml" | "json" },
  io: CliIo,
): Promise<number> {
  const { policy } = await loadPolicy(nameOrFile, getCatalog(), todayFrom(io.env));
  const effective = describePolicy(policy);
  io.stdout(flags.format === "json" ? `${JSON.stringify(effective, null, 2)}\n` : stringify(effective));
  return ExitCode.ok;
}

/** `lic policy schema`: the JSON Schema of policy files, generated from the zod schema lic validates with. */
export function runPolicySchema(io: CliIo): number {
  io.stdout(`${JSON.stringify({ ...z.toJSONSchema(PolicyFileSchema), title: "lic policy" }, null, 2)}\n`);
  return ExitCode.ok;
}

/** The policy's settings without their locations, in the shape of a policy file. */
function describePolicy(policy: Policy) {
  const values = (settings: object) =>
    Object.fromEntries(Object.entries(settings).map(([key, setting]) => [key, (setting as { value: unknown }).value]));
  return {
    name: policy.name,
    ...(policy.description ? { description: policy.description } : {}),
    digest: policy.digest,
    files: policy.files.map(shortName),
    context: values(policy.context),
    licenses: {
      ...(policy.allow ? { allow: policy.allow.map((entry) => entry.raw) } : {}),
      deny: policy.deny.map((entry) => entry.raw),
    },
    rules: values(policy.rules),
    ...values(policy.outcomes),
    ...(policy.undecided ? { undecided: policy.undecided.value } : {}),
    severity: values(policy.severity),
    waivers: policy.waivers.map(({ at: _at, ...waiver }) => waiver),
  };
}

function shortName(file: string): string {
  const builtIn = /^policies\/([a-z0-9-]+)\.yaml$/.exec(file);
  return builtIn ? `${builtIn[1]} (built in)` : file;
}
