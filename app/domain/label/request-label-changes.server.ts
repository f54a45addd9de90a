import { db } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { assertReviewer, emailProducer, labelStateRefused, lockLabel, recordLabelEvent, reviewText, type LabelActor } from "./label-steps.server";

/** A reviewer asks for changes on a pending application, with a message the producer reads (email and their space). */
export async function requestLabelChanges(input: { actor: LabelActor; labelId: string; message: string; now: Date; appUrl: string }): Promise<void> {
  assertReviewer(input.actor);
  const message = reviewText(input.message, "message");
  await db().$transaction(async (tx) => {
    const label = await lockLabel(tx, input.labelId);
    if (!label) throw new DomainError("not_found");
    if (label.status !== "PENDING") throw labelStateRefused(label.status);
    await tx.label.update({ where: { id: label.id }, data: { status: "CHANGES_REQUESTED", reviewMessage: message, updatedAt: input.now }, select: { id: true } });
    await recordLabelEvent(tx, { labelId: label.id, at: input.now, actor: input.actor, kind: "CHANGES_REQUESTED", from: "PENDING", to: "CHANGES_REQUESTED", reason: message });
    await emailProducer(tx, { producerId: label.producerId, kind: "CHANGES_REQUESTED", productName: label.productName, number: label.number, validUntil: label.validUntil, reason: message, appUrl: input.appUrl });
  });
}
