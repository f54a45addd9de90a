import type { DistributionSchedule } from "~/domain/distributions/ordering-window";
import { readRows } from "~/db.server";

export type UpcomingDistribution = DistributionSchedule & {
  pickupPoint: { id: string; name: string; kind: string; address: string; commune: string };
  offerCount: number;
};

/** Distributions that have not ended yet, soonest first, with their pickup point: one statement. */
export async function listUpcomingDistributions(options: { now: Date; limit?: number }): Promise<UpcomingDistribution[]> {
  const rows = await readRows<Omit<UpcomingDistribution, "pickupPoint" | "offerCount"> & { ppId: string; ppName: string; ppKind: string; ppAddress: string; commune: string; offerCount: number }>(
    `
    SELECT d.id, d."startsAt", d."endsAt", d."opensAt", d."cutoffAt", d.status::text AS status,
           pp.id AS "ppId", pp.name AS "ppName", pp.kind::text AS "ppKind", pp.address AS "ppAddress", c.name AS commune,
           (SELECT count(*)::int FROM "Offer" o WHERE o."distributionId" = d.id) AS "offerCount"
    FROM "Distribution" d
    JOIN "PickupPoint" pp ON pp.id = d."pickupPointId"
    JOIN "Commune" c ON c."inseeCode" = pp."communeInsee"
    WHERE d."endsAt" > $1
    ORDER BY d."startsAt", pp.name
    LIMIT $2`,
    [options.now, options.limit ?? 50],
  );
  return rows.map(({ ppId, ppName, ppKind, ppAddress, commune, ...row }) => ({
    ...row,
    pickupPoint: { id: ppId, name: ppName, kind: ppKind, address: ppAddress, commune },
  }));
}
