import type { Tx } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { orderChangeRefusal, type OrderStatus } from "~/domain/ordering/order-changes";

/**
 * Locks the customer's order row for the rest of the transaction and checks it may still
 * change: confirmed (a card order waiting for its payment is refused: order_awaiting_payment),
 * and its distribution still before the cutoff. Every change to an order
 * goes through this lock, so two changes of one order never interleave.
 */
export async function lockOpenOrder(tx: Tx, options: { orderId: string; userId: string; now: Date }) {
  const rows = await tx.$queryRaw<Array<{ id: string; status: OrderStatus; slotId: string; distStatus: "SCHEDULED" | "CANCELLED"; opensAt: Date; cutoffAt: Date }>>`
    SELECT o.id, o.status::text AS status, o."slotId", d.status::text AS "distStatus", d."opensAt", d."cutoffAt"
    FROM "Order" o JOIN "Distribution" d ON d.id = o."distributionId"
    WHERE o.id = ${options.orderId} AND o."userId" = ${options.userId}
    FOR UPDATE OF o`;
  const order = rows[0];
  if (!order) throw new DomainError("not_found");
  const refusal = orderChangeRefusal(order.status, { status: order.distStatus, opensAt: order.opensAt, cutoffAt: order.cutoffAt }, options.now);
  if (refusal) throw new DomainError(refusal);
  return order;
}
