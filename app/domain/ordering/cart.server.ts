import { z } from "zod";
import { db, readRows } from "~/db.server";
import type { SaleUnit } from "~/domain/catalog/units";
import { orderingState } from "~/domain/distributions/ordering-window";
import { DomainError } from "~/domain/errors";
import { formAddQuantityField, formQuantityField, idField } from "~/domain/fields";
import { limitError } from "~/domain/ordering/customer-guards.server";
import { offerLimitRefusal } from "~/domain/ordering/customer-limits";

export const setCartQuantitySchema = z.object({ offerId: idField, quantity: formQuantityField });
/** The catalogue's "Add" button: a quantity of at least 1. */
export const addToCartSchema = z.object({ offerId: idField, quantity: formAddQuantityField });

/**
 * Puts a quantity of an offer in the signed-in person's cart (0 takes it out). The cart is kept
 * in the database, so it is there on the next visit and on another device. It reserves nothing:
 * stock is taken when the order is placed.
 */
export async function setCartQuantity(input: { userId: string; offerId: string; quantity: number; now: Date }): Promise<void> {
  // Only what is on sale publicly can be put in a cart: an archived product or an unverified producer is unknown here.
  const offer = await db().offer.findFirst({
    where: { id: input.offerId, product: { archivedAt: null, producer: { verifiedAt: { not: null } } } },
    select: { stock: true, ordered: true, maxPerCustomer: true, product: { select: { name: true } }, distribution: { select: { status: true, opensAt: true, cutoffAt: true } } },
  });
  if (!offer) throw new DomainError("invalid", { field: "offerId", offerIds: [input.offerId] });
  if (input.quantity === 0) {
    await db().cartItem.deleteMany({ where: { userId: input.userId, offerId: input.offerId } });
    return;
  }
  const state = orderingState(offer.distribution, input.now);
  if (state !== "open") throw new DomainError(state);
  if (input.quantity > offer.stock - offer.ordered) throw new DomainError("sold_out", { offerIds: [input.offerId] });
  // Said now rather than at checkout; the checkout checks it again with the customer's orders (decision 019).
  const refusal = offerLimitRefusal({ offerId: input.offerId, name: offer.product.name, quantity: input.quantity, maxPerCustomer: offer.maxPerCustomer, alreadyOrdered: 0 });
  if (refusal) throw limitError(refusal);
  await db().cartItem.upsert({
    where: { userId_offerId: { userId: input.userId, offerId: input.offerId } },
    create: { userId: input.userId, offerId: input.offerId, quantity: input.quantity, updatedAt: input.now },
    update: { quantity: input.quantity, updatedAt: input.now },
  });
}

export type CartLine = {
  offerId: string;
  name: string;
  unit: SaleUnit;
  quantity: number;
  priceCents: number;
  remaining: number;
  producerName: string;
  /** What the price label needs (price-label.ts): a piece sold by weight reads per kg. */
  variableWeight: boolean;
  estimatedWeightGrams: number | null;
  netQuantityGrams: number | null;
};

export async function getCart(userId: string, distributionId: string): Promise<CartLine[]> {
  return db().$queryRaw<CartLine[]>`
    SELECT ci."offerId", p.name, p.unit::text AS unit, ci.quantity, o."priceCents", (o.stock - o.ordered) AS remaining,
           org.name AS "producerName", p."variableWeight", p."estimatedWeightGrams", p."netQuantityGrams"
    FROM "CartItem" ci JOIN "Offer" o ON o.id = ci."offerId" JOIN "Product" p ON p.id = o."productId"
    JOIN "Organisation" org ON org.id = p."producerId"
    WHERE ci."userId" = ${userId} AND o."distributionId" = ${distributionId}
    ORDER BY p.name`;
}

/** The cart's quantities per offer for one distribution, for the catalogue's buttons. */
export async function cartQuantities(userId: string, distributionId: string): Promise<Record<string, number>> {
  const rows = await readRows<{ offerId: string; quantity: number }>(
    `SELECT ci."offerId", ci.quantity FROM "CartItem" ci JOIN "Offer" o ON o.id = ci."offerId"
     WHERE ci."userId" = $1 AND o."distributionId" = $2`,
    [userId, distributionId],
  );
  return Object.fromEntries(rows.map((row) => [row.offerId, row.quantity]));
}
