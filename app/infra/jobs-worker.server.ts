/**
 * Starts and stops the job queue of one app process (docs/decisions/028-job-queue.md): pg-boss
 * with our queues' handlers and schedules. Adding jobs: app/infra/jobs.server.ts.
 */
import { createRequire } from "node:module";
import PgBoss from "pg-boss";
import pg from "pg";
import { poolSettings } from "~/db.server";
import { now as clockNow } from "~/http/clock.server";
import { donationsHandler } from "~/infra/donations-worker.server";
import { closeDistributionJob } from "~/domain/payments/jobs/close-distribution.server";
import { expireHoldJob } from "~/domain/payments/jobs/expire-hold.server";
import { sendRefundJob } from "~/domain/payments/jobs/send-refund.server";
import { sendTransferJob } from "~/domain/payments/jobs/send-transfer.server";
import { remindLabelRenewals } from "~/domain/label/remind-label-renewals.server";
import { JOBS_SCHEMA, QUEUES, SCHEDULES } from "~/infra/jobs.server";
import { startMailHandler } from "~/infra/mail-worker.server";
import { maintenanceHandler } from "~/infra/maintenance-worker.server";

/** The schema version the installed pg-boss expects (version.json of its package). */
const PGBOSS_SCHEMA_VERSION = (createRequire(import.meta.url)("pg-boss/version.json") as { schema: number }).schema;

export type Jobs = { boss: PgBoss; stop(options?: { timeoutMs?: number }): Promise<void> };

export type StartJobsOptions = {
  databaseUrl: string;
  /** How often each queue is polled: pg-boss's default 2 s in production; tests use its minimum. */
  pollingIntervalSeconds?: number;
  /** How often expired jobs are failed (and so retried) and old ones archived. */
  maintenanceIntervalSeconds?: number;
  /** The clock of the donation and maintenance handlers (tests set it). */
  now?: () => Date;
};

/**
 * Starts pg-boss for this process: checks the schema version and the queues, saves the schedules,
 * works every queue and adds one job to each periodic queue, so that what the previous run left
 * (a backlog of emails, lots past their window) is done at start rather than at the next tick.
 */
export async function startJobs(options: StartJobsOptions): Promise<Jobs> {
  const now = options.now ?? clockNow;
  // Its own small pool: N app processes add 2N connections to the budget. Ours rather than
  // pg-boss's, so that it is closed even when the start fails.
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: 2,
    application_name: `terre-et-mer-jobs-${process.pid}`,
    connectionTimeoutMillis: poolSettings().DATABASE_CONNECT_TIMEOUT_MS,
    keepAlive: true,
  });
  // A connection lost while idle is reported here; the pool opens another at the next query.
  pool.on("error", () => {});
  // pg-boss does not wait for every statement it starts before its stop resolves: it completes a
  // finished job without waiting for that write, and a poll already on its way can still bring a
  // job, whose handler then runs and writes its completion. Those statements are kept, the stop
  // below waits for them before it closes the pool, and a statement asked after the close gets no
  // result (pg-boss's fetch, complete and fail read a missing result as nothing) instead of meeting
  // a closed pool (the process would fail on that unheard rejection): the
  // job it concerned stays active, expires and runs again in another process, as after a crash —
  // every handler is written to run again (docs/decisions/028-job-queue.md).
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;
  const executeSql = (text: string, values?: unknown[]) => {
    if (closed) return Promise.resolve(undefined as unknown as pg.QueryResult);
    const statement = pool.query(text, values);
    inFlight.add(statement);
    const forget = () => inFlight.delete(statement);
    statement.then(forget, forget);
    return statement;
  };
  const boss = new PgBoss({
    db: { executeSql },
    schema: JOBS_SCHEMA,
    migrate: false,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
  // pg-boss reports a failed poll or maintenance pass as an event; without a listener the
  // EventEmitter would throw. It tries again at its next interval.
  boss.on("error", (error: unknown) => {
    console.warn("[tâches] erreur de la file, nouvel essai au prochain passage :", error instanceof Error ? error.message : error);
  });
  const mail = startMailHandler();
  try {
    try {
      await boss.start();
    } catch (error) {
      // pg-boss checks its schema's version (migrate: false): only our migrations change it.
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`schéma ${JOBS_SCHEMA} absent ou d'une autre version que celle de pg-boss installé (${PGBOSS_SCHEMA_VERSION}) : une migration de prisma/migrations doit l'y amener (docs/decisions/028-job-queue.md) : ${message}`);
    }
    const missing = [];
    for (const queue of QUEUES) if (!(await boss.getQueue(queue))) missing.push(queue);
    if (missing.length > 0) throw new Error(`files de tâches absentes de la base (migrations non appliquées ?) : ${missing.join(", ")}`);

    const work = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 };
    // Each email-writing transaction adds a delivery job: one run answers all those waiting.
    await boss.work("mail.deliver", { ...work, batchSize: 50 }, () => mail.run());
    await boss.work("donations.expire", work, () => donationsHandler(now()));
    await boss.work("maintenance.purge", work, () => maintenanceHandler(now()));
    // The payments' jobs (decision 027): one job per row to send or hold to end, each idempotent.
    await boss.work<{ orderId: string }>("payments.expire-hold", work, ([job]) => expireHoldJob(job!.data));
    await boss.work<{ refundId: string }>("payments.send-refund", work, ([job]) => sendRefundJob(job!.data));
    await boss.work<{ distributionId: string }>("payments.close-distribution", work, ([job]) => closeDistributionJob(job!.data));
    await boss.work<{ transferId?: string; reversalId?: string }>("payments.send-transfer", work, ([job]) => sendTransferJob(job!.data));
    await boss.work("label.remind", work, () => remindLabelRenewals({ now: now() }).then(() => undefined));
    for (const { queue, cron } of SCHEDULES) await boss.schedule(queue, cron, {}, { tz: "Europe/Paris" });
    for (const { queue } of SCHEDULES) await boss.send(queue, {});
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await pool.end().catch(() => {});
    mail.close();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    boss,
    /**
     * Takes no new job, waits for the running ones (timeoutMs at most: a job still running then is
     * failed, so retried by another process), then closes its pool.
     */
    stop(stopOptions = {}) {
      // A second call (a second signal) waits for the same stop.
      stopping ??= (async () => {
        await boss.stop({ graceful: true, wait: true, timeout: stopOptions.timeoutMs ?? 30_000 });
        while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
        closed = true;
        await pool.end();
        mail.close();
      })();
      return stopping;
    },
  };
}

