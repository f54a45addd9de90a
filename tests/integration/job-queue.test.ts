import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import PgBoss from "pg-boss";
import { afterEach, expect, test } from "vitest";
import { db } from "~/db.server";
import { addJob, addJobs, JOBS_SCHEMA, QUEUES } from "~/infra/jobs.server";
import { startJobs } from "~/infra/jobs-worker.server";
import { useOwnMigratedDatabase } from "../setup/fresh-database";

// Queues of its own, a schema version changed on purpose: this file gets its own database.
useOwnMigratedDatabase("jobs");

const installedSchemaVersion = (createRequire(import.meta.url)("pg-boss/version.json") as { schema: number }).schema;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A pg-boss of the test's own, on the file's database, stopped after the test. */
async function startBoss(options: Partial<PgBoss.ConstructorOptions> = {}): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: JOBS_SCHEMA, migrate: false, max: 2, schedule: false, ...options });
  boss.on("error", () => {});
  await boss.start();
  cleanups.push(() => boss.stop({ graceful: false, wait: true }));
  return boss;
}

async function jobsIn(queue: string): Promise<Array<{ id: string; state: string; retry_count: number }>> {
  return db().$queryRaw`SELECT id::text, state::text, retry_count FROM pgboss.job WHERE name = ${queue} ORDER BY created_on`;
}

test("a database migrated from zero holds the pg-boss schema version the installed package expects, and every queue the app works", async () => {
  const [version] = await db().$queryRaw<Array<{ version: number }>>`SELECT version FROM pgboss.version`;
  expect(version?.version).toBe(installedSchemaVersion);
  const queues = await db().$queryRaw<Array<{ name: string }>>`SELECT name FROM pgboss.queue ORDER BY name`;
  expect(queues.map((queue) => queue.name)).toEqual(expect.arrayContaining([...QUEUES]));
});

test("the job queue refuses to start on a pgboss schema of another version, and starts again once it matches", async () => {
  await db().$executeRaw`UPDATE pgboss.version SET version = ${installedSchemaVersion - 1}`;
  try {
    await expect(startJobs({ databaseUrl: process.env.DATABASE_URL! })).rejects.toThrow(/version/i);
  } finally {
    await db().$executeRaw`UPDATE pgboss.version SET version = ${installedSchemaVersion}`;
  }
  const jobs = await startJobs({ databaseUrl: process.env.DATABASE_URL! });
  await jobs.stop();
});

test("a job added in a transaction that rolls back does not exist; one added in a committed transaction exists once and is worked once", async () => {
  const queue = `test-tx-${randomUUID()}`;
  const boss = await startBoss();
  await boss.createQueue(queue);

  await expect(
    db().$transaction(async (tx) => {
      await addJob(tx, queue, { step: "rolled back" });
      expect(await tx.$queryRaw<unknown[]>`SELECT id FROM pgboss.job WHERE name = ${queue}`).toHaveLength(1);
      throw new Error("the business change fails");
    }),
  ).rejects.toThrow("the business change fails");
  expect(await jobsIn(queue)).toEqual([]);

  const id = await db().$transaction((tx) => addJob(tx, queue, { step: "committed" }));
  expect(await jobsIn(queue)).toEqual([{ id, state: "created", retry_count: 0 }]);

  const worked: unknown[] = [];
  await boss.work(queue, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
    worked.push(job?.data);
  });
  await expect.poll(async () => (await jobsIn(queue))[0]?.state, { timeout: 10_000, interval: 100 }).toBe("completed");
  expect(worked).toEqual([{ step: "committed" }]);
});

test("a set-based writer adds 100 jobs in one statement of its transaction: none if it rolls back, all 100 if it commits", async () => {
  const queue = `test-many-${randomUUID()}`;
  const boss = await startBoss();
  await boss.createQueue(queue);
  const jobs = Array.from({ length: 100 }, (_, index) => ({ name: queue, data: { refundId: `r-${index}` } }));

  await expect(
    db().$transaction(async (tx) => {
      await addJobs(tx, jobs);
      throw new Error("the cancellation fails");
    }),
  ).rejects.toThrow("the cancellation fails");
  expect(await jobsIn(queue)).toEqual([]);

  await db().$transaction((tx) => addJobs(tx, jobs));
  const rows = await db().$queryRaw<Array<{ refundId: string }>>`SELECT data->>'refundId' AS "refundId" FROM pgboss.job WHERE name = ${queue} AND state = 'created'`;
  expect(rows.map((row) => row.refundId).sort()).toEqual(jobs.map((job) => job.data.refundId).sort());
});

test("a job whose worker process is killed in the middle runs again, in another worker, after its expiry", async () => {
  const queue = `test-crash-${randomUUID()}`;
  const boss = await startBoss({ supervise: false });
  // A short expiry (pg-boss's minimum is 1 s) and a retry at once, so that the test waits seconds.
  await boss.createQueue(queue, { name: queue, expireInSeconds: 2, retryLimit: 3, retryDelay: 0 });
  const id = await db().$transaction((tx) => addJob(tx, queue, { refundId: "r-1" }));

  // A worker in a process of its own takes the job, then dies (SIGKILL: it completes nothing, fails nothing).
  const child = spawn(process.execPath, [path.resolve("tests/integration/fixtures/hanging-job-worker.mjs")], {
    env: { ...process.env, QUEUE: queue },
    stdio: ["ignore", "pipe", "inherit"],
  });
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  const started = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /started (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`the worker ended before taking the job (code ${code})`)));
  });
  expect(started).toBe(id);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
  expect(await jobsIn(queue)).toEqual([{ id, state: "active", retry_count: 0 }]);

  // Another process's pg-boss (its maintenance pass every second) fails the expired job, and
  // a worker runs it again: the same job, once more.
  const survivor = await startBoss({ supervise: true, maintenanceIntervalSeconds: 1 });
  const runs: string[] = [];
  await survivor.work(queue, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
    runs.push(job!.id);
  });
  await expect.poll(async () => (await jobsIn(queue))[0]?.state, { timeout: 20_000, interval: 200 }).toBe("completed");
  expect(runs).toEqual([id]);
  expect(await jobsIn(queue)).toEqual([{ id, state: "completed", retry_count: 1 }]);
});
