import { db } from "~/db.server";
import { forgetDistributionOffers } from "~/domain/catalog/catalogue-snapshot.server";
import { DomainError } from "~/domain/errors";
import { addOffersState } from "~/domain/sales/offer-rules";

export type CopyLastWeekResult = {
  /** The distribution copied from: the producer's last one at the same pickup point; null if none. */
  source: { id: string; startsAt: Date } | null;
  copied: Array<{ offerId: string; name: string; stock: number; priceCents: number; basketItems: number }>;
  /** Offers of the source left out: already on sale here, or their product is archived. */
  skipped: number;
};

/**
 * "Same as last week", in one action: the producer's offers of their previous distribution at
 * the same pickup point (products, prices, stocks; baskets with their composition) put on sale
 * at this one. Products already on sale here and archived products are skipped. One transaction;
 * the unique (distribution, product) index makes two simultaneous taps copy once.
 */
export async function copyLastWeek(input: { producerId: string; distributionId: string; now: Date }): Promise<CopyLastWeekResult> {
  const result = await db().$transaction(async (tx) => {
    const target = await tx.distribution.findUnique({
      where: { id: input.distributionId },
      select: { status: true, startsAt: true, cutoffAt: true, pickupPointId: true },
    });
    if (!target) throw new DomainError("not_found");
    const state = addOffersState(target, input.now);
    if (state === "distribution_cancelled") throw new DomainError("distribution_cancelled");
    if (state === "started") throw new DomainError("cutoff_passed", { field: "distributionId", messageKey: "offers.error.started" });

    const sources = await tx.$queryRaw<Array<{ id: string; startsAt: Date; offers: number }>>`
      SELECT d.id, d."startsAt",
             (SELECT count(*)::int FROM "Offer" o JOIN "Product" p ON p.id = o."productId"
              WHERE o."distributionId" = d.id AND p."producerId" = ${input.producerId}) AS offers
      FROM "Distribution" d
      WHERE d."pickupPointId" = ${target.pickupPointId} AND d."startsAt" < ${target.startsAt}
        AND EXISTS (SELECT 1 FROM "Offer" o JOIN "Product" p ON p.id = o."productId"
                    WHERE o."distributionId" = d.id AND p."producerId" = ${input.producerId})
      ORDER BY d."startsAt" DESC, d.id
      LIMIT 1`;
    const source = sources[0];
    if (!source) return { source: null, copied: [], skipped: 0 };

    // One statement: the new offers, then the compositions of the baskets among them.
    const copied = await tx.$queryRaw<CopyLastWeekResult["copied"]>`
      WITH inserted AS (
        INSERT INTO "Offer" (id, "distributionId", "productId", "priceCents", stock, "maxPerCustomer", "createdAt", "updatedAt")
        SELECT gen_random_uuid()::text, ${input.distributionId}, o."productId", o."priceCents", o.stock, o."maxPerCustomer", ${input.now}, ${input.now}
        FROM "Offer" o JOIN "Product" p ON p.id = o."productId"
        WHERE o."distributionId" = ${source.id} AND p."producerId" = ${input.producerId} AND p."archivedAt" IS NULL
        ORDER BY o."productId"
        ON CONFLICT ("distributionId", "productId") DO NOTHING
        RETURNING id, "productId", stock, "priceCents"
      ), items AS (
        INSERT INTO "BasketItem" (id, "offerId", position, label, "labelEn", "quantityLabel", "indicativePriceCents")
        SELECT gen_random_uuid()::text, i.id, b.position, b.label, b."labelEn", b."quantityLabel", b."indicativePriceCents"
        FROM inserted i
        JOIN "Offer" src ON src."productId" = i."productId" AND src."distributionId" = ${source.id}
        JOIN "BasketItem" b ON b."offerId" = src.id
        RETURNING "offerId"
      )
      SELECT i.id AS "offerId", p.name, i.stock, i."priceCents",
             (SELECT count(*)::int FROM items WHERE items."offerId" = i.id) AS "basketItems"
      FROM inserted i JOIN "Product" p ON p.id = i."productId"
      ORDER BY p.name, i.id`;
    return { source: { id: source.id, startsAt: source.startsAt }, copied, skipped: source.offers - copied.length };
  });
  if (result.copied.length > 0) forgetDistributionOffers(input.distributionId);
  return result;
}
