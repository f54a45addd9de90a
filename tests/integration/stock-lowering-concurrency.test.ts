import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { z } from "zod";
import { db } from "~/db.server";
import { isDomainError } from "~/domain/errors";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { action as patchAction } from "~/routes/api.v1.offers.$id";
import { createDistribution, createProducerUser, createUsers, ensureCategory } from "../factories";

/**
 * A producer lowering stock while orders arrive, on the real PostgreSQL (test pool of 20
 * connections: many requests wait for a connection or the offer's row lock, which is normal).
 * Whatever the interleaving: never oversold, never negative; every refused lowering says how
 * much is ordered; `ordered` is exactly what the confirmed order lines hold.
 */

type Patch = { target: number; status: number; body: Record<string, unknown> };

async function sellingProducer(stock: number) {
  const producer = await createProducerUser();
  const distribution = await createDistribution();
  const productId = randomUUID();
  await db().product.create({
    data: { id: productId, producerId: producer.producerId, categoryId: await ensureCategory(), name: "Coquilles Saint-Jacques", unit: "KG", priceCents: 1500, vatRateBp: 550 },
  });
  const offerId = randomUUID();
  await db().offer.create({ data: { id: offerId, distributionId: distribution.id, productId, stock, priceCents: 1500 } });
  return { ...producer, distribution, offerId };
}

async function patchStock(offerId: string, cookie: string, target: number): Promise<Patch> {
  const request = new Request(`http://localhost/api/v1/offers/${offerId}`, {
    method: "PATCH",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({ stock: target }),
  });
  const response = await patchAction({ request, params: { id: offerId }, context: {} });
  return { target, status: response.status, body: z.record(z.string(), z.unknown()).parse(await response.json()) };
}

type Outcome = { outcome: "placed" | "sold_out"; quantity: number };

/** Customers ready to order 1 or 2 units straight through placeOrder; each ends placed or sold out. */
async function customersReady(distributionId: string, offerId: string, count: number): Promise<Array<() => Promise<Outcome>>> {
  const customers = await createUsers(count);
  return customers.map((customer, index) => () => {
    const quantity = 1 + (index % 2);
    return placeOrder({ distributionId, lines: [{ offerId, quantity }], paymentMethod: "at_pickup", customer, now: new Date(), appUrl: "http://localhost" }).then(
      (): Outcome => ({ outcome: "placed", quantity }),
      (error: unknown): Outcome => {
        if (isDomainError(error) && error.code === "sold_out") return { outcome: "sold_out", quantity };
        throw error;
      },
    );
  });
}

async function offerState(offerId: string) {
  return db().offer.findUniqueOrThrow({ where: { id: offerId }, select: { stock: true, ordered: true } });
}

async function confirmedQuantity(offerId: string): Promise<number> {
  const sum = await db().orderLine.aggregate({ where: { offerId, order: { status: "CONFIRMED" } }, _sum: { quantity: true } });
  return sum._sum.quantity ?? 0;
}

function expectEachAnswerHonest(seller: { offerId: string }, patches: Patch[]) {
  expect(patches.filter((patch) => patch.status !== 200 && patch.status !== 409)).toEqual([]);
  for (const patch of patches.filter((patch) => patch.status === 200)) {
    expect(patch.body).toMatchObject({ id: seller.offerId, stock: patch.target });
    expect(Number(patch.body.ordered)).toBeLessThanOrEqual(patch.target);
  }
  for (const patch of patches.filter((patch) => patch.status === 409)) {
    expect(patch.body).toMatchObject({ error: "below_ordered", ordered: expect.any(Number), message: expect.stringContaining("déjà commandé") });
    expect(Number(patch.body.ordered)).toBeGreaterThan(patch.target);
  }
}

/** Runs the customers' orders through `streams` parallel streams (that many people tapping "order" at every instant). */
async function inStreams(customers: Array<() => Promise<Outcome>>, streams: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: streams }, async () => {
      while (next < customers.length) {
        const order = customers[next];
        next += 1;
        if (order) outcomes.push(await order());
      }
    }),
  );
  return outcomes;
}

test("a producer setting stock around what they see ordered while 150 orders arrive: never oversold or negative, each refusal says what is ordered", async () => {
  const seller = await sellingProducer(200);
  const customers = await customersReady(seller.distribution.id, seller.offerId, 150);

  // Ten customers ordering at every instant, 150 in all; meanwhile the producer looks at what is
  // ordered and sets the stock a little above it, or (every third step) just below it: lowerings
  // and orders collide on the same row at the very quantity where an oversale would happen.
  let settled = false;
  const orders = inStreams(customers, 10).finally(() => {
    settled = true;
  });
  const patches: Patch[] = [];
  for (let step = 0; !settled; step += 1) {
    const seen = await offerState(seller.offerId);
    const target = Math.max(0, step % 3 === 2 ? seen.ordered - 1 : seen.ordered + 10);
    patches.push(await patchStock(seller.offerId, seller.cookie, target));
    const state = await offerState(seller.offerId);
    expect(state.stock).toBeGreaterThanOrEqual(0);
    expect(state.ordered).toBeLessThanOrEqual(state.stock);
  }
  const outcomes = await orders;

  expectEachAnswerHonest(seller, patches);
  expect(patches.filter((patch) => patch.status === 409).length).toBeGreaterThan(0);
  const final = await offerState(seller.offerId);
  const placedUnits = outcomes.filter((outcome) => outcome.outcome === "placed").reduce((sum, outcome) => sum + outcome.quantity, 0);
  expect(outcomes).toHaveLength(150);
  expect(final.stock).toBeGreaterThanOrEqual(0);
  expect(final.ordered).toBeLessThanOrEqual(final.stock);
  expect(final.ordered).toBe(placedUnits);
  expect(final.ordered).toBe(await confirmedQuantity(seller.offerId));

  // Once the orders are in, lowering to exactly what is ordered is accepted: sold out, not oversold.
  const closing = await patchStock(seller.offerId, seller.cookie, final.ordered);
  expect(closing).toMatchObject({ status: 200, body: { stock: final.ordered, ordered: final.ordered, remaining: 0 } });
}, 90_000);

test("many lowerings at once, to scattered values, mixed with 120 orders: the stock ends at an accepted value and nothing is oversold", async () => {
  const seller = await sellingProducer(200);
  const customers = await customersReady(seller.distribution.id, seller.offerId, 120);
  const targets = Array.from({ length: 40 }, (_, index) => (index * 37) % 200);

  // Started interleaved: three orders, one lowering, three orders...
  const orders: Array<Promise<Outcome>> = [];
  const patches: Array<Promise<Patch>> = [];
  customers.forEach((order, index) => {
    orders.push(order());
    const target = targets[index / 3];
    if (index % 3 === 0 && target !== undefined) patches.push(patchStock(seller.offerId, seller.cookie, target));
  });
  const outcomes = await Promise.all(orders);
  const answers = await Promise.all(patches);

  expectEachAnswerHonest(seller, answers);
  const acceptedTargets = new Set(answers.filter((patch) => patch.status === 200).map((patch) => patch.target));
  const final = await offerState(seller.offerId);
  expect(final.stock).toBeGreaterThanOrEqual(0);
  expect(final.ordered).toBeLessThanOrEqual(final.stock);
  expect(acceptedTargets.has(final.stock) || final.stock === 200).toBe(true);
  const placedUnits = outcomes.filter((outcome) => outcome.outcome === "placed").reduce((sum, outcome) => sum + outcome.quantity, 0);
  expect(final.ordered).toBe(placedUnits);
  expect(final.ordered).toBe(await confirmedQuantity(seller.offerId));
}, 90_000);
