import { z } from "zod";
import { db, readRows, type DbOrTx } from "~/db.server";
import type { SaleUnit } from "~/domain/catalog/units";
import { orderingState } from "~/domain/distributions/ordering-window";
import { DomainError } from "~/domain/errors";
import { formAddQuantityField, formQuantityField, idField } from "~/domain/fields";
import { MAX_CART_LINES, type SummaryLine } from "~/domain/ordering/cart-summary";
import { limitError } from "~/domain/ordering/customer-guards.server";
import { offerLimitRefusal } from "~/domain/ordering/customer-limits";

export const setCartQuantitySchema = z.object({ offerId: idField, quantity: formQuantityField });
/** The catalogue's "Add" button: a quantity of at least 1. */
export const addToCartSchema = z.object({ offerId: idField, quantity: formAddQuantityField });

/**
 * Whose cart: a signed-in person's, or a visitor's (decision 024), named by the hash of the token
 * in their `tm_cart` cookie. A visitor's cart is read only while it has not expired, so a forged
 * or stale cookie reads as an empty cart.
 */
export type CartOwner = { userId: string } | { guestCartId: string };

/**
 * The rules every cart obeys, a person's or a visitor's: only what is on sale publicly, while its
 * distribution takes orders, within what remains and within the producer's per-customer limit.
 * Throws the refusal; nothing is written.
 */
export async function refuseUnlessCartable(input: { offerId: string; quantity: number; now: Date }): Promise<void> {
  // An archived product or an unverified producer is unknown here.
  const offer = await db().offer.findFirst({
    where: { id: input.offerId, product: { archivedAt: null, producer: { verifiedAt: { not: null } } } },
    select: { stock: true, ordered: true, maxPerCustomer: true, product: { select: { name: true } }, distribution: { select: { status: true, opensAt: true, cutoffAt: true } } },
  });
  if (!offer) throw new DomainError("invalid", { field: "offerId", offerIds: [input.offerId] });
  if (input.quantity === 0) return;
  const state = orderingState(offer.distribution, input.now);
  if (state !== "open") throw new DomainError(state);
  if (input.quantity > offer.stock - offer.ordered) throw new DomainError("sold_out", { offerIds: [input.offerId] });
  // Said now rather than at checkout; the checkout checks it again with the customer's orders (decision 019).
  const refusal = offerLimitRefusal({ offerId: input.offerId, name: offer.product.name, quantity: input.quantity, maxPerCustomer: offer.maxPerCustomer, alreadyOrdered: 0 });
  if (refusal) throw limitError(refusal);
}

/** A cart holds at most MAX_CART_LINES different offers: a script cannot grow one without end. */
export function cartFullError(): DomainError {
  return new DomainError("invalid", { field: "offerId", messageKey: "cartGuest.full", messageParams: { max: MAX_CART_LINES } });
}

/**
 * Puts a quantity of an offer in the signed-in person's cart (0 takes it out). The cart is kept
 * in the database, so it is there on the next visit and on another device. It reserves nothing:
 * stock is taken when the order is placed. (A visitor's cart: putInGuestCart.)
 */
export async function setCartQuantity(input: { userId: string; offerId: string; quantity: number; now: Date }): Promise<void> {
  await refuseUnlessCartable(input);
  if (input.quantity === 0) {
    await db().cartItem.deleteMany({ where: { userId: input.userId, offerId: input.offerId } });
    return;
  }
  const others = await db().cartItem.count({ where: { userId: input.userId, offerId: { not: input.offerId } } });
  if (others >= MAX_CART_LINES) throw cartFullError();
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
  /** The product's photo (its stored file's id and size), or null: the category's pictogram then. */
  photo: { id: string; width: number; height: number } | null;
  category: string;
};

/**
 * The lines of one owner's cart, as the rows `ci` ("offerId", quantity) the SQL below reads: a
 * person's CartItem rows, or a live visitor cart's GuestCartItem rows.
 */
function ownerLinesSql(owner: CartOwner, now: Date, first: number): { sql: string; params: unknown[] } {
  if ("userId" in owner) return { sql: `SELECT "offerId", quantity FROM "CartItem" WHERE "userId" = $${first}`, params: [owner.userId] };
  return {
    sql: `SELECT gi."offerId", gi.quantity FROM "GuestCartItem" gi JOIN "GuestCart" g ON g.id = gi."guestCartId"
          WHERE g.id = $${first} AND g."expiresAt" > $${first + 1}`,
    params: [owner.guestCartId, now],
  };
}

export async function getCart(owner: CartOwner, distributionId: string, now: Date = new Date(), tx: DbOrTx = db()): Promise<CartLine[]> {
  const lines = ownerLinesSql(owner, now, 2);
  return tx.$queryRawUnsafe<CartLine[]>(
    `SELECT ci."offerId", p.name, p.unit::text AS unit, ci.quantity, o."priceCents", (o.stock - o.ordered) AS remaining,
            org.name AS "producerName", p."variableWeight", p."estimatedWeightGrams", p."netQuantityGrams",
            CASE WHEN sf.id IS NULL THEN NULL ELSE json_build_object('id', sf.id, 'width', sf.width, 'height', sf.height) END AS photo,
            p."categoryId" AS category
     FROM (${lines.sql}) ci JOIN "Offer" o ON o.id = ci."offerId" JOIN "Product" p ON p.id = o."productId"
     JOIN "Organisation" org ON org.id = p."producerId"
     LEFT JOIN "StoredFile" sf ON sf.id = p."photoId"
     WHERE o."distributionId" = $1
     ORDER BY p.name`,
    distributionId,
    ...lines.params,
  );
}

/** The cart's quantities per offer for one distribution, for the catalogue's buttons. */
export async function cartQuantities(owner: CartOwner, distributionId: string, now: Date = new Date()): Promise<Record<string, number>> {
  const lines = ownerLinesSql(owner, now, 2);
  const rows = await readRows<{ offerId: string; quantity: number }>(
    `SELECT ci."offerId", ci.quantity FROM (${lines.sql}) ci JOIN "Offer" o ON o.id = ci."offerId"
     WHERE o."distributionId" = $1`,
    [distributionId, ...lines.params],
  );
  return Object.fromEntries(rows.map((row) => [row.offerId, row.quantity]));
}

/** One cart line as the header's summary reads it (`cart-summary.ts` adds them up per distribution). */
export type CartSummaryRow = SummaryLine;

/**
 * Every line of the owner's cart for distributions not yet over (nor cancelled), with what the
 * header's summary needs: one statement, whatever the size of the cart (cartSummaryOf groups them).
 */
export async function cartSummaryRows(owner: CartOwner, now: Date): Promise<CartSummaryRow[]> {
  const lines = ownerLinesSql(owner, now, 2);
  return readRows<CartSummaryRow>(
    `SELECT o."distributionId", d."startsAt", pp.name AS "pointName", ci.quantity, o."priceCents", p.unit::text AS unit,
            p."variableWeight", p."estimatedWeightGrams"
     FROM (${lines.sql}) ci JOIN "Offer" o ON o.id = ci."offerId" JOIN "Product" p ON p.id = o."productId"
     JOIN "Distribution" d ON d.id = o."distributionId" JOIN "PickupPoint" pp ON pp.id = d."pickupPointId"
     WHERE d."endsAt" > $1 AND d.status = 'SCHEDULED'
     ORDER BY d."startsAt", d.id`,
    [now, ...lines.params],
  );
}
