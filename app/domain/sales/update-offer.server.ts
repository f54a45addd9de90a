import { db } from "~/db.server";
import { forgetDistributionOffers } from "~/domain/catalog/catalogue-snapshot.server";
import { DomainError } from "~/domain/errors";
import { OFFER_ROW_COLUMNS, type OfferRow } from "~/domain/sales/offer-row";
import { Prisma } from "~/generated/prisma/client";

export type UpdateOfferInput = {
  producerId: string;
  offerId: string;
  /** When the caller knows it (the page's URL): the offer must belong to that distribution. */
  distributionId?: string;
  stock?: number;
  priceCents?: number;
  /** "At most N per customer"; null clears it (the house default applies), absent keeps it. */
  maxPerCustomer?: number | null;
  now: Date;
};

export type UpdatedOffer = OfferRow;

/** Orders may come and go between our attempt and our look; this many looks settle it. */
const ATTEMPTS = 5;

/**
 * Changes the stock and/or price of one of the producer's offers. Raising stock is always
 * allowed; lowering it below what customers have already ordered is refused with that quantity
 * (409 below_ordered). The check and the write are ONE conditional UPDATE: on the offer row,
 * which placeOrder locks too, PostgreSQL re-evaluates `ordered <= new stock` against the latest
 * committed `ordered`, so an order arriving at the same instant can never be oversold (and the
 * Offer_stock_check constraint stands behind it). A new price applies to new orders only: order
 * lines keep the price they were placed at.
 * Another producer's offer is not found, exactly like a missing one: ownership is in the WHERE.
 */
export async function updateOffer(input: UpdateOfferInput): Promise<UpdatedOffer> {
  if (input.stock === undefined && input.priceCents === undefined && input.maxPerCustomer === undefined) throw new DomainError("invalid", { field: "stock" });
  const setsMax = input.maxPerCustomer !== undefined;
  for (let attempt = 1; ; attempt += 1) {
    const rows = await db().$queryRaw<UpdatedOffer[]>`
      UPDATE "Offer" o
      SET stock = coalesce(${input.stock ?? null}::int, o.stock),
          "priceCents" = coalesce(${input.priceCents ?? null}::int, o."priceCents"),
          "maxPerCustomer" = CASE WHEN ${setsMax}::boolean THEN ${input.maxPerCustomer ?? null}::int ELSE o."maxPerCustomer" END,
          "updatedAt" = ${input.now}
      FROM "Product" p
      WHERE o.id = ${input.offerId} AND p.id = o."productId" AND p."producerId" = ${input.producerId}
        AND (${input.distributionId ?? null}::text IS NULL OR o."distributionId" = ${input.distributionId ?? null}::text)
        AND (${input.stock ?? null}::int IS NULL OR o.ordered <= ${input.stock ?? null}::int)
      RETURNING ${Prisma.raw(OFFER_ROW_COLUMNS)}`;
    const updated = rows[0];
    if (updated) {
      forgetDistributionOffers(updated.distributionId);
      return updated;
    }
    // Nothing updated: not theirs (or no such offer), or below what is ordered right now.
    const current = await db().offer.findFirst({
      where: { id: input.offerId, product: { producerId: input.producerId }, ...(input.distributionId ? { distributionId: input.distributionId } : {}) },
      select: { ordered: true },
    });
    if (!current) throw new DomainError("not_found");
    if (input.stock !== undefined && (current.ordered > input.stock || attempt >= ATTEMPTS)) {
      throw new DomainError("below_ordered", { ordered: current.ordered });
    }
    if (attempt >= ATTEMPTS) throw new DomainError("not_found");
    // A cancellation gave stock back between the two statements: try again.
  }
}
