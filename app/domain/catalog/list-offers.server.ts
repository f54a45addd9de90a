import { readRows } from "~/db.server";
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
type OfferRow = Omit<CatalogueOffer, "producer" | "allergens"> & { allergens: string; producerId: string; producerName: string; producerSlug: string };

// Allergens travel as one comma-joined string: cheaper to decode than a text[] per row.
const OFFERS_SQL = `SELECT o.id, p.kind::text AS kind, p.name, p."nameEn", p."categoryId", p.unit::text AS unit, p."netQuantityGrams",
            o."priceCents", p."vatRateBp", (o.stock - o.ordered) AS remaining, p.organic,
            array_to_string(p.allergens, ',') AS allergens, p."variableWeight",
            org.id AS "producerId", org.name AS "producerName", org.slug AS "producerSlug"
     FROM "Offer" o
     JOIN "Product" p ON p.id = o."productId"
     JOIN "Organisation" org ON org.id = p."producerId"
     JOIN "Category" cat ON cat.id = p."categoryId"
     WHERE o."distributionId" = $1
       AND p."archivedAt" IS NULL AND org."verifiedAt" IS NOT NULL
       AND ($2::text IS NULL OR p."categoryId" = $2)
       AND ($3::text IS NULL OR org.id = $3)
       AND ($4::boolean = false OR p.organic)
       AND ($5::text IS NULL OR p.name ILIKE $5 OR COALESCE(p."nameEn", '') ILIKE $5 OR org.name ILIKE $5)
     ORDER BY cat.position, p.kind DESC, p.name, o.id
     LIMIT $6 OFFSET $7`;

function offersParameters(distributionId: string, filters: CatalogueFilters, page?: { limit: number; offset: number }): unknown[] {
  const search = filters.search ? likePattern(filters.search) : null;
  // LIMIT NULL is LIMIT ALL in PostgreSQL.
  return [distributionId, filters.categoryId ?? null, filters.producerId ?? null, filters.organicOnly ?? false, search, page?.limit ?? null, page?.offset ?? 0];
}

function toCatalogueOffers(rows: OfferRow[]): CatalogueOffer[] {
  return rows.map(({ producerId, producerName, producerSlug, allergens, ...row }) => ({
    ...row,
    allergens: allergens ? allergens.split(",") : [],
    producer: { id: producerId, name: producerName, slug: producerSlug },
  }));
}

/** Every offer of the distribution that passes the filters (the API's list). */
export async function listOffers(distributionId: string, filters: CatalogueFilters = {}): Promise<CatalogueOffer[]> {
  return toCatalogueOffers(await readRows<OfferRow>(OFFERS_SQL, offersParameters(distributionId, filters)));
}

/**
 * One page of the same list, and whether more follow: one row more than the page is read rather
 * than counting every match (the facets already count the whole distribution).
 */
export async function listOffersPage(
  distributionId: string,
  filters: CatalogueFilters,
  page: { limit: number; offset: number },
): Promise<{ offers: CatalogueOffer[]; hasMore: boolean }> {
  const rows = await readRows<OfferRow>(OFFERS_SQL, offersParameters(distributionId, filters, { limit: page.limit + 1, offset: page.offset }));
  return { offers: toCatalogueOffers(rows.slice(0, page.limit)), hasMore: rows.length > page.limit };
}

export type CatalogueFacets = {
  categories: Array<{ id: string; nameFr: string; nameEn: string; count: number }>;
  producers: Array<{ id: string; name: string; count: number }>;
};

/** What the filters can offer for this distribution, unfiltered: one statement. */
export async function catalogueFacets(distributionId: string): Promise<CatalogueFacets> {
  const rows = await readRows<{ facet: "category" | "producer"; id: string; nameFr: string; nameEn: string; count: number; position: number }>(
    `
    SELECT 'category' AS facet, cat.id, cat."nameFr", cat."nameEn", count(*)::int AS count, cat.position
    FROM "Offer" o JOIN "Product" p ON p.id = o."productId" JOIN "Category" cat ON cat.id = p."categoryId"
    JOIN "Organisation" org ON org.id = p."producerId"
    WHERE o."distributionId" = $1 AND p."archivedAt" IS NULL AND org."verifiedAt" IS NOT NULL
    GROUP BY cat.id
    UNION ALL
    SELECT 'producer', org.id, org.name, org.name, count(*)::int, 0
    FROM "Offer" o JOIN "Product" p ON p.id = o."productId" JOIN "Organisation" org ON org.id = p."producerId"
    WHERE o."distributionId" = $1 AND p."archivedAt" IS NULL AND org."verifiedAt" IS NOT NULL
    GROUP BY org.id
    ORDER BY 1, 6, 3`,
    [distributionId],
  );
  return {
    categories: rows.filter((row) => row.facet === "category").map(({ id, nameFr, nameEn, count }) => ({ id, nameFr, nameEn, count })),
    producers: rows.filter((row) => row.facet === "producer").map(({ id, nameFr, count }) => ({ id, name: nameFr, count })),
  };
}
