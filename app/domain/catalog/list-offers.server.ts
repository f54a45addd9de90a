import { readRows } from "~/db.server";
import type { CatalogueOffer } from "~/domain/catalog/catalogue-view";

export type { CatalogueOffer } from "~/domain/catalog/catalogue-view";

type OfferRow = Omit<CatalogueOffer, "producer" | "category" | "allergens" | "photo"> & {
  allergens: string;
  photoId: string | null;
  photoWidth: number | null;
  photoHeight: number | null;
  producerId: string;
  producerName: string;
  producerSlug: string;
  categoryNameFr: string;
  categoryNameEn: string;
  categoryPosition: number;
};

/**
 * Every offer of one distribution that a visitor may see, in catalogue order: ONE statement
 * whatever the catalogue size (peers.md: Open Food Network's shopfronts ran ~11 queries per
 * product). Allergens travel as one comma-joined string: cheaper to decode than a text[] per row.
 * The photo's id and pixel size come in the same statement (a join), never one read per card: the
 * card needs its size to keep its place before the picture arrives.
 */
export async function listOffers(distributionId: string): Promise<CatalogueOffer[]> {
  const rows = await readRows<OfferRow>(
    `SELECT o.id, p.kind::text AS kind, p.name, p."nameEn", p.unit::text AS unit, p."netQuantityGrams",
            o."priceCents", p."vatRateBp", (o.stock - o.ordered) AS remaining, p.organic,
            array_to_string(p.allergens, ',') AS allergens, p."variableWeight", p."estimatedWeightGrams",
            org.id AS "producerId", org.name AS "producerName", org.slug AS "producerSlug",
            cat.id AS "categoryId", cat."nameFr" AS "categoryNameFr", cat."nameEn" AS "categoryNameEn", cat.position AS "categoryPosition",
            f.id AS "photoId", f.width AS "photoWidth", f.height AS "photoHeight"
     FROM "Offer" o
     JOIN "Product" p ON p.id = o."productId"
     JOIN "Organisation" org ON org.id = p."producerId"
     JOIN "Category" cat ON cat.id = p."categoryId"
     LEFT JOIN "StoredFile" f ON f.id = p."photoId"
     WHERE o."distributionId" = $1 AND p."archivedAt" IS NULL AND org."verifiedAt" IS NOT NULL
     ORDER BY cat.position, p.kind DESC, p.name, o.id`,
    [distributionId],
  );
  return rows.map(({ producerId, producerName, producerSlug, allergens, categoryNameFr, categoryNameEn, categoryPosition, photoId, photoWidth, photoHeight, ...row }) => ({
    ...row,
    photo: photoId !== null && photoWidth !== null && photoHeight !== null ? { id: photoId, width: photoWidth, height: photoHeight } : null,
    allergens: allergens ? allergens.split(",") : [],
    producer: { id: producerId, name: producerName, slug: producerSlug },
    category: { nameFr: categoryNameFr, nameEn: categoryNameEn, position: categoryPosition },
  }));
}
