import { randomUUID } from "node:crypto";
import { afterEach, expect, test } from "vitest";
import { db } from "~/db.server";
import { deliverDueEmails, retryDelayMs } from "~/domain/mail/deliver-outbox.server";
import { enqueueEmail } from "~/domain/mail/enqueue-email.server";
import { listOutbox } from "~/domain/mail/list-outbox.server";
import { renderEmail } from "~/domain/mail/render-email";
import { startJobs } from "~/infra/jobs-worker.server";
import { parseMessage, startSmtpServer as startMailbox } from "../mailbox";
import { useOwnMigratedDatabase } from "../setup/fresh-database";

// This file delivers the whole outbox: on the shared test database it would also deliver the
// hundreds of emails other files write at the same time (and time out doing it). It gets a
// migrated database of its own. Its emails are still made due a year from now and delivered
// with `now` set there, so that its background-worker test cannot take them early.
const YEAR_MS = 365 * 24 * 60 * 60_000;
const FROM = "Terre & Mer <bonjour@terre-et-mer.test>";

useOwnMigratedDatabase("mail");

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

test("an email exists only if its transaction commits, and then reaches the SMTP server with both parts", async () => {
  const smtp = await startSmtpServer();
  const rolledBackTo = recipient();
  const committedTo = recipient();
  const content = renderEmail({
    locale: "fr",
    subject: `Votre commande est prête ${randomUUID()}`,
    greeting: "Bonjour Camille,",
    paragraphs: ["Vos légumes vous attendent à la ferme."],
    table: { rows: [["Poireaux", "2,40 €"]], total: ["Total", "2,40 €"] },
    button: { label: "Voir ma commande", url: "https://terre-et-mer.test/commandes/42" },
  });

  await expect(
    db().$transaction(async (tx) => {
      await enqueueEmail(tx, { to: rolledBackTo, locale: "fr", ...content });
      throw new Error("la commande échoue");
    }),
  ).rejects.toThrow("la commande échoue");
  expect(await db().outboxEmail.count({ where: { to: rolledBackTo } })).toBe(0);

  const dueAt = outOfReach();
  const id = await enqueueDueAt(dueAt, { to: committedTo, locale: "fr", ...content });
  expect(await db().outboxEmail.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({
    status: "PENDING",
  });

  const reports = await drain({ transport: smtp.transport(), from: FROM, now: dueAt });

  expect(reports.sent).toBeGreaterThanOrEqual(1);
  expect(smtp.messagesTo(rolledBackTo)).toHaveLength(0);
  const received = smtp.messagesTo(committedTo);
  expect(received).toHaveLength(1);
  const message = parseMessage(received[0]?.raw ?? "");
  expect(message.subject).toBe(content.subject);
  expect(message.from).toContain("bonjour@terre-et-mer.test");
  expect(message.text).toBe(content.text);
  expect(message.html).toBe(content.html);
  expect(message.text).toContain("Vos légumes vous attendent à la ferme.");
  expect(message.html).toContain('<html lang="fr"');

  const row = await db().outboxEmail.findUniqueOrThrow({ where: { id } });
  expect(row).toMatchObject({ status: "SENT", attempts: 1, sentAt: dueAt, lastError: null });
});

test("a temporary refusal is retried with backoff and the email is delivered once, at the third attempt", async () => {
  const to = recipient();
  const smtp = await startSmtpServer({ refuse: (address, attempt) => address === to && attempt <= 2 });
  const dueAt = outOfReach();
  const id = await enqueueDueAt(dueAt, { to, locale: "en", ...simpleEmail("en", `Retry ${randomUUID()}`) });
  const transport = smtp.transport();

  await drain({ transport, from: FROM, now: dueAt });
  expect(smtp.attemptsFor(to)).toBe(1);
  const afterFirst = await db().outboxEmail.findUniqueOrThrow({ where: { id } });
  expect(afterFirst).toMatchObject({ status: "PENDING", attempts: 1 });
  expect(afterFirst.lastError).toContain("451");
  expect(afterFirst.nextAttemptAt).toEqual(at(dueAt, 60_000));

  // Not due yet one second before the first retry.
  await drain({ transport, from: FROM, now: at(dueAt, 59_000) });
  expect(smtp.attemptsFor(to)).toBe(1);

  await drain({ transport, from: FROM, now: at(dueAt, 60_000) });
  expect(smtp.attemptsFor(to)).toBe(2);
  const afterSecond = await db().outboxEmail.findUniqueOrThrow({ where: { id } });
  expect(afterSecond).toMatchObject({ status: "PENDING", attempts: 2 });
  // The second wait is twice the first.
  expect(afterSecond.nextAttemptAt).toEqual(at(dueAt, 60_000 + 120_000));

  await drain({ transport, from: FROM, now: at(dueAt, 179_000) });
  expect(smtp.attemptsFor(to)).toBe(2);

  await drain({ transport, from: FROM, now: at(dueAt, 180_000) });
  await drain({ transport, from: FROM, now: at(dueAt, 24 * 60 * 60_000) });

  expect(smtp.attemptsFor(to)).toBe(3);
  expect(smtp.messagesTo(to)).toHaveLength(1);
  const delivered = await db().outboxEmail.findUniqueOrThrow({ where: { id } });
  expect(delivered).toMatchObject({ status: "SENT", attempts: 3, sentAt: at(dueAt, 180_000) });
});

test("a permanently failing server makes the email FAILED after maxAttempts, keeping the last error", async () => {
  const to = recipient();
  const smtp = await startSmtpServer({ rejectData: (address) => address === to });
  const dueAt = outOfReach();
  const id = await enqueueDueAt(dueAt, { to, locale: "fr", ...simpleEmail("fr", `Échec ${randomUUID()}`) });
  const transport = smtp.transport();
  const maxAttempts = 4;

  let now = dueAt;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    await drain({ transport, from: FROM, now, maxAttempts });
    expect(smtp.attemptsFor(to)).toBe(attempt);
    now = at(now, retryDelayMs(attempt));
  }
  // Nothing more is tried, however late.
  await drain({ transport, from: FROM, now: at(dueAt, 30 * 24 * 60 * 60_000), maxAttempts });

  expect(smtp.attemptsFor(to)).toBe(maxAttempts);
  expect(smtp.messagesTo(to)).toHaveLength(0);
  const row = await db().outboxEmail.findUniqueOrThrow({ where: { id } });
  expect(row).toMatchObject({ status: "FAILED", attempts: maxAttempts, sentAt: null });
  expect(row.lastError).toContain("554");
  expect(row.lastError).toContain("mailbox unavailable");
});

