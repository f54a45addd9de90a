import type { Tx } from "~/db.server";
import { orderingState } from "~/domain/distributions/ordering-window";
import { enqueueEmail } from "~/domain/mail/enqueue-email.server";
import { latePaymentRefundedEmail, orderConfirmationEmail } from "~/domain/ordering/emails";
import { findOwnOrder } from "~/domain/ordering/order-view.server";
import { lateSuccessOutcome, transferGroup } from "~/domain/payments/money-model";
import { paymentMismatch, type PaymentEvidence } from "~/domain/payments/payment-evidence";
import { requestRefund, type RefundReasonCode } from "~/domain/payments/request-refund.server";
import { addJob } from "~/infra/jobs.server";

/** What a payment's success did to its order. */
export type CardPaymentOutcome =
  /** Paid in time: confirmed, its email written. */
  | "confirmed"
  /** Paid after its hold ended, stock and slot taken again: confirmed as if in time. */
  | "late_confirmed"
  /** Paid after its hold ended, stock or slot gone (or ordering closed): cancelled, refunded in full. */
  | "late_refunded"
  /** Paid after the customer (or the organiser) cancelled it: refunded in full, never taken again. */
  | "cancelled_refunded"
  /** This success was already recorded (the webhook and the return page, a replayed event): nothing changes. */
  | "already"
  /** Not the order's own payment (another amount, currency, session or PaymentIntent): nothing changes. */
  | "mismatch"
  /** No card order of ours waits for it. */
  | "unknown";

/**
 * Records that Stripe says a card order is paid (decision 027 §1, §3), exactly once whichever
 * comes first: the webhook (checkout.session.completed paid, payment_intent.succeeded) or the
 * return page asking Stripe. In the caller's transaction:
 * - the order's row is locked, then one conditional UPDATE marks its CardPayment SUCCEEDED — only
 *   the first success passes it, the others only add what they know more (the charge's id);
 * - a waiting order is confirmed with its email; one whose hold ended takes its stock and slot
 *   again before the cutoff (lateSuccessOutcome) or is cancelled and refunded in full with an
 *   email saying why; one cancelled meanwhile is refunded in full — no payment is ever kept
 *   without an order.
 * Before anything, the payment must be the order's own (paymentMismatch: its amount in euros, its
 * session, the PaymentIntent already recorded, the distribution's transfer group): a signed event of
 * another payment naming the order in its metadata confirms nothing and records nothing.
 * The charge's fee and availability are read from Stripe afterwards by the order's job.
 */
