import { readRows } from "~/db.server";
import { compositionState } from "~/domain/sales/offer-rules";
import { OFFER_ROW_COLUMNS, type OfferRow } from "~/domain/sales/offer-row";
import { producerDistribution, type ProducerDistribution, type ProducerDistributionRow } from "~/domain/sales/producer-distribution";

export type ProducerOffer = OfferRow & {
  /** No order ever took it: it can be removed rather than set to zero. */
  removable: boolean;
  basketItems: Array<{ label: string; labelEn: string | null; quantityLabel: string; indicativePriceCents: number }>;
};

export type ProducerSalesSheet = {
  distribution: ProducerDistribution & { canChangeComposition: boolean };
  offers: ProducerOffer[];
};

/**
 * The caller's offers for one distribution, with stock, what customers ordered and what
 * remains; null when the distribution does not exist. Only this producer's offers: the
 * producer is in the WHERE. Two statements whatever the number of offers.
 */
export async function listProducerOffers(options: { producerId: string; distributionId: string; now: Date }): Promise<ProducerSalesSheet | null> {
  const [distributions, offers] = await Promise.all([
    readRows<ProducerDistributionRow>(
      `SELECT d.id, d."startsAt", d."endsAt", d."opensAt", d."cutoffAt", d.status::text AS status,
              pp.id AS "ppId", pp.name AS "ppName", c.name AS commune
       FROM "Distribution" d
       JOIN "PickupPoint" pp ON pp.id = d."pickupPointId"
       JOIN "Commune" c ON c."inseeCode" = pp."communeInsee"
       WHERE d.id = $1`,
      [options.distributionId],
    ),
    readRows<ProducerOffer>(
      `SELECT ${OFFER_ROW_COLUMNS},
              NOT EXISTS (SELECT 1 FROM "OrderLine" l WHERE l."offerId" = o.id) AS removable,
              coalesce((SELECT json_agg(json_build_object('label', b.label, 'labelEn', b."labelEn", 'quantityLabel', b."quantityLabel",
                                                          'indicativePriceCents', b."indicativePriceCents") ORDER BY b.position)
                        FROM "BasketItem" b WHERE b."offerId" = o.id), '[]'::json) AS "basketItems"
       FROM "Offer" o
       JOIN "Product" p ON p.id = o."productId"
       WHERE o."distributionId" = $1 AND p."producerId" = $2
       ORDER BY p.kind DESC, p.name, o.id`,
      [options.distributionId, options.producerId],
    ),
  ]);
  const row = distributions[0];
  if (!row) return null;
  return {
    distribution: { ...producerDistribution(row, options.now), canChangeComposition: compositionState(row, options.now) === "open" },
    offers,
  };
}
