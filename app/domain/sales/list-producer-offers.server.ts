import { readRows } from "~/db.server";
import type { SaleUnit } from "~/domain/catalog/units";
import { orderingState, type OrderingState } from "~/domain/distributions/ordering-window";
import { addOffersState, compositionState } from "~/domain/sales/offer-rules";

export type ProducerOffer = {
  id: string;
  distributionId: string;
  productId: string;
  kind: "PRODUCT" | "BASKET";
  name: string;
  unit: SaleUnit;
  priceCents: number;
  stock: number;
  ordered: number;
  remaining: number;
  updatedAt: Date;
  /** No order ever took it: it can be removed rather than set to zero. */
  removable: boolean;
  basketItems: Array<{ label: string; labelEn: string | null; quantityLabel: string; indicativePriceCents: number }>;
};

export type ProducerSalesSheet = {
  distribution: {
    id: string;
    startsAt: Date;
    endsAt: Date;
    opensAt: Date;
    cutoffAt: Date;
    status: "SCHEDULED" | "CANCELLED";
    pickupPoint: { id: string; name: string; commune: string };
    state: OrderingState;
    canAddOffers: boolean;
    canChangeComposition: boolean;
  };
  offers: ProducerOffer[];
};

type DistributionRow = Omit<ProducerSalesSheet["distribution"], "pickupPoint" | "state" | "canAddOffers" | "canChangeComposition"> & {
  ppId: string;
  ppName: string;
  commune: string;
};

/**
 * The caller's offers for one distribution, with stock, what customers ordered and what
 * remains; null when the distribution does not exist. Only this producer's offers: the
 * producer is in the WHERE. Two statements whatever the number of offers.
 */
export async function listProducerOffers(options: { producerId: string; distributionId: string; now: Date }): Promise<ProducerSalesSheet | null> {
  const [distributions, offers] = await Promise.all([
    readRows<DistributionRow>(
      `SELECT d.id, d."startsAt", d."endsAt", d."opensAt", d."cutoffAt", d.status::text AS status,
              pp.id AS "ppId", pp.name AS "ppName", c.name AS commune
       FROM "Distribution" d
       JOIN "PickupPoint" pp ON pp.id = d."pickupPointId"
       JOIN "Commune" c ON c."inseeCode" = pp."communeInsee"
       WHERE d.id = $1`,
      [options.distributionId],
    ),
    readRows<ProducerOffer>(
      `SELECT o.id, o."distributionId", o."productId", p.kind::text AS kind, p.name, p.unit::text AS unit,
              o."priceCents", o.stock, o.ordered, o.stock - o.ordered AS remaining, o."updatedAt",
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
  const { ppId, ppName, commune, ...distribution } = row;
  return {
    distribution: {
      ...distribution,
      pickupPoint: { id: ppId, name: ppName, commune },
      state: orderingState(distribution, options.now),
      canAddOffers: addOffersState(distribution, options.now) === "open",
      canChangeComposition: compositionState(distribution, options.now) === "open",
    },
    offers,
  };
}