export async function confirmCardPayment(
  tx: Tx,
  payment: { orderId: string; chargeId: string | null; now: Date; appUrl: string } & PaymentEvidence,
): Promise<CardPaymentOutcome> {
  const rows = await tx.$queryRaw<
    Array<{
      status: "AWAITING_PAYMENT" | "CONFIRMED" | "CANCELLED" | "EXPIRED";
      userId: string;
      slotId: string;
      distributionId: string;
      distStatus: "SCHEDULED" | "CANCELLED";
      opensAt: Date;
      cutoffAt: Date;
      amountCents: number | null;
      checkoutSessionId: string | null;
      paymentIntentId: string | null;
    }>
  >`
    SELECT o.status::text AS status, o."userId", o."slotId", o."distributionId", d.status::text AS "distStatus", d."opensAt", d."cutoffAt",
           cp."amountCents", cp."checkoutSessionId", cp."paymentIntentId"
    FROM "Order" o JOIN "Distribution" d ON d.id = o."distributionId" LEFT JOIN "CardPayment" cp ON cp."orderId" = o.id
    WHERE o.id = ${payment.orderId} AND o."paymentMethod" = 'ONLINE_CARD'
    FOR UPDATE OF o`;
  const order = rows[0];
  if (!order || order.amountCents === null) return "unknown";
  const mismatch = paymentMismatch(
    { amountCents: order.amountCents, checkoutSessionId: order.checkoutSessionId, paymentIntentId: order.paymentIntentId, transferGroup: transferGroup(order.distributionId) },
    payment,
  );
  if (mismatch) {
    console.warn(
      `[paiement] paiement ${payment.paymentIntentId ?? payment.checkoutSessionId ?? "?"} (${payment.amountCents ?? "?"} ${payment.currency ?? "?"}) nommant la commande ${payment.orderId} ignoré : ${mismatch} ne correspond pas`,
    );
    return "mismatch";
  }

  const first = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE "CardPayment"
    SET status = 'SUCCEEDED', "paymentIntentId" = COALESCE(${payment.paymentIntentId}, "paymentIntentId"),
        "chargeId" = COALESCE(${payment.chargeId}, "chargeId"), "succeededAt" = ${payment.now}
    WHERE "orderId" = ${payment.orderId} AND status <> 'SUCCEEDED'
    RETURNING id`;
  if (first.length === 0) {
    // Known already: a later event may still bring the charge's id (checkout.session.completed has none).
    await tx.$executeRaw`
      UPDATE "CardPayment" SET "chargeId" = COALESCE("chargeId", ${payment.chargeId}), "paymentIntentId" = COALESCE("paymentIntentId", ${payment.paymentIntentId})
      WHERE "orderId" = ${payment.orderId}`;
    return "already";
  }
  // The charge's fee and funds' availability, read from Stripe after the commit (the hold's job).
  await addJob(tx, "payments.expire-hold", { orderId: payment.orderId });

  if (order.status === "AWAITING_PAYMENT" || order.status === "CONFIRMED") {
    await tx.$executeRaw`UPDATE "Order" SET status = 'CONFIRMED', "updatedAt" = ${payment.now} WHERE id = ${payment.orderId} AND status = 'AWAITING_PAYMENT'`;
    await confirmationEmail(tx, payment.orderId, order.userId, payment.appUrl);
    return "confirmed";
  }

  if (order.status === "EXPIRED") {
    const orderingOpen = orderingState({ status: order.distStatus, opensAt: order.opensAt, cutoffAt: order.cutoffAt }, payment.now) === "open";
    const retaken = orderingOpen ? await retakeStockAndSlot(tx, payment.orderId, order.slotId) : { stock: false, slot: false };
    if (lateSuccessOutcome({ ...retaken, orderingOpen }) === "confirm") {
      await tx.$executeRaw`UPDATE "Order" SET status = 'CONFIRMED', "updatedAt" = ${payment.now} WHERE id = ${payment.orderId} AND status = 'EXPIRED'`;
      await confirmationEmail(tx, payment.orderId, order.userId, payment.appUrl);
      return "late_confirmed";
    }
    await tx.$executeRaw`
      UPDATE "Order" SET status = 'CANCELLED', "cancelledAt" = ${payment.now}, "updatedAt" = ${payment.now}, "cancelReason" = 'LATE_PAYMENT'
      WHERE id = ${payment.orderId} AND status = 'EXPIRED'`;
    await refundInFull(tx, payment.orderId, order.userId, "LATE_PAYMENT");
    return "late_refunded";
  }

  // CANCELLED while the customer was paying: they said no (or the date was cancelled); refund it all.
  await refundInFull(tx, payment.orderId, order.userId, order.distStatus === "CANCELLED" ? "DISTRIBUTION_CANCELLED" : "CUSTOMER_CANCELLED");
  return "cancelled_refunded";
}

/**
 * Takes again the stock of every line and one place in the order's slot, with the conditional
 * UPDATEs of the checkout: all or nothing (what one took is given back if the other fails).
 * Offers are locked in id order, then the slot, as placeOrder does.
 */
async function retakeStockAndSlot(tx: Tx, orderId: string, slotId: string): Promise<{ stock: boolean; slot: boolean }> {
  const lines = await tx.$queryRaw<Array<{ offerId: string }>>`
    SELECT o.id AS "offerId" FROM "Offer" o JOIN "OrderLine" l ON l."offerId" = o.id
    WHERE l."orderId" = ${orderId} ORDER BY o.id FOR UPDATE OF o`;
  const fits = await tx.$queryRaw<Array<{ fits: boolean | null }>>`
    SELECT bool_and(o."ordered" + l.quantity <= o."stock") AS fits
    FROM "OrderLine" l JOIN "Offer" o ON o.id = l."offerId" WHERE l."orderId" = ${orderId}`;
  if (lines.length === 0 || fits[0]?.fits !== true) return { stock: false, slot: false };
  const slot = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE "PickupSlot" SET "booked" = "booked" + 1 WHERE id = ${slotId} AND "booked" < "capacity" RETURNING id`;
  if (slot.length === 0) return { stock: true, slot: false };
  await tx.$executeRaw`
    UPDATE "Offer" o SET "ordered" = o."ordered" + l.quantity
    FROM "OrderLine" l WHERE l."orderId" = ${orderId} AND l."offerId" = o.id`;
  return { stock: true, slot: true };
}

async function confirmationEmail(tx: Tx, orderId: string, userId: string, appUrl: string): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, locale: true } });
  const view = await findOwnOrder(tx, orderId, userId);
  if (!view) return;
  const locale = user.locale === "en" ? "en" : "fr";
  await enqueueEmail(tx, { to: user.email, locale, ...orderConfirmationEmail(view, locale, user.name, `${appUrl}/commandes/${orderId}`) });
}

async function refundInFull(tx: Tx, orderId: string, userId: string, reason: RefundReasonCode): Promise<void> {
  const refund = await requestRefund(tx, { orderId, amount: "rest", reason });
  if (!refund) return;
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, locale: true } });
  const view = await findOwnOrder(tx, orderId, userId);
  if (!view) return;
  const locale = user.locale === "en" ? "en" : "fr";
  await enqueueEmail(tx, { to: user.email, locale, ...latePaymentRefundedEmail(view, locale, user.name, refund.amountCents, reason) });
}
