import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { forgetDistributionOffers } from "~/domain/catalog/catalogue-snapshot.server";
import { DomainError } from "~/domain/errors";
import type { BasketItemInput } from "~/domain/sales/offer-fields";
import { compositionState } from "~/domain/sales/offer-rules";

export type SetBasketCompositionInput = {
  producerId: string;
  offerId: string;
  /** When the caller knows it (the page's URL): the offer must belong to that distribution. */
  distributionId?: string;
  items: BasketItemInput[];
  now: Date;
};

/**
 * Announces what is in a basket offer for its distribution: the items, their quantities and
 * indicative prices, in the order given (an empty list withdraws the announcement). Customers
 * see it before the cutoff and buy what was announced, so after the cutoff it no longer changes.
 * The offer row is locked while its items are replaced: two saves never mix their items.
 */
export async function setBasketComposition(input: SetBasketCompositionInput): Promise<{ distributionId: string; items: number }> {
  const result = await db().$transaction(async (tx) => {
    const offers = await tx.$queryRaw<Array<{ distributionId: string; kind: string; status: "SCHEDULED" | "CANCELLED"; startsAt: Date; cutoffAt: Date }>>`
      SELECT o."distributionId", p.kind::text AS kind, d.status::text AS status, d."startsAt", d."cutoffAt"
      FROM "Offer" o
      JOIN "Product" p ON p.id = o."productId"
      JOIN "Distribution" d ON d.id = o."distributionId"
      WHERE o.id = ${input.offerId} AND p."producerId" = ${input.producerId}
        AND (${input.distributionId ?? null}::text IS NULL OR o."distributionId" = ${input.distributionId ?? null}::text)
      FOR UPDATE OF o`;
    const offer = offers[0];
    if (!offer) throw new DomainError("not_found");
    if (offer.kind !== "BASKET") throw new DomainError("invalid", { field: "offerId", messageKey: "offers.error.notBasket" });
    const state = compositionState(offer, input.now);
    if (state === "distribution_cancelled") throw new DomainError("distribution_cancelled");
    if (state === "cutoff_passed") throw new DomainError("cutoff_passed", { field: "composition", messageKey: "offers.error.compositionLocked" });

    await tx.basketItem.deleteMany({ where: { offerId: input.offerId } });
    await tx.basketItem.createMany({
      data: input.items.map((item, position) => ({
        id: randomUUID(),
        offerId: input.offerId,
        position,
        label: item.label,
        labelEn: item.labelEn ?? null,
        quantityLabel: item.quantityLabel,
        indicativePriceCents: item.indicativePriceCents,
      })),
    });
    return { distributionId: offer.distributionId, items: input.items.length };
  });
  forgetDistributionOffers(result.distributionId);
  return result;
}
