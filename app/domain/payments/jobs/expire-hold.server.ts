import { db } from "~/db.server";
import { forgetDistributionOffers } from "~/domain/catalog/catalogue-snapshot.server";
import { releaseHold } from "~/domain/payments/release-hold.server";
import { expireCheckoutSession } from "~/domain/payments/start-checkout.server";
import { now as clockNow } from "~/http/clock.server";
import { cardPaymentsEnabled, stripeClient } from "~/infra/stripe.server";

/**
 * Job of the queue `payments.expire-hold` (decision 027 §3, 028): what is left to do of a card
 * order's wait, read from our rows each time, so that it runs any number of times with one effect.
 * - Its hold has ended and the order still waits: the hold is released once (releaseHold, to
 *   EXPIRED: stock and slot given back only by the UPDATE that changed the row).
 * - The order no longer waits and was not paid (expired, cancelled): its Checkout Session is
 *   expired at Stripe, so it can no longer be paid (one already expired or complete is fine).
 * - It was paid: the charge's Stripe fee and the date its funds are available are read from the
 *   charge's balance transaction (the shares and transfers need them), once.
 * Added at the placing (startAfter = the hold's end), by a release (at once) and by the payment's
 * success (at once).
 */
export async function expireHoldJob(data: { orderId: string }, now: Date = clockNow()): Promise<void> {
  const order = await db().order.findUnique({
    where: { id: data.orderId },
    select: { status: true, holdExpiresAt: true, distributionId: true, cardPayment: { select: { status: true, checkoutSessionId: true, paymentIntentId: true, chargeId: true, feeCents: true } } },
  });
  if (!order?.cardPayment) return;
  if (order.status === "AWAITING_PAYMENT") {
    // Added early (clock skew between servers): fail, pg-boss tries again after its retry delay.
    if (!order.holdExpiresAt || order.holdExpiresAt.getTime() > now.getTime()) throw new Error(`la réservation de la commande ${data.orderId} n'est pas encore terminée`);
    const released = await db().$transaction((tx) => releaseHold(tx, data.orderId, "EXPIRED", now));
    if (released) forgetDistributionOffers(order.distributionId);
  }
  if (!cardPaymentsEnabled()) return;
  const payment = (await db().cardPayment.findUnique({ where: { orderId: data.orderId }, select: { status: true, checkoutSessionId: true, paymentIntentId: true, chargeId: true, feeCents: true } }))!;
  if (payment.status === "CLOSED" && payment.checkoutSessionId) await expireCheckoutSession(payment.checkoutSessionId);
  if (payment.status === "SUCCEEDED" && payment.feeCents === null) await recordChargeFee(data.orderId, payment);
}

/** The charge's Stripe fee and availability, from its balance transaction (decision 027 §6, §7). */
async function recordChargeFee(orderId: string, payment: { paymentIntentId: string | null; chargeId: string | null }): Promise<void> {
  const stripe = stripeClient();
  let chargeId = payment.chargeId;
  if (!chargeId) {
    if (!payment.paymentIntentId) return;
    const intent = await stripe.paymentIntents.retrieve(payment.paymentIntentId);
    chargeId = typeof intent.latest_charge === "string" ? intent.latest_charge : (intent.latest_charge?.id ?? null);
    if (!chargeId) return;
  }
  const charge = await stripe.charges.retrieve(chargeId);
  const transactionId = typeof charge.balance_transaction === "string" ? charge.balance_transaction : charge.balance_transaction?.id;
  if (!transactionId) throw new Error(`la charge ${chargeId} n'a pas encore de transaction de solde`);
  const transaction = await stripe.balanceTransactions.retrieve(transactionId);
  await db().cardPayment.update({
    where: { orderId },
    data: { chargeId, feeCents: transaction.fee, availableOn: new Date(transaction.available_on * 1000) },
    select: { id: true },
  });
}
