import { definePolicy, type Policy } from "./policy.js";

/**
 * `default`: block when no license can be identified, otherwise allow, warning where evidence could not be read.
 * These are the checks' own default severities, so it overrides nothing.
 */
export const defaultPolicy: Policy = definePolicy("default", { severity: {} });

export const builtInPolicies: ReadonlyMap<string, Policy> = new Map([[defaultPolicy.name, defaultPolicy]]);
