import { z } from "zod";
import { db } from "~/db.server";
import { passwordResetEmail } from "~/domain/accounts/emails";
import { hitRateLimit } from "~/domain/accounts/rate-limit.server";
import { emailField } from "~/domain/fields";
import { linkWithPlaceholder, unknowableTokenHash } from "~/domain/mail/email-links.server";
import { enqueueEmail } from "~/domain/mail/enqueue-email.server";

export const requestPasswordResetSchema = z.object({ email: emailField });

export const RESET_LINK_MINUTES = 60;

/**
 * Emails a one-time link valid for an hour. Its token is made when the email is sent, and only its
 * hash is kept (decision 015): neither the outbox nor the database holds a usable link. The answer is the same whether or not the address
 * has an account, so the form does not reveal who is registered.
 */
export async function requestPasswordReset(input: { email: string; now: Date; appUrl: string }): Promise<void> {
  const limit = await hitRateLimit(db(), `reset:${input.email}`, { limit: 5, windowSeconds: 3600 }, input.now);
  if (!limit.allowed) return;
  const user = await db().user.findUnique({ where: { email: input.email }, select: { id: true, name: true, locale: true } });
  if (!user) return;
  const tokenHash = unknowableTokenHash();
  await db().$transaction(async (tx) => {
    await tx.passwordResetToken.create({
      data: {
        tokenHash,
        userId: user.id,
        expiresAt: new Date(input.now.getTime() + RESET_LINK_MINUTES * 60_000),
      },
    });
    const link = linkWithPlaceholder(input.appUrl, "/reinitialiser/");
    await enqueueEmail(
      tx,
      { to: input.email, locale: user.locale, ...passwordResetEmail(user.locale, user.name, link) },
      { kind: "PASSWORD_RESET", ref: tokenHash },
    );
  });
}
