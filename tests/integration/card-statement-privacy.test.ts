import { expect, test } from "vitest";
import { db } from "~/db.server";
import { markRefundFailed } from "~/domain/payments/refund-failed.server";
import { requestRefund } from "~/domain/payments/request-refund.server";
import { salesStatement } from "~/domain/preparation/sales-summary.server";
import { parisIsoDate } from "~/domain/time/paris";
import { createDistribution, createOffer, createProducer, createProducerUser, createUser } from "../factories";
import { createCardPaidOrder } from "../factories-payments";

/*
 * Review of issue 11: a producer's statement (/producteur/releve, its CSV and PDF) is theirs only.
 * Its loader sends the whole statement to the browser; the platform's side of it — the commission
 * and Stripe's fees of every producer of the same markets, the refunds Stripe refused on other
 * producers' lines — is the territory's, not another producer's to read.
 */
test("a producer's statement carries nothing of the other producers of the same order: the platform's commission, fees and failed refunds are the admin's only", async () => {
  const marie = await createProducerUser({ producerId: (await createProducer({ name: "Ferme de Marie" })).id });
  const paul = await createProducerUser({ producerId: (await createProducer({ name: "Pêcherie de Paul" })).id });
  // A day of its own, years ahead, so that the territory's statement of that day holds this market only.
  const distribution = await createDistribution({ startsAt: new Date(Date.now() + (1_000 + Math.floor(Math.random() * 3_000)) * 24 * 3_600_000) });
  const eggs = await createOffer({ distributionId: distribution.id, producerId: marie.producerId, stock: 10, priceCents: 400 });
  const fish = await createOffer({ distributionId: distribution.id, producerId: paul.producerId, stock: 10, priceCents: 9_600 });
  const { order } = await createCardPaidOrder({ distributionId: distribution.id, customer: await createUser(), lines: [{ offerId: eggs.id, quantity: 1 }, { offerId: fish.id, quantity: 1 }], feeCents: 175 });
  const refused = await db().$transaction((tx) => requestRefund(tx, { orderId: order.id, amount: 1_000, reason: "PRODUCER_REFUND", producerId: paul.producerId }));
  await markRefundFailed(db(), { refundId: refused!.id });
  const day = parisIsoDate(distribution.startsAt);

  const { statement } = await salesStatement({ actor: { roles: ["PRODUCER"] }, producerId: marie.producerId, from: day, to: day, commissionBp: 500 });
  // Marie's own figures: her 4,00 € of eggs, 5 % commission, her part of the fee.
  expect(statement.totals).toMatchObject({ paidOnlineCents: 400, commissionCents: 20 });
  expect(statement.producers.map((producer) => producer.producerName)).toEqual(["Ferme de Marie"]);
  expect(statement.platform).toBeNull();
  expect(JSON.stringify(statement)).not.toContain("Pêcherie de Paul");

  // The territory's statement of the same day has the platform's side: both producers' commission, the refused refund.
  const all = await salesStatement({ actor: { roles: ["ADMIN"] }, producerId: null, from: day, to: day, commissionBp: 500 });
  expect(all.statement.platform).toMatchObject({ commissionCents: 20 + 480, refundsFailed: 1, refundsFailedCents: 1_000 });
});
