import { readRows } from "~/db.server";
import { producerDistribution, type ProducerDistribution, type ProducerDistributionRow } from "~/domain/sales/producer-distribution";

export type ServeableDistribution = ProducerDistribution & {
  /** The producer's own offers there, and the units customers have ordered of them. */
  offerCount: number;
  orderedUnits: number;
};

type Row = ProducerDistributionRow & { offerCount: number; orderedUnits: number };

/**
 * The distributions a producer can serve: every one that has not ended (cancelled ones too, with
 * their state, so the producer sees why), soonest first, with the producer's offers there.
 * `servedOnly` keeps those where the producer already sells (the dashboard). One statement.
 */
export async function listServeableDistributions(options: { producerId: string; now: Date; servedOnly?: boolean; limit?: number }): Promise<ServeableDistribution[]> {
  const rows = await readRows<Row>(
    `
    SELECT d.id, d."startsAt", d."endsAt", d."opensAt", d."cutoffAt", d.status::text AS status,
           pp.id AS "ppId", pp.name AS "ppName", c.name AS commune,
           coalesce(mine."offerCount", 0)::int AS "offerCount", coalesce(mine."orderedUnits", 0)::int AS "orderedUnits"
    FROM "Distribution" d
    JOIN "PickupPoint" pp ON pp.id = d."pickupPointId"
    JOIN "Commune" c ON c."inseeCode" = pp."communeInsee"
    LEFT JOIN LATERAL (
      SELECT count(*) AS "offerCount", sum(o.ordered) AS "orderedUnits"
      FROM "Offer" o JOIN "Product" p ON p.id = o."productId"
      WHERE o."distributionId" = d.id AND p."producerId" = $2
    ) mine ON true
    WHERE d."endsAt" > $1 AND ($3::boolean IS FALSE OR coalesce(mine."offerCount", 0) > 0)
    ORDER BY d."startsAt", pp.name, d.id
    LIMIT $4`,
    [options.now, options.producerId, options.servedOnly ?? false, options.limit ?? 50],
  );
  return rows.map(({ offerCount, orderedUnits, ...row }) => ({ ...producerDistribution(row, options.now), offerCount, orderedUnits }));
}
