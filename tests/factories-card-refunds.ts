import { db } from "~/db.server";
import { createStripeClient } from "~/infra/stripe.server";
import { sendRefundJob } from "~/domain/payments/jobs/send-refund.server";
import { createCardPaidOrder } from "./factories-payments";
import type { StripeDouble } from "./stripe-double/stripe-double";

/**
 * The refunds' tests talk to the Stripe double through the app's own client (stripeClient reads
 * these settings once, at its first call): call before anything sends to Stripe.
 */
export function pointStripeAt(double: StripeDouble, secretKey = "sk_test_cardrefunds"): void {
  process.env.STRIPE_SECRET_KEY = secretKey;
  process.env.STRIPE_API_BASE = double.url;
  process.env.STRIPE_WEBHOOK_SECRET ??= "whsec_cardrefundstestsecret0123456789";
}

/**
 * A card-paid order whose payment exists at the double: a PaymentIntent created by the real SDK and
 * succeeded by the double's control, so that a refund of it is a real POST /v1/refunds.
 */
export async function createCardPaidOrderAtDouble(
  double: StripeDouble,
  input: Parameters<typeof createCardPaidOrder>[0],
): Promise<Awaited<ReturnType<typeof createCardPaidOrder>>> {
  const stripe = createStripeClient({ secretKey: process.env.STRIPE_SECRET_KEY ?? "sk_test_cardrefunds", apiBase: double.url });
  const { order, payment } = await createCardPaidOrder(input);
  const intent = await stripe.paymentIntents.create({ amount: payment.amountCents, currency: "eur", metadata: { orderId: order.id } });
  double.succeedPaymentIntent(intent.id);
  const updated = await db().cardPayment.update({ where: { id: payment.id }, data: { paymentIntentId: intent.id }, select: { id: true, amountCents: true, paymentIntentId: true } });
  return { order, payment: { ...payment, ...updated } };
}

/** The refunds the double made for one payment. */
export function refundsAtDouble(double: StripeDouble, paymentIntentId: string) {
  return [...double.refunds.values()].filter((refund) => refund.payment_intent === paymentIntentId);
}

/** Works the send jobs of an order's refunds as a worker would (each job's handler, in order). */
export async function sendRefundsOf(orderId: string): Promise<void> {
  const refunds = await db().refund.findMany({ where: { orderId }, select: { id: true }, orderBy: { number: "asc" } });
  for (const refund of refunds) await sendRefundJob({ refundId: refund.id });
}
