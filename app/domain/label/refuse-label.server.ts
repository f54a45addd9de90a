import { db } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { assertReviewer, emailProducer, labelStateRefused, lockLabel, recordLabelEvent, reviewText, type LabelActor } from "./label-steps.server";

/**
 * A reviewer refuses, with a reason the producer reads: a pending application (or one awaiting
 * changes) becomes REFUSED; a renewal (sent, or waiting for changes asked on it) is refused and the
 * label stays valid until its end.
 */
export async function refuseLabel(input: { actor: LabelActor; labelId: string; reason: string; now: Date; appUrl: string }): Promise<{ renewal: boolean }> {
  assertReviewer(input.actor);
  const reason = reviewText(input.reason, "reason");
  return db().$transaction(async (tx) => {
    const label = await lockLabel(tx, input.labelId);
    if (!label) throw new DomainError("not_found");
    const mail = { producerId: label.producerId, productName: label.productName, number: label.number, validUntil: label.validUntil, reason, appUrl: input.appUrl };
    if (label.status === "GRANTED" && (label.renewalRequestedAt !== null || label.renewalChangesRequestedAt !== null)) {
      await tx.label.update({ where: { id: label.id }, data: { renewalRequestedAt: null, renewalChangesRequestedAt: null, reason, updatedAt: input.now }, select: { id: true } });
      await recordLabelEvent(tx, { labelId: label.id, at: input.now, actor: input.actor, kind: "RENEWAL_REFUSED", from: "GRANTED", to: "GRANTED", reason });
      await emailProducer(tx, { ...mail, kind: "RENEWAL_REFUSED" });
      return { renewal: true };
    }
    if (label.status !== "PENDING" && label.status !== "CHANGES_REQUESTED") throw labelStateRefused(label.status);
    await tx.label.update({ where: { id: label.id }, data: { status: "REFUSED", reason, updatedAt: input.now }, select: { id: true } });
    await recordLabelEvent(tx, { labelId: label.id, at: input.now, actor: input.actor, kind: "REFUSED", from: label.status, to: "REFUSED", reason });
    await emailProducer(tx, { ...mail, kind: "REFUSED" });
    return { renewal: false };
  });
}
