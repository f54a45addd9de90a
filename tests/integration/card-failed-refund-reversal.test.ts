import { afterAll, beforeAll, expect, test } from "vitest";
import { db } from "~/db.server";
import { closeDistributionJob } from "~/domain/payments/jobs/close-distribution.server";
import { sendTransferJob } from "~/domain/payments/jobs/send-transfer.server";
import { moneyFinalAt } from "~/domain/payments/money-model";
import { markRefundFailed } from "~/domain/payments/refund-failed.server";
import { requestRefund } from "~/domain/payments/request-refund.server";
import { createStripeClient } from "~/infra/stripe.server";
import { createDistribution, createOffer, createProducer, createUser } from "../factories";
import { createCardPaidOrderAtDouble, pointStripeAt } from "../factories-card-refunds";
import { startStripeDouble, type StripeDouble } from "../stripe-double/stripe-double";

/*
 * Review of issue 11: a refund decided after the close takes its part back from the producer's
 * transfer (a TransferReversal). When Stripe refuses that refund (FAILED: nothing went back to the
 * customer), the producer must not lose that part: the reversal not sent yet is cancelled with it.
 */
let double: StripeDouble;
beforeAll(async () => {
  double = await startStripeDouble();
  pointStripeAt(double, "sk_test_failedrefundreversal");
});
afterAll(() => double.close());

const DAY = 24 * 3_600_000;

async function closedMarketWithATransferSent() {
  const placedAt = new Date();
  const distribution = await createDistribution({ startsAt: new Date(placedAt.getTime() + 12 * DAY), opensAt: new Date(placedAt.getTime() - DAY) });
  const farmer = await createProducer({ name: "Marie Maraîchère" });
  const stripe = createStripeClient({ secretKey: "sk_test_failedrefundreversal", apiBase: double.url });
  const account = await stripe.accounts.create({ type: "express", country: "FR", capabilities: { transfers: { requested: true } } });
  double.completeOnboarding(account.id);
  await db().organisation.update({ where: { id: farmer.id }, data: { stripeAccountId: account.id, stripeAccountState: "READY", stripeTransfersEnabled: true } });
  const eggs = await createOffer({ distributionId: distribution.id, producerId: farmer.id, priceCents: 400, stock: 30, name: "Œufs" });
  const { order } = await createCardPaidOrderAtDouble(double, { distributionId: distribution.id, customer: await createUser(), lines: [{ offerId: eggs.id, quantity: 2 }], now: placedAt, feeCents: 0 });
  const dist = await db().distribution.findUniqueOrThrow({ where: { id: distribution.id } });
  const finalAt = moneyFinalAt(dist.endsAt);
  await closeDistributionJob({ distributionId: distribution.id }, finalAt);
  const transfer = await db().producerTransfer.findFirstOrThrow({ where: { distributionId: distribution.id, producerId: farmer.id } });
  await sendTransferJob({ transferId: transfer.id }, finalAt);
  const sent = await db().producerTransfer.findUniqueOrThrow({ where: { id: transfer.id } });
  expect(sent).toMatchObject({ status: "SENT", amountCents: 800, reversedCents: 0 });
  return { order, transfer: sent, finalAt };
}

test("a late refund Stripe refuses takes nothing back from the producer's transfer: its reversal is cancelled and never sent", async () => {
  const { order, transfer, finalAt } = await closedMarketWithATransferSent();
  const refund = await db().$transaction((tx) => requestRefund(tx, { orderId: order.id, amount: 100, reason: "ADMIN_REFUND", note: "geste" }));
  const planned = await db().transferReversal.findMany({ where: { refundId: refund!.id } });
  expect(planned.map((reversal) => reversal.amountCents)).toEqual([100]);
  expect((await db().producerTransfer.findUniqueOrThrow({ where: { id: transfer.id } })).reversedCents).toBe(100);

  // Stripe refuses the refund (the send job or charge.refunded marks it FAILED): nothing went back to the customer.
  expect(await markRefundFailed(db(), { refundId: refund!.id })).toBe(true);
  // The reversal's job runs afterwards, as a worker would, twice.
  for (const reversal of planned) {
    await sendTransferJob({ reversalId: reversal.id }, finalAt);
    await sendTransferJob({ reversalId: reversal.id }, finalAt);
  }

  expect(double.requestsTo("POST", `/v1/transfers/${transfer.stripeTransferId}/reversals`)).toHaveLength(0);
  expect((await db().producerTransfer.findUniqueOrThrow({ where: { id: transfer.id } })).reversedCents).toBe(0);
  expect(await db().transferReversal.count({ where: { refundId: refund!.id } })).toBe(0);
});

test("a reversal job run again a day later finds its reversal at Stripe among more than ten on the transfer: one reversal per refund, never a second", async () => {
  const { order, transfer, finalAt } = await closedMarketWithATransferSent();
  const reversalsPath = `/v1/transfers/${transfer.stripeTransferId}/reversals`;
  // Eleven gestures of 0,10 € after the close: eleven reversals of the producer's transfer.
  const reversals: string[] = [];
  for (let index = 0; index < 11; index += 1) {
    const refund = await db().$transaction((tx) => requestRefund(tx, { orderId: order.id, amount: 10, reason: "ADMIN_REFUND", note: `geste ${index + 1}` }));
    reversals.push((await db().transferReversal.findFirstOrThrow({ where: { refundId: refund!.id }, select: { id: true } })).id);
  }
  // The first is made at Stripe but its answer is lost (and no transfer.reversed reaches us).
  double.dropNextResponses(3, { method: "POST", path: reversalsPath });
  await expect(sendTransferJob({ reversalId: reversals[0]! }, finalAt)).rejects.toThrow();
  expect(double.requestsTo("POST", reversalsPath).filter((request) => request.status === 200 && !request.replayed)).toHaveLength(1);
  for (const id of reversals.slice(1)) await sendTransferJob({ reversalId: id }, finalAt);
  // A day later Stripe has forgotten the idempotency keys; the first job runs again.
  double.forgetIdempotencyKeys();
  await sendTransferJob({ reversalId: reversals[0]! }, finalAt);

  const made = double.requestsTo("POST", reversalsPath).filter((request) => request.status === 200 && !request.replayed);
  expect(made).toHaveLength(11);
  const rows = await db().transferReversal.findMany({ where: { id: { in: reversals } }, select: { stripeReversalId: true } });
  expect(rows.every((row) => row.stripeReversalId?.startsWith("trr_"))).toBe(true);
  expect(new Set(rows.map((row) => row.stripeReversalId)).size).toBe(11);
});
