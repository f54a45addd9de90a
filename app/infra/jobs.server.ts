/**
 * The job queue of the app: pg-boss 10 in the `pgboss` schema (docs/decisions/028-job-queue.md).
 * Its schema and its queues are made by our migrations (prisma/migrations/20261206900000_pgboss):
 * pg-boss starts with `migrate: false` and refuses to start on a schema of another version.
 *
 * Here: the queues, and adding a job in a business transaction (addJob). Each app process starts
 * one pg-boss (app/infra/jobs-worker.server.ts, from scripts/server.ts): it polls every queue, keeps the schedules (a
 * cron tick inserts one job, whichever server evaluates it) and expires the jobs of a crashed
 * process so that they run again. Jobs run at least once: every handler is idempotent.
 */
import PgBoss from "pg-boss";
import type { Tx } from "~/db.server";

export const JOBS_SCHEMA = "pgboss";

/** Every queue the app works, each created by a migration (its policy, expiry and retries are there). */
export const QUEUES = [
  "mail.deliver",
  "donations.expire",
  "maintenance.purge",
  /** A card order's hold ends (decision 027 §3): released once, its Checkout Session expired. */
  "payments.expire-hold",
  /** A Refund row is sent to Stripe with the key tm-refund-<id>. */
  "payments.send-refund",
  /** A distribution's money is final: weighed-lighter refunds, shares, transfers (§5, §6). */
  "payments.close-distribution",
  /** A ProducerTransfer (or a TransferReversal) is sent to Stripe. */
  "payments.send-transfer",
  /** Labels ending within 30 days get their renewal reminder, once (decision 029). */
  "label.remind",
] as const;
export type QueueName = (typeof QUEUES)[number];

/** The periodic jobs, in Paris time: a cron tick adds one job whichever app server evaluates it. */
export const SCHEDULES: ReadonlyArray<{ queue: QueueName; cron: string }> = [
  // The retries of the outbox; a new email adds its own job at once (enqueueEmail).
  { queue: "mail.deliver", cron: "* * * * *" },
  { queue: "donations.expire", cron: "* * * * *" },
  { queue: "maintenance.purge", cron: "7 * * * *" },
  // Without a distribution: the sweep that adds a close job for each distribution whose money became final (decision 027 §5).
  { queue: "payments.close-distribution", cron: "*/10 * * * *" },
  { queue: "label.remind", cron: "17 8 * * *" },
];

/** Only builds job rows (pg-boss's SQL with our values): never started, it opens no connection. */
let sender: PgBoss | undefined;
function jobSender(): PgBoss {
  sender ??= new PgBoss({ connectionString: "postgres://unused/unused", schema: JOBS_SCHEMA, migrate: false });
  return sender;
}

/**
 * pg-boss's `{ db }` over a Prisma transaction: the job row is written by the transaction's own
 * connection, so it exists if and only if the business change is committed.
 */
export function jobDb(tx: Pick<Tx, "$queryRawUnsafe">): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[] = []) => ({
      rows: await tx.$queryRawUnsafe<unknown[]>(
        text,
        // pg-boss passes undefined for options left out, and objects for payloads and options.
        ...values.map((value) => (value === undefined ? null : typeof value === "object" && value !== null && !(value instanceof Date) ? JSON.stringify(value) : value)),
      ),
    }),
  };
}

/** Adds a job in the caller's transaction. Payloads carry ids only: the handler reads our rows. */
export function addJob(tx: Pick<Tx, "$queryRawUnsafe">, queue: string, data: object = {}, options: PgBoss.SendOptions = {}): Promise<string | null> {
  return jobSender().send(queue, data, { ...options, db: jobDb(tx) });
}

/**
 * Adds many jobs in one statement of the caller's transaction (one JSON parameter): for set-based
 * writers, such as a cancellation writing a refund per order. Each job names its queue (`name`).
 */
export async function addJobs(tx: Pick<Tx, "$queryRawUnsafe">, jobs: PgBoss.JobInsert[]): Promise<void> {
  if (jobs.length === 0) return;
  await jobSender().insert(jobs, { db: jobDb(tx) });
}
