import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { amountAtMostCents } from "~/domain/ordering/variable-weight";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { stripeCardFeeCents } from "./stripe-double/stripe-double";

/**
 * An order paid by card as the checkout leaves it once Stripe said the payment succeeded: placed
 * through the real use case, then marked ONLINE_CARD with its SUCCEEDED CardPayment charging the
 * most the order can cost. For tests of what comes after the payment (refunds, the pickup sheet,
 * the close, statements); the checkout's own tests go through Stripe's double instead.
 */
export async function createCardPaidOrder(input: {
  distributionId: string;
  customer: { id: string; email: string; name: string; locale: "fr" | "en" };
  lines: Array<{ offerId: string; quantity: number }>;
  now?: Date;
  feeCents?: number;
  paymentIntentId?: string;
}) {
  const order = await placeOrder({ distributionId: input.distributionId, lines: input.lines, paymentMethod: "at_pickup", customer: input.customer, now: input.now ?? new Date(), appUrl: "http://localhost" });
  const lines = await db().orderLine.findMany({ where: { orderId: order.id }, select: { quantity: true, unitPriceCents: true, finalCents: true, capCents: true } });
  const amountCents = amountAtMostCents(lines);
  await db().order.update({ where: { id: order.id }, data: { paymentMethod: "ONLINE_CARD" } });
  const payment = await db().cardPayment.create({
    data: {
      id: randomUUID(),
      orderId: order.id,
      status: "SUCCEEDED",
      amountCents,
      paymentIntentId: input.paymentIntentId ?? `pi_${randomUUID().replaceAll("-", "")}`,
      chargeId: `ch_${randomUUID().replaceAll("-", "")}`,
      feeCents: input.feeCents ?? stripeCardFeeCents(amountCents),
      succeededAt: input.now ?? new Date(),
    },
  });
  return { order, payment };
}
