import { randomUUID } from "node:crypto";
import { afterAll, expect, test } from "vitest";
import { db } from "~/db.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { sendRefundJob } from "~/domain/payments/jobs/send-refund.server";
import { transferGroup } from "~/domain/payments/money-model";
import { requestRefund, type RefundRequest } from "~/domain/payments/request-refund.server";
import { currentMonth } from "~/domain/preparation/sales-figures";
import { salesStatement } from "~/domain/preparation/sales-summary.server";
import { parisIsoDate } from "~/domain/time/paris";
import { createStripeClient } from "~/infra/stripe.server";
import { loader as statementCsvLoader } from "~/routes/producteur.releve[.]csv";
import { loader as statementPdfLoader } from "~/routes/producteur.releve[.]pdf";
import { loader as statementPageLoader } from "~/routes/producteur.releve";
import { loader as adminSummaryLoader } from "~/routes/admin.bilan";
import { createDistribution, createMemberUser, createOffer, createProducerUser, createUser } from "../factories";
import { createCardPaidOrder } from "../factories-payments";
import { pdfText } from "../pdf-text";
import { startStripeDouble } from "../stripe-double/stripe-double";

/*
 * A month's statement that adds up to the cent against what the Stripe double recorded (issue 11,
 * « Producers' accounts »): card orders over two producers at two markets of one month, refunds
 * before and after the close (sent to the double by the refunds' job), Stripe's fees, a transfer
 * made at the double for the connected producer and a share held for the other, a reversal after a
 * late refund, and an order paid at the stall. The expected shares are worked out by hand below
 * (commission 2.5 %), so the statement is checked against arithmetic, not against itself.
 */

const double = await startStripeDouble();
process.env.STRIPE_SECRET_KEY = "sk_test_cardstatementsmonth";
process.env.STRIPE_WEBHOOK_SECRET = "whsec_cardstatementsmonth0123456789";
process.env.STRIPE_API_BASE = double.url;
process.env.PLATFORM_COMMISSION_BP = "250";
afterAll(() => double.close());
const stripe = createStripeClient({ secretKey: "sk_test_cardstatementsmonth", apiBase: double.url });
const COMMISSION_BP = 250;

/** Two markets in next month (ordering open now, cutoff the day before each). */
function nextMonthDay(day: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, day, 9, 0));
}

type World = Awaited<ReturnType<typeof buildMonth>>;
let world: World | undefined;

async function refund(request: RefundRequest) {
  const made = await db().$transaction((tx) => requestRefund(tx, request));
  if (!made) throw new Error("refund refused");
  await sendRefundJob({ refundId: made.id });
  return made;
}

