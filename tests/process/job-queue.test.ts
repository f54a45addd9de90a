import { expect, test } from "vitest";
import { processTestBed, query } from "./server-process";

const bed = processTestBed({ stopServers: "afterEach" });

test("each app process starts one job queue: the periodic jobs are scheduled once, run at start, and SIGTERM still exits 0", async () => {
  const databaseUrl = await bed.cluster.createDatabase("jobs");
  const server = await bed.start({ DATABASE_URL: databaseUrl, WEB_CONCURRENCY: "2" });
  await server.waitUntilHealthy();

  // Two app processes, each polling with a pool of its own (named after its pid).
  await expect
    .poll(async () => (await query<{ count: number }>(databaseUrl, `SELECT count(DISTINCT application_name)::int AS count FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'terre-et-mer-jobs-%'`))[0]?.count, { timeout: 30_000, interval: 250 })
    .toBe(2);
  // One schedule per periodic queue, however many processes saved it.
  const schedules = await query<{ name: string; cron: string; timezone: string }>(databaseUrl, "SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name");
  expect(schedules).toEqual([
    { name: "donations.expire", cron: "* * * * *", timezone: "Europe/Paris" },
    { name: "label.remind", cron: "17 8 * * *", timezone: "Europe/Paris" },
    { name: "mail.deliver", cron: "* * * * *", timezone: "Europe/Paris" },
    { name: "maintenance.purge", cron: "7 * * * *", timezone: "Europe/Paris" },
    { name: "payments.close-distribution", cron: "*/10 * * * *", timezone: "Europe/Paris" },
  ]);
  // The jobs each process adds at its start are worked, by one process or the other.
  await expect
    .poll(async () => (await query<{ name: string }>(databaseUrl, "SELECT DISTINCT name FROM pgboss.job WHERE state = 'completed' AND name NOT LIKE '\\_\\_pgboss%' ORDER BY name")).map((row) => row.name), { timeout: 30_000, interval: 250 })
    .toEqual(["donations.expire", "label.remind", "mail.deliver", "maintenance.purge", "payments.close-distribution"]);

  const exit = await server.stop();
  // On failure, the processes' own account of their stop says why.
  expect(exit, server.output()).toEqual({ code: 0, signal: null });
  expect(server.output()).not.toMatch(/\[tâches\]/);
});
