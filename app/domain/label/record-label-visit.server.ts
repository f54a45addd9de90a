import { db } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { assertReviewer, labelStateRefused, lockLabel, recordLabelEvent, reviewText, type LabelActor } from "./label-steps.server";

/**
 * A reviewer records a visit of the farm, boat or workshop (when, and what was seen), on an
 * application being examined or a label in force; never in the future, never on a refused or revoked one.
 */
export async function recordLabelVisit(input: { actor: LabelActor; labelId: string; visitedAt: Date; note: string; now: Date }): Promise<void> {
  assertReviewer(input.actor);
  const note = reviewText(input.note, "message");
  if (Number.isNaN(input.visitedAt.getTime()) || input.visitedAt.getTime() > input.now.getTime()) {
    throw new DomainError("invalid", { field: "visitedAt", messageKey: "label.field.visitedAt" });
  }
  await db().$transaction(async (tx) => {
    const label = await lockLabel(tx, input.labelId);
    if (!label) throw new DomainError("not_found");
    if (label.status === "REFUSED" || label.status === "REVOKED") throw labelStateRefused(label.status);
    await tx.label.update({ where: { id: label.id }, data: { visitedAt: input.visitedAt, visitNote: note, updatedAt: input.now }, select: { id: true } });
    await recordLabelEvent(tx, { labelId: label.id, at: input.now, actor: input.actor, kind: "VISIT_RECORDED", from: label.status, to: label.status, reason: note, detail: { visitedAt: input.visitedAt.toISOString() } });
  });
}
