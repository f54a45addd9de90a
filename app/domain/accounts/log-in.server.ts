import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "~/db.server";
import { hashPassword, verifyPassword } from "~/domain/accounts/password.server";
import { clearRateLimit, hitRateLimit, type RateLimitRule } from "~/domain/accounts/rate-limit.server";
import { createSession, hashToken } from "~/domain/accounts/session.server";
import { DomainError } from "~/domain/errors";
import { emailField, passwordField } from "~/domain/fields";

export const logInSchema = z.object({ email: emailField, password: passwordField });

/** Five wrong tries lock an account for the rest of a 15-minute window; an address gets 30 tries. */
export const LOGIN_LIMIT_PER_ACCOUNT: RateLimitRule = { limit: 5, windowSeconds: 15 * 60 };
export const LOGIN_LIMIT_PER_ADDRESS: RateLimitRule = { limit: 30, windowSeconds: 15 * 60 };

// Verifying against a real hash even for unknown emails keeps the response time from telling
// which addresses have an account.
let unknownUserHash: Promise<string> | undefined;
function hashForUnknownUser(): Promise<string> {
  unknownUserHash ??= hashPassword(randomBytes(16).toString("hex"));
  return unknownUserHash;
}

export type LogInInput = z.infer<typeof logInSchema> & {
  clientAddress: string;
  now: Date;
  /** The session being replaced, if any: login always rotates to a new session id. */
  previousSessionToken?: string;
};

export async function logIn(input: LogInInput): Promise<{ userId: string; sessionToken: string; expiresAt: Date }> {
  const accountKey = `login:account:${input.email}`;
  const addressKey = `login:address:${input.clientAddress}`;
  const byAddress = await hitRateLimit(db(), addressKey, LOGIN_LIMIT_PER_ADDRESS, input.now);
  const byAccount = await hitRateLimit(db(), accountKey, LOGIN_LIMIT_PER_ACCOUNT, input.now);
  if (!byAddress.allowed || !byAccount.allowed) {
    throw new DomainError("rate_limited", {
      retryAfterSeconds: Math.max(byAddress.allowed ? 0 : byAddress.retryAfterSeconds, byAccount.allowed ? 0 : byAccount.retryAfterSeconds),
    });
  }
  const user = await db().user.findUnique({ where: { email: input.email }, select: { id: true, passwordHash: true } });
  const valid = await verifyPassword(user?.passwordHash ?? (await hashForUnknownUser()), input.password);
  if (!user || !valid) throw new DomainError("invalid_credentials");

  return db().$transaction(async (tx) => {
    await clearRateLimit(tx, accountKey);
    if (input.previousSessionToken) {
      await tx.session.deleteMany({ where: { id: hashToken(input.previousSessionToken) } });
    }
    const session = await createSession(tx, user.id, input.now);
    return { userId: user.id, sessionToken: session.token, expiresAt: session.expiresAt };
  });
}
