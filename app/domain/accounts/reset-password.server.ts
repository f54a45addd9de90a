import { z } from "zod";
import { db } from "~/db.server";
import { hashPassword } from "~/domain/accounts/password.server";
import { createSession, hashToken } from "~/domain/accounts/session.server";
import { DomainError } from "~/domain/errors";
import { newPasswordField } from "~/domain/fields";

export const resetPasswordSchema = z.object({ password: newPasswordField });

/**
 * Sets a new password from an emailed link. The link works once; every other session of the
 * account is closed (whoever knew the old password is signed out) and a fresh one is opened.
 */
export async function resetPassword(input: { token: string; password: string; now: Date }): Promise<{ sessionToken: string; expiresAt: Date }> {
  const passwordHash = await hashPassword(input.password);
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
    return { sessionToken: session.token, expiresAt: session.expiresAt };
  });
}

export async function isResetTokenUsable(token: string, now: Date): Promise<boolean> {
  const found = await db().passwordResetToken.findFirst({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now } },
    select: { userId: true },
  });
  return found !== null;
}
