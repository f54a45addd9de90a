import { db } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { assertReviewer, emailProducer, labelStateRefused, lockLabel, recordLabelEvent, reviewText, type LabelActor } from "./label-steps.server";

/**
 * A reviewer revokes a granted or suspended label for good, with a reason: its number then reads
 * « retiré » on the verification page, and the product cannot apply again (decision 029).
 */
export async function revokeLabel(input: { actor: LabelActor; labelId: string; reason: string; now: Date; appUrl: string }): Promise<void> {
  assertReviewer(input.actor);
  const reason = reviewText(input.reason, "reason");
  await db().$transaction(async (tx) => {
    const label = await lockLabel(tx, input.labelId);
    if (!label) throw new DomainError("not_found");
    if (label.status !== "GRANTED" && label.status !== "SUSPENDED") throw labelStateRefused(label.status);
    await tx.label.update({ where: { id: label.id }, data: { status: "REVOKED", reason, renewalRequestedAt: null, renewalChangesRequestedAt: null, updatedAt: input.now }, select: { id: true } });
    await recordLabelEvent(tx, { labelId: label.id, at: input.now, actor: input.actor, kind: "REVOKED", from: label.status, to: "REVOKED", reason });
    await emailProducer(tx, { producerId: label.producerId, kind: "REVOKED", productName: label.productName, number: label.number, validUntil: label.validUntil, reason, appUrl: input.appUrl });
  });
}
