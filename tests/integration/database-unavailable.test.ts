import { randomUUID } from "node:crypto";
import net from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterEach, expect, inject, test } from "vitest";
import { poolConfig, poolSettings } from "~/db.server";
import { PrismaClient } from "~/generated/prisma/client";
import { handleApi } from "~/http/api.server";
import { isDatabaseUnavailable } from "~/infra/database-unavailable";
import { freePort } from "~/infra/free-port.server";

/**
 * What pg and Prisma 7 (through @prisma/adapter-pg) really throw when the database is away —
 * refused, silent, too slow, or shutting connections down — made to happen against real sockets
 * and the real test PostgreSQL, never imitated: each must be recognised as "the database is not
 * answering" (a 503 to retry, app/infra/database-unavailable.ts), and each must come within the
 * pool's bounds instead of hanging (app/db.server.ts, decision 017).
 */

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

/** A pool and a Prisma client configured as the app's, with some settings overridden. */
function client(url: string, overrides: Record<string, string> = {}) {
  const pool = new pg.Pool(poolConfig(url, poolSettings({ ...overrides })));
  pool.on("error", () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  closers.push(async () => {
    await prisma.$disconnect();
    await pool.end();
  });
  return { pool, prisma };
}

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

/** Every way the app reaches the database: Prisma's models, raw SQL, interactive transactions, and the pool itself (readRows). */
function everyPath({ pool, prisma }: ReturnType<typeof client>) {
  return {
    model: () => prisma.user.count(),
    raw: () => prisma.$queryRaw`SELECT 1`,
    transaction: () => prisma.$transaction(async (tx) => tx.user.count()),
    pool: () => pool.query("SELECT 1"),
  };
}

test("a database that refuses connections (stopped) is recognised on every path", async () => {
  const port = await freePort();
  const paths = everyPath(client(`postgresql://nobody:secret@127.0.0.1:${port}/absent`));
  for (const [name, run] of Object.entries(paths)) {
    const error = await failure(run);
    expect({ name, unavailable: isDatabaseUnavailable(error) }).toEqual({ name, unavailable: true });
  }
});

test("a database that accepts the connection and then says nothing (frozen, failing over) is given up after the connect timeout, on every path", async () => {
  const sockets: net.Socket[] = [];
  const silent = net.createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  closers.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });
  const address = silent.address() as net.AddressInfo;
  const paths = everyPath(client(`postgresql://nobody:secret@127.0.0.1:${address.port}/silent`, { DATABASE_CONNECT_TIMEOUT_MS: "300" }));
  for (const [name, run] of Object.entries(paths)) {
    // Without a connect timeout these never settle, and the test times out.
    const error = await failure(run);
    expect({ name, unavailable: isDatabaseUnavailable(error) }).toEqual({ name, unavailable: true });
  }
});

test("a statement running past the statement timeout is stopped by PostgreSQL and recognised", async () => {
  const paths = client(inject("databaseUrl"), { DATABASE_STATEMENT_TIMEOUT_MS: "200" });
  for (const run of [() => paths.prisma.$queryRaw`SELECT pg_sleep(30)`, () => paths.pool.query("SELECT pg_sleep(30)")]) {
    const error = await failure(run);
    expect(error).toMatchObject({ message: expect.stringMatching(/statement timeout/) });
    expect(isDatabaseUnavailable(error)).toBe(true);
  }
});

test("a transaction left idle is ended by PostgreSQL after the idle-in-transaction timeout", async () => {
  const { pool } = client(inject("databaseUrl"), { DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: "200" });
  const connection = await pool.connect();
  let released = false;
  try {
    await connection.query("BEGIN");
    const ended = new Promise<Error>((resolve) => connection.once("error", resolve));
    const error = await ended;
    expect(error.message).toMatch(/idle-in-transaction timeout/);
    expect(isDatabaseUnavailable(error)).toBe(true);
    connection.release(error);
    released = true;
  } finally {
    if (!released) connection.release(true);
  }
});

test("connections shut down by the server (restart, failover) are recognised, dropped, and the same pool serves again", async () => {
  const paths = client(inject("databaseUrl"), { DATABASE_POOL_SIZE: "3" });
  await Promise.all([paths.prisma.user.count(), paths.pool.query("SELECT 1")]);
  const inTransaction = failure(() =>
    paths.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      await tx.$queryRaw`SELECT pg_sleep(30)`;
    }),
  );
  const inRaw = failure(() => paths.prisma.$queryRaw`SELECT pg_sleep(30)`);
  const inPool = failure(() => paths.pool.query("SELECT pg_sleep(30)"));
  const admin = new pg.Client({ connectionString: inject("databaseUrl") });
  await admin.connect();
  try {
    // Wait until the three sleeps run, then end exactly those backends, as a shutdown would (57P01).
    for (;;) {
      const { rows } = await admin.query<{ count: string }>("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()");
      if (Number(rows[0]?.count) >= 3) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()");
  } finally {
    await admin.end();
  }
  for (const error of await Promise.all([inTransaction, inRaw, inPool])) expect(isDatabaseUnavailable(error)).toBe(true);
  // The broken connections were dropped: the pool serves again by itself, on every path.
  const again = everyPath(paths);
  for (let round = 0; round < 3; round += 1) await Promise.all(Object.values(again).map((run) => run()));
});

test("a wrong statement or a broken rule is not mistaken for an unavailable database", async () => {
  const { prisma, pool } = client(inject("databaseUrl"));
  expect(isDatabaseUnavailable(await failure(() => prisma.$queryRaw`SELECT * FROM table_qui_n_existe_pas`))).toBe(false);
  expect(isDatabaseUnavailable(await failure(() => pool.query("SELECT 1/0")))).toBe(false);
  const email = `doublon-${Date.now()}@example.test`;
  await prisma.user.create({ data: { id: randomUUID(), email, name: "Doublon", passwordHash: "x", locale: "fr" } });
  expect(isDatabaseUnavailable(await failure(() => prisma.user.create({ data: { id: randomUUID(), email, name: "Doublon", passwordHash: "x", locale: "fr" } })))).toBe(false);
  await prisma.user.delete({ where: { email } });
  expect(isDatabaseUnavailable(new Error("Unexpected Server Error"))).toBe(false);
});

test("the API answers an unavailable database 503 with its reason in JSON and Retry-After, in the caller's language", async () => {
  const port = await freePort();
  const { prisma } = client(`postgresql://nobody:secret@127.0.0.1:${port}/absent`);
  const request = new Request("http://localhost/api/v1/orders", { headers: { "accept-language": "en" } });
  const response = await handleApi(request, async () => {
    await prisma.user.count();
    return new Response("never");
  });
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("5");
  expect(await response.json()).toEqual({
    error: "database_unavailable",
    message: "The service is briefly unavailable: our database is not answering. Nothing was saved by this request; try again in a few moments.",
  });
});
