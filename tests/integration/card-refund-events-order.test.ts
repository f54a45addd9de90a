import { expect, test } from "vitest";
import { db } from "~/db.server";
import { requestRefund } from "~/domain/payments/request-refund.server";
import { deliver, startCardCheckout } from "../card-checkout-harness";
import { createDistribution, createOffer, createUser } from "../factories";
import { createCardPaidOrder } from "../factories-payments";

/*
 * Review of issue 11: Stripe's events may arrive out of order. A refund Stripe says failed is FAILED
 * for good (its amount no longer counted as refunded); an older charge.refunded that still showed it
 * pending, delivered after, must not bring it back as pending — the payment's refunded sum would no
 * longer be the sum of its standing refunds, and the refund could be failed (and subtracted) twice.
 */
const double = await startCardCheckout();

test("charge.refunded out of order: « failed » then an older « pending » leaves the refund FAILED and the payment's refunded sum without it", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, priceCents: 1_000, stock: 5 });
  const { order, payment } = await createCardPaidOrder({ distributionId: distribution.id, customer: await createUser(), lines: [{ offerId: offer.id, quantity: 2 }] });
  const refund = await db().$transaction((tx) => requestRefund(tx, { orderId: order.id, amount: 500, reason: "ADMIN_REFUND" }));
  const charge = (status: string) => ({
    id: payment.chargeId!,
    object: "charge",
    amount: 2_000,
    amount_refunded: 500,
    refunds: { object: "list", data: [{ id: "re_outoforder1", object: "refund", amount: 500, status, metadata: { refundId: refund!.id } }] },
  });
  const older = double.event("charge.refunded", charge("pending"));
  const newer = double.event("charge.refunded", charge("failed"));

  await deliver(double, newer);
  await deliver(double, older);
  expect(await db().refund.findUniqueOrThrow({ where: { id: refund!.id }, select: { status: true, stripeRefundId: true } })).toEqual({ status: "FAILED", stripeRefundId: "re_outoforder1" });
  expect((await db().cardPayment.findUniqueOrThrow({ where: { id: payment.id } })).refundedCents).toBe(0);

  // Delivered again, the failure subtracts nothing more.
  await deliver(double, double.event("charge.refunded", charge("failed")));
  expect((await db().cardPayment.findUniqueOrThrow({ where: { id: payment.id } })).refundedCents).toBe(0);
});
