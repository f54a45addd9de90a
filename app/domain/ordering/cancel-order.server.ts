import { db, type Tx } from "~/db.server";
import { forgetDistributionOffers } from "~/domain/catalog/catalogue-snapshot.server";
import { enqueueEmail } from "~/domain/mail/enqueue-email.server";
import { orderCancelledEmail } from "~/domain/ordering/emails";
import { lockOpenOrder } from "~/domain/ordering/lock-open-order.server";
import { findOwnOrder, type OrderView } from "~/domain/ordering/order-view.server";
import { ORDER_TRANSACTION_OPTIONS } from "~/domain/ordering/place-order.server";
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

export async function cancelOrderIn(tx: Tx, input: CancelInput): Promise<void> {
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
  const view = await findOwnOrder(tx, input.orderId, input.customer.id);
  if (view) {
    await enqueueEmail(tx, { to: input.customer.email, locale: input.customer.locale, ...orderCancelledEmail(view, input.customer.locale, input.customer.name) });
  }
}
