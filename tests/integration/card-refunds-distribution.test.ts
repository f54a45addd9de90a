import { afterAll, beforeAll, expect, test } from "vitest";
import { db } from "~/db.server";
import { cancelDistribution } from "~/domain/distributions/cancel-distribution.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { startJobs, type Jobs } from "~/infra/jobs-worker.server";
import { createDistribution, createOffer, createUsers, offerStock } from "../factories";
import { createCardPaidOrderAtDouble, pointStripeAt, refundsAtDouble } from "../factories-card-refunds";
import { useOwnMigratedDatabase } from "../setup/fresh-database";
import { startStripeDouble, type StripeDouble } from "../stripe-double/stripe-double";

/*
 * A distribution of 100 card-paid orders cancelled at once (issue 11, decision 027 §4): one
 * set-based transaction writes the 100 refunds and their jobs; two job workers (two app servers)
 * send them to the Stripe double. Its own database: the two workers work every queue of it.
 */
useOwnMigratedDatabase("card_refunds");

let double: StripeDouble;
const workers: Jobs[] = [];
beforeAll(async () => {
  double = await startStripeDouble();
  pointStripeAt(double);
});
afterAll(async () => {
  for (const worker of workers.splice(0)) await worker.stop({ timeoutMs: 5_000 });
  await double.close();
});

const admin = { roles: ["ADMIN" as const], memberships: [] };

test("card refunds: a distribution of 100 card-paid orders cancelled twice at the same instant, two workers running: exactly 100 refunds at the double, one per payment, and the emails say what was refunded", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, priceCents: 1_250, stock: 500 });
  const customers = await createUsers(101);
  const paid = [];
  for (const customer of customers.slice(0, 100)) {
    paid.push(await createCardPaidOrderAtDouble(double, { distributionId: distribution.id, customer, lines: [{ offerId: offer.id, quantity: 2 }] }));
  }
  // One order paid at the stall: cancelled too, never refunded.
  const atPickupCustomer = customers[100]!;
  const atPickup = await placeOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 1 }], paymentMethod: "at_pickup", customer: atPickupCustomer, now: new Date(), appUrl: "http://localhost" });
  expect((await offerStock(offer.id)).remaining).toBe(500 - 201);

  workers.push(await startJobs({ databaseUrl: process.env.DATABASE_URL!, pollingIntervalSeconds: 0.5 }));
  workers.push(await startJobs({ databaseUrl: process.env.DATABASE_URL!, pollingIntervalSeconds: 0.5 }));

  const cancel = () => cancelDistribution({ distributionId: distribution.id, reason: "Tempête annoncée", actor: admin, now: new Date(), appUrl: "http://localhost" });
  const results = await Promise.all([cancel(), cancel()]);
  expect(results.map((result) => result.alreadyCancelled).sort()).toEqual([false, true]);
  expect(results.find((result) => !result.alreadyCancelled)?.cancelledOrders).toBe(101);
  expect((await offerStock(offer.id)).remaining).toBe(500);

  await expect
    .poll(() => db().refund.count({ where: { order: { distributionId: distribution.id }, status: "SUCCEEDED" } }), { timeout: 150_000, interval: 250 })
    .toBe(100);

  const made = double.requestsTo("POST", "/v1/refunds").filter((request) => request.status === 200 && !request.replayed);
  expect(made).toHaveLength(100);
  for (const { payment } of paid) {
    expect(refundsAtDouble(double, payment.paymentIntentId!).map((refund) => refund.amount)).toEqual([2_500]);
  }
  const rows = await db().refund.findMany({ where: { order: { distributionId: distribution.id } }, select: { reason: true, amountCents: true, orderId: true } });
  expect(rows).toHaveLength(100);
  expect(new Set(rows.map((row) => row.orderId)).size).toBe(100);
  expect(rows.every((row) => row.reason === "DISTRIBUTION_CANCELLED" && row.amountCents === 2_500)).toBe(true);
  expect(await db().refund.count({ where: { orderId: atPickup.id } })).toBe(0);

  const [paidEmail] = await db().outboxEmail.findMany({ where: { to: customers[0]!.email, subject: { contains: "annulée" } }, select: { text: true } });
  expect(paidEmail?.text.replace(/[\u00a0\u202f]/g, " ")).toContain("Remboursement : 25,00 € sur votre carte, visible sous 5 à 10 jours.");
  const [atPickupEmail] = await db().outboxEmail.findMany({ where: { to: atPickupCustomer.email, subject: { contains: "annulée" } }, select: { text: true } });
  expect(atPickupEmail?.text).toContain("Vous n'avez rien à payer.");
  expect(atPickupEmail?.text).not.toContain("Remboursement");

  // Cancelled once more, later: still 100.
  expect((await cancel()).alreadyCancelled).toBe(true);
  expect(await db().refund.count({ where: { order: { distributionId: distribution.id } } })).toBe(100);
}, 180_000);
