/**
 * Strings in code-point order: the same on every machine and locale (`localeCompare` is not), so files written in
 * this order (lic.lock, SARIF, reports) are byte-identical wherever lic runs.
 */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
