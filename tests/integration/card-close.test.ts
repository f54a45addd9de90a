import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, test } from "vitest";
import { db } from "~/db.server";
import { closeDistributionJob } from "~/domain/payments/jobs/close-distribution.server";
import { sendTransferJob } from "~/domain/payments/jobs/send-transfer.server";
import { moneyFinalAt, stripeIdempotencyKey, transferGroup } from "~/domain/payments/money-model";
import { releaseHeldTransfers } from "~/domain/payments/connect-account.server";
import { requestRefund } from "~/domain/payments/request-refund.server";
import { buildPickupSheet } from "~/domain/preparation/preparation-lists";
import { readPreparation } from "~/domain/preparation/read-preparation.server";
import { recordWeight } from "~/domain/preparation/record-weight.server";
import { createStripeClient } from "~/infra/stripe.server";
import { action as webhookAction } from "~/routes/webhooks.stripe";
import { createDistribution, createOffer, createProducer, createUser, ensureCategory } from "../factories";
import { createCardPaidOrderAtDouble, pointStripeAt, refundsAtDouble, sendRefundsOf } from "../factories-card-refunds";
import { startStripeDouble, type StripeDouble } from "../stripe-double/stripe-double";

/*
 * The close of a distribution's card money (issue 11, decision 027 §2, §5, §6, §8): weighed-lighter
 * lines refunded by exactly cap − final, one transfer per producer of their share, a reversal after
 * a late refund — each job run through its own handler, twice, against the Stripe double through
 * the real SDK.
 */

let double: StripeDouble;
beforeAll(async () => {
  double = await startStripeDouble();
  pointStripeAt(double, "sk_test_cardclose");
});
afterAll(() => double.close());

const DAY = 24 * 3_600_000;

async function weighedOffer(distributionId: string, producerId: string, priceCents: number) {
  const categoryId = await ensureCategory();
  const productId = randomUUID();
  await db().product.create({
    data: { id: productId, producerId, categoryId, name: `Coquilles Saint-Jacques ${productId.slice(0, 4)}`, unit: "KG", priceCents, vatRateBp: 550, variableWeight: true },
  });
  const id = randomUUID();
  await db().offer.create({ data: { id, distributionId, productId, priceCents, stock: 40 } });
  return { id };
}

/** A producer whose Stripe account finished onboarding at the double: it can receive transfers. */
async function connectedProducer(name: string) {
  const producer = await createProducer({ name });
  const stripe = createStripeClient({ secretKey: "sk_test_cardclose", apiBase: double.url });
  const account = await stripe.accounts.create({ type: "express", country: "FR", capabilities: { transfers: { requested: true } } });
  double.completeOnboarding(account.id);
  await db().organisation.update({ where: { id: producer.id }, data: { stripeAccountId: account.id, stripeAccountState: "READY", stripeTransfersEnabled: true } });
  return { ...producer, accountId: account.id };
}

/**
 * A market 12 days ahead: the fisher sells scallops by weight at 15 €/kg (2 kg ordered: cap
 * 33,00 €), the farmer eggs at 4,00 €. Émile orders both, today, and pays by card: 37,00 €.
 */
async function market(options: { farmerConnected?: boolean } = {}) {
  const placedAt = new Date();
  const startsAt = new Date(placedAt.getTime() + 12 * DAY);
  const distribution = await createDistribution({ startsAt, opensAt: new Date(placedAt.getTime() - DAY) });
  const fisher = await connectedProducer("Paul Pêcheur");
  const farmer = options.farmerConnected === false ? { ...(await createProducer({ name: "Marie Maraîchère" })), accountId: null } : await connectedProducer("Marie Maraîchère");
  const scallops = await weighedOffer(distribution.id, fisher.id, 1500);
  const eggs = await createOffer({ distributionId: distribution.id, producerId: farmer.id, priceCents: 400, stock: 30, name: "Œufs" });
  const emile = await createUser({ name: "Émile" });
  const { order, payment } = await createCardPaidOrderAtDouble(double, { distributionId: distribution.id, customer: emile, lines: [{ offerId: scallops.id, quantity: 2 }, { offerId: eggs.id, quantity: 1 }], now: placedAt });
  const dist = await db().distribution.findUniqueOrThrow({ where: { id: distribution.id } });
  const scallopLine = await db().orderLine.findFirstOrThrow({ where: { orderId: order.id, offerId: scallops.id } });
  return { distribution: dist, placedAt, fisher, farmer, order, payment, scallopLineId: scallopLine.id, finalAt: moneyFinalAt(dist.endsAt) };
}

