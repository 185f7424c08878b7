import type pg from "pg";

/** One step of the schema, applied once, in order of `version`, and recorded in `schema_migrations`. */
interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The gate's schema. Append only: a released migration is never edited, a change is a new version. The audit log is
 * partitioned by month on `time`; PostgreSQL wants the partition key in every unique constraint, so the key that
 * makes a retried write harmless is (request_id, time): a buffered row keeps the time it was made with.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "decisions and the audit log",
    sql: `
      CREATE TABLE lic_decisions (
        repo_type text NOT NULL,
        catalog_digest text NOT NULL,
        -- The Decider's key: model id, commit, policy digest and day (waivers expire by the day).
        decision_key text NOT NULL,
        model text NOT NULL,
        sha text NOT NULL,
        verdict text NOT NULL,
        decision json NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (repo_type, catalog_digest, decision_key)
      );
      CREATE TABLE lic_audit_log (
        request_id uuid NOT NULL,
        time timestamptz NOT NULL,
        client text NOT NULL,
        method text NOT NULL,
        route text NOT NULL,
        repo text NOT NULL,
        revision text,
        sha text,
        path text,
        mode text NOT NULL,
        verdict text NOT NULL,
        codes text[] NOT NULL,
        action text NOT NULL,
        status integer NOT NULL,
        policy_name text NOT NULL,
        policy_digest text NOT NULL,
        reason text,
        PRIMARY KEY (request_id, time)
      ) PARTITION BY RANGE (time);
      CREATE INDEX lic_audit_log_repo_time ON lic_audit_log (repo, time);
    `,
  },
  {
    version: 2,
    name: "datasets in the audit log",
    // Rows written before datasets were served are all models' requests.
    sql: "ALTER TABLE lic_audit_log ADD COLUMN repo_type text NOT NULL DEFAULT 'model'",
  },
];

/** The newest schema version this lic knows. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/** The database was migrated by a newer lic: this one would misread or damage it. */
export class SchemaTooNewError extends Error {
  constructor(readonly found: number) {
    super(
      `the database's schema is version ${found}, newer than this lic knows (${SCHEMA_VERSION}); upgrade lic before starting the gate on it`,
    );
  }
}

/** Any number will do, so long as every lic uses the same: replicas starting together migrate one at a time. */
const MIGRATION_LOCK = 7_316_001;

/**
 * Applies the migrations the database lacks, in one transaction under an advisory lock; a second run (or a second
 * replica) finds nothing to do. Returns the versions applied. Throws SchemaTooNewError, changing nothing, when the
 * database is ahead of this lic.
 */
export async function migrate(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const found = await currentVersion(client);
    if (found > SCHEMA_VERSION) throw new SchemaTooNewError(found);
    const missing = MIGRATIONS.filter((migration) => migration.version > found);
    for (const migration of missing) {
      await client.query(migration.sql);
      await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
    }
    await client.query("COMMIT");
    return missing.map((migration) => migration.version);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function currentVersion(client: pg.PoolClient): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>(
    "SELECT max(version) AS version FROM schema_migrations",
  );
  return rows[0]?.version ?? 0;
}
