import type { DbOrTx } from "~/db.server";

/** Where a pickup point is on the map, for directions and the calendar file (one statement). */
export async function pickupCoordinates(tx: DbOrTx, pickupPointId: string): Promise<{ lat: number; lon: number } | null> {
  return tx.pickupPoint.findUnique({ where: { id: pickupPointId }, select: { lat: true, lon: true } });
}