async function closeTwice(distributionId: string, now: Date) {
  await closeDistributionJob({ distributionId }, now);
  await closeDistributionJob({ distributionId }, now);
}

/** Works the send jobs of a distribution's transfers and reversals as a worker would, twice. */
async function sendTransfersOf(distributionId: string, now: Date) {
  for (let round = 0; round < 2; round += 1) {
    const transfers = await db().producerTransfer.findMany({ where: { distributionId }, select: { id: true, reversals: { select: { id: true } } } });
    for (const transfer of transfers) {
      await sendTransferJob({ transferId: transfer.id }, now);
      for (const reversal of transfer.reversals) await sendTransferJob({ reversalId: reversal.id }, now);
    }
  }
}

function transfersAtDouble(distributionId: string) {
  return [...double.transfers.values()].filter((transfer) => transfer.transfer_group === transferGroup(distributionId));
}

test("card close: an order placed 12 days before its pickup is charged its cap, weighed lighter at pickup, and refunded exactly cap − final at the close, once (close run twice)", async () => {
  const m = await market();
  // Charged at order, 12 days ahead, the most it can cost: 33,00 € cap + 4,00 €.
  expect(m.distribution.startsAt.getTime() - m.placedAt.getTime()).toBe(12 * DAY);
  expect(double.paymentIntents.get(m.payment.paymentIntentId!)).toMatchObject({ amount: 3_700, status: "succeeded" });

  // Weighed at the stall: 1,8 kg → 27,00 €.
  await recordWeight({ producerId: m.fisher.id, lineId: m.scallopLineId, grams: 1_800, now: new Date(m.distribution.startsAt.getTime() + 600_000) });

  // Before the money is final, the close does nothing.
  await closeDistributionJob({ distributionId: m.distribution.id }, new Date(m.finalAt.getTime() - 1));
  expect(await db().refund.count({ where: { orderId: m.order.id } })).toBe(0);

  await closeTwice(m.distribution.id, m.finalAt);
  await sendRefundsOf(m.order.id);
  await sendRefundsOf(m.order.id);
  const rows = await db().refund.findMany({ where: { orderId: m.order.id }, select: { amountCents: true, reason: true, producerId: true, status: true } });
  expect(rows).toEqual([{ amountCents: 600, reason: "WEIGHED_LIGHTER", producerId: m.fisher.id, status: "SUCCEEDED" }]);
  expect(refundsAtDouble(double, m.payment.paymentIntentId!).map((refund) => refund.amount)).toEqual([600]);
  // The customer paid 37,00 − 6,00 = 31,00 €: 27,00 € of scallops and 4,00 € of eggs, never more than the cap.
  expect((await db().cardPayment.findUniqueOrThrow({ where: { id: m.payment.id } })).refundedCents).toBe(600);
  // The fisher's pickup sheet now reads it paid online 27,00 € (6,00 € refunded to the card), nothing more to refund.
  const sheet = buildPickupSheet((await readPreparation(m.distribution.id, m.fisher.id, m.finalAt))!.rows);
  expect(sheet.orders[0]).toMatchObject({ dueCents: 2_700, online: { chargedCents: 3_300, refundedCents: 600, paidCents: 2_700 }, refundAfterCloseCents: 0, toPayCents: 0 });
});

