import { db } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { labelStatusAt } from "./label-criteria";
import { assertReviewer, emailProducer, labelStateRefused, lockLabel, recordLabelEvent, reviewText, type LabelActor } from "./label-steps.server";

/** A reviewer suspends a label in force, with a reason: it stops showing at once, everywhere; it can be reinstated. */
export async function suspendLabel(input: { actor: LabelActor; labelId: string; reason: string; now: Date; appUrl: string }): Promise<void> {
  assertReviewer(input.actor);
  const reason = reviewText(input.reason, "reason");
  await db().$transaction(async (tx) => {
    const label = await lockLabel(tx, input.labelId);
    if (!label) throw new DomainError("not_found");
    const status = labelStatusAt(label, input.now);
    if (status !== "GRANTED") throw labelStateRefused(status);
    await tx.label.update({ where: { id: label.id }, data: { status: "SUSPENDED", reason, updatedAt: input.now }, select: { id: true } });
    await recordLabelEvent(tx, { labelId: label.id, at: input.now, actor: input.actor, kind: "SUSPENDED", from: "GRANTED", to: "SUSPENDED", reason });
    await emailProducer(tx, { producerId: label.producerId, kind: "SUSPENDED", productName: label.productName, number: label.number, validUntil: label.validUntil, reason, appUrl: input.appUrl });
  });
}
