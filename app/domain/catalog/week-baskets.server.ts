import { readRows } from "~/db.server";

export type WeekBasket = {
  offerId: string;
  name: string;
  nameEn: string | null;
  priceCents: number;
  categoryId: string;
  producerName: string;
  photo: { id: string; width: number; height: number } | null;
  pickupPoint: string;
  startsAt: Date;
  items: Array<{ label: string; labelEn: string | null; quantityLabel: string; indicativePriceCents: number }>;
};

type Row = Omit<WeekBasket, "photo"> & { photoId: string | null; photoWidth: number | null; photoHeight: number | null };

/**
 * What is in the baskets of the next distribution that carries each basket: one statement, with
 * the basket's photo. Only baskets whose composition was announced are shown; given pickup points
 * (the home's chosen place), only the baskets one can collect there. The home page reads it on
 * every visit: through the pool directly (decision 007).
 */
export async function weekBaskets(now: Date, pickupPointIds: readonly string[] | null = null): Promise<WeekBasket[]> {
  const rows = await readRows<Row>(
    `
    SELECT DISTINCT ON (p.id) o.id AS "offerId", p.name, p."nameEn", o."priceCents", p."categoryId", org.name AS "producerName",
      f.id AS "photoId", f.width AS "photoWidth", f.height AS "photoHeight", pp.name AS "pickupPoint", d."startsAt",
      (SELECT json_agg(json_build_object('label', b.label, 'labelEn', b."labelEn", 'quantityLabel', b."quantityLabel",
                                         'indicativePriceCents', b."indicativePriceCents") ORDER BY b.position)
       FROM "BasketItem" b WHERE b."offerId" = o.id) AS items
    FROM "Offer" o
    JOIN "Product" p ON p.id = o."productId"
    JOIN "Distribution" d ON d.id = o."distributionId"
    JOIN "PickupPoint" pp ON pp.id = d."pickupPointId"
    JOIN "Organisation" org ON org.id = p."producerId"
    LEFT JOIN "StoredFile" f ON f.id = p."photoId"
    WHERE p.kind = 'BASKET' AND d."cutoffAt" > $1 AND d.status = 'SCHEDULED' AND p."archivedAt" IS NULL AND org."verifiedAt" IS NOT NULL
      AND EXISTS (SELECT 1 FROM "BasketItem" b WHERE b."offerId" = o.id)
      AND ($2::text[] IS NULL OR d."pickupPointId" = ANY($2::text[]))
    ORDER BY p.id, d."startsAt"`,
    [now, pickupPointIds],
  );
  return rows.map(({ photoId, photoWidth, photoHeight, ...row }) => ({
    ...row,
    photo: photoId !== null && photoWidth !== null && photoHeight !== null ? { id: photoId, width: photoWidth, height: photoHeight } : null,
  }));
}
