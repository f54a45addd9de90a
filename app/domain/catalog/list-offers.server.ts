import { db } from "~/db.server";
import type { SaleUnit } from "~/domain/catalog/units";

export type CatalogueFilters = {
  categoryId?: string;
  producerId?: string;
  organicOnly?: boolean;
  search?: string;
};

export type CatalogueOffer = {
  id: string;
  kind: "PRODUCT" | "BASKET";
  name: string;
  nameEn: string | null;
  categoryId: string;
  unit: SaleUnit;
  netQuantityGrams: number | null;
  priceCents: number;
  vatRateBp: number;
  remaining: number;
  organic: boolean;
  allergens: string[];
  variableWeight: boolean;
  producer: { id: string; name: string; slug: string };
};

function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * The offers of one distribution, filtered, in category order: ONE statement whatever the
 * catalogue size (peers.md: Open Food Network's shopfronts ran ~11 queries per product).
 */
export async function listOffers(distributionId: string, filters: CatalogueFilters = {}): Promise<CatalogueOffer[]> {
  const search = filters.search ? likePattern(filters.search) : null;
  const rows = await db().$queryRaw<Array<Omit<CatalogueOffer, "producer"> & { producerId: string; producerName: string; producerSlug: string }>>`
    SELECT o.id, p.kind::text AS kind, p.name, p."nameEn", p."categoryId", p.unit::text AS unit, p."netQuantityGrams",
           o."priceCents", p."vatRateBp", (o.stock - o.ordered) AS remaining, p.organic, p.allergens, p."variableWeight",
           org.id AS "producerId", org.name AS "producerName", org.slug AS "producerSlug"
    FROM "Offer" o
    JOIN "Product" p ON p.id = o."productId"
    JOIN "Organisation" org ON org.id = p."producerId"
    JOIN "Category" cat ON cat.id = p."categoryId"
    WHERE o."distributionId" = ${distributionId}
      AND p."archivedAt" IS NULL AND org."verifiedAt" IS NOT NULL
      AND (${filters.categoryId ?? null}::text IS NULL OR p."categoryId" = ${filters.categoryId ?? null})
      AND (${filters.producerId ?? null}::text IS NULL OR org.id = ${filters.producerId ?? null})
      AND (${filters.organicOnly ?? false} = false OR p.organic)
      AND (${search}::text IS NULL OR p.name ILIKE ${search} OR COALESCE(p."nameEn", '') ILIKE ${search} OR org.name ILIKE ${search})
    ORDER BY cat.position, p.kind DESC, p.name, o.id`;
  return rows.map(({ producerId, producerName, producerSlug, ...row }) => ({
    ...row,
    producer: { id: producerId, name: producerName, slug: producerSlug },
  }));
}

export type CatalogueFacets = {
  categories: Array<{ id: string; nameFr: string; nameEn: string; count: number }>;
  producers: Array<{ id: string; name: string; count: number }>;
};

/** What the filters can offer for this distribution, unfiltered: one statement. */
export async function catalogueFacets(distributionId: string): Promise<CatalogueFacets> {
  const rows = await db().$queryRaw<Array<{ facet: "category" | "producer"; id: string; nameFr: string; nameEn: string; count: number; position: number }>>`
    SELECT 'category' AS facet, cat.id, cat."nameFr", cat."nameEn", count(*)::int AS count, cat.position
    FROM "Offer" o JOIN "Product" p ON p.id = o."productId" JOIN "Category" cat ON cat.id = p."categoryId"
    JOIN "Organisation" org ON org.id = p."producerId"
    WHERE o."distributionId" = ${distributionId} AND p."archivedAt" IS NULL AND org."verifiedAt" IS NOT NULL
    GROUP BY cat.id
    UNION ALL
    SELECT 'producer', org.id, org.name, org.name, count(*)::int, 0
    FROM "Offer" o JOIN "Product" p ON p.id = o."productId" JOIN "Organisation" org ON org.id = p."producerId"
    WHERE o."distributionId" = ${distributionId} AND p."archivedAt" IS NULL AND org."verifiedAt" IS NOT NULL
    GROUP BY org.id
    ORDER BY 1, 6, 3`;
  return {
    categories: rows.filter((row) => row.facet === "category").map(({ id, nameFr, nameEn, count }) => ({ id, nameFr, nameEn, count })),
    producers: rows.filter((row) => row.facet === "producer").map(({ id, nameFr, count }) => ({ id, name: nameFr, count })),
  };
}
