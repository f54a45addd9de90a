import { db } from "~/db.server";

const DAY_MS = 24 * 3600_000;

/**
 * How long what expires is kept (decision 015). Everything not named here is kept for ever:
 * users, organisations, orders, payments, hand-overs, donation lots and claims, slips, invoices.
 */
export const RETENTION = {
  /** Sent emails stay readable at /admin/outbox this long, for support. */
  sentEmailDays: 30,
  /** Failed emails, and emails never sent (no SMTP), for investigating. */
  unsentEmailDays: 90,
  /** Rate-limit counters: every rule's window is at most a day. */
  rateLimitDays: 2,
  /** Reset and email-verification tokens, after they expire (a late click still reads "expired"). */
  expiredTokenDays: 1,
  /** Invitations never accepted, after they expire; accepted ones say who brought whom and stay. */
  expiredInvitationDays: 30,
} as const;

type Rule = { name: string; table: string; where: string; before: (now: Date) => Date };

// Table and column names are fixed here; only the instants are parameters.
const RULES: readonly Rule[] = [
  { name: "sessions", table: "Session", where: `"expiresAt" < $1`, before: (now) => now },
  // Login counters and known browsers carry their own end (decision 014): gone once it has passed.
  { name: "loginThrottles", table: "LoginThrottle", where: `"expiresAt" < $1`, before: (now) => now },
  { name: "knownDevices", table: "KnownDevice", where: `"expiresAt" < $1`, before: (now) => now },
  // Visitors' carts, 30 days after their last change (decision 024); their lines go with them.
  { name: "guestCarts", table: "GuestCart", where: `"expiresAt" < $1`, before: (now) => now },
  { name: "rateLimitHits", table: "RateLimitHit", where: `"windowStart" < $1`, before: (now) => daysBefore(now, RETENTION.rateLimitDays) },
  { name: "passwordResetTokens", table: "PasswordResetToken", where: `"expiresAt" < $1`, before: (now) => daysBefore(now, RETENTION.expiredTokenDays) },
  { name: "emailVerificationTokens", table: "EmailVerificationToken", where: `"expiresAt" < $1`, before: (now) => daysBefore(now, RETENTION.expiredTokenDays) },
  { name: "invitations", table: "OrganisationInvitation", where: `"acceptedAt" IS NULL AND "expiresAt" < $1`, before: (now) => daysBefore(now, RETENTION.expiredInvitationDays) },
  { name: "sentEmails", table: "OutboxEmail", where: `status = 'SENT' AND "sentAt" < $1`, before: (now) => daysBefore(now, RETENTION.sentEmailDays) },
  { name: "unsentEmails", table: "OutboxEmail", where: `status IN ('FAILED', 'PENDING') AND "createdAt" < $1`, before: (now) => daysBefore(now, RETENTION.unsentEmailDays) },
];

export type PurgeReport = Record<string, number>;

// Any number fits: it names this job among PostgreSQL's advisory locks.
const PURGE_LOCK = 7_015_001;
const DEFAULT_BATCH = 5000;

/**
 * Deletes what has expired (RETENTION), in batches of `batchSize` rows, each in its own short
 * transaction so that no table is locked for long. Idempotent: a second run deletes nothing more.
 * Safe with several app processes: each batch first takes a transaction-level advisory lock
 * without waiting; a process that finds it taken stops there and returns null, leaving the purge
 * to the one already doing it (and were two to delete the same rows, each row would still go once).
 */
export async function purgeExpired(now: Date, options: { batchSize?: number } = {}): Promise<PurgeReport | null> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const report: PurgeReport = {};
  for (const rule of RULES) {
    report[rule.name] = 0;
    for (;;) {
      const deleted = await db().$transaction(async (tx) => {
        const [lock] = await tx.$queryRawUnsafe<Array<{ locked: boolean }>>(`SELECT pg_try_advisory_xact_lock(${PURGE_LOCK}) AS locked`);
        if (!lock?.locked) return null;
        return tx.$executeRawUnsafe(
          `DELETE FROM "${rule.table}" WHERE ctid IN (SELECT ctid FROM "${rule.table}" WHERE ${rule.where} LIMIT ${batchSize})`,
          rule.before(now),
        );
      });
      if (deleted === null) return null;
      report[rule.name] = (report[rule.name] ?? 0) + deleted;
      if (deleted < batchSize) break;
    }
  }
  return report;
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
