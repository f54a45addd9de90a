import path from "node:path";
import { env } from "~/env.server";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "~/infra/embedded-postgres.server";
import { migrate } from "~/infra/migrate.server";

export type Booted = { databaseUrl: string; embedded?: EmbeddedDatabase };

/**
 * Makes sure a migrated database is reachable before anything else runs: the given DATABASE_URL,
 * or else an embedded PostgreSQL under DATA_DIR (docs/decisions/001-embedded-postgresql.md).
 */
export async function bootDatabase(): Promise<Booted> {
  const config = env();
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(config.DATA_DIR, "postgres"),
      port: config.EMBEDDED_PG_PORT,
      database: "terre_et_mer",
    });
    databaseUrl = embedded.url;
    process.env.DATABASE_URL = databaseUrl;
    console.info(`[db] PostgreSQL embarqué sur le port ${config.EMBEDDED_PG_PORT} (${config.DATA_DIR}/postgres)`);
  }
  const { applied } = await migrate(databaseUrl);
  if (applied.length > 0) console.info(`[db] migrations appliquées : ${applied.join(", ")}`);
  return { databaseUrl, embedded };
}