test("card close: one weighed-lighter refund for an order whose two producers both weighed lighter names no producer, and each one's sheet and share count only their own lines", async () => {
  const m = await market();
  const crabs = await weighedOffer(m.distribution.id, m.farmer.id, 1_000);
  const customer = await createUser({ name: "Luc" });
  const { order } = await createCardPaidOrderAtDouble(double, { distributionId: m.distribution.id, customer, lines: [{ offerId: crabs.id }, { offerId: (await db().orderLine.findUniqueOrThrow({ where: { id: m.scallopLineId } })).offerId }].map((line) => ({ ...line, quantity: 1 })), now: m.placedAt });
  const lines = await db().orderLine.findMany({ where: { orderId: order.id }, select: { id: true, producerId: true, capCents: true } });
  const during = new Date(m.distribution.startsAt.getTime() + 600_000);
  // Scallops 1 kg (cap 16,50 €) weighed 0,9 kg → 13,50 €; crabs 1 kg (cap 11,00 €) weighed 0,8 kg → 8,00 €.
  await recordWeight({ producerId: m.fisher.id, lineId: lines.find((line) => line.producerId === m.fisher.id)!.id, grams: 900, now: during });
  await recordWeight({ producerId: m.farmer.id, lineId: lines.find((line) => line.producerId === m.farmer.id)!.id, grams: 800, now: during });
  await closeTwice(m.distribution.id, m.finalAt);
  expect(await db().refund.findMany({ where: { orderId: order.id }, select: { amountCents: true, reason: true, producerId: true } })).toEqual([{ amountCents: 300 + 300, reason: "WEIGHED_LIGHTER", producerId: null }]);
  const fisherSheet = buildPickupSheet((await readPreparation(m.distribution.id, m.fisher.id, m.finalAt))!.rows).orders.find((one) => one.orderId === order.id);
  const farmerSheet = buildPickupSheet((await readPreparation(m.distribution.id, m.farmer.id, m.finalAt))!.rows).orders.find((one) => one.orderId === order.id);
  expect(fisherSheet).toMatchObject({ online: { chargedCents: 1_650, refundedCents: 300, paidCents: 1_350 }, refundAfterCloseCents: 0 });
  expect(farmerSheet).toMatchObject({ online: { chargedCents: 1_100, refundedCents: 300, paidCents: 800 }, refundAfterCloseCents: 0 });
  const transfers = await db().producerTransfer.findMany({ where: { distributionId: m.distribution.id }, select: { producerId: true, refundedCents: true } });
  // Each producer's refunded: their own lighter line (and nothing of the other's), over both orders.
  expect(transfers.find((row) => row.producerId === m.fisher.id)?.refundedCents).toBe(0 + 300);
  expect(transfers.find((row) => row.producerId === m.farmer.id)?.refundedCents).toBe(300);
});

test("card close: a transfer per producer after the close — two producers in one order, each their share, one transfer each at the double in the distribution's group, even with the close and the jobs run twice", async () => {
  const m = await market();
  await recordWeight({ producerId: m.fisher.id, lineId: m.scallopLineId, grams: 1_800, now: new Date(m.distribution.startsAt.getTime() + 600_000) });
  await closeTwice(m.distribution.id, m.finalAt);
  await sendTransfersOf(m.distribution.id, m.finalAt);

  // Charged 37,00 €, Stripe's fee 0,81 € shared by what was charged (33,00 / 4,00): 0,72 € and 0,09 €.
  // Fisher: 33,00 − 6,00 refunded − 0,72 = 26,28 €. Farmer: 4,00 − 0,09 = 3,91 €. Commission 0 %.
  const rows = await db().producerTransfer.findMany({ where: { distributionId: m.distribution.id }, select: { producerId: true, status: true, chargedCents: true, refundedCents: true, feeCents: true, commissionCents: true, amountCents: true, stripeTransferId: true } });
  const byProducer = new Map(rows.map((row) => [row.producerId, row]));
  expect(rows).toHaveLength(2);
  expect(byProducer.get(m.fisher.id)).toMatchObject({ status: "SENT", chargedCents: 3_300, refundedCents: 600, feeCents: 72, commissionCents: 0, amountCents: 2_628 });
  expect(byProducer.get(m.farmer.id)).toMatchObject({ status: "SENT", chargedCents: 400, refundedCents: 0, feeCents: 9, commissionCents: 0, amountCents: 391 });

  const atStripe = transfersAtDouble(m.distribution.id);
  expect(atStripe.map((transfer) => [transfer.destination, transfer.amount, transfer.currency]).sort()).toEqual(
    [
      [m.fisher.accountId, 2_628, "eur"],
      [m.farmer.accountId, 391, "eur"],
    ].sort(),
  );
  for (const transfer of atStripe) {
    expect(transfer.description).toMatch(/^Vente du \d{1,2} \S+ \d{4} — Quai test/);
    expect(byProducer.get((transfer.metadata as Record<string, string>).producerId ?? "")?.stripeTransferId).toBe(transfer.id);
  }
  const posts = double.requestsTo("POST", "/v1/transfers").filter((request) => request.params.transfer_group === transferGroup(m.distribution.id));
  expect(posts.map((request) => request.idempotencyKey).sort()).toEqual([stripeIdempotencyKey.transfer(m.distribution.id, m.fisher.id), stripeIdempotencyKey.transfer(m.distribution.id, m.farmer.id)].sort());
});

