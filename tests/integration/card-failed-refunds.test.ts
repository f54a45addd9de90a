import { expect, test } from "vitest";
import { db } from "~/db.server";
import { markRefundFailed } from "~/domain/payments/refund-failed.server";
import { requestRefund } from "~/domain/payments/request-refund.server";
import { buildPickupSheet } from "~/domain/preparation/preparation-lists";
import { readPreparation } from "~/domain/preparation/read-preparation.server";
import { salesStatement } from "~/domain/preparation/sales-summary.server";
import { parisIsoDate } from "~/domain/time/paris";
import { createDistribution, createOffer, createProducerUser, createUser } from "../factories";
import { createCardPaidOrder } from "../factories-payments";

/*
 * Review of issue 11: a refund Stripe refused (FAILED) gave nothing back, and the payment's refunded
 * sum no longer counts it (markRefundFailed). Every reader of refunds must sum the same way: the
 * pickup sheet and the producer's statement said the customer had been refunded money that never
 * went back, and lowered the producer's net by it.
 */

async function cardOrderWithAFailedRefund() {
  const producer = await createProducerUser();
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, producerId: producer.producerId, stock: 20, priceCents: 900 });
  const { order, payment } = await createCardPaidOrder({ distributionId: distribution.id, customer: await createUser(), lines: [{ offerId: offer.id, quantity: 1 }], feeCents: 0 });
  await db().$transaction((tx) => requestRefund(tx, { orderId: order.id, amount: 100, reason: "PRODUCER_REFUND", producerId: producer.producerId }));
  const refused = await db().$transaction((tx) => requestRefund(tx, { orderId: order.id, amount: 200, reason: "PRODUCER_REFUND", producerId: producer.producerId }));
  await markRefundFailed(db(), { refundId: refused!.id });
  return { producer, distribution, order, payment };
}

test("a refund Stripe refused is not « remboursé » on the pickup sheet: 9,00 € paid online, 1,00 € refunded, 8,00 € kept", async () => {
  const { producer, distribution, order, payment } = await cardOrderWithAFailedRefund();
  expect((await db().cardPayment.findUniqueOrThrow({ where: { id: payment.id } })).refundedCents).toBe(100);

  const sheet = buildPickupSheet((await readPreparation(distribution.id, producer.producerId, new Date()))!.rows);
  expect(sheet.orders.find((one) => one.orderId === order.id)?.online).toEqual({ chargedCents: 900, refundedCents: 100, paidCents: 800 });
});

test("a refund Stripe refused is neither refunded nor taken off the producer's net in their statement, which agrees with the payment's refunded sum", async () => {
  const { producer, distribution, payment } = await cardOrderWithAFailedRefund();
  const day = parisIsoDate(distribution.startsAt);
  const { statement } = await salesStatement({ actor: { roles: ["PRODUCER"] }, producerId: producer.producerId, from: day, to: day, commissionBp: 0 });

  const refunded = (await db().cardPayment.findUniqueOrThrow({ where: { id: payment.id } })).refundedCents;
  expect(statement.totals).toMatchObject({ paidOnlineCents: 900, refundedCents: refunded, netCents: 900 - refunded });
  expect(statement.totals.refundedCents).toBe(100);
  // The refused one is still listed, with its state, for the producer to see.
  expect(statement.refunds.map((refund) => [refund.amountCents, refund.status])).toEqual([[100, "PENDING"], [200, "FAILED"]]);
});
