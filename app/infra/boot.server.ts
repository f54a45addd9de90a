import path from "node:path";
import { env } from "~/env.server";
import type { EmbeddedDatabase } from "~/infra/embedded-postgres.server";
import { migrate } from "~/infra/migrate.server";

export type Booted = { databaseUrl: string; embedded?: EmbeddedDatabase };

const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * embedded-postgres, once imported, ends the process on SIGINT/SIGTERM/SIGHUP through
 * async-exit-hook, at once: the server's requests in flight were cut and its app processes
 * orphaned. It is loaded only when a database must be embedded and, for a caller that stops in
 * its own order (scripts/server.ts: requests, workers, pool, PostgreSQL last), those signal
 * handlers are taken off again.
 */
async function loadEmbeddedPostgres(callerHandlesSignals: boolean): Promise<typeof import("~/infra/embedded-postgres.server")> {
  if (!callerHandlesSignals) return import("~/infra/embedded-postgres.server");
  const before = new Map(STOP_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const loaded = await import("~/infra/embedded-postgres.server");
  for (const signal of STOP_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return loaded;
}

/**
 * Makes sure a migrated database is reachable before anything else runs: the given DATABASE_URL,
 * or else an embedded PostgreSQL under DATA_DIR (docs/decisions/001-embedded-postgresql.md).
 * `callerHandlesSignals`: the caller stops the embedded PostgreSQL itself on SIGINT/SIGTERM.
 */
export async function bootDatabase(options: { callerHandlesSignals?: boolean } = {}): Promise<Booted> {
  const config = env();
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const { startEmbeddedPostgres } = await loadEmbeddedPostgres(options.callerHandlesSignals ?? false);
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