test("card close: a producer not connected to Stripe has their share HELD, nothing sent to Stripe for them, the connected one is paid", async () => {
  const m = await market({ farmerConnected: false });
  await closeTwice(m.distribution.id, m.finalAt);
  await sendTransfersOf(m.distribution.id, m.finalAt);
  const rows = await db().producerTransfer.findMany({ where: { distributionId: m.distribution.id }, select: { producerId: true, status: true, amountCents: true, stripeTransferId: true } });
  expect(rows.find((row) => row.producerId === m.farmer.id)).toEqual({ producerId: m.farmer.id, status: "HELD", amountCents: 391, stripeTransferId: null });
  expect(rows.find((row) => row.producerId === m.fisher.id)).toMatchObject({ status: "SENT" });
  expect(transfersAtDouble(m.distribution.id).map((transfer) => transfer.destination)).toEqual([m.fisher.accountId]);
});

test("card close: a reversal after a late refund — an admin's 2,00 € gesture after the transfers is spread over the order's producers and each transfer is reversed by exactly its share's drop, once", async () => {
  const m = await market();
  await recordWeight({ producerId: m.fisher.id, lineId: m.scallopLineId, grams: 1_800, now: new Date(m.distribution.startsAt.getTime() + 600_000) });
  await closeTwice(m.distribution.id, m.finalAt);
  await sendTransfersOf(m.distribution.id, m.finalAt);

  // After the close, an admin refunds 2,00 € naming no line: spread over what each keeps (27,00 / 4,00):
  // 1,74 € of the fisher's share, 0,26 € of the farmer's (largest remainder); the fees stay as charged.
  const refund = await db().$transaction((tx) => requestRefund(tx, { orderId: m.order.id, amount: 200, reason: "ADMIN_REFUND", note: "geste commercial" }));
  expect(refund?.amountCents).toBe(200);
  await sendTransfersOf(m.distribution.id, m.finalAt);

  const transfers = await db().producerTransfer.findMany({ where: { distributionId: m.distribution.id }, select: { producerId: true, amountCents: true, reversedCents: true, stripeTransferId: true, reversals: { select: { amountCents: true, stripeReversalId: true } } } });
  const fisher = transfers.find((row) => row.producerId === m.fisher.id)!;
  const farmer = transfers.find((row) => row.producerId === m.farmer.id)!;
  expect(fisher).toMatchObject({ amountCents: 2_628, reversedCents: 174, reversals: [{ amountCents: 174, stripeReversalId: expect.stringMatching(/^trr_/) }] });
  expect(farmer).toMatchObject({ amountCents: 391, reversedCents: 26, reversals: [{ amountCents: 26, stripeReversalId: expect.stringMatching(/^trr_/) }] });

  // At the double: one reversal each, of that amount, with the key of the refund and the producer.
  expect(double.transfers.get(fisher.stripeTransferId!)).toMatchObject({ amount: 2_628, amount_reversed: 174 });
  expect(double.transfers.get(farmer.stripeTransferId!)).toMatchObject({ amount: 391, amount_reversed: 26 });
  const keys = [fisher, farmer].flatMap((row) => double.requestsTo("POST", `/v1/transfers/${row.stripeTransferId}/reversals`).filter((request) => !request.replayed).map((request) => request.idempotencyKey));
  expect(keys.sort()).toEqual([stripeIdempotencyKey.reversal(refund!.id, m.fisher.id), stripeIdempotencyKey.reversal(refund!.id, m.farmer.id)].sort());

  // A refund decided before the close changes no transfer: the close counted it (no reversal row).
  const other = await market();
  await db().$transaction((tx) => requestRefund(tx, { orderId: other.order.id, amount: 100, reason: "PRODUCER_REFUND", producerId: other.farmer.id, note: "œuf cassé" }));
  await closeTwice(other.distribution.id, other.finalAt);
  const before = await db().producerTransfer.findFirstOrThrow({ where: { distributionId: other.distribution.id, producerId: other.farmer.id }, select: { amountCents: true, reversedCents: true } });
  expect(before).toEqual({ amountCents: 400 - 100 - 9, reversedCents: 0 });
});

