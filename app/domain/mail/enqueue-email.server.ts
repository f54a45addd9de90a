import { randomUUID } from "node:crypto";
import type { DbOrTx } from "~/db.server";
import { LINK_TOKEN_PLACEHOLDER, type EmailLink } from "~/domain/mail/email-links.server";
import { addJob } from "~/infra/jobs.server";

export type OutgoingEmail = {
  to: string;
  locale: "fr" | "en";
  subject: string;
  text: string;
  html: string;
};

/**
 * Writes an email to the outbox. Pass the transaction of the change that causes the email: the
 * email then exists if and only if the change is committed, and a `mail.deliver` job, added in the
 * same transaction, delivers it (deliver-outbox.server.ts, app/infra/mail-worker.server.ts). Nothing here talks to SMTP.
 *
 * An email carrying a one-time link names it in `link`, and its body holds the placeholder where
 * the token goes (linkWithPlaceholder): the token is made only when the email is sent (decision 015).
 */
export async function enqueueEmail(tx: DbOrTx, email: OutgoingEmail, link?: EmailLink): Promise<{ id: string }> {
  const to = email.to.trim();
  if (to === "") throw new Error("enqueueEmail : destinataire vide");
  if (link && !(email.text.includes(LINK_TOKEN_PLACEHOLDER) && email.html.includes(LINK_TOKEN_PLACEHOLDER))) {
    throw new Error("enqueueEmail : un lien à usage unique doit figurer dans le texte par son emplacement");
  }
  const created = await tx.outboxEmail.create({
    data: {
      id: randomUUID(),
      to,
      locale: email.locale,
      subject: email.subject,
      text: email.text,
      html: email.html,
      status: "PENDING",
      linkKind: link?.kind ?? null,
      linkRef: link?.ref ?? null,
    },
    select: { id: true },
  });
  // The delivery job, in the same transaction: sent within seconds of the commit. Its queue keeps
  // at most one job waiting (policy `short`), so a burst of emails adds one delivery.
  await addJob(tx, "mail.deliver");
  return created;
}
