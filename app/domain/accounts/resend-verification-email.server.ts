import { db } from "~/db.server";
import { hitRateLimit, type RateLimitRule } from "~/domain/accounts/rate-limit.server";
import { sendVerificationEmail } from "~/domain/accounts/send-verification-email.server";
import { DomainError } from "~/domain/errors";

/** A person waits a few minutes for an email: three links an hour is plenty for them, and no flood for the address. */
export const RESEND_PER_ACCOUNT: RateLimitRule = { limit: 3, windowSeconds: 3600 };
/** One network (a market's wifi, an office) may hold several honest people: more per client address. */
export const RESEND_PER_CLIENT: RateLimitRule = { limit: 20, windowSeconds: 3600 };

/**
 * A signed-in person asks for a new confirmation link. Limited per account (which is per email
 * address: one account, one address) and per client address; an address already confirmed gets
 * no email.
 */
export async function resendVerificationEmail(input: { userId: string; clientAddress: string; now: Date; appUrl: string }): Promise<{ alreadyVerified: boolean }> {
  const user = await db().user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, name: true, locale: true, emailVerifiedAt: true } });
  if (!user) throw new DomainError("not_found");
  if (user.emailVerifiedAt) return { alreadyVerified: true };
  for (const [key, rule] of [
    [`verify-email:account:${user.id}`, RESEND_PER_ACCOUNT],
    [`verify-email:client:${input.clientAddress}`, RESEND_PER_CLIENT],
  ] as const) {
    const limit = await hitRateLimit(db(), key, rule, input.now);
    if (!limit.allowed) throw new DomainError("rate_limited", { retryAfterSeconds: limit.retryAfterSeconds });
  }
  await db().$transaction((tx) => sendVerificationEmail(tx, { user, now: input.now, appUrl: input.appUrl }));
  return { alreadyVerified: false };
}
