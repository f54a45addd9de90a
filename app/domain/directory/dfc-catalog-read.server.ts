import { readRows } from "~/db.server";
import type { SaleUnit } from "~/domain/catalog/units";
import type { PublicProducerIdentity } from "~/domain/directory/producer-identity";

/** The distribution whose prices and stock a producer's public catalogue publishes: their next one open for orders. */
export type CatalogueDistribution = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  opensAt: Date;
  cutoffAt: Date;
  point: { id: string; name: string; address: string; commune: string; postalCode: string; lat: number; lon: number };
};

/** A product as the catalogue publishes it: its own fields, and its offer at that distribution if it has one. */
export type CatalogueProduct = {
  id: string;
  name: string;
  nameEn: string | null;
  description: string;
  categoryId: string;
  categoryFr: string;
  unit: SaleUnit;
  netQuantityGrams: number | null;
  variableWeight: boolean;
  estimatedWeightGrams: number | null;
  vatRateBp: number;
  organic: boolean;
  /** The producer's own reference, the catalogue item's SKU when set. */
  reference: string | null;
  photoId: string | null;
  /** At the next open distribution: its price and what is left to order (stock − ordered). Null: not on sale there. */
  offer: { id: string; priceCents: number; remaining: number } | null;
};

export type ProducerCatalogue = PublicProducerIdentity & {
  id: string;
  kind: "PRODUCER" | "AMAP";
  /** Null when none of their coming distributions takes orders at this instant. */
  distribution: CatalogueDistribution | null;
  products: CatalogueProduct[];
};

type DistributionAsRead = Omit<CatalogueDistribution, "startsAt" | "endsAt" | "opensAt" | "cutoffAt"> & { startsAt: string; endsAt: string; opensAt: string; cutoffAt: string };
type Row = Omit<ProducerCatalogue, "distribution"> & { distribution: DistributionAsRead | null };

/**
 * A producer's (or an AMAP's) public catalogue at an instant, in ONE statement whatever the number
 * of products (decision 033): who they are, their next distribution open for orders at `now`
 * (ordering opened, cutoff not reached, not cancelled, with something of theirs on sale; the
 * earliest to start), and each product they sell (not archived) with its offer at that
 * distribution — price and remaining stock — or none. Prices and stock exist per distribution
 * here, so this is the one distribution they are published for. Null unless the territory verified
 * the producer and did not refuse it, as for their public page (decision 030).
 *
 * Read by the DFC catalogue (`GET /api/v1/producers/{slug}/dfc-catalog`) and by the producer
 * page's schema.org offers, so the two publish the same prices.
 */
export async function readProducerCatalogue(slug: string, now: Date): Promise<ProducerCatalogue | null> {
  const rows = await readRows<Row>(
    `
    SELECT o.id, o.kind::text AS kind, o.name, o.slug, o.description, o.address, c.name AS commune, c."postalCode",
           COALESCE(o.lat, c.lat) AS lat, COALESCE(o.lon, c.lon) AS lon,
           o."organicCertified", o."contactEmail", o."contactPhone",
           next.distribution,
           COALESCE((SELECT json_agg(json_build_object(
                       'id', p.id, 'name', p.name, 'nameEn', p."nameEn", 'description', p.description,
                       'categoryId', cg.id, 'categoryFr', cg."nameFr",
                       'unit', p.unit, 'netQuantityGrams', p."netQuantityGrams", 'variableWeight', p."variableWeight",
                       'estimatedWeightGrams', p."estimatedWeightGrams", 'vatRateBp', p."vatRateBp", 'organic', p.organic,
                       'reference', p.reference, 'photoId', p."photoId",
                       'offer', CASE WHEN off.id IS NULL THEN NULL
                                     ELSE json_build_object('id', off.id, 'priceCents', off."priceCents", 'remaining', off.stock - off.ordered) END
                     ) ORDER BY cg.position, p.name, p.id)
                     FROM "Product" p
                     JOIN "Category" cg ON cg.id = p."categoryId"
                     LEFT JOIN "Offer" off ON off."productId" = p.id AND off."distributionId" = next.id
                     WHERE p."producerId" = o.id AND p."archivedAt" IS NULL), '[]'::json) AS products
    FROM "Organisation" o
    LEFT JOIN "Commune" c ON c."inseeCode" = o."communeInsee"
    LEFT JOIN LATERAL (
      SELECT d.id,
             json_build_object(
               'id', d.id, 'startsAt', d."startsAt", 'endsAt', d."endsAt", 'opensAt', d."opensAt", 'cutoffAt', d."cutoffAt",
               'point', json_build_object('id', pp.id, 'name', pp.name, 'address', pp.address, 'commune', pc.name,
                                          'postalCode', pc."postalCode", 'lat', pp.lat, 'lon', pp.lon)
             ) AS distribution
      FROM "Distribution" d
      JOIN "PickupPoint" pp ON pp.id = d."pickupPointId"
      JOIN "Commune" pc ON pc."inseeCode" = pp."communeInsee"
      WHERE d.status = 'SCHEDULED' AND d."opensAt" <= $2 AND d."cutoffAt" > $2
        AND EXISTS (SELECT 1 FROM "Offer" sold JOIN "Product" sp ON sp.id = sold."productId"
                    WHERE sold."distributionId" = d.id AND sp."producerId" = o.id AND sp."archivedAt" IS NULL)
      ORDER BY d."startsAt", d.id
      LIMIT 1
    ) next ON true
    WHERE o.slug = $1 AND o.kind IN ('PRODUCER', 'AMAP') AND o."verifiedAt" IS NOT NULL AND o."refusedAt" IS NULL`,
    [slug, now],
  );
  const row = rows[0];
  if (!row) return null;
  const { distribution, ...rest } = row;
  return {
    ...rest,
    distribution: distribution
      ? {
          ...distribution,
          startsAt: new Date(distribution.startsAt),
          endsAt: new Date(distribution.endsAt),
          opensAt: new Date(distribution.opensAt),
          cutoffAt: new Date(distribution.cutoffAt),
        }
      : null,
  };
}
