import { readRows } from "~/db.server";
import type { SaleUnit } from "~/domain/catalog/units";
import { defaultUnsoldUseBy, donationQuantityOf, unsoldDefaults, UNSOLD_DAYS, type LotUnit } from "~/domain/donations/unsold-stock";
import { postalAddress } from "~/domain/postal-address";

export type UnsoldOffer = {
  offerId: string;
  productName: string;
  categoryId: string;
  saleUnit: SaleUnit;
  /** Unsold, in the sale unit (stock − ordered). */
  unsoldCount: number;
  /** The same as a lot: its unit and thousandths of it. */
  unit: LotUnit;
  unsoldMilli: number;
  storage: "ambient" | "chilled";
  rawFishery: boolean;
  /** The use-by date proposed (defaultUnsoldUseBy), "YYYY-MM-DD"; null for ambient food. */
  useBy: string | null;
  /** The cost price the producer gave for this product's last lot, proposed again; null the first time. */
  costPriceCents: number | null;
  distribution: { id: string; startsAt: Date; endsAt: Date; pickupPointName: string; pickupPointAddress: string };
};

type Row = {
  offerId: string;
  productName: string;
  categoryId: string;
  saleUnit: SaleUnit;
  kind: "PRODUCT" | "BASKET";
  scientificName: string | null;
  productionMethod: string | null;
  ingredients: string | null;
  unsoldCount: number;
  lastCostPriceCents: number | null;
  distributionId: string;
  startsAt: Date;
  endsAt: Date;
  pickupPointName: string;
  pickupPointStreet: string;
  pickupPointPostalCode: string;
  pickupPointCommune: string;
};

/** The unsold page lists this many offers at most (a week of distributions holds far fewer). */
export const UNSOLD_OFFERS_LIMIT = 200;

/**
 * The producer's offers that can still become lots: their distribution ended (not cancelled)
 * within the last UNSOLD_DAYS days, something is left unsold, and no lot was made of them yet,
 * each with what the form proposes: storage, raw fishery, use-by date, and the cost price given for
 * the product's last lot. One statement; the latest distributions first.
 */
export async function listUnsoldOffers(options: { producerId: string; now: Date }): Promise<{ offers: UnsoldOffer[]; farmAddress: string }> {
  const [rows, farm] = await Promise.all([
    readRows<Row>(
      `SELECT o.id AS "offerId", p.name AS "productName", p."categoryId", p.unit::text AS "saleUnit", p.kind::text AS kind,
         p."scientificName", p."productionMethod"::text AS "productionMethod", p.ingredients, o.stock - o.ordered AS "unsoldCount",
         (SELECT l."costPriceCents" FROM "DonationLot" l JOIN "Offer" lo ON lo.id = l."offerId"
          WHERE lo."productId" = p.id AND l."donorId" = $1 ORDER BY l."createdAt" DESC, l.id LIMIT 1) AS "lastCostPriceCents",
         d.id AS "distributionId", d."startsAt", d."endsAt", pp.name AS "pickupPointName", pp.address AS "pickupPointStreet",
         c."postalCode" AS "pickupPointPostalCode", c.name AS "pickupPointCommune"
       FROM "Offer" o
       JOIN "Product" p ON p.id = o."productId"
       JOIN "Distribution" d ON d.id = o."distributionId"
       JOIN "PickupPoint" pp ON pp.id = d."pickupPointId"
       JOIN "Commune" c ON c."inseeCode" = pp."communeInsee"
       WHERE p."producerId" = $1 AND d.status = 'SCHEDULED' AND d."endsAt" <= $2 AND d."endsAt" > $2 - make_interval(days => $3)
         AND o.stock > o.ordered AND NOT EXISTS (SELECT 1 FROM "DonationLot" l WHERE l."offerId" = o.id)
       ORDER BY d."endsAt" DESC, d.id, p.name, o.id
       LIMIT ${UNSOLD_OFFERS_LIMIT}`,
      [options.producerId, options.now, UNSOLD_DAYS],
    ),
    readRows<{ address: string; name: string }>(`SELECT address, name FROM "Organisation" WHERE id = $1`, [options.producerId]),
  ]);
  const offers = rows.map((row): UnsoldOffer => {
    const quantity = donationQuantityOf(row.saleUnit, row.unsoldCount);
    const defaults = unsoldDefaults(row);
    return {
      offerId: row.offerId,
      productName: row.productName,
      categoryId: row.categoryId,
      saleUnit: row.saleUnit,
      unsoldCount: row.unsoldCount,
      unit: quantity.unit,
      unsoldMilli: quantity.quantityMilli,
      storage: defaults.storage,
      rawFishery: defaults.rawFishery,
      useBy: defaultUnsoldUseBy(row, row.startsAt),
      costPriceCents: row.lastCostPriceCents,
      distribution: {
        id: row.distributionId,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        pickupPointName: row.pickupPointName,
        pickupPointAddress: postalAddress(row.pickupPointStreet, row.pickupPointPostalCode, row.pickupPointCommune),
      },
    };
  });
  return { offers, farmAddress: farm[0]?.address.trim() || farm[0]?.name || "" };
}
