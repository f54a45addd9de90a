import type { DistributionSchedule } from "~/domain/distributions/ordering-window";
import { readRows } from "~/db.server";

export type DistributionDetail = DistributionSchedule & {
  pickupPoint: { id: string; name: string; kind: string; address: string; commune: string; accessibilityNotes: string };
  /** `full`: no place left in the slot; booking checks it again atomically. */
  slots: Array<{ id: string; startsAt: Date; endsAt: Date; capacity: number; booked: number; full: boolean }>;
};

/** A distribution with its pickup point and slots, in one statement; null when unknown. */
export async function getDistribution(id: string): Promise<DistributionDetail | null> {
  const rows = await readRows<Omit<DistributionDetail, "slots" | "pickupPoint"> & { pickupPoint: DistributionDetail["pickupPoint"]; slots: Array<{ id: string; startsAt: string; endsAt: string; capacity: number; booked: number }> }>(
    `
    SELECT d.id, d."startsAt", d."endsAt", d."opensAt", d."cutoffAt", d.status::text AS status,
      json_build_object('id', pp.id, 'name', pp.name, 'kind', pp.kind, 'address', pp.address, 'commune', c.name,
                        'accessibilityNotes', pp."accessibilityNotes") AS "pickupPoint",
      COALESCE((SELECT json_agg(json_build_object('id', s.id, 'startsAt', s."startsAt", 'endsAt', s."endsAt",
                                                  'capacity', s.capacity, 'booked', s.booked) ORDER BY s."startsAt")
                FROM "PickupSlot" s WHERE s."distributionId" = d.id), '[]'::json) AS slots
    FROM "Distribution" d
    JOIN "PickupPoint" pp ON pp.id = d."pickupPointId"
    JOIN "Commune" c ON c."inseeCode" = pp."communeInsee"
    WHERE d.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    ...row,
    slots: row.slots.map((slot) => ({ ...slot, startsAt: new Date(slot.startsAt), endsAt: new Date(slot.endsAt), full: slot.booked >= slot.capacity })),
  };
}