test("card close: a transfer job whose worker dies after Stripe answered runs again, and Stripe sees one transfer — even a day later, once Stripe forgot the key", async () => {
  const m = await market({ farmerConnected: false });
  await closeTwice(m.distribution.id, m.finalAt);
  const row = await db().producerTransfer.findFirstOrThrow({ where: { distributionId: m.distribution.id, producerId: m.fisher.id }, select: { id: true } });

  // Stripe made the transfer, then every answer was lost (the SDK's two retries too): the job fails
  // before our row says so, as when its worker is killed there.
  double.dropNextResponses(3, { method: "POST", path: "/v1/transfers" });
  await expect(sendTransferJob({ transferId: row.id }, m.finalAt)).rejects.toThrow();
  expect(await db().producerTransfer.findUniqueOrThrow({ where: { id: row.id }, select: { status: true, stripeTransferId: true } })).toEqual({ status: "PENDING", stripeTransferId: null });
  expect(transfersAtDouble(m.distribution.id)).toHaveLength(1);

  // pg-boss runs it again after its retry delay, which may be past the key's 24 hours.
  double.forgetIdempotencyKeys();
  await sendTransferJob({ transferId: row.id }, m.finalAt);
  await sendTransferJob({ transferId: row.id }, m.finalAt);
  const atStripe = transfersAtDouble(m.distribution.id);
  expect(atStripe).toHaveLength(1);
  expect(await db().producerTransfer.findUniqueOrThrow({ where: { id: row.id }, select: { status: true, stripeTransferId: true } })).toEqual({ status: "SENT", stripeTransferId: atStripe[0]!.id });
});

