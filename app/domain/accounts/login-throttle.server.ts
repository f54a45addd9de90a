import { db, type DbOrTx } from "~/db.server";
import { delayAfterFailures, type ThrottleKey } from "~/domain/accounts/login-throttle";

export type Reservation = { allowed: true } | { allowed: false; retryAfterSeconds: number };

class Blocked extends Error {}

// "No wait" is a date long past rather than the attempt's own time, so that app servers whose
// clocks differ by a few milliseconds never see a fresh counter as a wait.
const NOT_BLOCKED = new Date(0);

/**
 * Books one attempt on each counter before the password is checked, as if it were going to fail,
 * and sets the wait that failure would earn. Booking first is what makes the limit hold under
 * concurrency: the first of 100 simultaneous guesses sets the wait, and the 99 others, waiting on
 * the same row lock, find it set. A success gives its booking back (`releaseAttempt`).
 * Nothing is booked when any counter is still waiting: the attempt is refused whole.
 */
export async function reserveAttempt(keys: ThrottleKey[], now: Date): Promise<Reservation> {
  try {
    await db().$transaction(async (tx) => {
      for (const { key, rule } of keys) {
        const windowEnd = new Date(now.getTime() + rule.windowSeconds * 1000);
        const rows = await tx.$queryRaw<Array<{ failures: number }>>`
          INSERT INTO "LoginThrottle" ("key", "failures", "blockedUntil", "expiresAt")
          VALUES (${key}, 1, ${NOT_BLOCKED}, ${windowEnd})
          ON CONFLICT ("key") DO UPDATE SET
            "failures" = CASE WHEN "LoginThrottle"."expiresAt" <= ${now} THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
            "expiresAt" = CASE WHEN "LoginThrottle"."expiresAt" <= ${now} THEN ${windowEnd} ELSE "LoginThrottle"."expiresAt" END
          WHERE "LoginThrottle"."blockedUntil" <= ${now} OR "LoginThrottle"."expiresAt" <= ${now}
          RETURNING "failures"`;
        const failures = rows[0]?.failures;
        if (failures === undefined) throw new Blocked();
        const delay = delayAfterFailures(failures, rule);
        if (delay > 0) {
          await tx.$executeRaw`
            UPDATE "LoginThrottle" SET "blockedUntil" = ${new Date(now.getTime() + delay * 1000)} WHERE "key" = ${key}`;
        }
      }
    });
    return { allowed: true };
  } catch (error) {
    if (!(error instanceof Blocked)) throw error;
  }
  const rows = await db().$queryRaw<Array<{ blockedUntil: Date | null }>>`
    SELECT max("blockedUntil") AS "blockedUntil" FROM "LoginThrottle"
    WHERE "key" = ANY(${keys.map((entry) => entry.key)}) AND "expiresAt" > ${now}`;
  const until = rows[0]?.blockedUntil?.getTime() ?? now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
}

/**
 * A success was not a failure: its booking is given back on every counter, and so is the wait it
 * set when no real failure had earned one. For the account at this address, which just proved
 * the password, the slate is wiped.
 */
export async function releaseAttempt(tx: DbOrTx, keys: ThrottleKey[], provenKey: string): Promise<void> {
  for (const { key, rule } of keys) {
    if (key === provenKey) {
      await tx.$executeRaw`DELETE FROM "LoginThrottle" WHERE "key" = ${key}`;
    } else {
      await tx.$executeRaw`
        UPDATE "LoginThrottle" SET
          "failures" = GREATEST("failures" - 1, 0),
          "blockedUntil" = CASE WHEN "failures" - 1 < ${rule.freeFailures} THEN ${NOT_BLOCKED} ELSE "blockedUntil" END
        WHERE "key" = ${key}`;
    }
  }
}
