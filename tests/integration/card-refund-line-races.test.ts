import { expect, test } from "vitest";
import { db } from "~/db.server";
import { refundLine } from "~/domain/payments/refund-line.server";
import { createDistribution, createOffer, createProducerUser, createUser } from "../factories";
import { createCardPaidOrder } from "../factories-payments";

/* Review of issue 11: two refunds of one line submitted at the same instant (two phones, a double tap) never both pass. */
test("two 8,00 € refunds of one 10,00 € line at once: one is written, the other is refused with the 2,00 € left, the payment refunded 8,00 €", async () => {
  const producer = await createProducerUser();
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, producerId: producer.producerId, stock: 10, priceCents: 1_000 });
  const { order, payment } = await createCardPaidOrder({ distributionId: distribution.id, customer: await createUser(), lines: [{ offerId: offer.id, quantity: 1 }] });
  const line = await db().orderLine.findFirstOrThrow({ where: { orderId: order.id }, select: { id: true } });
  const actor = { id: producer.user.id, roles: ["CONSUMER" as const, "PRODUCER" as const], memberships: [{ organisationId: producer.producerId, role: "PRODUCER" as const }] };
  const attempt = () => refundLine({ orderLineId: line.id, amountCents: 800, kind: "damaged", note: null, actor, now: new Date() });

  const results = await Promise.allSettled([attempt(), attempt(), attempt()]);
  expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  for (const refused of results.filter((result) => result.status === "rejected")) {
    expect(refused.reason).toMatchObject({ code: "refund_refused", details: { field: "amountCents", messageAmounts: { amount: 200 } } });
  }
  expect(await db().refund.findMany({ where: { orderId: order.id }, select: { amountCents: true } })).toEqual([{ amountCents: 800 }]);
  expect((await db().cardPayment.findUniqueOrThrow({ where: { id: payment.id } })).refundedCents).toBe(800);
});
