import Stripe from "stripe";
import { db } from "~/db.server";
import { stripeIdempotencyKey } from "~/domain/payments/money-model";
import { markRefundFailed } from "~/domain/payments/refund-failed.server";
import { refundStatusOf } from "~/domain/payments/refund-status";
import { stripeClient } from "~/infra/stripe.server";

/**
 * Job of the queue `payments.send-refund` (decisions 027 §4, 028): sends one Refund row to Stripe
 * and records Stripe's id and state. Jobs run at least once — a worker may die after Stripe made
 * the refund and before our row says so — so the handler is idempotent twice over:
 *
 * - the refund is created with the key `tm-refund-<id>`: a retry within 24 hours gets Stripe's
 *   first answer back, not a second refund;
 * - Stripe forgets a key after 24 hours, so before writing, the payment's refunds are listed and
 *   one carrying our id in `metadata.refundId` is taken as ours.
 *
 * A refund Stripe refuses for good (an invalid request: the charge already refunded in the
 * dashboard, a disputed charge) is marked FAILED for the admin to see, its amount no longer
 * counted as refunded (markRefundFailed); a network failure or a 5xx
 * throws, and pg-boss runs the job again later (retry with backoff, queue settings).
 */
export async function sendRefundJob(data: { refundId: string }): Promise<void> {
  const refund = await db().refund.findUnique({
    where: { id: data.refundId },
    select: { id: true, orderId: true, amountCents: true, reason: true, stripeRefundId: true, status: true, payment: { select: { paymentIntentId: true } } },
  });
  if (!refund || refund.stripeRefundId || refund.status !== "PENDING") return;
  const paymentIntent = refund.payment.paymentIntentId;
  if (!paymentIntent) throw new Error(`remboursement ${refund.id} : le paiement n'a pas de PaymentIntent Stripe`);

  const stripe = stripeClient();
  let sent = await findOurRefund(stripe, paymentIntent, refund.id);
  if (!sent) {
    try {
      sent = await stripe.refunds.create(
        {
          payment_intent: paymentIntent,
          amount: refund.amountCents,
          metadata: { refundId: refund.id, orderId: refund.orderId },
          // Stripe's reason list has no "cancelled by the merchant": only the customer's own acts say so.
          ...(refund.reason === "CUSTOMER_CANCELLED" || refund.reason === "ORDER_REDUCED" ? { reason: "requested_by_customer" as const } : {}),
        },
        { idempotencyKey: stripeIdempotencyKey.refund(refund.id) },
      );
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError) {
        console.warn(`[remboursements] Stripe refuse le remboursement ${refund.id} : ${error.message}`);
        await markRefundFailed(db(), { refundId: refund.id });
        return;
      }
      throw error;
    }
  }
  const status = refundStatusOf(sent.status);
  if (status === "FAILED") {
    await markRefundFailed(db(), { refundId: refund.id, stripeRefundId: sent.id });
    return;
  }
  await db().refund.updateMany({
    // Only a row still PENDING: one the webhook settled meanwhile (SUCCEEDED, or FAILED and off the refunded sum) stays as it is.
    where: { id: refund.id, stripeRefundId: null, status: "PENDING" },
    data: { stripeRefundId: sent.id, status, ...(status === "SUCCEEDED" ? { succeededAt: new Date(sent.created * 1000) } : {}) },
  });
}

/** Our refund at Stripe, found by the id we put in its metadata (a retry past the key's 24 hours). */
async function findOurRefund(stripe: Stripe, paymentIntent: string, refundId: string): Promise<Stripe.Refund | null> {
  for await (const candidate of stripe.refunds.list({ payment_intent: paymentIntent, limit: 100 })) {
    if (candidate.metadata?.refundId === refundId) return candidate;
  }
  return null;
}