test("two workers delivering at the same time send each of 20 emails exactly once", async () => {
  const smtp = await startSmtpServer({ delayMs: 5 });
  const dueAt = outOfReach();
  const to = recipient();
  const subjects = Array.from({ length: 20 }, (_, index) => `Lot ${index} ${randomUUID()}`);
  await Promise.all(subjects.map((subject) => enqueueDueAt(dueAt, { to, locale: "fr", ...simpleEmail("fr", subject) })));

  // Small batches, each worker with its own SMTP connection, so that the claims interleave.
  const [first, second] = await Promise.all([
    drain({ transport: smtp.transport(), from: FROM, now: dueAt, batchSize: 3 }),
    drain({ transport: smtp.transport(), from: FROM, now: dueAt, batchSize: 3 }),
  ]);

  expect(first.sent + second.sent).toBeGreaterThanOrEqual(20);
  const received = smtp.messagesTo(to).map((message) => parseMessage(message.raw).subject);
  expect(received.toSorted()).toEqual(subjects.toSorted());
  const rows = await db().outboxEmail.findMany({ where: { to }, select: { status: true, attempts: true } });
  expect(rows).toHaveLength(20);
  expect(rows.every((row) => row.status === "SENT" && row.attempts === 1)).toBe(true);
});

test("the outbox lists emails newest first", async () => {
  const to = recipient();
  const older = await enqueueDueAt(outOfReach(), { to, locale: "en", ...simpleEmail("en", "Older") });
  await db().outboxEmail.update({ where: { id: older }, data: { createdAt: new Date(Date.now() - 60_000) } });
  const newer = await enqueueDueAt(outOfReach(), { to, locale: "en", ...simpleEmail("en", "Newer") });

  const listed = (await listOutbox({ limit: 500 })).filter((email) => email.to === to);

  expect(listed.map((email) => email.id)).toEqual([newer, older]);
  expect(listed[0]).toMatchObject({ to, locale: "en", subject: "Newer", status: "PENDING", attempts: 0, sentAt: null });
  expect(listed[0]?.html).toContain('<html lang="en"');
  // Due in a year: remove them rather than leave them to whichever test delivers with a late clock.
  await db().outboxEmail.deleteMany({ where: { to } });
});

