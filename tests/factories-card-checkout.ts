import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { amountAtMostCents } from "~/domain/ordering/variable-weight";

/**
 * A card order waiting for its payment, as a checkout leaves it when the shopper never paid: placed
 * through the real use case, then marked ONLINE_CARD / AWAITING_PAYMENT with its OPEN CardPayment.
 * For tests of what ends a hold without going through Stripe (the checkout's own tests place
 * card orders through the double).
 */
export async function createAwaitingCardOrder(input: {
  distributionId: string;
  customer: { id: string; email: string; name: string; locale: "fr" | "en" };
  lines: Array<{ offerId: string; quantity: number }>;
  now?: Date;
  holdExpiresAt?: Date;
}) {
  const now = input.now ?? new Date();
  const order = await placeOrder({ distributionId: input.distributionId, lines: input.lines, paymentMethod: "at_pickup", customer: input.customer, now, appUrl: "http://localhost" });
  const lines = await db().orderLine.findMany({ where: { orderId: order.id }, select: { quantity: true, unitPriceCents: true, finalCents: true, capCents: true } });
  await db().order.update({
    where: { id: order.id },
    data: { paymentMethod: "ONLINE_CARD", status: "AWAITING_PAYMENT", holdExpiresAt: input.holdExpiresAt ?? new Date(now.getTime() + 15 * 60_000) },
  });
  const payment = await db().cardPayment.create({ data: { id: randomUUID(), orderId: order.id, status: "OPEN", amountCents: amountAtMostCents(lines) } });
  return { order, payment };
}
