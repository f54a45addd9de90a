import { randomUUID } from "node:crypto";
import type { DbOrTx } from "~/db.server";

export type OutgoingEmail = {
  to: string;
  locale: "fr" | "en";
  subject: string;
  text: string;
  html: string;
};

/**
 * Writes an email to the outbox. Pass the transaction of the change that causes the email: the
 * email then exists if and only if the change is committed, and the mail worker delivers it later
 * (deliver-outbox.server.ts). Nothing here talks to SMTP.
 */
export async function enqueueEmail(tx: DbOrTx, email: OutgoingEmail): Promise<{ id: string }> {
  const to = email.to.trim();
  if (to === "") throw new Error("enqueueEmail : destinataire vide");
  return tx.outboxEmail.create({
    data: {
      id: randomUUID(),
      to,
      locale: email.locale,
      subject: email.subject,
      text: email.text,
      html: email.html,
      status: "PENDING",
    },
    select: { id: true },
  });
}
