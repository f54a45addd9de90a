import { z } from "zod";
import { db } from "~/db.server";
import { rememberDevice } from "~/domain/accounts/known-device.server";
import { hashPassword } from "~/domain/accounts/password.server";
import { hitRateLimit, type RateLimitRule } from "~/domain/accounts/rate-limit.server";
import { createSession, hashToken } from "~/domain/accounts/session.server";
import { DomainError } from "~/domain/errors";
import { newPasswordField } from "~/domain/fields";

export const resetPasswordSchema = z.object({ password: newPasswordField });

/** New passwords posted from one client address, links good or bad: a person needs one or two. */
export const RESET_LIMIT_PER_ADDRESS: RateLimitRule = { limit: 10, windowSeconds: 15 * 60 };

/**
 * Sets a new password from an emailed link. The link works once; every other session of the
 * account is closed (whoever knew the old password is signed out) and a fresh one is opened.
 */
export async function resetPassword(input: {
  token: string;
  password: string;
  clientAddress: string;
  now: Date;
  /** The browser's `tm_device` cookie, if it has one. */
  deviceToken?: string;
}): Promise<{ userId: string; sessionToken: string; expiresAt: Date; deviceToken: string; deviceExpiresAt: Date }> {
  // Cheap checks before the costly one: a stranger posting to made-up links costs one counter
  // and one index lookup, never an argon2 hash.
  const limit = await hitRateLimit(db(), `reset:address:${input.clientAddress}`, RESET_LIMIT_PER_ADDRESS, input.now);
  if (!limit.allowed) throw new DomainError("rate_limited", { retryAfterSeconds: limit.retryAfterSeconds });
  if (!(await isResetTokenUsable(input.token, input.now))) throw new DomainError("token_invalid");
  const passwordHash = await hashPassword(input.password);
  // The link is taken for good only here, in one conditional write: of two posts racing with
  // the same link, one wins and the other is told the link is spent.
  return db().$transaction(async (tx) => {
    const used = await tx.passwordResetToken.updateManyAndReturn({
      where: { tokenHash: hashToken(input.token), usedAt: null, expiresAt: { gt: input.now } },
      data: { usedAt: input.now },
      select: { userId: true },
    });
    const userId = used[0]?.userId;
    if (!userId) throw new DomainError("token_invalid");
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId } });
    const session = await createSession(tx, userId, input.now);
    // Whoever opened the emailed link owns the mailbox: this browser becomes known, so the new
    // password works here even while a stranger keeps the account slowed for unknown browsers.
    const device = await rememberDevice(tx, input.deviceToken, userId, input.now);
    return { userId, sessionToken: session.token, expiresAt: session.expiresAt, deviceToken: device.token, deviceExpiresAt: device.expiresAt };
  });
}

export async function isResetTokenUsable(token: string, now: Date): Promise<boolean> {
  const found = await db().passwordResetToken.findFirst({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now } },
    select: { userId: true },
  });
  return found !== null;
}
