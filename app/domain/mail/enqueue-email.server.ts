import { randomUUID } from "node:crypto";
import { db, type DbOrTx } from "~/db.server";
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
  // The delivery job, in the same transaction: sent within seconds of the commit. One per
  // transaction, however many emails it writes. Its key is its own: a key shared by every
  // transaction would make each wait for the one before to commit (a unique index), and could
  // deadlock two transactions that lock rows in turn.
  if (!transactionsWithDelivery.has(tx)) {
    await addJob(tx, "mail.deliver", {}, { singletonKey: randomUUID() });
    if (tx !== db()) transactionsWithDelivery.add(tx);
  }
  return created;
}

/** The transactions (Prisma's transaction clients, one per transaction) that already added their delivery job. */
const transactionsWithDelivery = new WeakSet<object>();
