import { rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../app/infra/embedded-postgres.server";
import { migrate } from "../../app/infra/migrate.server";
import { freePort } from "../../app/infra/free-port.server";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
  }
}

/**
 * One real PostgreSQL for the whole run, in its own folder and port, migrated from zero.
 * Tests create the data they need with tests/factories.ts; nothing is mocked.
 */
export default async function setup(project: TestProject) {
  // One cluster per run, on a free port: two runs on one machine never share a database.
  const dataDir = path.resolve(`.data/test-postgres-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  const database = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    database: "terre_et_mer_test",
    settings: { fsync: "off", synchronous_commit: "off", full_page_writes: "off" },
  });
  await migrate(database.url);
  project.provide("databaseUrl", database.url);
  project.provide("adminDatabaseUrl", database.url.replace(/\/terre_et_mer_test$/, "/postgres"));
  return async () => {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

