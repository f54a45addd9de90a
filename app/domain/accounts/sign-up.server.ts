import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "~/db.server";
import { rememberDevice } from "~/domain/accounts/known-device.server";
import { hashPassword } from "~/domain/accounts/password.server";
import { hitRateLimit, type RateLimitRule } from "~/domain/accounts/rate-limit.server";
import { createSession } from "~/domain/accounts/session.server";
import { sendVerificationEmail } from "~/domain/accounts/send-verification-email.server";
import { DomainError } from "~/domain/errors";
import { emailField, newPasswordField, personNameField } from "~/domain/fields";
import { mergeGuestCart } from "~/domain/ordering/guest-cart.server";
import type { Locale } from "~/i18n/messages";

export const signUpSchema = z.object({
  name: personNameField,
  email: emailField,
  password: newPasswordField,
});

export type SignUpInput = z.infer<typeof signUpSchema> & {
  locale: Locale;
  now: Date;
  appUrl: string;
  clientAddress: string;
  /** The browser's `tm_device` cookie, if it has one. */
  deviceToken?: string;
  /** The visitor's `tm_cart` cookie, if any: its cart becomes the new account's (decision 024). */
  guestCartToken?: string;
};

/**
 * Accounts opened from one client address, counted before the password is hashed: enough for a
 * family or a market stall's wifi, not for a script filling the catalogue's stock with new
 * accounts (decision 014).
 */
export const SIGN_UP_LIMIT_PER_ADDRESS: RateLimitRule = { limit: 20, windowSeconds: 3600 };

/**
 * Creates a consumer account and its first session; the welcome email goes out with it, carrying
 * the link that confirms the address. The browser that chose the password becomes known for the
 * account, as after a login (decision 014): a stranger slowing the new account does not keep its
 * owner out there.
 */
export async function signUp(input: SignUpInput): Promise<{ userId: string; sessionToken: string; expiresAt: Date; deviceToken: string; deviceExpiresAt: Date; keptArticles: number }> {
  const limit = await hitRateLimit(db(), `signup:address:${input.clientAddress}`, SIGN_UP_LIMIT_PER_ADDRESS, input.now);
  if (!limit.allowed) throw new DomainError("rate_limited", { retryAfterSeconds: limit.retryAfterSeconds });
  const passwordHash = await hashPassword(input.password);
  const userId = randomUUID();
  try {
    return await db().$transaction(async (tx) => {
      await tx.user.create({
        data: { id: userId, email: input.email, name: input.name, passwordHash, locale: input.locale },
      });
      const session = await createSession(tx, userId, input.now);
      await sendVerificationEmail(tx, { user: { id: userId, email: input.email, name: input.name, locale: input.locale }, now: input.now, appUrl: input.appUrl, welcome: true });
      const device = await rememberDevice(tx, input.deviceToken, userId, input.now);
      const keptArticles = await mergeGuestCart(tx, { token: input.guestCartToken, userId, now: input.now });
      return { userId, sessionToken: session.token, expiresAt: session.expiresAt, deviceToken: device.token, deviceExpiresAt: device.expiresAt, keptArticles };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("email_taken", { field: "email" });
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
