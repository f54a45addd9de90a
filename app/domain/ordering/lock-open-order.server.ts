import type { Tx } from "~/db.server";
import { orderingState } from "~/domain/distributions/ordering-window";
import { DomainError } from "~/domain/errors";

/**
 * Locks the customer's order row for the rest of the transaction and checks it may still
 * change: confirmed, and its distribution still before the cutoff. Every change to an order
 * goes through this lock, so two changes of one order never interleave.
 */
export async function lockOpenOrder(tx: Tx, options: { orderId: string; userId: string; now: Date }) {
  const rows = await tx.$queryRaw<Array<{ id: string; status: "CONFIRMED" | "CANCELLED"; slotId: string; distStatus: "SCHEDULED" | "CANCELLED"; opensAt: Date; cutoffAt: Date }>>`
    SELECT o.id, o.status::text AS status, o."slotId", d.status::text AS "distStatus", d."opensAt", d."cutoffAt"
    FROM "Order" o JOIN "Distribution" d ON d.id = o."distributionId"
    WHERE o.id = ${options.orderId} AND o."userId" = ${options.userId}
    FOR UPDATE OF o`;
  const order = rows[0];
  if (!order) throw new DomainError("not_found");
  if (order.status === "CANCELLED") throw new DomainError("order_cancelled");
  const state = orderingState({ status: order.distStatus, opensAt: order.opensAt, cutoffAt: order.cutoffAt }, options.now);
  // Before opening there can be no order; only the cutoff and a cancelled distribution matter.
  if (state === "cutoff_passed" || state === "distribution_cancelled") throw new DomainError(state);
  return order;
}
