import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";

const BIN = "/usr/lib/postgresql/15/bin";

/** A real PostgreSQL server of this file's own: on a Unix socket in a fresh folder, trust auth, user postgres. */
export interface TestPostgres {
  /** `postgres://postgres@/lic?host=<socket dir>`: the database `lic`, created empty. */
  url: string;
  stop(): void;
  start(): void;
}

/**
 * Starts one server for the test file (beforeAll) and removes it after. A server that cannot start fails the file
 * with the reason: a test that needs PostgreSQL never passes by skipping.
 */
export function usePostgres(): () => TestPostgres {
  let server: TestPostgres | null = null;
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "lic-pg-"));
    // initdb and postgres refuse to run as root; the postgres user owns the folder.
    chmodSync(dir, 0o755);
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
    const data = join(dir, "data");
    const asPostgres = (command: string, args: string[]) => {
      try {
        return execFileSync("runuser", ["-u", "postgres", "--", join(BIN, command), ...args], { stdio: "pipe" });
      } catch (error) {
        const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
        throw new Error(`PostgreSQL for the tests: ${command} failed: ${stderr || String(error)}`);
      }
    };
    asPostgres("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
    const options = `-k ${dir} -c listen_addresses='' -c fsync=off -c full_page_writes=off`;
    const start = () =>
      void asPostgres("pg_ctl", ["-D", data, "-o", options, "-w", "-s", "-l", join(dir, "log"), "start"]);
    const stop = () => void asPostgres("pg_ctl", ["-D", data, "-m", "immediate", "-w", "-s", "stop"]);
    start();
    asPostgres("createdb", ["-h", dir, "-U", "postgres", "lic"]);
    server = { url: `postgres://postgres@/lic?host=${encodeURIComponent(dir)}`, start, stop };
  }, 60_000);
  afterAll(() => {
    try {
      server?.stop();
    } catch {
      // Already stopped by the test.
    }
    rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!server) throw new Error("PostgreSQL for the tests did not start (see beforeAll's error)");
    return server;
  };
}
