import { db } from "~/db.server";
import { fillLinkToken, issueLinkToken } from "~/domain/mail/email-links.server";

export type MailMessage = { from: string; to: string; subject: string; text: string; html: string };

/** What delivery needs from nodemailer; a nodemailer transport fits as is. */
export type MailTransport = { sendMail(message: MailMessage): Promise<unknown> };

export type DeliveryReport = { sent: number; retried: number; failed: number };

const DEFAULT_BATCH_SIZE = 20;
const DEFAULT_MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 60 * 60_000;
/**
 * How long a claimed email is hidden from other workers while this one sends it. It must exceed
 * the longest possible SMTP exchange for one message: the mail worker's transport times out well
 * before that (app/infra/mail-worker.server.ts).
 */
export const CLAIM_LEASE_MS = 10 * 60_000;
const MAX_ERROR_LENGTH = 2000;

/**
 * Sends the emails that are due, at most `batchSize` of them, and reports what happened.
 *
 * Claiming — why a lease and not a lock held while sending: each email is claimed in its own short
 * transaction (`SELECT ... FOR UPDATE SKIP LOCKED LIMIT 1`, then `attempts + 1` and `nextAttemptAt`
 * pushed CLAIM_LEASE_MS ahead), and that transaction commits BEFORE the SMTP exchange. The row lock
 * only arbitrates between workers claiming at the same instant (SKIP LOCKED makes the loser take
 * the next row instead of waiting); once committed, the pushed `nextAttemptAt` keeps the email out
 * of every other worker's `nextAttemptAt <= now` until this worker records the outcome. Holding the
 * lock across the send instead would keep a transaction and a pooled connection open for as long
 * as a slow SMTP server takes, run into the interactive-transaction timeout, and a rollback after
 * a successful send would resend anyway. With the lease, a worker that dies mid-send leaves the
 * email to be retried once the lease expires: delivery is at least once — SMTP cannot do better —
 * but never twice while workers are alive. Claiming one email at a time keeps the lease about one
 * message rather than a whole batch, so a slow batch cannot outlive its own lease.
 *
 * `attempts` counts claims, so an email delivered at the third try has attempts = 3. A failure
 * schedules the next try after 1 min, 2, 4, 8... capped at 1 h; the `maxAttempts`-th failure marks
 * the email FAILED, keeping `lastError` for the outbox page.
 *
 * An email with a one-time link gets its token at each claim (email-links.server.ts): the stored
 * body never holds it. A link no longer usable (expired, used) fails the email without sending it.
 * `onlyTo` delivers the emails of one address alone (a mailbox that must not wait for the others).
 */
export async function deliverDueEmails(options: {
  transport: MailTransport;
  from: string;
  now?: Date;
  batchSize?: number;
  maxAttempts?: number;
  onlyTo?: string;
}): Promise<DeliveryReport> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  // A fixed `now` is a point in time chosen by the caller; otherwise each step reads the clock, so
  // that a lease taken late in a slow batch still lasts CLAIM_LEASE_MS.
  const clock = () => options.now ?? new Date();
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };

  for (let handled = 0; handled < batchSize; handled += 1) {
    const email = await claimNextDueEmail(clock(), options.onlyTo);
    if (!email) break;
    if (email === "link_unusable") {
      report.failed += 1;
      continue;
    }

    let failure: string | undefined;
    try {
      await options.transport.sendMail({
        from: options.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
      });
    } catch (error) {
      failure = describeError(error);
    }

    if (failure === undefined) {
      await recordOutcome(email, { status: "SENT", sentAt: clock() });
      report.sent += 1;
    } else if (email.attempts >= maxAttempts) {
      await recordOutcome(email, { status: "FAILED", lastError: failure });
      report.failed += 1;
    } else {
      const nextAttemptAt = new Date(clock().getTime() + retryDelayMs(email.attempts));
      await recordOutcome(email, { status: "PENDING", lastError: failure, nextAttemptAt });
      report.retried += 1;
    }
  }
  return report;
}

/** Delay before the next try after `attempts` failed ones: 1 min, 2, 4, 8... at most 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(attempts - 1, 0), MAX_RETRY_MS);
}

type ClaimedEmail = { id: string; to: string; subject: string; text: string; html: string; attempts: number };

export const LINK_UNUSABLE_ERROR = "Lien expiré, déjà utilisé ou retiré avant l'envoi : e-mail non envoyé.";

async function claimNextDueEmail(now: Date, onlyTo: string | undefined): Promise<ClaimedEmail | "link_unusable" | null> {
  return db().$transaction(async (tx) => {
    const due = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "OutboxEmail"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now} AND (${onlyTo ?? null}::text IS NULL OR "to" = ${onlyTo ?? null})
      ORDER BY "nextAttemptAt", "id"
      LIMIT 1
      FOR UPDATE SKIP LOCKED`;
    const row = due[0];
    if (!row) return null;
    const email = await tx.outboxEmail.update({
      where: { id: row.id },
      data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) },
      select: { id: true, to: true, subject: true, text: true, html: true, attempts: true, linkKind: true, linkRef: true },
    });
    const { linkKind, linkRef, ...claimed } = email;
    if (!linkKind || !linkRef) return claimed;
    // The token is drawn and its hash stored in this transaction, which commits before the send:
    // the link works as soon as the recipient can read it.
    const issued = await issueLinkToken(tx, { kind: linkKind, ref: linkRef }, now);
    if (!issued) {
      await tx.outboxEmail.update({ where: { id: email.id }, data: { status: "FAILED", lastError: LINK_UNUSABLE_ERROR }, select: { id: true } });
      return "link_unusable";
    }
    if (issued.ref !== linkRef) await tx.outboxEmail.update({ where: { id: email.id }, data: { linkRef: issued.ref }, select: { id: true } });
    return { ...claimed, text: fillLinkToken(claimed.text, issued.token), html: fillLinkToken(claimed.html, issued.token) };
  });
}

type Outcome =
  | { status: "SENT"; sentAt: Date }
  | { status: "FAILED"; lastError: string }
  | { status: "PENDING"; lastError: string; nextAttemptAt: Date };

async function recordOutcome(email: ClaimedEmail, outcome: Outcome): Promise<void> {
  // `attempts` is the claim's fencing token: if this worker outlived its lease and another one has
  // claimed the email since, the newer claim owns the row and this stale outcome is dropped.
  await db().outboxEmail.updateMany({
    where: { id: email.id, status: "PENDING", attempts: email.attempts },
    data: outcome,
  });
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message;
}
