const CONTEXT = 3;
/** Beyond this many cells the middle is shown as replaced whole: a diff of what --fix adds stays cheap on any README. */
const MAX_TABLE = 4_000_000;

type Edit = { op: " " | "-" | "+"; line: string; old: number; new: number };

/**
 * A unified diff (`diff -u`, three lines of context) of two texts: `before` null for a new file. The common head
 * and tail are trimmed in linear time; the middle is aligned by longest common subsequence. "" when they are equal.
 */
export function unifiedDiff(path: string, before: string | null, after: string): string {
  if (before === after) return "";
  const edits = alignLines(before === null ? [] : splitLines(before), splitLines(after));
  const hunks: string[] = [];
  let index = 0;
  while (index < edits.length) {
    const change = edits.findIndex((edit, at) => at >= index && edit.op !== " ");
    if (change === -1) break;
    let end = change;
    // A hunk runs on while the next change is within twice the context of the last.
    for (let at = change; at < edits.length && at - end <= 2 * CONTEXT; at++) if (edits[at]!.op !== " ") end = at;
    const start = Math.max(0, change - CONTEXT);
    const stop = Math.min(edits.length, end + CONTEXT + 1);
    const slice = edits.slice(start, stop);
    const oldCount = slice.filter((edit) => edit.op !== "+").length;
    const newCount = slice.filter((edit) => edit.op !== "-").length;
    const first = slice[0]!;
    const range = (line: number, count: number) => (count === 0 ? `${line},0` : `${line + 1},${count}`);
    hunks.push(
      `@@ -${range(first.old, oldCount)} +${range(first.new, newCount)} @@`,
      ...slice.map((edit) => `${edit.op}${edit.line}`),
    );
    index = stop;
  }
  return [`--- ${before === null ? "/dev/null" : `a/${path}`}`, `+++ b/${path}`, ...hunks, ""].join("\n");
}

function alignLines(old: string[], next: string[]): Edit[] {
  let head = 0;
  while (head < old.length && head < next.length && old[head] === next[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < next.length - head && old.at(-1 - tail) === next.at(-1 - tail)) tail++;
  const a = old.slice(head, old.length - tail);
  const b = next.slice(head, next.length - tail);
  const edits: Edit[] = old.slice(0, head).map((line, at) => ({ op: " ", line, old: at, new: at }));
  const middle: Edit[] = [];
  if ((a.length + 1) * (b.length + 1) > MAX_TABLE) {
    for (const [at, line] of a.entries()) middle.push({ op: "-", line, old: head + at, new: head });
    for (const [at, line] of b.entries()) middle.push({ op: "+", line, old: head + a.length, new: head + at });
  } else {
    // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
    const width = b.length + 1;
    const lengths = new Uint32Array((a.length + 1) * width);
    for (let i = a.length - 1; i >= 0; i--)
      for (let j = b.length - 1; j >= 0; j--)
        lengths[i * width + j] =
          a[i] === b[j]
            ? lengths[(i + 1) * width + j + 1]! + 1
            : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i] === b[j]) {
        middle.push({ op: " ", line: a[i]!, old: head + i++, new: head + j++ });
      } else if (i < a.length && (j === b.length || lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)) {
        // Removals before additions, as diff -u shows a changed line.
        middle.push({ op: "-", line: a[i]!, old: head + i++, new: head + j });
      } else {
        middle.push({ op: "+", line: b[j]!, old: head + i, new: head + j++ });
      }
    }
  }
  const shift = next.length - old.length;
  const end = old.slice(old.length - tail).map((line, at): Edit => {
    const position = old.length - tail + at;
    return { op: " ", line, old: position, new: position + shift };
  });
  return [...edits, ...middle, ...end];
}

function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}
