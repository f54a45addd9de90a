import { createHash } from "node:crypto";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createFreshDatabase, withClient, type FreshDatabase } from "../setup/fresh-database";
import { migrate } from "~/infra/migrate.server";

/*
 * app/infra/migrate.server.ts applies the hand-written migrations and records them in
 * `_prisma_migrations` as `prisma migrate deploy` would. Every test works on a database of its
 * own, created empty in the test cluster, and on a copy of prisma/migrations when it must edit one.
 */

const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
const migrationNames = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const created: FreshDatabase[] = [];
const temporaryDirs: string[] = [];

async function freshDatabase(): Promise<FreshDatabase> {
  const database = await createFreshDatabase("migrate");
  created.push(database);
  return database;
}

/** A copy of prisma/migrations in os.tmpdir(), free to edit. */
function copyOfMigrations(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "terre-et-mer-migrations-"));
  temporaryDirs.push(dir);
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

function addMigration(dir: string, name: string, sql: string): void {
  mkdirSync(path.join(dir, name));
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

type MigrationRow = {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
};

const historyOf = (url: string) =>
  withClient(url, async (client) => (await client.query<MigrationRow>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name`)).rows);

afterAll(async () => {
  for (const database of created) await database.drop();
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

test("there is at least one migration, each folder holding a migration.sql", () => {
  expect(migrationNames.length).toBeGreaterThan(0);
  for (const name of migrationNames) {
    expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
    expect(readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8").length).toBeGreaterThan(0);
  }
});

describe("a fresh database", () => {
  let database: FreshDatabase;
  let firstRun: Awaited<ReturnType<typeof migrate>>;
  let secondRun: Awaited<ReturnType<typeof migrate>>;

  beforeAll(async () => {
    database = await freshDatabase();
    firstRun = await migrate(database.url, MIGRATIONS_DIR);
    secondRun = await migrate(database.url, MIGRATIONS_DIR);
  });

  test("migrated twice: the first run applies every migration in order, the second applies nothing", async () => {
    expect(firstRun.applied).toEqual(migrationNames);
    expect(secondRun.applied).toEqual([]);
    expect(await historyOf(database.url)).toHaveLength(migrationNames.length);
  });

  test("_prisma_migrations holds one finished row per migration folder, in Prisma's format", async () => {
    const rows = await historyOf(database.url);
    expect(rows.map((row) => row.migration_name).sort()).toEqual(migrationNames);
    for (const row of rows) {
      const sql = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"), "utf8");
      expect(row.checksum, row.migration_name).toBe(sha256(sql));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at, row.migration_name).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.applied_steps_count, row.migration_name).toBe(1);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    // The table itself is Prisma's, column for column, so that `prisma migrate deploy` can read it.
    const columns = await withClient(database.url, async (client) =>
      (
        await client.query<{ column_name: string; type: string; nullable: string; column_default: string | null }>(
          `SELECT column_name, format_type(a.atttypid, a.atttypmod) AS type, is_nullable AS nullable, column_default
             FROM information_schema.columns c
             JOIN pg_attribute a ON a.attrelid = '"_prisma_migrations"'::regclass AND a.attname = c.column_name
            WHERE c.table_name = '_prisma_migrations' ORDER BY c.ordinal_position`,
        )
      ).rows,
    );
    expect(columns).toEqual([
      { column_name: "id", type: "character varying(36)", nullable: "NO", column_default: null },
      { column_name: "checksum", type: "character varying(64)", nullable: "NO", column_default: null },
      { column_name: "finished_at", type: "timestamp with time zone", nullable: "YES", column_default: null },
      { column_name: "migration_name", type: "character varying(255)", nullable: "NO", column_default: null },
      { column_name: "logs", type: "text", nullable: "YES", column_default: null },
      { column_name: "rolled_back_at", type: "timestamp with time zone", nullable: "YES", column_default: null },
      { column_name: "started_at", type: "timestamp with time zone", nullable: "NO", column_default: "now()" },
      { column_name: "applied_steps_count", type: "integer", nullable: "NO", column_default: "0" },
    ]);
  });

  describe("CHECK constraints hold", () => {
    const checkViolation = async (sql: string, params: unknown[], constraint: string) => {
      const error = await withClient(database.url, (client) => client.query(sql, params)).then(
        () => null,
        (caught: unknown) => caught as { code?: string; constraint?: string; message: string },
      );
      expect(error, `${constraint} should have refused: ${sql}`).not.toBeNull();
      expect({ code: error!.code, constraint: error!.constraint }).toEqual({ code: "23514", constraint });
    };
    const run = (sql: string, params: unknown[] = []) => withClient(database.url, (client) => client.query(sql, params));

    beforeAll(async () => {
      // Minimal parents, valid: a commune, a fisher, a pickup point, a distribution, a category.
      await run(`INSERT INTO "Commune" ("inseeCode", "name", "postalCode", "lat", "lon") VALUES ('76217', 'Dieppe', '76200', 49.92, 1.08)`);
      await run(`INSERT INTO "Organisation" ("id", "kind", "producerKind", "name", "slug") VALUES ('org-fisher', 'PRODUCER', 'FISHER', 'Le Bar de ligne', 'le-bar-de-ligne')`);
      await run(`INSERT INTO "PickupPoint" ("id", "name", "kind", "communeInsee", "address", "lat", "lon") VALUES ('pp-port', 'Quai Henri IV', 'PORT', '76217', 'Quai Henri IV', 49.93, 1.08)`);
      await run(
        `INSERT INTO "Distribution" ("id", "pickupPointId", "startsAt", "endsAt", "opensAt", "cutoffAt")
         VALUES ('dist-1', 'pp-port', '2026-12-05 09:00+01', '2026-12-05 12:00+01', '2026-11-28 00:00+01', '2026-12-04 12:00+01')`,
      );
      await run(`INSERT INTO "Category" ("id", "nameFr", "nameEn", "position") VALUES ('cat-fish', 'Poissons', 'Fish', 1)`);
      await run(
        `INSERT INTO "Product" ("id", "producerId", "categoryId", "name", "unit", "priceCents", "vatRateBp", "productionMethod")
         VALUES ('prod-bass', 'org-fisher', 'cat-fish', 'Bar de ligne', 'KG', 3200, 550, 'CAUGHT_AT_SEA'),
                ('prod-trout', 'org-fisher', 'cat-fish', 'Truite d''élevage', 'KG', 1800, 550, 'FARMED')`,
      );
    });

    test("an Offer cannot have more ordered than in stock", async () => {
      await run(`INSERT INTO "Offer" ("id", "distributionId", "productId", "priceCents", "stock", "ordered") VALUES ('offer-full', 'dist-1', 'prod-bass', 3200, 4, 4)`);
      await checkViolation(
        `INSERT INTO "Offer" ("id", "distributionId", "productId", "priceCents", "stock", "ordered") VALUES ('offer-over', 'dist-1', 'prod-trout', 1800, 4, 5)`,
        [],
        "Offer_stock_check",
      );
      await checkViolation(`UPDATE "Offer" SET "ordered" = "ordered" + 1 WHERE "id" = 'offer-full'`, [], "Offer_stock_check");
    });

    test("a wild-caught Product cannot be organic; a farmed one can", async () => {
      await checkViolation(
        `INSERT INTO "Product" ("id", "producerId", "categoryId", "name", "unit", "priceCents", "vatRateBp", "organic", "productionMethod")
         VALUES ('prod-organic-bass', 'org-fisher', 'cat-fish', 'Bar « bio »', 'KG', 3200, 550, true, 'CAUGHT_AT_SEA')`,
        [],
        "Product_wild_fish_never_organic_check",
      );
      await checkViolation(`UPDATE "Product" SET "organic" = true WHERE "id" = 'prod-bass'`, [], "Product_wild_fish_never_organic_check");
      await run(`UPDATE "Product" SET "organic" = true WHERE "id" = 'prod-trout'`);
    });

    test("a User's email is stored in lower case only", async () => {
      await checkViolation(
        `INSERT INTO "User" ("id", "email", "name", "passwordHash") VALUES ('user-upper', $1, 'Alice', 'x')`,
        ["Alice@Example.fr"],
        "User_email_lowercase_check",
      );
      await run(`INSERT INTO "User" ("id", "email", "name", "passwordHash") VALUES ('user-lower', $1, 'Alice', 'x')`, ["alice@example.fr"]);
    });
  });
});

test("a migration edited after being applied stops migrate, naming it; line endings alone are not an edit", async () => {
  const dir = copyOfMigrations();
  const database = await freshDatabase();
  await migrate(database.url, dir);
  const edited = migrationNames[0]!;
  const file = path.join(dir, edited, "migration.sql");
  const original = readFileSync(file, "utf8");

  // Git on Windows may check files out with CRLF: `prisma migrate deploy` accepts that, so must we.
  writeFileSync(file, original.replace(/\n/g, "\r\n"));
  await expect(migrate(database.url, dir)).resolves.toEqual({ applied: [] });

  writeFileSync(file, original);
  appendFileSync(file, "\nALTER TABLE \"User\" ADD COLUMN \"nickname\" TEXT;\n");
  addMigration(dir, "29991231000000_later", `CREATE TABLE "Later" ("id" TEXT PRIMARY KEY);`);
  await expect(migrate(database.url, dir)).rejects.toThrow(edited);
  // Nothing after it was applied, and the history was not rewritten.
  const rows = await historyOf(database.url);
  expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
  expect(rows.find((row) => row.migration_name === edited)!.checksum).toBe(sha256(original));
  const later = await withClient(database.url, (client) => client.query(`SELECT to_regclass('"Later"') AS found`));
  expect(later.rows[0].found).toBeNull();
});

test("a new migration folder is applied alone, after the ones already applied", async () => {
  const dir = copyOfMigrations();
  const database = await freshDatabase();
  await migrate(database.url, dir);
  addMigration(dir, "29991231000000_add_note", `ALTER TABLE "Category" ADD COLUMN "note" TEXT;`);
  await expect(migrate(database.url, dir)).resolves.toEqual({ applied: ["29991231000000_add_note"] });
  const rows = await historyOf(database.url);
  expect(rows.map((row) => row.migration_name)).toEqual([...migrationNames, "29991231000000_add_note"]);
});

test("a failing migration is rolled back whole, names itself, records nothing, and is retried on the next run", async () => {
  const dir = copyOfMigrations();
  const database = await freshDatabase();
  await migrate(database.url, dir);
  const broken = "29991231000000_broken";
  addMigration(dir, broken, `CREATE TABLE "HalfDone" ("id" TEXT PRIMARY KEY);\nSELECT 1 / 0;\n`);
  await expect(migrate(database.url, dir)).rejects.toThrow(new RegExp(`${broken}.*division by zero`));
  expect((await historyOf(database.url)).map((row) => row.migration_name)).toEqual(migrationNames);
  const halfDone = await withClient(database.url, (client) => client.query(`SELECT to_regclass('"HalfDone"') AS found`));
  expect(halfDone.rows[0].found).toBeNull();

  writeFileSync(path.join(dir, broken, "migration.sql"), `CREATE TABLE "HalfDone" ("id" TEXT PRIMARY KEY);\n`);
  await expect(migrate(database.url, dir)).resolves.toEqual({ applied: [broken] });
});

test("a connection lost in the middle of a migration is a rejection naming it, not an uncaught exception", async () => {
  const dir = copyOfMigrations();
  const database = await freshDatabase();
  await migrate(database.url, dir);
  const killer = "29991231000000_connection_lost";
  addMigration(dir, killer, `CREATE TABLE "HalfDone" ("id" TEXT PRIMARY KEY);\nSELECT pg_terminate_backend(pg_backend_pid());\n`);
  const uncaught: unknown[] = [];
  const listener = (error: unknown) => uncaught.push(error);
  process.on("uncaughtException", listener);
  try {
    await expect(migrate(database.url, dir)).rejects.toThrow(killer);
    await new Promise((resolve) => setTimeout(resolve, 100)); // let a late 'error' event surface
  } finally {
    process.off("uncaughtException", listener);
  }
  expect(uncaught).toEqual([]);
  expect((await historyOf(database.url)).map((row) => row.migration_name)).toEqual(migrationNames);

  writeFileSync(path.join(dir, killer, "migration.sql"), `CREATE TABLE "HalfDone" ("id" TEXT PRIMARY KEY);\n`);
  await expect(migrate(database.url, dir)).resolves.toEqual({ applied: [killer] });
});

test("migrate calls started at the same time on a fresh database all succeed and apply each migration once", async () => {
  const database = await freshDatabase();
  const results = await Promise.all([1, 2, 3].map(() => migrate(database.url, MIGRATIONS_DIR)));
  expect(results.flatMap((result) => result.applied).sort()).toEqual(migrationNames);
  expect(results.filter((result) => result.applied.length > 0)).toHaveLength(1);
  const rows = await historyOf(database.url);
  expect(rows.map((row) => row.migration_name).sort()).toEqual(migrationNames);
  expect(rows.every((row) => row.finished_at !== null && row.applied_steps_count === 1)).toBe(true);
});

test("a database that accepts the connection and then says nothing stops the start-up's migration with an error instead of hanging it", async () => {
  const sockets: net.Socket[] = [];
  const silent = net.createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const { port } = silent.address() as net.AddressInfo;
  const previous = process.env.DATABASE_CONNECT_TIMEOUT_MS;
  process.env.DATABASE_CONNECT_TIMEOUT_MS = "300";
  try {
    await expect(migrate(`postgresql://nobody:secret@127.0.0.1:${port}/silent`, MIGRATIONS_DIR)).rejects.toThrow(/timeout/i);
  } finally {
    if (previous === undefined) delete process.env.DATABASE_CONNECT_TIMEOUT_MS;
    else process.env.DATABASE_CONNECT_TIMEOUT_MS = previous;
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  }
});
