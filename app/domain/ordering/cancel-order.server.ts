import { db, type Tx } from "~/db.server";
import { forgetDistributionOffers } from "~/domain/catalog/catalogue-snapshot.server";
import { DomainError } from "~/domain/errors";
import { enqueueEmail } from "~/domain/mail/enqueue-email.server";
import { orderCancelledEmail } from "~/domain/ordering/emails";
import { lockOpenOrder } from "~/domain/ordering/lock-open-order.server";
import { findOwnOrder, type OrderView } from "~/domain/ordering/order-view.server";
import { ORDER_TRANSACTION_OPTIONS } from "~/domain/ordering/place-order.server";
import { releaseHold } from "~/domain/payments/release-hold.server";
import { requestRefund } from "~/domain/payments/request-refund.server";
import type { CancelledMoney } from "~/domain/payments/refund-words";
import type { Locale } from "~/i18n/messages";

type CancelInput = {
  orderId: string;
  customer: { id: string; email: string; name: string; locale: Locale };
  now: Date;
};

/** Cancels an order before the cutoff and gives back exactly the stock and the slot place it took. */
export async function cancelOrder(input: CancelInput): Promise<OrderView> {
  const cancelled = await db().$transaction(async (tx) => {
    await cancelOrderIn(tx, input);
    const order = await findOwnOrder(tx, input.orderId, input.customer.id);
    if (!order) throw new Error("La commande annulée est introuvable.");
    return order;
  }, ORDER_TRANSACTION_OPTIONS);
  forgetDistributionOffers(cancelled.distribution.id);
  return cancelled;
}

/**
 * The customer's cancellation, inside the caller's transaction (also the last line removed, and
 * POST /api/v1/orders/:id/cancel). A card order still waiting for its payment has its hold
 * released (releaseHold: stock and slot back once, the Checkout Session expired by a job). A
 * confirmed order gives its stock and slot back and, when it was paid by card online, is refunded
 * everything charged and not yet refunded — once: the order row is locked and must still be
 * CONFIRMED, and requestRefund is one conditional UPDATE (decision 027 §4).
 */
export async function cancelOrderIn(tx: Tx, input: CancelInput): Promise<void> {
  const [current] = await tx.$queryRaw<Array<{ status: string }>>`
    SELECT status::text AS status FROM "Order" WHERE id = ${input.orderId} AND "userId" = ${input.customer.id}`;
  if (current?.status === "AWAITING_PAYMENT") {
    if (!(await releaseHold(tx, input.orderId, "CANCELLED", input.now))) throw new DomainError("order_cancelled");
    await tellCustomer(tx, input, { nothingCharged: true });
    return;
  }
  const order = await lockOpenOrder(tx, { orderId: input.orderId, userId: input.customer.id, now: input.now });
  // The order row is locked and still CONFIRMED: this runs once per order, whatever the retries.
  // Offers are locked in id order, as placeOrder does, so the two never deadlock.
  await tx.$queryRaw`
    SELECT o.id FROM "Offer" o JOIN "OrderLine" l ON l."offerId" = o.id
    WHERE l."orderId" = ${input.orderId} ORDER BY o.id FOR UPDATE OF o`;
  await tx.$executeRaw`
    UPDATE "Offer" o SET "ordered" = o."ordered" - l.quantity
    FROM "OrderLine" l WHERE l."orderId" = ${input.orderId} AND l."offerId" = o.id`;
  await tx.$executeRaw`UPDATE "PickupSlot" SET "booked" = "booked" - 1 WHERE id = ${order.slotId}`;
  await tx.order.update({
    where: { id: input.orderId },
    data: { status: "CANCELLED", cancelledAt: input.now, updatedAt: input.now },
    select: { id: true },
  });
  // Null for an order paid at pickup (no card payment that succeeded): nothing to give back.
  const refund = await requestRefund(tx, { orderId: input.orderId, amount: "rest", reason: "CUSTOMER_CANCELLED", requestedById: input.customer.id });
  await tellCustomer(tx, input, refund ? { refundedCents: refund.amountCents } : null);
}

async function tellCustomer(tx: Tx, input: CancelInput, money: CancelledMoney): Promise<void> {
  const view = await findOwnOrder(tx, input.orderId, input.customer.id);
  if (view) {
    await enqueueEmail(tx, { to: input.customer.email, locale: input.customer.locale, ...orderCancelledEmail(view, input.customer.locale, input.customer.name, money) });
  }
}
