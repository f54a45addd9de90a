import { expect, test } from "vitest";
import { randomUUID } from "node:crypto";
import { db, statementsIssued } from "~/db.server";
import { requestRefund } from "~/domain/payments/request-refund.server";
import { salesStatement, salesSummary } from "~/domain/preparation/sales-summary.server";
import { parisIsoDate } from "~/domain/time/paris";
import { createDistribution, createOffer, createProducerUser, createUser } from "../factories";
import { createCardPaidOrder } from "../factories-payments";

/*
 * The sales summary with card payments (issue 11, decision 027 §10): a card-paid order is paid
 * before pickup, so it is never « encore dû » at the stall.
 */

test("sales summary: an order paid by card online counts as paid online, not as still due at the stall, collected or not", async () => {
  const producer = await createProducerUser();
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, producerId: producer.producerId, stock: 50, priceCents: 1_250 });
  const collected = await createCardPaidOrder({ distributionId: distribution.id, customer: await createUser(), lines: [{ offerId: offer.id, quantity: 2 }] });
  const notCollected = await createCardPaidOrder({ distributionId: distribution.id, customer: await createUser(), lines: [{ offerId: offer.id, quantity: 1 }] });
  for (const [order, status] of [[collected, "COLLECTED"], [notCollected, "NOT_COLLECTED"]] as const) {
    await db().handover.create({ data: { orderId: order.order.id, producerId: producer.producerId, status, recordedAt: new Date(), recordedById: producer.user.id } });
  }
  const day = parisIsoDate(distribution.startsAt);
  const summary = await salesSummary({ actor: { roles: [] }, producerId: producer.producerId, from: day, to: day });
  // « Encaissé au retrait » stays what was taken at the stall; the online payment is its own figure.
  expect(summary.total).toMatchObject({ orders: 2, dueCents: 3_750, paidOnlineCents: 3_750, paidCashCents: 0, paidCents: 0, stillDueCents: 0 });
});


/** A producer's month: `orders` card orders at one market, each refunded 1 €, and the market's transfer held. */
async function producerMonth(orders: number) {
  const producer = await createProducerUser();
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, producerId: producer.producerId, stock: 500, priceCents: 900 });
  for (let index = 0; index < orders; index += 1) {
    const { order } = await createCardPaidOrder({ distributionId: distribution.id, customer: await createUser(), lines: [{ offerId: offer.id, quantity: 1 }] });
    await db().$transaction((tx) => requestRefund(tx, { orderId: order.id, amount: 100, reason: "PRODUCER_REFUND", producerId: producer.producerId }));
  }
  await db().producerTransfer.create({
    data: { id: randomUUID(), distributionId: distribution.id, producerId: producer.producerId, status: "HELD", chargedCents: 900 * orders, refundedCents: 100 * orders, commissionCents: 0, feeCents: 0, amountCents: 100 },
  });
  const day = parisIsoDate(distribution.startsAt);
  return { producerId: producer.producerId, period: { from: day, to: day } };
}

async function statementCost(month: Awaited<ReturnType<typeof producerMonth>>) {
  const before = statementsIssued();
  const { statement } = await salesStatement({ actor: { roles: ["PRODUCER"] }, producerId: month.producerId, ...month.period, commissionBp: 0 });
  return { statements: statementsIssued() - before, orders: statement.orders.length, refunds: statement.refunds.length };
}

test("the statement costs the same five SQL statements for 2 orders and for 30, whatever their refunds and transfers", async () => {
  const small = await statementCost(await producerMonth(2));
  const large = await statementCost(await producerMonth(30));
  expect([small.orders, small.refunds, large.orders, large.refunds]).toEqual([2, 2, 30, 30]);
  expect(small.statements).toBe(5);
  expect(large.statements).toBe(small.statements);
});
