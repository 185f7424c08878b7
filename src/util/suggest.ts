/** The nearest candidates within a small edit distance of `input` (ignoring case and punctuation), at most `limit`. */
export function suggest(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const wanted = simplify(input);
  const threshold = Math.max(2, Math.floor(wanted.length / 4));
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of new Set(candidates)) {
    const simple = simplify(candidate);
    if (Math.abs(simple.length - wanted.length) > threshold) continue;
    const distance = editDistance(wanted, simple);
    if (distance <= threshold) scored.push({ candidate, distance });
  }
  const nearest = Math.min(...scored.map(({ distance }) => distance));
  return scored
    .filter(({ distance }) => distance === nearest)
    .sort((a, b) => a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** "did you mean "a" or "b"?", or nothing. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const found = suggest(input, candidates);
  return found.length === 0 ? "" : `; did you mean ${found.map((candidate) => `"${candidate}"`).join(" or ")}?`;
}

/** Case and punctuation do not count: "Apache2" is one letter from "Apache-2.0". */
function simplify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
