import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "../../src/gate/audit/audit-sink.js";
import { insertAuditEntries } from "../../src/gate/db/audit-rows.js";
import { migrate, SCHEMA_VERSION } from "../../src/gate/db/migrations.js";
import { usePostgres } from "../support/postgres.js";
import { runLicIn } from "../support/run-lic.js";
import { useTempDirs } from "../support/temp-dir.js";

const postgres = usePostgres();
const tempDir = useTempDirs();
let sql: pg.Pool;

beforeAll(() => {
  sql = new pg.Pool({ connectionString: postgres().url, max: 2 });
});
afterAll(() => sql.end());

describe("the gate's schema", () => {
  it("migrates once: a second run, from the CLI too, finds nothing to do", async () => {
    expect(await migrate(sql)).toEqual([1, 2]);
    expect(await migrate(sql)).toEqual([]);
    const run = await runLicIn(["gate", "migrate", "--postgres", postgres().url], {});
    expect(run).toMatchObject({ code: 0, stderr: expect.stringContaining("is up to date") });
    const { rows } = await sql.query("SELECT version FROM schema_migrations");
    expect(rows).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, index) => ({ version: index + 1 })));
  });

  it("refuses to start the gate (exit 2) on a database a newer lic migrated", async () => {
    await migrate(sql);
    await sql.query("INSERT INTO schema_migrations (version, name) VALUES ($1, 'from the future')", [
      SCHEMA_VERSION + 1,
    ]);
    try {
      const gate = await runLicIn(["gate", "--listen", "127.0.0.1:0", "--no-cache"], {
        LIC_POSTGRES_URL: postgres().url,
        XDG_CACHE_HOME: tempDir(),
      } as never);
      expect(gate.code).toBe(2);
      expect(gate.stderr).toContain(
        `the database's schema is version ${SCHEMA_VERSION + 1}, newer than this lic knows`,
      );
      const migrated = await runLicIn(["gate", "migrate", "--postgres", postgres().url], {});
      expect(migrated.code).toBe(2);
    } finally {
      await sql.query("DELETE FROM schema_migrations WHERE version > $1", [SCHEMA_VERSION]);
    }
  });
});

const POLICY = { name: "default", digest: "sha256:abc" };
function entry({
  requestId,
  time,
  repoType,
  ...overrides
}: Partial<AuditEntry> & Pick<AuditEntry, "requestId" | "time">): AuditEntry {
  // In the gate's key order, so a JSON line and a row read back print alike.
  return {
    requestId,
    time,
    client: "10.0.0.1",
    method: "GET",
    route: "file",
    ...(repoType ? { repoType } : {}),
    model: "org/allowed",
    revision: "main",
    sha: "a".repeat(40),
    path: "model.safetensors",
    mode: "enforce",
    verdict: "allow",
    codes: [],
    action: "served",
    status: 200,
    policy: POLICY,
    ...overrides,
  };
}

/** Across two months (two partitions), two clients, a blocked model and a metadata read. */
const ENTRIES: AuditEntry[] = [
  entry({ requestId: "00000000-0000-4000-8000-000000000001", time: "2026-10-31T23:00:00.000Z" }),
  entry({ requestId: "00000000-0000-4000-8000-000000000002", time: "2026-11-01T10:00:00.000Z", client: "10.0.0.2" }),
  entry({ requestId: "00000000-0000-4000-8000-000000000003", time: "2026-11-02T10:00:00.000Z" }),
  entry({
    requestId: "00000000-0000-4000-8000-000000000004",
    time: "2026-11-03T10:00:00.000Z",
    model: "org/blocked",
    verdict: "block",
    codes: ["LIC001"],
    action: "refused",
    status: 403,
    reason: '=HYPERLINK("x"), blocked',
  }),
  entry({
    requestId: "00000000-0000-4000-8000-000000000005",
    time: "2026-11-03T11:00:00.000Z",
    model: "org/blocked",
    route: "model-info",
    path: null,
    verdict: "block",
    codes: ["LIC001"],
  }),
  // A dataset sharing a model's id: kept apart from it in every filter and summary.
  entry({
    requestId: "00000000-0000-4000-8000-000000000006",
    time: "2026-12-01T09:00:00.000Z",
    repoType: "dataset",
    model: "org/allowed",
    path: "data/train.parquet",
  }),
];

