import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/** Runs `work` with a client of its own, closed whatever happens. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export type FreshDatabase = { name: string; url: string; drop: () => Promise<void> };

/**
 * An empty database of the test cluster, for tests that need one of their own (the shared test
 * database is migrated already and written to by other files at the same time).
 */
export async function createFreshDatabase(prefix: string): Promise<FreshDatabase> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