test("card close: the periodic sweep adds one close job per distribution whose money is final, with a card payment, not closed yet", async () => {
  const m = await market();
  const jobsFor = async () =>
    Number((await db().$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'payments.close-distribution' AND data->>'distributionId' = ${m.distribution.id}`)[0]!.n);
  await closeDistributionJob(null, new Date(m.finalAt.getTime() - 1));
  expect(await jobsFor()).toBe(0);
  await closeDistributionJob(null, m.finalAt);
  await closeDistributionJob(null, m.finalAt);
  expect(await jobsFor()).toBe(1);
  await closeDistributionJob({ distributionId: m.distribution.id }, m.finalAt);
  await db().$executeRaw`DELETE FROM pgboss.job WHERE name = 'payments.close-distribution' AND data->>'distributionId' = ${m.distribution.id}`;
  await closeDistributionJob(null, m.finalAt);
  expect(await jobsFor()).toBe(0);
});

test("card close: transfer.reversed that names our reversal records Stripe's id once; the webhook answers 200", async () => {
  const m = await market();
  await closeTwice(m.distribution.id, m.finalAt);
  await sendTransfersOf(m.distribution.id, m.finalAt);
  const refund = await db().$transaction((tx) => requestRefund(tx, { orderId: m.order.id, amount: 300, reason: "ADMIN_REFUND", producerId: m.farmer.id }));
  const reversal = await db().transferReversal.findFirstOrThrow({ where: { refundId: refund!.id }, select: { id: true, amountCents: true, transfer: { select: { stripeTransferId: true } } } });
  expect(reversal.amountCents).toBe(300);
  // The reversal is made at Stripe but its answer is lost: the event tells us first.
  double.dropNextResponses(3, { method: "POST", path: `/v1/transfers/${reversal.transfer.stripeTransferId}/reversals` });
  await expect(sendTransferJob({ reversalId: reversal.id }, m.finalAt)).rejects.toThrow();
  const event = double.events.filter((one) => one.type === "transfer.reversed" && one.data.object.id === reversal.transfer.stripeTransferId).at(-1)!;
  const secret = process.env.STRIPE_WEBHOOK_SECRET!.split(",")[0]!;
  const { payload, signature } = double.signedDelivery(event, secret);
  const deliver = async () => (await webhookAction({ request: new Request("http://localhost/webhooks/stripe", { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body: payload }), params: {}, context: {} })) as Response;
  expect((await deliver()).status).toBe(200);
  const made = (double.transfers.get(reversal.transfer.stripeTransferId!)!.reversals as { data: Array<{ id: string }> }).data;
  expect(made).toHaveLength(1);
  expect((await db().transferReversal.findUniqueOrThrow({ where: { id: reversal.id } })).stripeReversalId).toBe(made[0]!.id);
  // The job runs again: done already, Stripe is not asked again.
  const posts = double.requestsTo("POST", `/v1/transfers/${reversal.transfer.stripeTransferId}/reversals`).length;
  await sendTransferJob({ reversalId: reversal.id }, m.finalAt);
  expect(double.requestsTo("POST", `/v1/transfers/${reversal.transfer.stripeTransferId}/reversals`).length).toBe(posts);
});

test("card close: a transfer waits while the platform's available balance is short of it — nothing made at Stripe, its key not spent on a refusal — and goes once the funds are there", async () => {
  const m = await market({ farmerConnected: false });
  await closeTwice(m.distribution.id, m.finalAt);
  const row = await db().producerTransfer.findFirstOrThrow({ where: { distributionId: m.distribution.id, producerId: m.fisher.id }, select: { id: true, amountCents: true } });
  double.availableBalanceCents = row.amountCents - 1;
  try {
    await expect(sendTransferJob({ transferId: row.id }, m.finalAt)).rejects.toThrow(/solde disponible insuffisant/);
    expect(transfersAtDouble(m.distribution.id)).toHaveLength(0);
    expect(double.requestsTo("POST", "/v1/transfers").filter((request) => request.params.transfer_group === transferGroup(m.distribution.id))).toHaveLength(0);
    double.availableBalanceCents = row.amountCents;
    await sendTransferJob({ transferId: row.id }, m.finalAt);
  } finally {
    double.availableBalanceCents = null;
  }
  expect(transfersAtDouble(m.distribution.id).map((transfer) => transfer.amount)).toEqual([row.amountCents]);
  expect((await db().producerTransfer.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("SENT");
});

test("card close: a held share is transferred once its producer's account can receive transfers, and a refund decided while it was held is reversed after it", async () => {
  const m = await market({ farmerConnected: false });
  await closeTwice(m.distribution.id, m.finalAt);
  // An admin refunds 1,00 € of the farmer's eggs while their share is held.
  const refund = await db().$transaction((tx) => requestRefund(tx, { orderId: m.order.id, amount: 100, reason: "ADMIN_REFUND", producerId: m.farmer.id }));
  const held = await db().producerTransfer.findFirstOrThrow({ where: { distributionId: m.distribution.id, producerId: m.farmer.id }, select: { id: true, status: true, amountCents: true, reversedCents: true } });
  expect(held).toMatchObject({ status: "HELD", amountCents: 391, reversedCents: 100 });
  await sendTransfersOf(m.distribution.id, m.finalAt);
  expect(transfersAtDouble(m.distribution.id).filter((transfer) => transfer.transfer_group && (transfer.metadata as Record<string, string>).producerId === m.farmer.id)).toHaveLength(0);

  // The farmer connects: their held share goes (the accounts step's release), then its reversal.
  const farmer = await connectedProducerAccount(m.farmer.id);
  await db().$transaction((tx) => releaseHeldTransfers(tx, m.farmer.id));
  await sendTransfersOf(m.distribution.id, m.finalAt);
  const sent = await db().producerTransfer.findUniqueOrThrow({ where: { id: held.id }, select: { status: true, stripeTransferId: true, reversals: { select: { refundId: true, amountCents: true, stripeReversalId: true } } } });
  expect(sent.status).toBe("SENT");
  expect(double.transfers.get(sent.stripeTransferId!)).toMatchObject({ destination: farmer, amount: 391, amount_reversed: 100 });
  expect(sent.reversals).toEqual([{ refundId: refund!.id, amountCents: 100, stripeReversalId: expect.stringMatching(/^trr_/) }]);
});

/** A producer (created unconnected) connects now: their account finished onboarding. */
async function connectedProducerAccount(producerId: string): Promise<string> {
  const stripe = createStripeClient({ secretKey: "sk_test_cardclose", apiBase: double.url });
  const account = await stripe.accounts.create({ type: "express", country: "FR", capabilities: { transfers: { requested: true } } });
  double.completeOnboarding(account.id);
  await db().organisation.update({ where: { id: producerId }, data: { stripeAccountId: account.id, stripeAccountState: "READY", stripeTransfersEnabled: true } });
  return account.id;
}

test("card close: a hold still waiting when the money is final ends at the close (EXPIRED, its stock back, once) and counts in no share", async () => {
  const m = await market();
  const waiting = await createUser({ name: "Zoé" });
  const offer = await db().orderLine.findFirstOrThrow({ where: { orderId: m.order.id, producerId: m.farmer.id }, select: { offerId: true } });
  const { order } = await createCardPaidOrderAtDouble(double, { distributionId: m.distribution.id, customer: waiting, lines: [{ offerId: offer.offerId, quantity: 3 }], now: m.placedAt });
  // As a hold whose job never ran: still waiting, its payment open.
  await db().order.update({ where: { id: order.id }, data: { status: "AWAITING_PAYMENT" } });
  await db().cardPayment.update({ where: { orderId: order.id }, data: { status: "OPEN" } });
  const orderedBefore = (await db().offer.findUniqueOrThrow({ where: { id: offer.offerId } })).ordered;

  await closeTwice(m.distribution.id, m.finalAt);
  expect((await db().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("EXPIRED");
  expect((await db().offer.findUniqueOrThrow({ where: { id: offer.offerId } })).ordered).toBe(orderedBefore - 3);
  // The farmer's share is Émile's 4,00 € less its fee only.
  expect((await db().producerTransfer.findFirstOrThrow({ where: { distributionId: m.distribution.id, producerId: m.farmer.id } })).amountCents).toBe(391);
});

test("card close: transfers wait until the distribution's last charge is available in the platform's balance — their job starts then, and a run before it sends nothing", async () => {
  const m = await market({ farmerConnected: false });
  const availableOn = new Date(m.finalAt.getTime() + 3 * DAY);
  await db().cardPayment.update({ where: { id: m.payment.id }, data: { availableOn } });
  await closeTwice(m.distribution.id, m.finalAt);
  const row = await db().producerTransfer.findFirstOrThrow({ where: { distributionId: m.distribution.id, producerId: m.fisher.id }, select: { id: true } });
  const startAfters = async () =>
    (await db().$queryRaw<Array<{ startAfter: Date }>>`SELECT start_after AS "startAfter" FROM pgboss.job WHERE name = 'payments.send-transfer' AND data->>'transferId' = ${row.id}`).map((job) => job.startAfter.getTime());
  expect(new Set(await startAfters())).toEqual(new Set([availableOn.getTime()]));

  await sendTransferJob({ transferId: row.id }, m.finalAt);
  expect(transfersAtDouble(m.distribution.id)).toHaveLength(0);
  expect((await db().producerTransfer.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("PENDING");

  await sendTransferJob({ transferId: row.id }, availableOn);
  expect(transfersAtDouble(m.distribution.id)).toHaveLength(1);
});

test("card close: a producer's account becoming able to receive transfers while their distribution closes — the share is never left HELD behind the release", async () => {
  const m = await market({ farmerConnected: false });
  const accountId = await connectedProducerAccount(m.farmer.id);
  await db().organisation.update({ where: { id: m.farmer.id }, data: { stripeAccountId: accountId, stripeTransfersEnabled: false } });
  let close: Promise<unknown> | undefined;
  // account.updated's transaction: the account now receives transfers, its held shares released
  // (none yet) — and the close starts before it commits.
  await db().$transaction(async (tx) => {
    await tx.organisation.update({ where: { id: m.farmer.id }, data: { stripeTransfersEnabled: true, stripeAccountState: "READY" } });
    await releaseHeldTransfers(tx, m.farmer.id);
    close = closeDistributionJob({ distributionId: m.distribution.id }, m.finalAt);
    await new Promise((resolve) => setTimeout(resolve, 500));
  });
  await close;
  const farmerShare = await db().producerTransfer.findUniqueOrThrow({ where: { distributionId_producerId: { distributionId: m.distribution.id, producerId: m.farmer.id } }, select: { status: true } });
  // Before: the close read the account as it was before the commit and wrote HELD after the release had run: held until another event.
  expect(farmerShare.status).toBe("PENDING");
});

test("card close: a weighed line the producer already refunded in part is refunded at the close only what is left above its final amount — never more than it was charged", async () => {
  // Cap 33,00 €; the fisher refunds 2,00 € (a damaged shell), then weighs 27,00 €: 4,00 € more come back, not 6,00 €.
  const partly = await market();
  await db().$transaction((tx) => requestRefund(tx, { orderId: partly.order.id, amount: 200, reason: "PRODUCER_REFUND", producerId: partly.fisher.id, orderLineId: partly.scallopLineId }));
  await recordWeight({ producerId: partly.fisher.id, lineId: partly.scallopLineId, grams: 1_800, now: new Date(partly.distribution.startsAt.getTime() + 600_000) });
  await closeTwice(partly.distribution.id, partly.finalAt);
  const weighed = await db().refund.findMany({ where: { orderId: partly.order.id, reason: "WEIGHED_LIGHTER" }, select: { amountCents: true } });
  expect(weighed).toEqual([{ amountCents: 400 }]);

  // Cap 33,00 €; the fisher refunds 30,00 € (most of the catch missing), then weighs 27,00 €: nothing more comes back
  // (before: 6,00 € more, 36,00 € refunded on a line charged 33,00 €, the 3,00 € taken from the platform).
  const mostly = await market();
  await db().$transaction((tx) => requestRefund(tx, { orderId: mostly.order.id, amount: 3_000, reason: "PRODUCER_REFUND", producerId: mostly.fisher.id, orderLineId: mostly.scallopLineId }));
  await recordWeight({ producerId: mostly.fisher.id, lineId: mostly.scallopLineId, grams: 1_800, now: new Date(mostly.distribution.startsAt.getTime() + 600_000) });
  await closeTwice(mostly.distribution.id, mostly.finalAt);
  expect(await db().refund.count({ where: { orderId: mostly.order.id, reason: "WEIGHED_LIGHTER" } })).toBe(0);
  expect((await db().cardPayment.findUniqueOrThrow({ where: { id: mostly.payment.id } })).refundedCents).toBe(3_000);
});
