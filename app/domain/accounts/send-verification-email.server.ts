import { randomUUID } from "node:crypto";
import type { Tx } from "~/db.server";
import { verificationEmail, welcomeEmail } from "~/domain/accounts/emails";
import { EMAIL_VERIFICATION_PATH, VERIFICATION_LINK_DAYS } from "~/domain/accounts/email-verification";
import { linkWithPlaceholder, unknowableTokenHash } from "~/domain/mail/email-links.server";
import { enqueueEmail } from "~/domain/mail/enqueue-email.server";
import type { Locale } from "~/i18n/messages";

/**
 * Emails a link that confirms `user.email`, in the caller's transaction: at sign-up (`welcome`:
 * the welcome email carries it) or when asked again. Only the hash of the link's token is kept,
 * and the token is made when the email is sent (decision 015). Links sent before stay valid until
 * they expire: a slow email must not be made useless by a second request.
 */
export async function sendVerificationEmail(
  tx: Tx,
  input: { user: { id: string; email: string; name: string; locale: Locale }; now: Date; appUrl: string; welcome?: boolean },
): Promise<void> {
  const id = randomUUID();
  await tx.emailVerificationToken.create({
    data: {
      id,
      userId: input.user.id,
      email: input.user.email,
      tokenHash: unknowableTokenHash(),
      expiresAt: new Date(input.now.getTime() + VERIFICATION_LINK_DAYS * 24 * 3600_000),
      createdAt: input.now,
    },
    select: { id: true },
  });
  const link = linkWithPlaceholder(input.appUrl, `${EMAIL_VERIFICATION_PATH}/`);
  const render = input.welcome ? welcomeEmail : verificationEmail;
  await enqueueEmail(
    tx,
    { to: input.user.email, locale: input.user.locale, ...render(input.user.locale, input.user.name, link, VERIFICATION_LINK_DAYS) },
    { kind: "EMAIL_VERIFICATION", ref: id },
  );
}
