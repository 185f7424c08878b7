import type { Policy } from "../policy/policy.js";
import type { LockedRegistry } from "./locked-registry.js";
import type { Metrics } from "./metrics.js";

/** What the gate decides by: its policy and, with --lock, the lock. Swapped whole on a reload, never piecemeal. */
export interface GateRules {
  policy: Policy;
  lock: LockedRegistry | null;
}

/** What a running gate offers a reload: the rules it runs by, and the swap (new requests only). */
export interface ReloadableGate {
  rules(): GateRules;
  useRules(rules: GateRules): void;
}

/**
 * Reads the rules again from where they came from (the policy and all it extends, the lock), validated; throws with
 * every problem in the message.
 */
export type LoadRules = () => Promise<GateRules>;

/** What asks a running gate to reload: SIGHUP in the CLI, a call in tests. Returns what stops listening. */
export type ReloadSignal = (reload: () => void) => () => void;

/**
 * One reload: the new rules are read and validated first, and only a complete set replaces the old one, so a bad
 * file leaves the gate deciding as before (and says why, every problem of it). Requests already being answered
 * finish under the rules they started with; decisions are keyed by policy digest, so none is taken for the other.
 * Resolves to whether the rules were swapped.
 */
export async function reloadRules(
  gate: ReloadableGate,
  load: LoadRules,
  log: (line: string) => void,
): Promise<boolean> {
  let next: GateRules;
  try {
    next = await load();
  } catch (error) {
    const problems = error instanceof Error ? error.message : String(error);
    log(`reload failed, still deciding by ${describeRules(gate.rules())}:\n${problems}`);
    return false;
  }
  gate.useRules(next);
  log(`reloaded: now deciding by ${describeRules(next)}`);
  return true;
}

/**
 * Runs a reload each time the signal fires, one at a time: two SIGHUPs in a row read the files twice, in order, so
 * the last edit wins. `settled()` resolves once the reloads asked for so far are done (a test waits on it).
 */
export function reloadOnSignal(
  signal: ReloadSignal,
  reload: () => Promise<unknown>,
): { settled: () => Promise<void>; stop: () => void } {
  let queue: Promise<unknown> = Promise.resolve();
  const stop = signal(() => {
    queue = queue.then(reload, reload);
  });
  const done = () => undefined;
  return { settled: () => queue.then(done, done), stop };
}

/** `policy NAME (DIGEST)`, and the lock when there is one: the line that says what a replica runs by. */
export function describeRules({ policy, lock }: GateRules): string {
  const locked = lock ? `, lock ${lock.file} (${lock.size} models, ${lock.digest})` : "";
  return `policy ${policy.name} (${policy.digest})${locked}`;
}

/** The rules in /metrics, so a dashboard shows which policy (and lock) each replica runs by after a reload. */
export function publishRules(metrics: Metrics, { policy, lock }: GateRules): void {
  metrics.setInfo("lic_gate_policy_info", "The policy the gate decides by: its name and digest.", {
    name: policy.name,
    digest: policy.digest,
  });
  if (lock)
    metrics.setInfo("lic_gate_lock_info", "The lock the gate serves by (--lock): its file and digest.", {
      file: lock.file,
      digest: lock.digest,
    });
  else metrics.clearInfo("lic_gate_lock_info");
}
