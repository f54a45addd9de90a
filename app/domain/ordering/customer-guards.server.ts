import { db, type DbOrTx, type Tx } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { Prisma } from "~/generated/prisma/client";
import type { LimitRefusal } from "~/domain/ordering/customer-limits";

/**
 * Every change to what one customer holds of one distribution (placing an order, growing a line)
 * runs under this lock, so the per-customer limits are checked and written atomically: parallel
 * requests of one customer queue here, other customers never do.
 */
export async function lockCustomerDistribution(tx: Tx, userId: string, distributionId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`customer-distribution:${userId}:${distributionId}`}, 0))`;
}

/**
 * An order paid at pickup takes stock and a slot place on trust: the first one asks for a
 * confirmed email address. Someone who already collected an order is known (decision 019).
 * Written once over the row `u` of "User": the cart page's hint and the order's check read it.
 */
const knownCustomerOf = Prisma.sql`(u."emailVerifiedAt" IS NOT NULL OR EXISTS (
  SELECT 1 FROM "Handover" h JOIN "Order" o ON o.id = h."orderId"
  WHERE o."userId" = u.id AND h.status = 'COLLECTED'))`;

/** Whether the person may place an order paid at pickup: a confirmed email, or an order already collected. */
export async function isKnownCustomer(userId: string, tx: DbOrTx = db()): Promise<boolean> {
  const [row] = await tx.$queryRaw<Array<{ known: boolean }>>`
    SELECT ${knownCustomerOf} AS known FROM "User" u WHERE u.id = ${userId}`;
  return row?.known === true;
}

export type CustomerHoldings = { known: boolean; openOrders: number; ordered: Map<string, number> };

/**
 * In one statement: whether the customer is known (see isKnownCustomer), how many confirmed
 * orders they have for the distribution, and how many units of each offer those hold. A card
 * order waiting for its payment counts (decision 027 §10): it holds stock and a place, and
 * checkouts left open must not pass the limits. Read under
 * lockCustomerDistribution, so nothing of theirs changes until the commit.
 */
export async function customerHoldings(tx: Tx, userId: string, distributionId: string, offerIds: readonly string[]): Promise<CustomerHoldings> {
  const [row] = await tx.$queryRaw<Array<{ known: boolean; openOrders: number; ordered: Array<{ offerId: string; quantity: number }> }>>`
    SELECT ${knownCustomerOf} AS known,
           (SELECT count(*)::int FROM "Order" o
             WHERE o."userId" = u.id AND o."distributionId" = ${distributionId} AND o.status IN ('CONFIRMED', 'AWAITING_PAYMENT')) AS "openOrders",
           COALESCE((SELECT json_agg(json_build_object('offerId', t."offerId", 'quantity', t.quantity)) FROM (
              SELECT ol."offerId", sum(ol.quantity)::int AS quantity
              FROM "OrderLine" ol JOIN "Order" o ON o.id = ol."orderId"
              WHERE o."userId" = u.id AND o."distributionId" = ${distributionId} AND o.status IN ('CONFIRMED', 'AWAITING_PAYMENT')
                AND ol."offerId" = ANY(${[...offerIds]}::text[])
              GROUP BY ol."offerId") t), '[]'::json) AS ordered
    FROM "User" u WHERE u.id = ${userId}`;
  return { known: row?.known === true, openOrders: row?.openOrders ?? 0, ordered: new Map((row?.ordered ?? []).map((line) => [line.offerId, line.quantity])) };
}

export function limitError(refusal: LimitRefusal): DomainError {
  if (refusal.kind === "orders") return new DomainError("customer_limit", { messageKey: "ordering.limit.orders", messageParams: { max: refusal.max } });
  return new DomainError("customer_limit", {
    field: "lines",
    messageKey: refusal.alreadyOrdered > 0 ? "ordering.limit.perCustomerAlready" : "ordering.limit.perCustomer",
    messageParams: { name: refusal.name, max: refusal.max, ordered: refusal.alreadyOrdered },
  });
}
