import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readCappedFile } from "../../src/cli/read-capped-file.js";
import { useTempDirs } from "../support/temp-dir.js";

const tempDir = useTempDirs();

describe("readCappedFile", () => {
  it("reads a regular file up to the cap, and refuses one byte more", () => {
    const dir = tempDir();
    writeFileSync(`${dir}/at-cap`, "a".repeat(100));
    writeFileSync(`${dir}/over-cap`, "a".repeat(101));
    expect(readCappedFile(`${dir}/at-cap`, 100)).toEqual({ ok: true, text: "a".repeat(100) });
    expect(readCappedFile(`${dir}/over-cap`, 100)).toEqual({ ok: false, problem: "too-large" });
  });

  it("holds the cap while reading a file whose size fstat does not give (/proc)", () => {
    expect(readCappedFile("/proc/self/status", 1 << 20)).toMatchObject({
      ok: true,
      text: expect.stringContaining("Name:"),
    });
    expect(readCappedFile("/proc/self/status", 10)).toEqual({ ok: false, problem: "too-large" });
  });

  it.each(["/dev/zero", "/dev/urandom", "/dev/null", "/tmp"])(
    "refuses %s, which is not a regular file, at once",
    (path) => {
      const started = Date.now();
      expect(readCappedFile(path, 1 << 20)).toEqual({ ok: false, problem: "not-a-regular-file" });
      expect(Date.now() - started).toBeLessThan(1000);
    },
  );

  it("refuses a FIFO nobody writes to without blocking on the open", () => {
    const fifo = `${tempDir()}/fifo`;
    execFileSync("mkfifo", [fifo]);
    expect(readCappedFile(fifo, 1 << 20)).toEqual({ ok: false, problem: "not-a-regular-file" });
  });

  it("names why a file cannot be opened", () => {
    expect(readCappedFile(`${tempDir()}/missing`, 100)).toEqual({ ok: false, problem: "unreadable", code: "ENOENT" });
  });
});
