import { readRows } from "~/db.server";
import type { PickupPlace, PlaceDistribution } from "~/domain/distributions/home-view";

/** How many coming dates each point brings: enough for its next one and a month of a weekly point. */
const DATES_PER_POINT = 6;

type Row = Omit<PickupPlace, "distributions"> & {
  distributions: Array<Omit<PlaceDistribution, "startsAt" | "endsAt" | "opensAt" | "cutoffAt"> & { startsAt: string; endsAt: string; opensAt: string; cutoffAt: string }>;
};

/**
 * Every pickup point with its commune, place on the map and next few dates that have not ended
 * (with their number of offers): the home page's chooser and chosen place, in one statement
 * whatever the number of points and dates. Read through the pool: every visitor's home (decision 007).
 */
export async function listPickupPlaces(now: Date): Promise<PickupPlace[]> {
  const rows = await readRows<Row>(
    `
    SELECT pp.id, pp.name, pp.address, pp.lat, pp.lon, c."inseeCode" AS "communeInsee", c.name AS commune, c."postalCode",
           COALESCE(next.distributions, '[]'::json) AS distributions
    FROM "PickupPoint" pp
    JOIN "Commune" c ON c."inseeCode" = pp."communeInsee"
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object(
               'id', d.id, 'startsAt', d."startsAt", 'endsAt', d."endsAt", 'opensAt', d."opensAt", 'cutoffAt', d."cutoffAt",
               'status', d.status, 'offerCount', (SELECT count(*)::int FROM "Offer" o WHERE o."distributionId" = d.id)
             ) ORDER BY d."startsAt") AS distributions
      FROM (
        SELECT * FROM "Distribution" d WHERE d."pickupPointId" = pp.id AND d."endsAt" > $1 ORDER BY d."startsAt" LIMIT $2
      ) d
    ) next ON true
    ORDER BY c.name, pp.name`,
    [now, DATES_PER_POINT],
  );
  return rows.map((row) => ({
    ...row,
    distributions: row.distributions.map((distribution) => ({
      ...distribution,
      startsAt: new Date(distribution.startsAt),
      endsAt: new Date(distribution.endsAt),
      opensAt: new Date(distribution.opensAt),
      cutoffAt: new Date(distribution.cutoffAt),
    })),
  }));
}
