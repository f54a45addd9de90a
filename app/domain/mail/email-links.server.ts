import { randomBytes } from "node:crypto";
import type { Tx } from "~/db.server";
import type { EmailLinkKind } from "~/generated/prisma/client";
import { hashToken } from "~/domain/accounts/session.server";

/**
 * One-time links in emails (password reset, invitation, email verification) — decision 015.
 *
 * The token of such a link exists in clear only in the memory of the worker sending the email and
 * in the recipient's mailbox. The email is stored with this placeholder where the token goes, and
 * with a reference to the link's row; the row holds the hash of a random value nobody knows, so
 * the link opens nothing until the email is sent. When the mail worker sends it, in the claim's
 * transaction, it draws the token, stores its hash in the row (replacing the unknown one) and
 * puts the token in the message. A retry draws a new token: the link of a failed attempt dies.
 * Neither the outbox, nor a database dump, nor the admin page ever holds a usable link.
 */
export const LINK_TOKEN_PLACEHOLDER = "{jeton-personnel}";

export type EmailLink = { kind: EmailLinkKind; ref: string };

/** A link to put in an email: `${appUrl}${path}{jeton-personnel}`. */
export function linkWithPlaceholder(appUrl: string, path: string): string {
  return `${appUrl}${path}${LINK_TOKEN_PLACEHOLDER}`;
}

/** The value a link's row holds before its email is sent: the hash of a token nobody will ever know. */
export function unknowableTokenHash(): string {
  return hashToken(newToken());
}

/** The stored text with the token of its link put in, for the message actually sent. */
export function fillLinkToken(body: string, token: string): string {
  return body.split(LINK_TOKEN_PLACEHOLDER).join(token);
}

/**
 * Draws the link's token and stores its hash, in the transaction that claims the email. Returns
 * the token and the row's reference afterwards (a reset token's row is keyed by its hash), or
 * null when the link can no longer be used (expired, used, withdrawn): the email is then not sent.
 */
export async function issueLinkToken(tx: Tx, link: EmailLink, now: Date): Promise<{ token: string; ref: string } | null> {
  const token = newToken();
  const tokenHash = hashToken(token);
  let count: number;
  switch (link.kind) {
    case "PASSWORD_RESET":
      count = await tx.$executeRaw`
        UPDATE "PasswordResetToken" SET "tokenHash" = ${tokenHash}
        WHERE "tokenHash" = ${link.ref} AND "usedAt" IS NULL AND "expiresAt" > ${now}`;
      return count === 1 ? { token, ref: tokenHash } : null;
    case "INVITATION":
      count = await tx.$executeRaw`
        UPDATE "OrganisationInvitation" SET "tokenHash" = ${tokenHash}
        WHERE id = ${link.ref} AND "acceptedAt" IS NULL AND "expiresAt" > ${now}`;
      return count === 1 ? { token, ref: link.ref } : null;
    case "EMAIL_VERIFICATION":
      count = await tx.$executeRaw`
        UPDATE "EmailVerificationToken" SET "tokenHash" = ${tokenHash}
        WHERE id = ${link.ref} AND "usedAt" IS NULL AND "expiresAt" > ${now}`;
      return count === 1 ? { token, ref: link.ref } : null;
  }
}

function newToken(): string {
  return randomBytes(32).toString("base64url");
}
