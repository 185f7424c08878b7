/** A model's verdict under a policy: pass, pass with warnings, or refuse. */
export type Verdict = "allow" | "warn" | "block";