async function buildMonth() {
  const fisher = await createProducerUser({ name: "Pêcheur P1" });
  const farmer = await createProducerUser({ name: "Maraîchère P2" });
  // The fisher is connected and can receive transfers; the farmer is not.
  const account = await stripe.accounts.create({ type: "express", country: "FR", capabilities: { transfers: { requested: true } }, metadata: { organisationId: fisher.producerId } });
  double.completeOnboarding(account.id);
  await db().organisation.update({ where: { id: fisher.producerId }, data: { stripeAccountId: account.id, stripeAccountState: "READY", stripeTransfersEnabled: true } });

  const marketA = await createDistribution({ startsAt: nextMonthDay(3), cutoffAt: nextMonthDay(2) });
  const marketB = await createDistribution({ startsAt: nextMonthDay(10), cutoffAt: nextMonthDay(9) });
  const fishA = await createOffer({ distributionId: marketA.id, producerId: fisher.producerId, priceCents: 1_250, stock: 50 });
  const eggsA = await createOffer({ distributionId: marketA.id, producerId: farmer.producerId, priceCents: 800, stock: 50 });
  const fishB = await createOffer({ distributionId: marketB.id, producerId: fisher.producerId, priceCents: 1_250, stock: 50 });

  const intents: string[] = [];
  async function cardOrder(distributionId: string, lines: Array<{ offerId: string; quantity: number }>, feeCents: number) {
    const { order, payment } = await createCardPaidOrder({ distributionId, customer: await createUser(), lines, feeCents });
    const intent = await stripe.paymentIntents.create(
      { amount: payment.amountCents, currency: "eur", metadata: { orderId: order.id }, transfer_group: transferGroup(distributionId) },
      { idempotencyKey: `tm-test-${order.id}` },
    );
    double.succeedPaymentIntent(intent.id);
    const charge = double.paymentIntents.get(intent.id)!.latest_charge as string;
    await db().cardPayment.update({ where: { id: payment.id }, data: { paymentIntentId: intent.id, chargeId: charge } });
    intents.push(intent.id);
    return order;
  }

  // Market A (closed below).
  const o1 = await cardOrder(marketA.id, [{ offerId: fishA.id, quantity: 2 }, { offerId: eggsA.id, quantity: 1 }], 75); // 2 500 + 800
  const o2 = await cardOrder(marketA.id, [{ offerId: fishA.id, quantity: 1 }, { offerId: eggsA.id, quantity: 1 }], 56); // 1 250 + 800
  await cardOrder(marketA.id, [{ offerId: eggsA.id, quantity: 3 }], 61); // 2 400, the farmer's alone
  const o5 = await cardOrder(marketA.id, [{ offerId: fishA.id, quantity: 1 }], 44); // 1 250, cancelled by its customer
  const atPickup = await placeOrder({ distributionId: marketA.id, lines: [{ offerId: fishA.id, quantity: 1 }], paymentMethod: "at_pickup", customer: await createUser(), now: new Date(), appUrl: "http://localhost" });
  await db().pickupPayment.create({ data: { id: randomUUID(), orderId: atPickup.id, producerId: fisher.producerId, method: "CASH", amountCents: 1_250, recordedAt: new Date(), recordedById: fisher.user.id } });
  // Market B (not closed: « à venir »).
  await cardOrder(marketB.id, [{ offerId: fishB.id, quantity: 2 }], 63); // 2 500

  // Before the close: the fisher refunds 3 € of O1, an admin gives 5 € back on O2 (the whole order's), O5 is cancelled.
  await refund({ orderId: o1.id, amount: 300, reason: "PRODUCER_REFUND", producerId: fisher.producerId });
  await refund({ orderId: o2.id, amount: 500, reason: "ADMIN_REFUND" });
  await db().order.update({ where: { id: o5.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
  await refund({ orderId: o5.id, amount: "rest", reason: "CUSTOMER_CANCELLED" });

  // The close of market A, worked out by hand (commission 2.5 % rounded down, fee split by what was charged):
  //   O1 fisher: kept 2 200, commission 55, fee 57 (75 × 2 500/3 300, largest remainder) → 2 088; farmer: 800, 20, 18 → 762
  //   O2 the 5 € spread by what each keeps (1 250 : 800) → fisher 305, farmer 195;
  //      fisher: kept 945, commission 23, fee 34 → 888; farmer: kept 605, commission 15, fee 22 → 568
  //   O3 farmer: 2 400, commission 60, fee 61 → 2 279
  //   O5 refunded in full: nothing kept, its 44 fee is the platform's
  //   fisher 2 088 + 888 = 2 976 (sent at the double); farmer 762 + 568 + 2 279 = 3 609 (held: not connected)
  const sent = await stripe.transfers.create(
    { amount: 2_976, currency: "eur", destination: account.id, transfer_group: transferGroup(marketA.id), metadata: { distributionId: marketA.id, producerId: fisher.producerId } },
    { idempotencyKey: `tm-transfer-${marketA.id}-${fisher.producerId}` },
  );
  const fisherTransferId = randomUUID();
  await db().producerTransfer.createMany({
    data: [
      { id: fisherTransferId, distributionId: marketA.id, producerId: fisher.producerId, status: "SENT", chargedCents: 5_000, refundedCents: 1_855, commissionCents: 78, feeCents: 91, amountCents: 2_976, stripeTransferId: sent.id, sentAt: new Date() },
      { id: randomUUID(), distributionId: marketA.id, producerId: farmer.producerId, status: "HELD", chargedCents: 4_000, refundedCents: 195, commissionCents: 95, feeCents: 101, amountCents: 3_609 },
    ],
  });

  // After the close: the fisher refunds 2 € more on O1 → O1 fisher kept 2 000, commission 50, fee 57 → 1 893: the transfer drops by 195.
  const late = await refund({ orderId: o1.id, amount: 200, reason: "PRODUCER_REFUND", producerId: fisher.producerId });
  let reversal = await db().transferReversal.findFirst({ where: { refundId: late.id } });
  if (!reversal) {
    // The reversal is the close's to plan (plan-reversals); written here as it would be when that step is not there.
    reversal = await db().transferReversal.create({ data: { id: randomUUID(), transferId: fisherTransferId, refundId: late.id, amountCents: 195 } });
    await db().producerTransfer.update({ where: { id: fisherTransferId }, data: { reversedCents: { increment: 195 } } });
  }
  expect(reversal.amountCents).toBe(195);
  const atStripe = await stripe.transfers.createReversal(sent.id, { amount: reversal.amountCents }, { idempotencyKey: `tm-reversal-${late.id}-${fisher.producerId}` });
  await db().transferReversal.update({ where: { id: reversal.id }, data: { stripeReversalId: atStripe.id, sentAt: new Date() } });

  return { fisher, farmer, marketA, marketB, intents, period: currentMonth(parisIsoDate(marketA.startsAt)) };
}

async function month(): Promise<World> {
  world ??= await buildMonth();
  return world;
}

test("a month's statement adds up to the cent against what the Stripe double recorded: charges, refunds, fees, transfers and reversals, the connected producer's share sent, the other's held, the next market to come", async () => {
  const { fisher, farmer, marketA, intents, period } = await month();

  const fisherStatement = (await salesStatement({ actor: { roles: ["PRODUCER"] }, producerId: fisher.producerId, ...period, commissionBp: COMMISSION_BP })).statement;
  // Fisher: charged 2 500 + 1 250 + 1 250 (A) + 2 500 (B); refunded 300 + 200 + 305 + 1 250; commission 50 + 23 + 62 (B: 2 500 × 2.5 %);
  // fee 57 + 34 + 63 (B); market B: 2 500 − 62 − 63 = 2 375 to come.
  expect(fisherStatement.totals).toEqual({
    paidOnlineCents: 7_500,
    paidCashCents: 1_250,
    paidChequeCents: 0,
    paidTerminalCents: 0,
    paidAtStallCents: 1_250,
    refundedCents: 2_055,
    commissionCents: 135,
    feeCents: 154,
    netCents: 5_156,
    transferredCents: 2_781,
    sendingCents: 0,
    heldCents: 0,
    upcomingCents: 2_375,
    gapCents: 0,
  });
  const farmerStatement = (await salesStatement({ actor: { roles: ["PRODUCER"] }, producerId: farmer.producerId, ...period, commissionBp: COMMISSION_BP })).statement;
  expect(farmerStatement.totals).toMatchObject({ paidOnlineCents: 4_000, refundedCents: 195, commissionCents: 95, feeCents: 101, netCents: 3_609, transferredCents: 0, heldCents: 3_609, upcomingCents: 0, gapCents: 0 });
  // Each refund with its credit note's number; the farmer sees the whole-order gesture on O2, not the fisher's own refunds.
  expect(fisherStatement.refunds.map((refund) => [refund.reason, refund.amountCents, refund.status])).toEqual([
    ["PRODUCER_REFUND", 300, "SUCCEEDED"],
    ["ADMIN_REFUND", 500, "SUCCEEDED"],
    ["CUSTOMER_CANCELLED", 1_250, "SUCCEEDED"],
    ["PRODUCER_REFUND", 200, "SUCCEEDED"],
  ]);
  expect(farmerStatement.refunds.map((refund) => [refund.reason, refund.amountCents])).toEqual([["ADMIN_REFUND", 500]]);
  expect(new Set(fisherStatement.refunds.map((refund) => refund.number)).size).toBe(4);

  // Against the double: every charge, refund, transfer and reversal it holds for these orders.
  const all = (await salesStatement({ actor: { roles: ["ADMIN"] }, producerId: null, ...period, commissionBp: COMMISSION_BP })).statement;
  const charged = [...double.charges.values()].filter((charge) => intents.includes(String(charge.payment_intent)));
  const refunded = [...double.refunds.values()].filter((refund) => intents.includes(String(refund.payment_intent)));
  const transfers = [...double.transfers.values()].filter((transfer) => transfer.transfer_group === transferGroup(marketA.id));
  const sum = (objects: Array<Record<string, unknown>>, pick: (object: Record<string, unknown>) => number) => objects.reduce((total, object) => total + pick(object), 0);
  expect(charged).toHaveLength(5);
  expect(all.totals.paidOnlineCents).toBe(sum(charged, (charge) => Number(charge.amount)));
  expect(all.totals.refundedCents).toBe(sum(refunded, (refund) => Number(refund.amount)));
  expect(all.totals.refundedCents).toBe(sum(charged, (charge) => Number(charge.amount_refunded)));
  expect(all.totals.transferredCents).toBe(sum(transfers, (transfer) => Number(transfer.amount) - Number(transfer.amount_reversed)));
  const fees = await db().cardPayment.aggregate({ where: { paymentIntentId: { in: intents } }, _sum: { feeCents: true } });
  expect(all.totals.feeCents + all.platform!.feeCents).toBe(fees._sum.feeCents);
  expect(all.platform).toEqual({ commissionCents: 230, feeCents: 44, heldCents: 3_609, refundsFailed: 0, refundsFailedCents: 0 });
  // Every cent the double charged ends refunded, as commission, as a producer's fee, transferred, held or to come
  // (the platform's part of the fees — O5's, refunded in full — is paid from the platform's own balance).
  expect(all.totals.paidOnlineCents).toBe(
    all.totals.refundedCents + all.totals.commissionCents + all.totals.feeCents + all.totals.transferredCents + all.totals.sendingCents + all.totals.heldCents + all.totals.upcomingCents,
  );
});

test("the statement's CSV and PDF carry the same totals as its page", async () => {
  const { fisher, period } = await month();
  const query = `?du=${period.from}&au=${period.to}`;
  const request = (path: string) => new Request(`http://localhost${path}${query}`, { headers: { cookie: fisher.cookie } });
  const page = (await statementPageLoader({ request: request("/producteur/releve"), params: {}, context: {} })) as {
    statement: { totals: Record<string, number>; transfers: Array<{ status: string; amountCents: number; reversedCents: number; stripeTransferId: string | null; reversals: Array<{ amountCents: number; stripeReversalId: string | null }> }> };
  };
  expect(page.statement.totals).toMatchObject({ paidOnlineCents: 7_500, netCents: 5_156, transferredCents: 2_781, upcomingCents: 2_375, gapCents: 0 });
  // The transfer with its id at Stripe and the reversal the late refund caused.
  const [transfer] = page.statement.transfers;
  expect(transfer).toMatchObject({ status: "SENT", amountCents: 2_976, reversedCents: 195, stripeTransferId: expect.stringMatching(/^tr_/) });
  expect(transfer!.reversals).toEqual([expect.objectContaining({ amountCents: 195, stripeReversalId: expect.stringMatching(/^trr_/) })]);

  const csv = await ((await statementCsvLoader({ request: request("/producteur/releve.csv"), params: {}, context: {} })) as Response).text();
  const totalLine = (label: string) => csv.split("\r\n").find((line) => line.startsWith("Totaux de la période") && line.includes(label));
  expect(totalLine("Payé en ligne (carte bancaire en ligne)")).toContain("75,00");
  expect(totalLine("Remboursé aux clients")).toContain("20,55");
  expect(totalLine("Commission de la plateforme")).toContain("1,35");
  expect(totalLine("Frais Stripe (votre part)")).toContain("1,54");
  expect(totalLine("Net de vos ventes en ligne")).toContain("51,56");
  expect(totalLine("Viré sur votre compte Stripe")).toContain("27,81");
  expect(totalLine("À venir (marchés pas encore clos)")).toContain("23,75");

  const pdf = (await statementPdfLoader({ request: request("/producteur/releve.pdf"), params: {}, context: {} })) as Response;
  expect(pdf.headers.get("content-type")).toBe("application/pdf");
  const text = pdfText(new Uint8Array(await pdf.arrayBuffer()));
  for (const amount of ["75,00", "20,55", "1,35", "1,54", "51,56", "27,81", "23,75"]) expect(text).toContain(amount);
  const farm = await db().organisation.findUniqueOrThrow({ where: { id: fisher.producerId }, select: { name: true } });
  expect(text).toContain(`Relevé des paiements — ${farm.name}`);
});

test("another producer's statement shows none of this producer's orders: each reads their own", async () => {
  const { fisher, period } = await month();
  const stranger = await createProducerUser({ name: "Autre ferme" });
  const query = `?du=${period.from}&au=${period.to}`;
  const page = (await statementPageLoader({ request: new Request(`http://localhost/producteur/releve${query}`, { headers: { cookie: stranger.cookie } }), params: {}, context: {} })) as {
    statement: { orders: unknown[]; totals: { paidOnlineCents: number } };
  };
  expect(page.statement.orders).toEqual([]);
  expect(page.statement.totals.paidOnlineCents).toBe(0);
  const csv = await ((await statementCsvLoader({ request: new Request(`http://localhost/producteur/releve.csv${query}`, { headers: { cookie: stranger.cookie } }), params: {}, context: {} })) as Response).text();
  const farm = await db().organisation.findUniqueOrThrow({ where: { id: fisher.producerId }, select: { name: true } });
  expect(csv).not.toContain(farm.name);
});

test("the admin's sales summary shows the platform's totals: commission, its share of Stripe's fees, the total held, failed refunds", async () => {
  const { period } = await month();
  const admin = await createMemberUser("ADMIN");
  const page = (await adminSummaryLoader({ request: new Request(`http://localhost/admin/bilan?du=${period.from}&au=${period.to}`, { headers: { cookie: admin.cookie } }), params: {}, context: {} })) as {
    platform: { commissionCents: number; feeCents: number; heldCents: number; refundsFailed: number } | null;
    cardByProducer: Record<string, { netCents: number; transferredCents: number; heldCents: number; upcomingCents: number }>;
  };
  expect(page.platform).toMatchObject({ commissionCents: 230, feeCents: 44, heldCents: 3_609, refundsFailed: 0 });
  // And for each producer, where their card money is.
  const { fisher, farmer } = await month();
  expect(page.cardByProducer[fisher.producerId]).toMatchObject({ netCents: 5_156, transferredCents: 2_781, heldCents: 0, upcomingCents: 2_375 });
  expect(page.cardByProducer[farmer.producerId]).toMatchObject({ netCents: 3_609, transferredCents: 0, heldCents: 3_609, upcomingCents: 0 });
});
