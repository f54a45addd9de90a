/**
 * Preparation opens at the cutoff: until then customers may still change their orders, so the
 * lists are shown for planning but marked provisional, and weighing, hand-over and payments are
 * refused. A cancelled distribution has nothing to prepare.
 */
export type PreparationState = "provisional" | "open" | "cancelled";

export function preparationState(distribution: { status: string; cutoffAt: Date }, now: Date): PreparationState {
  if (distribution.status === "CANCELLED") return "cancelled";
  return now.getTime() >= distribution.cutoffAt.getTime() ? "open" : "provisional";
}
