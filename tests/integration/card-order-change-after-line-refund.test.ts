import { expect, test } from "vitest";
import { db } from "~/db.server";
import { changeOrderLine } from "~/domain/ordering/change-order-line.server";
import { refundLine } from "~/domain/payments/refund-line.server";
import { createDistribution, createOffer, createProducerUser, createUser } from "../factories";
import { createCardPaidOrder } from "../factories-payments";

/*
 * Review of issue 11: a card-paid order changed by its customer before the cutoff is refunded the
 * difference (decision 027 §4). When its producer had already refunded a line (an item missing,
 * damaged), that refund is the producer's gesture on that line, not an advance on the customer's
 * later changes: the customer who then removes another line gets that line back in full.
 */
async function basketWithALineRefunded() {
  const producer = await createProducerUser();
  const distribution = await createDistribution();
  const offers = await Promise.all(["Poireaux", "Carottes", "Navets"].map((name) => createOffer({ distributionId: distribution.id, producerId: producer.producerId, stock: 10, priceCents: 1_000, name })));
  const customer = await createUser();
  const { order, payment } = await createCardPaidOrder({ distributionId: distribution.id, customer, lines: offers.map((offer) => ({ offerId: offer.id, quantity: 1 })) });
  const lines = await db().orderLine.findMany({ where: { orderId: order.id }, select: { id: true, offerId: true } });
  const lineOf = (offerIndex: number) => lines.find((line) => line.offerId === offers[offerIndex]!.id)!.id;
  const actor = { id: producer.user.id, roles: ["CONSUMER" as const, "PRODUCER" as const], memberships: [{ organisationId: producer.producerId, role: "PRODUCER" as const }] };
  // The leeks were missing from the delivery: their producer refunds the 10,00 € line.
  await refundLine({ orderLineId: lineOf(0), amountCents: 1_000, kind: "missing", note: null, actor, now: new Date() });
  return { order, payment, offers, customer };
}

test("a customer who removes a 10,00 € line after the producer refunded another one gets the 10,00 € back: 30,00 € paid, 20,00 € refunded, 10,00 € kept for the one line left", async () => {
  const { order, payment, offers, customer } = await basketWithALineRefunded();
  await changeOrderLine({ orderId: order.id, offerId: offers[1]!.id, quantity: 0, customer, now: new Date() });

  const refunds = await db().refund.findMany({ where: { orderId: order.id }, select: { reason: true, amountCents: true }, orderBy: { number: "asc" } });
  expect(refunds).toEqual([{ reason: "PRODUCER_REFUND", amountCents: 1_000 }, { reason: "ORDER_REDUCED", amountCents: 1_000 }]);
  expect((await db().cardPayment.findUniqueOrThrow({ where: { id: payment.id } })).refundedCents).toBe(2_000);
});

test("after the producer's refund, adding a 10,00 € unit is refused for exactly 10,00 € more, not 20,00 €", async () => {
  const { order, offers, customer } = await basketWithALineRefunded();
  await expect(changeOrderLine({ orderId: order.id, offerId: offers[2]!.id, quantity: 2, customer, now: new Date() })).rejects.toMatchObject({
    code: "card_order_increase_refused",
    details: { messageAmounts: { amount: 1_000 } },
  });
});

test("removing the line the producer already refunded gives nothing back a second time", async () => {
  const { order, payment, offers, customer } = await basketWithALineRefunded();
  await changeOrderLine({ orderId: order.id, offerId: offers[0]!.id, quantity: 0, customer, now: new Date() });

  expect(await db().refund.count({ where: { orderId: order.id, reason: "ORDER_REDUCED" } })).toBe(0);
  expect((await db().cardPayment.findUniqueOrThrow({ where: { id: payment.id } })).refundedCents).toBe(1_000);
});
