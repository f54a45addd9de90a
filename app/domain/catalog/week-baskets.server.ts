import { readRows } from "~/db.server";

export type WeekBasket = {
  offerId: string;
  name: string;
  nameEn: string | null;
  priceCents: number;
  pickupPoint: string;
  startsAt: Date;
  items: Array<{ label: string; labelEn: string | null; quantityLabel: string; indicativePriceCents: number }>;
};

/**
 * What is in the baskets of the next distribution that carries each basket: one statement.
 * Only baskets whose composition was announced are shown. The home page reads it on every visit:
 * through the pool directly (decision 007).
 */
export async function weekBaskets(now: Date): Promise<WeekBasket[]> {
  return readRows<WeekBasket>(
    `
    SELECT DISTINCT ON (p.id) o.id AS "offerId", p.name, p."nameEn", o."priceCents", pp.name AS "pickupPoint", d."startsAt",
      (SELECT json_agg(json_build_object('label', b.label, 'labelEn', b."labelEn", 'quantityLabel', b."quantityLabel",
                                         'indicativePriceCents', b."indicativePriceCents") ORDER BY b.position)
       FROM "BasketItem" b WHERE b."offerId" = o.id) AS items
    FROM "Offer" o
    JOIN "Product" p ON p.id = o."productId"
    JOIN "Distribution" d ON d.id = o."distributionId"
    JOIN "PickupPoint" pp ON pp.id = d."pickupPointId"
    JOIN "Organisation" org ON org.id = p."producerId"
    WHERE p.kind = 'BASKET' AND d."cutoffAt" > $1 AND d.status = 'SCHEDULED' AND p."archivedAt" IS NULL AND org."verifiedAt" IS NOT NULL
      AND EXISTS (SELECT 1 FROM "BasketItem" b WHERE b."offerId" = o.id)
    ORDER BY p.id, d."startsAt"`,
    [now],
  );
}
