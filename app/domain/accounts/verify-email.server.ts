import { db } from "~/db.server";
import { looksLikeEmailToken } from "~/domain/accounts/email-verification";
import { hashToken } from "~/domain/accounts/session.server";
import { DomainError } from "~/domain/errors";

/**
 * The emailed link is used: the address it was sent to is confirmed. Works signed out (the link
 * is the proof). Once only: the link is used by one conditional UPDATE. A link sent to an address
 * the account no longer has confirms nothing.
 */
export async function verifyEmail(input: { token: string; now: Date }): Promise<{ userId: string }> {
  if (!looksLikeEmailToken(input.token)) throw invalidLink();
  return db().$transaction(async (tx) => {
    const used = await tx.emailVerificationToken.updateManyAndReturn({
      where: { tokenHash: hashToken(input.token), usedAt: null, expiresAt: { gt: input.now } },
      data: { usedAt: input.now },
      select: { userId: true, email: true },
    });
    const link = used[0];
    if (!link) throw invalidLink();
    const user = await tx.user.findFirst({ where: { id: link.userId, email: link.email }, select: { id: true, emailVerifiedAt: true } });
    if (!user) throw invalidLink();
    if (!user.emailVerifiedAt) await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: input.now }, select: { id: true } });
    return { userId: user.id };
  });
}

/** Whether the link page should offer to confirm, or say at once that the link no longer works. */
export async function isEmailTokenUsable(token: string, now: Date): Promise<boolean> {
  if (!looksLikeEmailToken(token)) return false;
  const found = await db().emailVerificationToken.findFirst({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now } },
    select: { id: true },
  });
  return found !== null;
}

function invalidLink(): DomainError {
  return new DomainError("token_invalid", { messageKey: "accountsEmail.verify.invalid" });
}

/** Whether the person has confirmed their email address (the page that resends the link says so). */
export async function isEmailVerified(userId: string): Promise<boolean> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } });
  return user?.emailVerifiedAt != null;
}
