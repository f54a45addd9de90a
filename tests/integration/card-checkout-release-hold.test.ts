import { expect, test } from "vitest";
import { db } from "~/db.server";
import { releaseHold } from "~/domain/payments/release-hold.server";
import { createDistribution, createOffer, createUser, offerStock } from "../factories";
import { createAwaitingCardOrder } from "../factories-card-checkout";

async function slotBooked(slotId: string) {
  return (await db().pickupSlot.findUniqueOrThrow({ where: { id: slotId }, select: { booked: true } })).booked;
}

async function expireJobs(orderId: string) {
  const rows = await db().$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'payments.expire-hold' AND data->>'orderId' = ${orderId}`;
  return Number(rows[0]!.n);
}

test("two releases of one hold at the same instant (the hold's job and the customer's cancel): stock and slot place are given back once", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 10 });
  const customer = await createUser();
  const { order } = await createAwaitingCardOrder({ distributionId: distribution.id, customer, lines: [{ offerId: offer.id, quantity: 3 }] });
  const slotId = (await db().order.findUniqueOrThrow({ where: { id: order.id } })).slotId;
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 3 });
  expect(await slotBooked(slotId)).toBe(1);
  const jobsBefore = await expireJobs(order.id);

  const now = new Date();
  const results = await Promise.all([
    db().$transaction((tx) => releaseHold(tx, order.id, "EXPIRED", now)),
    db().$transaction((tx) => releaseHold(tx, order.id, "CANCELLED", now)),
    db().$transaction((tx) => releaseHold(tx, order.id, "EXPIRED", now)),
  ]);

  expect(results.filter(Boolean)).toHaveLength(1);
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 0, remaining: 10 });
  expect(await slotBooked(slotId)).toBe(0);
  const after = await db().order.findUniqueOrThrow({ where: { id: order.id }, include: { cardPayment: true } });
  expect(["EXPIRED", "CANCELLED"]).toContain(after.status);
  expect(after.cardPayment?.status).toBe("CLOSED");
  // One job to close the Checkout Session at Stripe, added by the release that happened.
  expect(await expireJobs(order.id)).toBe(jobsBefore + 1);

  // Released again later (a replayed webhook): nothing moves.
  expect(await db().$transaction((tx) => releaseHold(tx, order.id, "EXPIRED", new Date()))).toBe(false);
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 0 });
  expect(await slotBooked(slotId)).toBe(0);
});

test("a confirmed order (paid, or paid at pickup) is never released: its stock stays taken", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 5 });
  const { order } = await createAwaitingCardOrder({ distributionId: distribution.id, customer: await createUser(), lines: [{ offerId: offer.id, quantity: 2 }] });
  await db().order.update({ where: { id: order.id }, data: { status: "CONFIRMED" } });
  expect(await db().$transaction((tx) => releaseHold(tx, order.id, "EXPIRED", new Date()))).toBe(false);
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 2 });
  expect((await db().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CONFIRMED");
});
