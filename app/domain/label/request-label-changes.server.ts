import { db } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { labelStatusAt } from "./label-criteria";
import { assertReviewer, emailProducer, labelStateRefused, lockLabel, recordLabelEvent, reviewText, type LabelActor } from "./label-steps.server";

/**
 * A reviewer asks for changes, with a message the producer reads (email and their space):
 * - on a pending application: it becomes CHANGES_REQUESTED until the producer sends it again;
 * - on a renewal sent before expiry: the label stays GRANTED, and valid until its end, while the
 *   renewal waits for the producer (`renewalChangesRequestedAt`); sent again, it is a renewal to
 *   decide once more. Not answered by the end, the label expires at its instant as any other.
 */
export async function requestLabelChanges(input: { actor: LabelActor; labelId: string; message: string; now: Date; appUrl: string }): Promise<void> {
  assertReviewer(input.actor);
  const message = reviewText(input.message, "message");
  await db().$transaction(async (tx) => {
    const label = await lockLabel(tx, input.labelId);
    if (!label) throw new DomainError("not_found");
    const status = labelStatusAt(label, input.now);
    const mail = { producerId: label.producerId, kind: "CHANGES_REQUESTED" as const, productName: label.productName, number: label.number, validUntil: label.validUntil, reason: message, appUrl: input.appUrl };
    if (status === "GRANTED" && label.renewalRequestedAt !== null) {
      await tx.label.update({ where: { id: label.id }, data: { renewalRequestedAt: null, renewalChangesRequestedAt: input.now, reviewMessage: message, updatedAt: input.now }, select: { id: true } });
      await recordLabelEvent(tx, { labelId: label.id, at: input.now, actor: input.actor, kind: "CHANGES_REQUESTED", from: "GRANTED", to: "GRANTED", reason: message, detail: { renewal: true } });
      await emailProducer(tx, mail);
      return;
    }
    if (label.status !== "PENDING") throw labelStateRefused(status);
    await tx.label.update({ where: { id: label.id }, data: { status: "CHANGES_REQUESTED", reviewMessage: message, updatedAt: input.now }, select: { id: true } });
    await recordLabelEvent(tx, { labelId: label.id, at: input.now, actor: input.actor, kind: "CHANGES_REQUESTED", from: "PENDING", to: "CHANGES_REQUESTED", reason: message });
    await emailProducer(tx, mail);
  });
}
