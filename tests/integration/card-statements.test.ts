import { expect, test } from "vitest";
import { db } from "~/db.server";
import { salesSummary } from "~/domain/preparation/sales-summary.server";
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

