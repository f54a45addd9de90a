import { readRows } from "~/db.server";
import type { CatalogueOffer } from "~/domain/catalog/catalogue-view";

export type { CatalogueOffer } from "~/domain/catalog/catalogue-view";

type OfferRow = Omit<CatalogueOffer, "producer" | "category" | "allergens" | "photo" | "label"> & {
  labelNumber: string | null;
  labelValidFrom: Date | null;
  labelValidUntil: Date | null;
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
 * card needs its size to keep its place before the picture arrives. So does the product's granted
 * label (one per product): its number and validity, decided against the clock by whoever reads.
 */
export async function listOffers(distributionId: string): Promise<CatalogueOffer[]> {
  const rows = await readRows<OfferRow>(
    `SELECT o.id, p.kind::text AS kind, p.name, p."nameEn", p.unit::text AS unit, p."netQuantityGrams",
            o."priceCents", p."vatRateBp", (o.stock - o.ordered) AS remaining, p.organic,
            array_to_string(p.allergens, ',') AS allergens, p."variableWeight", p."estimatedWeightGrams",
            org.id AS "producerId", org.name AS "producerName", org.slug AS "producerSlug",
            cat.id AS "categoryId", cat."nameFr" AS "categoryNameFr", cat."nameEn" AS "categoryNameEn", cat.position AS "categoryPosition",
            f.id AS "photoId", f.width AS "photoWidth", f.height AS "photoHeight",
            l.number AS "labelNumber", l."validFrom" AS "labelValidFrom", l."validUntil" AS "labelValidUntil"
     FROM "Offer" o
     JOIN "Product" p ON p.id = o."productId"
     JOIN "Organisation" org ON org.id = p."producerId"
     JOIN "Category" cat ON cat.id = p."categoryId"
     LEFT JOIN "StoredFile" f ON f.id = p."photoId"
     LEFT JOIN "Label" l ON l."productId" = p.id AND l.status = 'GRANTED'
     WHERE o."distributionId" = $1 AND p."archivedAt" IS NULL AND org."verifiedAt" IS NOT NULL
     ORDER BY cat.position, p.kind DESC, p.name, o.id`,
    [distributionId],
  );
  return rows.map(({ producerId, producerName, producerSlug, allergens, categoryNameFr, categoryNameEn, categoryPosition, photoId, photoWidth, photoHeight, labelNumber, labelValidFrom, labelValidUntil, ...row }) => ({
    ...row,
    photo: photoId !== null && photoWidth !== null && photoHeight !== null ? { id: photoId, width: photoWidth, height: photoHeight } : null,
    allergens: allergens ? allergens.split(",") : [],
    label: labelNumber !== null && labelValidFrom !== null && labelValidUntil !== null ? { number: labelNumber, validFrom: labelValidFrom, validUntil: labelValidUntil } : null,
    producer: { id: producerId, name: producerName, slug: producerSlug },
    category: { nameFr: categoryNameFr, nameEn: categoryNameEn, position: categoryPosition },
  }));
}
