import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "~/db.server";
import { passwordResetEmail } from "~/domain/accounts/emails";
import { hitRateLimit } from "~/domain/accounts/rate-limit.server";
import { hashToken } from "~/domain/accounts/session.server";
import { emailField } from "~/domain/fields";
import { enqueueEmail } from "~/domain/mail/enqueue-email.server";

export const requestPasswordResetSchema = z.object({ email: emailField });

export const RESET_LINK_MINUTES = 60;

/**
 * Emails a one-time link valid for an hour. The answer is the same whether or not the address
 * has an account, so the form does not reveal who is registered.
 */
export async function requestPasswordReset(input: { email: string; now: Date; appUrl: string }): Promise<void> {
  const limit = await hitRateLimit(db(), `reset:${input.email}`, { limit: 5, windowSeconds: 3600 }, input.now);
  if (!limit.allowed) return;
  const user = await db().user.findUnique({ where: { email: input.email }, select: { id: true, name: true, locale: true } });
  if (!user) return;
  const token = randomBytes(32).toString("base64url");
  await db().$transaction(async (tx) => {
    await tx.passwordResetToken.create({
      data: {
        tokenHash: hashToken(token),
        userId: user.id,
        expiresAt: new Date(input.now.getTime() + RESET_LINK_MINUTES * 60_000),
      },
    });
    const link = `${input.appUrl}/reinitialiser/${token}`;
    await enqueueEmail(tx, { to: input.email, locale: user.locale, ...passwordResetEmail(user.locale, user.name, link) });
  });
}
