import { db } from "~/db.server";
import { DomainError } from "~/domain/errors";

/**
 * The territory writes how a pickup point can be reached (step-free access, parking, help to the
 * car…), shown on its public page. The caller checked the territory's permission; an unknown
 * point changes nothing.
 */
export async function updatePointAccessibility(input: { pointId: string; accessibilityNotes: string }): Promise<void> {
  const updated = await db().pickupPoint.updateMany({ where: { id: input.pointId }, data: { accessibilityNotes: input.accessibilityNotes } });
  if (updated.count === 0) throw new DomainError("not_found");
}
