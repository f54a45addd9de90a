import { readRows } from "~/db.server";
import { withInstants, type DistributionAsRead } from "~/domain/directory/coming-distributions";

const COMING_DISTRIBUTIONS = 12;

export type PointDistribution = { id: string; startsAt: Date; endsAt: Date; cutoffAt: Date; producers: string[] };

export type PickupPointPage = {
  id: string;
  name: string;
  kind: "FARM" | "AMAP" | "SHOP" | "PORT" | "TOWN_HALL";
  address: string;
  commune: string;
  postalCode: string;
  communeInsee: string;
  lat: number;
  lon: number;
  accessibilityNotes: string;
  /** The organisation that runs it, when it has a public page. */
  host: { name: string; slug: string } | null;
  distributions: PointDistribution[];
};

type Row = Omit<PickupPointPage, "distributions"> & { distributions: Array<DistributionAsRead<PointDistribution>> };

/**
 * A pickup point's public page, in one statement: where it is, how to reach it, who runs it, and
 * the distributions held there that have not ended (not cancelled), each with the verified
 * producers selling at it. Null for an unknown point or one run by an organisation the territory
 * has not verified (the directory's rule: decision 030).
 */
export async function readPickupPointPage(id: string, now: Date): Promise<PickupPointPage | null> {
  const rows = await readRows<Row>(
    `
    SELECT pp.id, pp.name, pp.kind, pp.address, c.name AS commune, c."postalCode", c."inseeCode" AS "communeInsee", pp.lat, pp.lon,
           pp."accessibilityNotes",
           CASE WHEN owner.id IS NOT NULL AND owner.kind IN ('PRODUCER', 'AMAP') THEN json_build_object('name', owner.name, 'slug', owner.slug) END AS host,
           COALESCE((SELECT json_agg(json_build_object(
                       'id', d.id, 'startsAt', d."startsAt", 'endsAt', d."endsAt", 'cutoffAt', d."cutoffAt",
                       'producers', COALESCE((SELECT array_agg(DISTINCT seller.name ORDER BY seller.name)
                                              FROM "Offer" off JOIN "Product" p ON p.id = off."productId"
                                              JOIN "Organisation" seller ON seller.id = p."producerId"
                                              WHERE off."distributionId" = d.id AND seller."verifiedAt" IS NOT NULL AND seller."refusedAt" IS NULL), '{}')
                     ) ORDER BY d."startsAt")
                     FROM (SELECT * FROM "Distribution" d WHERE d."pickupPointId" = pp.id AND d.status = 'SCHEDULED' AND d."endsAt" > $2
                           ORDER BY d."startsAt" LIMIT $3) d), '[]'::json) AS distributions
    FROM "PickupPoint" pp
    JOIN "Commune" c ON c."inseeCode" = pp."communeInsee"
    LEFT JOIN "Organisation" owner ON owner.id = pp."organisationId"
    WHERE pp.id = $1 AND (pp."organisationId" IS NULL OR (owner."verifiedAt" IS NOT NULL AND owner."refusedAt" IS NULL))`,
    [id, now, COMING_DISTRIBUTIONS],
  );
  const row = rows[0];
  return row ? { ...row, distributions: withInstants(row.distributions) } : null;
}
