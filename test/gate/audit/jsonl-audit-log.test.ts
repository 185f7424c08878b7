import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AuditEntry } from "../../../src/gate/audit/audit-sink.js";
import { openAuditLog } from "../../../src/gate/audit/jsonl-audit-log.js";
import { useTempDirs } from "../../support/temp-dir.js";

const tempDir = useTempDirs();

const entry = (model: string): AuditEntry => ({
  requestId: randomUUID(),
  time: "2026-11-26T00:00:00.000Z",
  client: "127.0.0.1",
  method: "GET",
  route: "file",
  model,
  revision: "main",
  sha: null,
  path: "config.json",
  mode: "enforce",
  verdict: "allow",
  codes: [],
  action: "served",
  status: 200,
  policy: { name: "default", digest: "d" },
});

describe("openAuditLog: the JSON Lines file", () => {
  it("appends one line per entry to what the file held, all on disk once close() resolves", async () => {
    const path = join(tempDir(), "audit.jsonl");
    writeFileSync(path, `${JSON.stringify(entry("x/earlier"))}\n`);
    const log = await openAuditLog(path);
    log.write(entry("x/one"));
    log.write(entry("x/two"));
    await log.close();
    const lines = readFileSync(path, "utf8").split("\n").filter(Boolean);
    expect(lines.map((line) => (JSON.parse(line) as AuditEntry).model)).toEqual(["x/earlier", "x/one", "x/two"]);
  });

  it("reports a failing write (a full disk: /dev/full) once, not on every batch, and goes on", async () => {
    const failures: string[] = [];
    const log = await openAuditLog("/dev/full", (error) => failures.push(error.message));
    for (let turn = 0; turn < 3; turn++) {
      log.write(entry(`x/m${turn}`));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await log.close();
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/ENOSPC/);
  });

  it("reports an entry that comes after close() instead of writing it, and closes only once", async () => {
    const path = join(tempDir(), "audit.jsonl");
    const failures: string[] = [];
    const log = await openAuditLog(path, (error) => failures.push(error.message));
    log.write(entry("x/before"));
    await log.close();
    log.write(entry("x/after"));
    await new Promise((resolve) => setImmediate(resolve));
    await log.close();
    const lines = readFileSync(path, "utf8").split("\n").filter(Boolean);
    expect(lines.map((line) => (JSON.parse(line) as AuditEntry).model)).toEqual(["x/before"]);
    expect(failures).toEqual([`an entry came after the audit log ${path} was closed; it is not written`]);
  });

  it("fails at opening, not at the first entry, when the path cannot be written", async () => {
    await expect(openAuditLog(join(tempDir(), "missing", "audit.jsonl"))).rejects.toThrow();
  });
});

describe("openAuditLog: entries of one event-loop turn", () => {
  it("go out together once the turn ends, in order, and nothing waits past it", async () => {
    const path = join(tempDir(), "audit.jsonl");
    const log = await openAuditLog(path);
    for (let index = 0; index < 50; index++) log.write(entry(`x/m${index}`));
    expect(readFileSync(path, "utf8")).toBe("");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const lines = readFileSync(path, "utf8").split("\n").filter(Boolean);
    expect(lines.map((line) => (JSON.parse(line) as AuditEntry).model)).toEqual(
      Array.from({ length: 50 }, (_, index) => `x/m${index}`),
    );
    await log.close();
  });
});
