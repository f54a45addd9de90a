import { db } from "~/db.server";
import { confirmCardPayment, type CardPaymentOutcome } from "~/domain/payments/confirm-card-payment.server";
import { ORDER_TRANSACTION_OPTIONS } from "~/domain/ordering/place-order.server";
import { cardPaymentsEnabled, stripeClient } from "~/infra/stripe.server";

/**
 * The shopper is back from Stripe's page (`/commandes/:id?paiement=retour`, decision 027 §1): the
 * page asks Stripe for the order's Checkout Session and, when it is paid, confirms the order —
 * unless the webhook already did (confirmCardPayment passes once, whichever is first).
 *
 * Returns "paid" when the order is paid (now or before), "pending" when Stripe does not say so
 * yet (or cannot be reached: the webhook will confirm), null when there is nothing to ask.
 */
export async function confirmFromReturn(input: { orderId: string; userId: string; now: Date; appUrl: string }): Promise<{ state: "paid" | "pending"; outcome?: CardPaymentOutcome } | null> {
  const payment = await db().cardPayment.findFirst({
    where: { orderId: input.orderId, order: { userId: input.userId } },
    select: { status: true, checkoutSessionId: true },
  });
  if (!payment?.checkoutSessionId) return null;
  if (payment.status === "SUCCEEDED") return { state: "paid" };
  if (!cardPaymentsEnabled()) return { state: "pending" };
  let session;
  try {
    session = await stripeClient().checkout.sessions.retrieve(payment.checkoutSessionId);
  } catch (error) {
    console.warn(`[paiement] session de la commande ${input.orderId} non lue au retour, le webhook confirmera :`, error instanceof Error ? error.message : error);
    return { state: "pending" };
  }
  if (session.payment_status !== "paid") return { state: "pending" };
  const paymentIntentId = typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);
  const outcome = await db().$transaction(
    (tx) =>
      confirmCardPayment(tx, {
        orderId: input.orderId,
        amountCents: session.amount_total,
        currency: session.currency,
        checkoutSessionId: session.id,
        paymentIntentId,
        chargeId: null,
        now: input.now,
        appUrl: input.appUrl,
      }),
    ORDER_TRANSACTION_OPTIONS,
  );
  // Not the order's own payment (its amount or currency differs from what we charge): not paid.
  if (outcome === "mismatch") return { state: "pending", outcome };
  return { state: "paid", outcome };
}
