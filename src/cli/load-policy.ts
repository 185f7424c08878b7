import { builtInPolicies } from "../policy/built-in-policies.js";
import type { Policy } from "../policy/policy.js";
import { UsageError } from "./usage-error.js";

/** Resolves --policy: a built-in policy's name. Policy files come with the policy language. */
export function loadPolicy(nameOrFile: string): Policy {
  const policy = builtInPolicies.get(nameOrFile);
  if (policy) return policy;
  const names = [...builtInPolicies.keys()].join(", ");
  throw new UsageError(`--policy "${nameOrFile}" is not a built-in policy (built-in: ${names}); policy files are not supported yet`);
}
