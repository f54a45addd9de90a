import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { disconnectDb } from "~/db.server";
import { migrate } from "~/infra/migrate.server";
import { withClient } from "./pg-client";

export { withClient };

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

/**
 * Gives the calling test file a migrated database of its own for all its tests, and points the
 * application's pool (db()) at it: for a file whose use case works across whole tables (the purge,
 * the outbox delivery), which on the shared test database would take other files' rows.
 * Registers its beforeAll/afterAll in the calling file; the database is dropped after its tests.
 */
export function useOwnMigratedDatabase(prefix: string): void {
  let ownDatabase: FreshDatabase | undefined;
  beforeAll(async () => {
    ownDatabase = await createFreshDatabase(prefix);
    await migrate(ownDatabase.url);
    await disconnectDb();
    process.env.DATABASE_URL = ownDatabase.url;
  });
  afterAll(async () => {
    await disconnectDb();
    await ownDatabase?.drop();
  });
}
