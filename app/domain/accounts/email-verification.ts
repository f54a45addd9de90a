/**
 * Where a person confirms their email address or asks for a new link. Signed in, this page says
 * whether the address is confirmed and resends the link; the emailed link itself is
 * `${EMAIL_VERIFICATION_PATH}/<token>` and works signed out too.
 */
export const EMAIL_VERIFICATION_PATH = "/verifier-email";

/** How long a confirmation link works. */
export const VERIFICATION_LINK_DAYS = 7;

/** Verification tokens are base64url of 32 random bytes; anything else is not one of ours. */
export function looksLikeEmailToken(token: string | undefined): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{40,60}$/.test(token);
}
