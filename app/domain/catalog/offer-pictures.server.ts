import { readRows } from "~/db.server";
import type { PhotoRef } from "~/domain/catalog/get-offer.server";

/** What a line of an order shows of its product: the photo (or the category's pictogram). */
export type OfferPicture = { category: string; photo: PhotoRef | null };

/**
 * The pictures of some offers' products, in ONE statement whatever their number (an order's lines
 * keep the product's name and price, not its photo, which may change after the order).
 */
export async function offerPictures(offerIds: readonly string[]): Promise<Record<string, OfferPicture>> {
  if (offerIds.length === 0) return {};
  const rows = await readRows<{ offerId: string; category: string; photoId: string | null; width: number | null; height: number | null }>(
    `SELECT o.id AS "offerId", p."categoryId" AS category, f.id AS "photoId", f.width, f.height
     FROM "Offer" o
     JOIN "Product" p ON p.id = o."productId"
     LEFT JOIN "StoredFile" f ON f.id = p."photoId"
     WHERE o.id = ANY($1::text[])`,
    [offerIds],
  );
  return Object.fromEntries(
    rows.map((row) => [
      row.offerId,
      { category: row.category, photo: row.photoId !== null && row.width !== null && row.height !== null ? { id: row.photoId, width: row.width, height: row.height } : null },
    ]),
  );
}
