import { join } from "node:path";
import { messageOf, openPostgres, safeUrl } from "../../gate/db/connection.js";
import { migrate, SchemaTooNewError } from "../../gate/db/migrations.js";
import { openPostgresGate, type PostgresGate } from "../../gate/db/postgres-gate.js";
import type { CliIo } from "../cli-io.js";
import { ExitCode } from "../exit-code.js";
import { UsageError } from "../usage-error.js";

export interface PostgresFlags {
  postgres?: string;
}

export interface GatePostgresFlags extends PostgresFlags {
  auditBuffer?: string;
  auditBufferSize: number;
}

/** --postgres, else LIC_POSTGRES_URL (the environment keeps a password off the command line); undefined: neither. */
export function postgresUrlFrom(flags: PostgresFlags, env: CliIo["env"]): string | undefined {
  // The environment's type lists the variables lic reads for the Hub; this one is the gate's own.
  const fromEnv = (env as Record<string, string | undefined>)["LIC_POSTGRES_URL"];
  const url = flags.postgres ?? (fromEnv || undefined);
  if (url !== undefined && !/^postgres(ql)?:\/\//.test(url))
    throw new UsageError(
      `--postgres "${safeUrl(url)}" is not a PostgreSQL URL; e.g. postgres://user@db.example/lic or postgres:///lic?host=/run/postgresql`,
    );
  return url;
}

/** `lic gate migrate`: brings the database's schema up to this lic's; nothing to do is success too. */
export async function runGateMigrate(flags: PostgresFlags, io: CliIo): Promise<number> {
  const url = postgresUrlFrom(flags, io.env);
  if (url === undefined) throw new UsageError("lic gate migrate needs --postgres URL (or LIC_POSTGRES_URL)");
  const pool = openPostgres(url);
  try {
    const applied = await migrate(pool);
    io.stderr(
      applied.length > 0
        ? `lic gate migrate: applied ${applied.map((version) => `#${version}`).join(", ")} to ${safeUrl(url)}\n`
        : `lic gate migrate: ${safeUrl(url)} is up to date\n`,
    );
    return ExitCode.ok;
  } catch (error) {
    throw startError(error, url);
  } finally {
    await pool.end();
  }
}

/**
 * The gate's PostgreSQL, migrated and ready, or null without --postgres. A database this lic cannot use (down,
 * refusing, or migrated by a newer lic) stops the gate before it listens: exit 2 with the fix.
 */
export async function openGatePostgres(
  flags: GatePostgresFlags,
  io: CliIo,
  cacheDir: string,
  onNotice: (message: string) => void,
): Promise<PostgresGate | null> {
  const url = postgresUrlFrom(flags, io.env);
  if (url === undefined) return null;
  try {
    return await openPostgresGate({
      url,
      bufferDir: flags.auditBuffer ?? join(cacheDir, "audit-buffer"),
      bufferBytes: flags.auditBufferSize,
      onNotice,
    });
  } catch (error) {
    throw startError(error, url);
  }
}

function startError(error: unknown, url: string): UsageError {
  if (error instanceof SchemaTooNewError) return new UsageError(`--postgres ${safeUrl(url)}: ${error.message}`);
  return new UsageError(
    `--postgres ${safeUrl(url)}: PostgreSQL cannot be used (${messageOf(error)}); check that it runs and the URL names it`,
  );
}
