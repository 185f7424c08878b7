import { describe, expect, it } from "vitest";
import { formatLock, type LockFile, parseLock } from "../../src/lock/lock-file.js";

const DIGEST = `sha256:${"a".repeat(64)}`;
const SHA = "f".repeat(40);

function lock(entries: LockFile["entries"]): LockFile {
  return {
    lockVersion: 1,
    generatedBy: "lic 0.1.0",
    policy: { name: "default", digest: DIGEST },
    catalog: { version: "0.1.0", digest: DIGEST },
    entries,
  };
}

const model = (id: string, uses: string[]) => ({
  id,
  kind: "model" as const,
  requested: "main",
  revision: SHA,
  verdict: "allow" as const,
  licenses: [{ id: "apache-2.0", sources: ["declared"] }],
  evidence: [
    { path: "README.md", sha256: "1".repeat(64) },
    { path: "LICENSE", sha256: "2".repeat(64) },
  ],
  lineage: [],
  uses,
});

describe("lic.lock", () => {
  it("is canonical: entries sorted, evidence sorted, uses sorted by file then line number, whatever the input order", () => {
    const a = formatLock(lock([model("org/b", ["b.py:10", "a.py:9", "b.py:9"]), model("org/a", ["x.py:1"])]));
    const b = formatLock(lock([model("org/a", ["x.py:1"]), model("org/b", ["b.py:9", "b.py:10", "a.py:9", "a.py:9"])]));
    expect(a).toBe(b);
    expect(a.indexOf("id: org/a")).toBeLessThan(a.indexOf("id: org/b"));
    expect(a).toContain("uses:\n      - a.py:9\n      - b.py:9\n      - b.py:10\n");
    expect(a.indexOf("path: LICENSE")).toBeLessThan(a.indexOf("path: README.md"));
  });

  it("reads back what it writes", () => {
    const written = lock([
      model("org/a", ["x.py:1"]),
      { id: "org/data", kind: "dataset", requested: "main", uses: ["t.py:3"] },
    ]);
    const parsed = parseLock(formatLock(written));
    const [modelEntry, datasetEntry] = written.entries;
    const sorted = { ...modelEntry!, evidence: [...modelEntry!.evidence!].reverse() };
    expect(parsed.ok && parsed.lock).toEqual({ ...written, entries: [datasetEntry, sorted] });
    expect(parsed.ok && parsed.entries.map((entry) => entry.line)).toEqual([12, 17]);
  });

  it.each([
    [
      "an unknown verdict",
      (text: string) => text.replace("verdict: allow", "verdict: ok"),
      /line 16 \(entries\.0\.verdict\)/,
    ],
    [
      "a short commit",
      (text: string) => text.replace(SHA, "abc1234"),
      /line 15 \(entries\.0\.revision\): a 40-hex commit/,
    ],
    [
      "a key lic does not write",
      (text: string) => text.replace("verdict: allow", "verdict: allow\n    approvedBy: me"),
      /approvedBy/,
    ],
    [
      "another lock version",
      (text: string) => text.replace("lockVersion: 1", "lockVersion: 2"),
      /line 3 \(lockVersion\)/,
    ],
    ["broken YAML", (text: string) => text.replace("entries:", "entries: ["), /^line \d+:/],
    ["a merge conflict", (text: string) => text.replace("entries:", "<<<<<<< HEAD\nentries:"), /^line \d+:/],
  ])("refuses %s, naming the line", (_, edit, problem) => {
    const parsed = parseLock(edit(formatLock(lock([model("org/a", ["x.py:1"])]))));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.join("\n")).toMatch(problem);
  });

  it("refuses two entries for the same repo and revision (a bad merge)", () => {
    const text = formatLock(lock([model("org/a", ["x.py:1"])]));
    const entry = text.slice(text.indexOf("  - id: org/a"));
    const parsed = parseLock(`${text}${entry}`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.problems[0]).toMatch(/a second entry for the model org\/a@main \(the first is on line 12\)/);
  });
});
