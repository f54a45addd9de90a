import { randomBytes } from "node:crypto";
import { db, type DbOrTx } from "~/db.server";
import { KNOWN_DEVICE_DAYS, KNOWN_DEVICE_MAX_FAILURES } from "~/domain/accounts/login-throttle";
import { hashToken } from "~/domain/accounts/session.server";

/** The cookie that names a browser where someone logged in; the database keeps only its hash. */
export const DEVICE_COOKIE = "tm_device";

/**
 * Books one try on a browser known for this account, as if it were going to fail: true when the
 * browser is known and has not had KNOWN_DEVICE_MAX_FAILURES wrong passwords in a row. Booking in
 * one conditional UPDATE keeps a stolen cookie to that many guesses even when sent in parallel.
 */
export async function reserveKnownDeviceTry(deviceToken: string | undefined, userId: string, now: Date): Promise<boolean> {
  if (!deviceToken) return false;
  const count = await db().$executeRaw`
    UPDATE "KnownDevice" SET "failures" = "failures" + 1
    WHERE "tokenHash" = ${hashToken(deviceToken)} AND "userId" = ${userId}
      AND "expiresAt" > ${now} AND "failures" < ${KNOWN_DEVICE_MAX_FAILURES}`;
  return count === 1;
}

/**
 * After a successful login (or a password reset from an emailed link): this browser is known for
 * this account for another year, with no failure held against it. A cookie this server issued
 * before is kept (a family tablet stays known for each of its people); anything else gets a new one.
 */
export async function rememberDevice(tx: DbOrTx, presentedToken: string | undefined, userId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + KNOWN_DEVICE_DAYS * 24 * 3600_000);
  let token = presentedToken;
  if (token) {
    const issued = await tx.$queryRaw<Array<{ found: number }>>`
      SELECT 1 AS found FROM "KnownDevice" WHERE "tokenHash" = ${hashToken(token)} AND "expiresAt" > ${now} LIMIT 1`;
    if (issued.length === 0) token = undefined;
  }
  token ??= randomBytes(32).toString("base64url");
  await tx.$executeRaw`
    INSERT INTO "KnownDevice" ("tokenHash", "userId", "failures", "expiresAt") VALUES (${hashToken(token)}, ${userId}, 0, ${expiresAt})
    ON CONFLICT ("tokenHash", "userId") DO UPDATE SET "failures" = 0, "expiresAt" = EXCLUDED."expiresAt"`;
  return { token, expiresAt };
}