describe("lic audit, over PostgreSQL and over the JSON Lines log alike", () => {
  let file: string;
  beforeAll(async () => {
    await migrate(sql);
    await insertAuditEntries(sql, ENTRIES, new Set());
    // Written twice, stored once.
    await insertAuditEntries(sql, ENTRIES, new Set());
    // For every case of this block: useTempDirs' folders go after each case.
    const dir = mkdtempSync(join(tmpdir(), "lic-audit-"));
    file = join(dir, "audit.jsonl");
    writeFileSync(file, ENTRIES.map((each) => `${JSON.stringify(each)}\n`).join(""));
    return () => rmSync(dir, { recursive: true, force: true });
  });
  const sources = () => [
    ["--postgres", postgres().url],
    ["--file", file],
  ];
  const audit = async (args: string[]) => {
    const runs = await Promise.all(sources().map((source) => runLicIn(["audit", ...source, ...args], {})));
    expect(runs[0]).toEqual(runs[1]);
    return runs[0]!;
  };
  const ids = (stdout: string) => (JSON.parse(stdout) as AuditEntry[]).map((each) => each.requestId.slice(-1));

  it("keeps every row once, in month partitions", async () => {
    const { rows } = await sql.query(
      "SELECT tableoid::regclass::text AS partition, count(*)::int AS rows FROM lic_audit_log GROUP BY 1 ORDER BY 1",
    );
    expect(rows).toEqual([
      { partition: "lic_audit_log_y2026m10", rows: 1 },
      { partition: "lic_audit_log_y2026m11", rows: 4 },
      { partition: "lic_audit_log_y2026m12", rows: 1 },
    ]);
  });

  it("filters by model, verdict, action, client, policy and time", async () => {
    expect(ids((await audit(["--format", "json"])).stdout)).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(ids((await audit(["--format", "json", "--model", "org/allowed"])).stdout)).toEqual(["1", "2", "3"]);
    expect(ids((await audit(["--format", "json", "--model", "dataset:ORG/allowed"])).stdout)).toEqual(["6"]);
    expect(ids((await audit(["--format", "json", "--model", "ORG/blocked"])).stdout)).toEqual(["4", "5"]);
    expect(ids((await audit(["--format", "json", "--verdict", "block", "--action", "refused"])).stdout)).toEqual(["4"]);
    expect(ids((await audit(["--format", "json", "--client", "10.0.0.2"])).stdout)).toEqual(["2"]);
    expect(ids((await audit(["--format", "json", "--policy", "sha256:abc"])).stdout)).toHaveLength(6);
    expect(ids((await audit(["--format", "json", "--policy", "eu"])).stdout)).toEqual([]);
    const november = await audit(["--format", "json", "--since", "2026-11-01", "--until", "2026-11-02"]);
    expect(ids(november.stdout)).toEqual(["2", "3"]);
  });

  it("summarizes downloads per model, and writes CSV a spreadsheet cannot run", async () => {
    const summary = await audit(["--summary"]);
    expect(summary.stdout).toBe(
      [
        "model                served  refused  clients",
        "dataset:org/allowed  1       0        1",
        "org/allowed          3       0        2",
        "org/blocked          0       1        1",
        "",
      ].join("\n"),
    );
    const csv = await audit(["--format", "csv", "--verdict", "block", "--action", "refused"]);
    expect(csv.stdout).toContain(`"'=HYPERLINK(""x""), blocked"`);
    expect((await audit(["--summary", "--format", "json"])).stdout).toContain('"clients": 2');
  });

  it("exits 2 with the fix on bad input", async () => {
    const since = await runLicIn(["audit", "--file", file, "--since", "yesterday"], {});
    expect(since).toMatchObject({ code: 2, stderr: expect.stringContaining("is not an ISO date; e.g. 2026-01-31") });
    const none = await runLicIn(["audit"], {});
    expect(none).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--postgres URL (or LIC_POSTGRES_URL) or --file"),
    });
    const missing = await runLicIn(["audit", "--file", join(tempDir(), "nope.jsonl")], {});
    expect(missing.code).toBe(2);
  });
});
