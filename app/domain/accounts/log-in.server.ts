import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "~/db.server";
import { rememberDevice, reserveKnownDeviceTry } from "~/domain/accounts/known-device.server";
import { accountAtAddressKey, loginThrottleKeys } from "~/domain/accounts/login-throttle";
import { releaseAttempt, reserveAttempt } from "~/domain/accounts/login-throttle.server";
import { hashPassword, verifyPassword } from "~/domain/accounts/password.server";
import { createSession, hashToken } from "~/domain/accounts/session.server";
import { DomainError } from "~/domain/errors";
import { emailField, passwordField } from "~/domain/fields";
import { mergeGuestCart } from "~/domain/ordering/guest-cart.server";

export const logInSchema = z.object({ email: emailField, password: passwordField });

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
  /** The browser's `tm_device` cookie, if it has one. */
  deviceToken?: string;
  /** The visitor's `tm_cart` cookie, if any: its cart joins the account's (decision 024). */
  guestCartToken?: string;
};

export type LogInResult = {
  userId: string;
  sessionToken: string;
  expiresAt: Date;
  deviceToken: string;
  deviceExpiresAt: Date;
  /** Articles of the visitor's cart now in the account's cart (0 without one). */
  keptArticles: number;
};

/**
 * Only failures slow the next tries, per account, per account at this address and per address,
 * with waits that grow (login-throttle.ts); a success never counts. The right password from a
 * browser where this person logged in before passes even while the account is slowed for others,
 * so no stranger can keep the owner out (decision 014).
 */
export async function logIn(input: LogInInput): Promise<LogInResult> {
  const user = await db().user.findUnique({ where: { email: input.email }, select: { id: true, passwordHash: true } });
  const knownDevice = user ? await reserveKnownDeviceTry(input.deviceToken, user.id, input.now) : false;
  const keys = loginThrottleKeys(input.email, input.clientAddress);
  if (!knownDevice) {
    const reservation = await reserveAttempt(keys, input.now);
    if (!reservation.allowed) {
      const minutes = Math.max(1, Math.ceil(reservation.retryAfterSeconds / 60));
      throw new DomainError("rate_limited", {
        retryAfterSeconds: reservation.retryAfterSeconds,
        messageKey: "accountsSecurity.login.throttled",
        messageParams: { minutes },
      });
    }
  }
  const valid = await verifyPassword(user?.passwordHash ?? (await hashForUnknownUser()), input.password);
  // A failure keeps what was booked above: it is counted, and the wait it earns is already set.
  if (!user || !valid) throw new DomainError("invalid_credentials");

  return db().$transaction(async (tx) => {
    if (!knownDevice) await releaseAttempt(tx, keys, accountAtAddressKey(input.email, input.clientAddress));
    if (input.previousSessionToken) {
      await tx.session.deleteMany({ where: { id: hashToken(input.previousSessionToken) } });
    }
    const session = await createSession(tx, user.id, input.now);
    const device = await rememberDevice(tx, input.deviceToken, user.id, input.now);
    const keptArticles = await mergeGuestCart(tx, { token: input.guestCartToken, userId: user.id, now: input.now });
    return { userId: user.id, sessionToken: session.token, expiresAt: session.expiresAt, deviceToken: device.token, deviceExpiresAt: device.expiresAt, keptArticles };
  });
}
