// Who gets the demo territory: only whoever asks for it (`npm run demo`, DEMO=true). A server
// started in production over a database holding the demo's accounts with their published
// password refuses to start unless told it is a demo site.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { DEMO_ACCOUNTS } from "~/demo/demo-territory";
import { hashPassword } from "~/domain/accounts/password.server";
import { freePort } from "~/infra/free-port.server";
import { processTestBed, query } from "./server-process";

const bed = processTestBed({ stopServers: "afterEach" });

async function userCount(databaseUrl: string): Promise<number> {
  const [row] = await query<{ count: string }>(databaseUrl, `SELECT count(*) FROM "User"`);
  return Number(row!.count);
}

/** A database that a demo site has run on: migrated and holding the demo territory. */
async function databaseWithTheDemo(): Promise<string> {
  const databaseUrl = await bed.cluster.createDatabase("demo_site");
  const demoSite = await bed.start({ DATABASE_URL: databaseUrl, DEMO: "true" });
  await demoSite.waitUntilHealthy();
  expect((await demoSite.stop()).code).toBe(0);
  return databaseUrl;
}

test("`npm start` over an empty DATABASE_URL migrates it and loads no demo: no account at all", async () => {
  const databaseUrl = await bed.cluster.createDatabase("empty");
  const server = await bed.start({ DATABASE_URL: databaseUrl });
  await server.waitUntilHealthy();
  expect(await userCount(databaseUrl)).toBe(0);
  expect(server.output()).not.toMatch(/démonstration chargé/);
  // The login page works, and nobody can sign in as the demo admin.
  const page = await fetch(`${server.url}/connexion`);
  expect(page.status).toBe(200);
});

test("DEMO=true (what `npm run demo` sets) loads the demo territory into the embedded PostgreSQL", async () => {
  // Under .data like the app's own folder: PostgreSQL runs as another user than root and cannot enter /tmp's private folders.
  const dataDir = path.resolve(import.meta.dirname, `../../.data/process-demo-${randomBytes(4).toString("hex")}`);
  try {
    const server = await bed.start({ DEMO: "true", DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) });
    await server.waitUntilHealthy();
    expect(server.output()).toMatch(/territoire de démonstration chargé/);
    const port = /PostgreSQL embarqué sur le port (\d+)/.exec(server.output())?.[1];
    const databaseUrl = `postgresql://terre_et_mer:terre_et_mer_local@127.0.0.1:${port}/terre_et_mer`;
    const admins = await query<{ email: string }>(databaseUrl, `SELECT email FROM "User" WHERE email = $1`, [DEMO_ACCOUNTS.admin]);
    expect(admins).toEqual([{ email: DEMO_ACCOUNTS.admin }]);
    expect((await server.stop()).code).toBe(0);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("in production, a database holding the demo accounts with the published password stops the start-up with what to do", async () => {
  const databaseUrl = await databaseWithTheDemo();
  const server = await bed.start({ DATABASE_URL: databaseUrl });
  const outcome = await Promise.race([
    server.exited,
    server.waitUntilHealthy().then(
      () => "answered /healthz",
      () => "exited",
    ),
  ]);
  expect(outcome).not.toBe("answered /healthz");
  const exit = await server.exited;
  expect(exit.code).not.toBe(0);
  expect(exit.code).not.toBeNull();
  expect(server.output()).toContain(DEMO_ACCOUNTS.admin);
  expect(server.output()).toMatch(/DEMO=true/);
  expect(server.output()).toMatch(/mot de passe de démonstration/);
  expect(server.output()).toMatch(/demo password/);
});

test("in production, the same database starts when told it is a demo site (DEMO=true), or once the demo accounts' passwords are changed", async () => {
  const databaseUrl = await databaseWithTheDemo();
  const demoSite = await bed.start({ DATABASE_URL: databaseUrl, DEMO: "true" });
  await demoSite.waitUntilHealthy();
  expect(demoSite.output()).toMatch(/site de démonstration/);
  expect((await demoSite.stop()).code).toBe(0);

  const ownHash = await hashPassword("un mot de passe que personne n'a publié");
  await query(databaseUrl, `UPDATE "User" SET "passwordHash" = $1`, [ownHash]);
  const server = await bed.start({ DATABASE_URL: databaseUrl });
  await server.waitUntilHealthy();
  expect((await server.stop()).code).toBe(0);
});