test("an email enqueued while the job queue runs is delivered over the SMTP_URL server within seconds, by its own job", async () => {
  const smtp = await startSmtpServer();
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
  cleanups.push(async () => {
    delete process.env.SMTP_URL;
  });
  const worker = await startJobs({ databaseUrl: process.env.DATABASE_URL!, pollingIntervalSeconds: 0.5 });
  cleanups.push(() => worker.stop());
  // Let the job the queue adds at its start run: the email below must be sent by its own job,
  // not by that one nor by the schedule (a minute).
  await expect.poll(() => pendingJobs("mail.deliver"), { timeout: 10_000, interval: 50 }).toBe(0);
  const to = recipient();

  const id = await db().$transaction(async (tx) => (await enqueueEmail(tx, { to, locale: "en", ...simpleEmail("en", "Hello") })).id);

  await expect.poll(() => smtp.messagesTo(to).length, { timeout: 10_000, interval: 50 }).toBe(1);
  await worker.stop();
  const row = await db().outboxEmail.findUniqueOrThrow({ where: { id } });
  expect(row).toMatchObject({ status: "SENT", attempts: 1 });
});

test("two transactions writing emails at once never wait for each other, and each adds one delivery job for all its emails", async () => {
  const before = await deliveryJobIds();
  let releaseFirst!: () => void;
  const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
  let firstWrote!: () => void;
  const firstHasWritten = new Promise<void>((resolve) => (firstWrote = resolve));
  const first = db().$transaction(async (tx) => {
    await enqueueEmail(tx, { to: recipient(), locale: "fr", ...simpleEmail("fr", "Premier") });
    firstWrote();
    await firstMayCommit;
  });
  await firstHasWritten;
  // The first transaction is still open: the second must not wait for it (the lock_timeout turns
  // a wait into an error instead of a test that hangs).
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL lock_timeout = '5s'`;
    for (const subject of ["Un", "Deux", "Trois"]) await enqueueEmail(tx, { to: recipient(), locale: "fr", ...simpleEmail("fr", subject) });
  });
  releaseFirst();
  await first;
  const added = (await deliveryJobIds()).filter((id) => !before.includes(id));
  expect(added).toHaveLength(2);
  await db().outboxEmail.deleteMany({ where: { subject: { in: ["Premier", "Un", "Deux", "Trois"] } } });
});

// --- factories -----------------------------------------------------------------------------

async function deliveryJobIds(): Promise<string[]> {
  const rows = await db().$queryRaw<Array<{ id: string }>>`SELECT id::text FROM pgboss.job WHERE name = 'mail.deliver'`;
  return rows.map((row) => row.id);
}

async function pendingJobs(queue: string): Promise<number> {
  const [row] = await db().$queryRaw<Array<{ count: number }>>`SELECT count(*)::int AS count FROM pgboss.job WHERE name = ${queue} AND state IN ('created', 'retry', 'active')`;
  return row?.count ?? 0;
}

function recipient(): string {
  return `${randomUUID()}@example.test`;
}

function outOfReach(): Date {
  return new Date(Date.now() + YEAR_MS);
}

function at(base: Date, offsetMs: number): Date {
  return new Date(base.getTime() + offsetMs);
}

function simpleEmail(locale: "fr" | "en", subject: string) {
  return renderEmail({ locale, subject, paragraphs: [subject] });
}

/** Enqueues in a committed transaction, already pushed to `dueAt` when other workers can see it. */
async function enqueueDueAt(dueAt: Date, email: Parameters<typeof enqueueEmail>[1]): Promise<string> {
  return db().$transaction(async (tx) => {
    const { id } = await enqueueEmail(tx, email);
    await tx.outboxEmail.update({ where: { id }, data: { nextAttemptAt: dueAt } });
    return id;
  });
}

/** Delivers until nothing is due at `now` any more (emails of other files may be due too). */
async function drain(options: Parameters<typeof deliverDueEmails>[0]) {
  const total = { sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const report = await deliverDueEmails(options);
    total.sent += report.sent;
    total.retried += report.retried;
    total.failed += report.failed;
    if (report.sent + report.retried + report.failed === 0) return total;
  }
}

async function startSmtpServer(options: Parameters<typeof startMailbox>[0] = {}) {
  const server = await startMailbox(options);
  cleanups.push(() => server.close());
  return server;
}
