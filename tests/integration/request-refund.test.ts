import { expect, test } from "vitest";
import { db } from "~/db.server";
import { requestRefund } from "~/domain/payments/request-refund.server";
import { createDistribution, createOffer, createUser } from "../factories";
import { createCardPaidOrder } from "../factories-payments";

async function cardOrder() {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, priceCents: 1_000, stock: 10 });
  const customer = await createUser();
  return createCardPaidOrder({ distributionId: distribution.id, customer, lines: [{ offerId: offer.id, quantity: 3 }] });
}

async function sendJobs(refundId: string) {
  const rows = await db().$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'payments.send-refund' AND data->>'refundId' = ${refundId}`;
  return Number(rows[0]!.n);
}

test("a refund is written with its job and counted on the payment; what is left can be refunded, never more than was charged", async () => {
  const { order, payment } = await cardOrder();
  expect(payment.amountCents).toBe(3_000);

  const first = await db().$transaction((tx) => requestRefund(tx, { orderId: order.id, amount: 1_200, reason: "PRODUCER_REFUND", note: "abîmé" }));
  expect(first?.amountCents).toBe(1_200);
  expect(await sendJobs(first!.id)).toBe(1);

  // More than is left: refused, nothing written.
  expect(await db().$transaction((tx) => requestRefund(tx, { orderId: order.id, amount: 1_801, reason: "ADMIN_REFUND" }))).toBeNull();

  const rest = await db().$transaction((tx) => requestRefund(tx, { orderId: order.id, amount: "rest", reason: "CUSTOMER_CANCELLED" }));
  expect(rest?.amountCents).toBe(1_800);
  expect(rest!.number).toBeGreaterThan(first!.number);
  // Nothing left: a second cancellation refunds nothing.
  expect(await db().$transaction((tx) => requestRefund(tx, { orderId: order.id, amount: "rest", reason: "CUSTOMER_CANCELLED" }))).toBeNull();

  const after = await db().cardPayment.findUniqueOrThrow({ where: { id: payment.id } });
  expect(after.refundedCents).toBe(3_000);
  const refunds = await db().refund.findMany({ where: { orderId: order.id }, orderBy: { number: "asc" } });
  expect(refunds.map((refund) => [refund.amountCents, refund.reason, refund.status])).toEqual([
    [1_200, "PRODUCER_REFUND", "PENDING"],
    [1_800, "CUSTOMER_CANCELLED", "PENDING"],
  ]);
});

test("ten refunds of the whole rest at once: one is written, the payment is refunded exactly what was charged", async () => {
  const { order, payment } = await cardOrder();
  const results = await Promise.all(Array.from({ length: 10 }, () => db().$transaction((tx) => requestRefund(tx, { orderId: order.id, amount: "rest", reason: "CUSTOMER_CANCELLED" }))));
  expect(results.filter((result) => result !== null)).toHaveLength(1);
  expect(await db().refund.count({ where: { orderId: order.id } })).toBe(1);
  expect((await db().cardPayment.findUniqueOrThrow({ where: { id: payment.id } })).refundedCents).toBe(3_000);
});

test("an order that was never paid by card has nothing to refund, and a rolled-back cancellation leaves no refund and no job", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, priceCents: 500, stock: 5 });
  const { order } = await createCardPaidOrder({ distributionId: distribution.id, customer: await createUser(), lines: [{ offerId: offer.id, quantity: 1 }] });
  await db().cardPayment.update({ where: { orderId: order.id }, data: { status: "OPEN" } });
  expect(await db().$transaction((tx) => requestRefund(tx, { orderId: order.id, amount: "rest", reason: "CUSTOMER_CANCELLED" }))).toBeNull();

  await db().cardPayment.update({ where: { orderId: order.id }, data: { status: "SUCCEEDED" } });
  let refundId = "";
  await expect(
    db().$transaction(async (tx) => {
      refundId = (await requestRefund(tx, { orderId: order.id, amount: "rest", reason: "CUSTOMER_CANCELLED" }))!.id;
      throw new Error("the cancellation failed after");
    }),
  ).rejects.toThrow("the cancellation failed after");
  expect(await db().refund.count({ where: { orderId: order.id } })).toBe(0);
  expect(await sendJobs(refundId)).toBe(0);
  expect((await db().cardPayment.findUniqueOrThrow({ where: { orderId: order.id } })).refundedCents).toBe(0);
});
