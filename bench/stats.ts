import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** The value below which a share `p` of `values` lies (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

/** The middle value (the upper one of the two middles for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * The heap in use after a full collection: what is held, not garbage a collection would free. V8's gc() is exposed
 * for this process on first use (the benchmarks run under tsx, with no say in node's flags).
 */
export function heapHeld(): number {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
  return process.memoryUsage().heapUsed;
}
