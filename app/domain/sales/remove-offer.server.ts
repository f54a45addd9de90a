import { db } from "~/db.server";
import { forgetDistributionOffers } from "~/domain/catalog/catalogue-snapshot.server";
import { DomainError } from "~/domain/errors";

/**
 * Takes an offer off sale by deleting it, only while no order ever took it (order lines keep
 * their offer: what was sold is never lost). The condition is in the DELETE itself: an order
 * arriving at the same instant either comes first (nothing is deleted) or finds no offer.
 * Customers' carts lose the offer with it.
 */
export async function removeOffer(input: { producerId: string; distributionId: string; offerId: string }): Promise<{ name: string }> {
  const removed = await db().$queryRaw<Array<{ name: string }>>`
    DELETE FROM "Offer" o
    USING "Product" p
    WHERE o.id = ${input.offerId} AND o."distributionId" = ${input.distributionId}
      AND p.id = o."productId" AND p."producerId" = ${input.producerId}
      AND o.ordered = 0 AND NOT EXISTS (SELECT 1 FROM "OrderLine" l WHERE l."offerId" = o.id)
    RETURNING p.name`;
  const offer = removed[0];
  if (offer) {
    forgetDistributionOffers(input.distributionId);
    return offer;
  }
  const current = await db().offer.findFirst({
    where: { id: input.offerId, distributionId: input.distributionId, product: { producerId: input.producerId } },
    select: { ordered: true },
  });
  if (!current) throw new DomainError("not_found");
  if (current.ordered > 0) throw new DomainError("below_ordered", { ordered: current.ordered, messageKey: "offers.error.hasOrders", messageParams: { ordered: current.ordered } });
  throw new DomainError("invalid", { field: "offerId", messageKey: "offers.error.hadOrders" });
}
