import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../../src/util/unified-diff.js";

describe("unifiedDiff", () => {
  it.each([
    ["a new file", null, "one\ntwo\n", "--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+one\n+two\n"],
    ["equal texts", "same\n", "same\n", ""],
    [
      "two insertions far apart: two hunks",
      "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
      "1\nA\n2\n3\n4\n5\n6\n7\n8\n9\n10\nB\n",
      "--- a/f\n+++ b/f\n@@ -1,4 +1,5 @@\n 1\n+A\n 2\n 3\n 4\n@@ -8,3 +9,4 @@\n 8\n 9\n 10\n+B\n",
    ],
    ["a changed line", "a\nb\nc\n", "a\nB\nc\n", "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"],
  ])("%s", (_name, before, after, expected) => {
    expect(unifiedDiff("f", before, after)).toBe(expected);
  });
});
