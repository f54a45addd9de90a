import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, test } from "vitest";
import { db } from "~/db.server";
import { closeDistributionJob } from "~/domain/payments/jobs/close-distribution.server";
import { sendTransferJob } from "~/domain/payments/jobs/send-transfer.server";
import { moneyFinalAt, transferGroup } from "~/domain/payments/money-model";
import { createStripeClient } from "~/infra/stripe.server";
import { createDistribution, createOffer, createProducer, createUser } from "../factories";
import { createCardPaidOrderAtDouble, pointStripeAt } from "../factories-card-refunds";
import { startStripeDouble, type StripeDouble } from "../stripe-double/stripe-double";

/*
 * The platform's commission (decision 027 §7), set at start by PLATFORM_COMMISSION_BP: this file's
 * server takes 5 % (500 bp) of what each producer keeps of each card-paid order, rounded down to
 * the cent, and transfers the rest less Stripe's fee.
 */
process.env.PLATFORM_COMMISSION_BP = "500";

let double: StripeDouble;
beforeAll(async () => {
  double = await startStripeDouble();
  pointStripeAt(double, "sk_test_cardclosecommission");
});
afterAll(() => double.close());

test("card close with a 5 % commission: the transfer is what the producer keeps less 5 % rounded down and Stripe's fee; the commission stays with the platform", async () => {
  const distribution = await createDistribution();
  const producer = await createProducer({ name: "Marie Maraîchère" });
  const stripe = createStripeClient({ secretKey: "sk_test_cardclosecommission", apiBase: double.url });
  const account = await stripe.accounts.create({ type: "express", country: "FR", capabilities: { transfers: { requested: true } } });
  double.completeOnboarding(account.id);
  await db().organisation.update({ where: { id: producer.id }, data: { stripeAccountId: account.id, stripeAccountState: "READY", stripeTransfersEnabled: true } });
  const eggs = await createOffer({ distributionId: distribution.id, producerId: producer.id, priceCents: 1_999, stock: 10 });
  await createCardPaidOrderAtDouble(double, { distributionId: distribution.id, customer: await createUser({ name: `Zoé ${randomUUID().slice(0, 4)}` }), lines: [{ offerId: eggs.id, quantity: 1 }] });
  const ends = (await db().distribution.findUniqueOrThrow({ where: { id: distribution.id } })).endsAt;

  await closeDistributionJob({ distributionId: distribution.id }, moneyFinalAt(ends));
  const row = await db().producerTransfer.findFirstOrThrow({ where: { distributionId: distribution.id } });
  // 19,99 € kept; 5 % = 0,9995 € → 0,99 €; Stripe's fee round(19,99 × 1,5 %) + 0,25 = 0,55 €.
  expect(row).toMatchObject({ chargedCents: 1_999, refundedCents: 0, commissionCents: 99, feeCents: 55, amountCents: 1_999 - 99 - 55 });
  await sendTransferJob({ transferId: row.id }, moneyFinalAt(ends));
  expect([...double.transfers.values()].filter((transfer) => transfer.transfer_group === transferGroup(distribution.id)).map((transfer) => transfer.amount)).toEqual([1_845]);
});
