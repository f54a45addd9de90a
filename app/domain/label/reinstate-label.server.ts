import { db } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { labelStatusAt } from "./label-criteria";
import { assertReviewer, emailProducer, labelStateRefused, lockLabel, recordLabelEvent, type LabelActor } from "./label-steps.server";

/** A reviewer lifts a suspension before the label's end: it shows again until that same end (no time added). */
export async function reinstateLabel(input: { actor: LabelActor; labelId: string; now: Date; appUrl: string }): Promise<void> {
  assertReviewer(input.actor);
  await db().$transaction(async (tx) => {
    const label = await lockLabel(tx, input.labelId);
    if (!label) throw new DomainError("not_found");
    const status = labelStatusAt(label, input.now);
    if (status !== "SUSPENDED") throw labelStateRefused(status);
    await tx.label.update({ where: { id: label.id }, data: { status: "GRANTED", reason: null, updatedAt: input.now }, select: { id: true } });
    await recordLabelEvent(tx, { labelId: label.id, at: input.now, actor: input.actor, kind: "REINSTATED", from: "SUSPENDED", to: "GRANTED" });
    await emailProducer(tx, { producerId: label.producerId, kind: "REINSTATED", productName: label.productName, number: label.number, validUntil: label.validUntil, reason: null, appUrl: input.appUrl });
  });
}
