import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { forgetDistributionOffers } from "~/domain/catalog/catalogue-snapshot.server";
import { DomainError } from "~/domain/errors";
import { addOffersState } from "~/domain/sales/offer-rules";

export type PutOfferInput = {
  producerId: string;
  distributionId: string;
  productId: string;
  stock: number;
  /** Absent: the product's own price. */
  priceCents?: number;
  now: Date;
};

export type PutOfferResult = { id: string; name: string; stock: number; priceCents: number };

/**
 * Puts one of the producer's products on sale at a distribution, with its stock and price.
 * Allowed until the distribution starts (offer-rules.ts says why); the product must be the
 * producer's own and not archived; a product is on sale once per distribution (the unique
 * index decides, so two taps on "add" make one offer). Callers check the producer is verified.
 */
export async function putOffer(input: PutOfferInput): Promise<PutOfferResult> {
  const result = await db().$transaction(async (tx) => {
    const distribution = await tx.distribution.findUnique({
      where: { id: input.distributionId },
      select: { status: true, startsAt: true, cutoffAt: true },
    });
    if (!distribution) throw new DomainError("not_found");
    const state = addOffersState(distribution, input.now);
    if (state === "distribution_cancelled") throw new DomainError("distribution_cancelled");
    if (state === "started") throw new DomainError("cutoff_passed", { field: "distributionId", messageKey: "offers.error.started" });

    const product = await tx.product.findFirst({
      where: { id: input.productId, producerId: input.producerId, archivedAt: null },
      select: { name: true, priceCents: true },
    });
    if (!product) throw new DomainError("invalid", { field: "productId", messageKey: "offers.error.unknownProduct" });

    const priceCents = input.priceCents ?? product.priceCents;
    const inserted = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "Offer" (id, "distributionId", "productId", "priceCents", stock, "createdAt", "updatedAt")
      VALUES (${randomUUID()}, ${input.distributionId}, ${input.productId}, ${priceCents}, ${input.stock}, ${input.now}, ${input.now})
      ON CONFLICT ("distributionId", "productId") DO NOTHING
      RETURNING id`;
    const offer = inserted[0];
    if (!offer) throw new DomainError("invalid", { field: "productId", messageKey: "offers.error.alreadyOffered" });
    return { id: offer.id, name: product.name, stock: input.stock, priceCents };
  });
  forgetDistributionOffers(input.distributionId);
  return result;
}
