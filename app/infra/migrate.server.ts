import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { poolSettings } from "~/db.server";

export type MigrationResult = { applied: string[] };

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Any fixed number: every app server that starts at once waits for the first one's migrations. */
const MIGRATION_LOCK = 72707001;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * As Prisma's schema engine (`script_matches_checksum`): a file whose only change is its line
 * endings (a Windows checkout by git) is the same migration.
 */
function matchesChecksum(sql: string, checksum: string): boolean {
  return [sql, sql.replace(/\r\n/g, "\n"), sql.replace(/\n/g, "\r\n")].some((variant) => sha256(variant) === checksum);
}

/**
 * Applies prisma/migrations/<name>/migration.sql in order, each in its own transaction, and
 * records them in `_prisma_migrations` exactly as `prisma migrate deploy` would, so that a
 * machine that can reach Prisma's migration engine sees the same history
 * (docs/decisions/002-migrations.md). A migration whose file changed after it was applied stops
 * the start-up: history is never rewritten silently.
 */
export async function migrate(databaseUrl: string, migrationsDir = path.resolve("prisma/migrations")): Promise<MigrationResult> {
  // A database that does not answer stops the start-up with an error instead of hanging it; the
  // statements themselves have no bound: a migration, or waiting for another server's, may be long.
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: poolSettings().DATABASE_CONNECT_TIMEOUT_MS, keepAlive: true });
  // A connection lost between two queries is reported by the next query; without a listener, pg
  // would raise it as an uncaught exception and bring the whole process down.
  client.on("error", () => {});
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(MIGRATIONS_TABLE);
    const done = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const doneByName = new Map(done.rows.map((row) => [row.migration_name, row.checksum]));
    const names = readdirSync(migrationsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    for (const name of names) {
      const sql = readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      const checksum = sha256(sql);
      const previous = doneByName.get(name);
      if (previous !== undefined) {
        if (!matchesChecksum(sql, previous)) {
          throw new Error(`La migration ${name} a été modifiée après avoir été appliquée (somme de contrôle différente).`);
        }
        continue;
      }
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
          [id, checksum, name],
        );
        await client.query(sql);
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await client.query("COMMIT");
        applied.push(name);
      } catch (error) {
        // The connection may be gone with the migration: report the migration's own error.
        await client.query("ROLLBACK").catch(() => {});
        throw new Error(`La migration ${name} a échoué : ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
  return { applied };
}
