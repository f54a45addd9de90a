import type { Tx } from "~/db.server";
import { addJob } from "~/infra/jobs.server";

/**
 * Ends the hold of a card order still waiting for its payment (decision 027 §3): the one
 * conditional UPDATE `… WHERE status = 'AWAITING_PAYMENT'` that every way out of the wait goes
 * through — the hold's job and the `checkout.session.expired` webhook (to EXPIRED), the
 * customer's « annuler » or a cancelled distribution (to CANCELLED). Only the call that changed
 * the row gives the stock (Offer.ordered) and the slot place back, closes the CardPayment and
 * adds the job that expires the Checkout Session at Stripe; any other call, before or after,
 * at the same instant or replayed, changes nothing and returns false.
 *
 * Runs in the caller's transaction. Offers are locked in id order, as placeOrder and cancelOrder
 * do, so the three never deadlock. The caller forgets the distribution's cached offers after its
 * commit (forgetDistributionOffers).
 */
export async function releaseHold(tx: Tx, orderId: string, to: "EXPIRED" | "CANCELLED", now: Date): Promise<boolean> {
  const released = await tx.$queryRaw<Array<{ slotId: string }>>`
    UPDATE "Order"
    SET status = ${to}::"OrderStatus", "updatedAt" = ${now},
        "cancelledAt" = CASE WHEN ${to} = 'CANCELLED' THEN ${now}::timestamptz ELSE "cancelledAt" END
    WHERE id = ${orderId} AND status = 'AWAITING_PAYMENT'
    RETURNING "slotId"`;
  const order = released[0];
  if (!order) return false;

  await tx.$queryRaw`
    SELECT o.id FROM "Offer" o JOIN "OrderLine" l ON l."offerId" = o.id
    WHERE l."orderId" = ${orderId} ORDER BY o.id FOR UPDATE OF o`;
  await tx.$executeRaw`
    UPDATE "Offer" o SET "ordered" = o."ordered" - l.quantity
    FROM "OrderLine" l WHERE l."orderId" = ${orderId} AND l."offerId" = o.id`;
  await tx.$executeRaw`UPDATE "PickupSlot" SET "booked" = "booked" - 1 WHERE id = ${order.slotId}`;
  await tx.$executeRaw`UPDATE "CardPayment" SET status = 'CLOSED' WHERE "orderId" = ${orderId} AND status = 'OPEN'`;
  // The session may still be open at Stripe (a cancel, a cancelled distribution): the hold's job
  // expires it, and finds the hold already released.
  await addJob(tx, "payments.expire-hold", { orderId });
  return true;
}
