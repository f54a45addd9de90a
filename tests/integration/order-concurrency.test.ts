import { expect, test } from "vitest";
import { z } from "zod";
import { db } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { changeOrderLine } from "~/domain/ordering/change-order-line.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { action as cancelAction } from "~/routes/api.v1.orders.$id.cancel";
import { action as ordersAction } from "~/routes/api.v1.orders";
import { createDistribution, createOffer, createUser, createUsers, offerStock, signedInCookie } from "../factories";

/**
 * Races on the real PostgreSQL, through the API actions, with the test pool (DATABASE_POOL_SIZE,
 * 20 here): many requests wait for a connection or a row lock, which is normal. An unexpected
 * error (a deadlock, a CHECK violation) is a 500, and its console.error fails the test anyway.
 */

type Answer = { status: number; body: Record<string, unknown> };

async function answer(call: Promise<Response>): Promise<Answer> {
  try {
    const response = await call;
    return { status: response.status, body: z.record(z.string(), z.unknown()).parse(await response.json()) };
  } catch (error) {
    return { status: 500, body: { thrown: error instanceof Error ? error.message : String(error) } };
  }
}

function postOrder(cookie: string, body: unknown): Promise<Answer> {
  const request = new Request("http://localhost/api/v1/orders", {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return answer(ordersAction({ request, params: {}, context: {} }));
}

function postCancel(cookie: string, orderId: string): Promise<Answer> {
  const request = new Request(`http://localhost/api/v1/orders/${orderId}/cancel`, { method: "POST", headers: { cookie } });
  return answer(cancelAction({ request, params: { id: orderId }, context: {} }));
}

async function signedInCrowd(count: number) {
  const users = await createUsers(count);
  return Promise.all(users.map(async (user) => ({ ...user, cookie: await signedInCookie(user.id) })));
}

/** What the confirmed orders hold of an offer, summed from their lines. */
async function confirmedQuantity(offerId: string): Promise<number> {
  const sum = await db().orderLine.aggregate({ where: { offerId, order: { status: "CONFIRMED" } }, _sum: { quantity: true } });
  return sum._sum.quantity ?? 0;
}

function randomQuantity(max: number): number {
  return 1 + Math.floor(Math.random() * max);
}

test("200 simultaneous one-unit orders for a stock of 50: exactly 50 accepted, 150 sold out, nothing oversold", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 50 });
  const crowd = await signedInCrowd(200);

  const answers = await Promise.all(
    crowd.map((user) => postOrder(user.cookie, { distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 1 }], paymentMethod: "at_pickup" })),
  );

  expect(answers.filter((a) => a.status >= 500)).toEqual([]);
  const accepted = answers.filter((a) => a.status === 201);
  const refused = answers.filter((a) => a.status === 409);
  expect(accepted).toHaveLength(50);
  expect(refused).toHaveLength(150);
  for (const a of accepted) expect(a.body).toMatchObject({ status: "confirmed", lines: [{ offerId: offer.id, quantity: 1 }] });
  for (const a of refused) expect(a.body).toMatchObject({ error: "sold_out", offerIds: [offer.id] });
  expect(new Set(accepted.map((a) => a.body.id)).size).toBe(50);

  expect(await offerStock(offer.id)).toEqual({ stock: 50, ordered: 50, remaining: 0 });
  expect(await confirmedQuantity(offer.id)).toBe(50);
  expect(await db().order.count({ where: { distributionId: distribution.id } })).toBe(50);
});

test("simultaneous orders of 1 to 3 units: accepted quantities fit the stock, and no order was refused that would have fit", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 50 });
  const crowd = await signedInCrowd(60);
  const quantities = crowd.map(() => randomQuantity(3));

  const answers = await Promise.all(
    crowd.map((user, index) =>
      postOrder(user.cookie, { distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: quantities[index] }], paymentMethod: "at_pickup" }),
    ),
  );

  expect(answers.filter((a) => a.status !== 201 && a.status !== 409)).toEqual([]);
  const acceptedQuantities = answers.flatMap((a, index) => (a.status === 201 ? [quantities[index] ?? 0] : []));
  const refusedQuantities = answers.flatMap((a, index) => (a.status === 409 ? [quantities[index] ?? 0] : []));
  for (const a of answers.filter((a) => a.status === 409)) expect(a.body).toMatchObject({ error: "sold_out", offerIds: [offer.id] });
  const acceptedTotal = acceptedQuantities.reduce((sum, quantity) => sum + quantity, 0);
  expect(acceptedTotal).toBeLessThanOrEqual(50);
  // 60 requests of at least one unit each for 50 units: the stock runs out, someone is refused.
  expect(refusedQuantities.length).toBeGreaterThan(0);

  const after = await offerStock(offer.id);
  expect(after.ordered).toBe(acceptedTotal);
  expect(after.remaining).toBeGreaterThanOrEqual(0);
  expect(await confirmedQuantity(offer.id)).toBe(acceptedTotal);
  // Stock only goes down during this race: a refused request found less than it asked for, so it
  // asked for more than what is left at the end. Otherwise it was refused for nothing.
  for (const quantity of refusedQuantities) expect(quantity).toBeGreaterThan(after.remaining);
});

test("two-line orders on overlapping offers, in opposite orders, from many people at once: no deadlock, all or nothing, nothing oversold", async () => {
  const distribution = await createDistribution();
  const offers = await Promise.all([30, 25, 20].map((stock) => createOffer({ distributionId: distribution.id, stock })));
  const [a, b, c] = offers.map((offer) => offer.id);
  if (!a || !b || !c) throw new Error("three offers expected");
  const pairs: Array<[string, string]> = [[a, b], [b, a], [b, c], [c, b], [c, a], [a, c]];
  const crowd = await signedInCrowd(60);
  const requests = crowd.map((user, index) => {
    const pair = pairs[index % pairs.length] ?? [a, b];
    return { user, lines: pair.map((offerId) => ({ offerId, quantity: randomQuantity(2) })) };
  });

  const answers = await Promise.all(
    requests.map((request) => postOrder(request.user.cookie, { distributionId: distribution.id, lines: request.lines, paymentMethod: "at_pickup" })),
  );

  expect(answers.filter((answer) => answer.status !== 201 && answer.status !== 409)).toEqual([]);
  for (const answer of answers.filter((answer) => answer.status === 409)) expect(answer.body).toMatchObject({ error: "sold_out" });
  expect(answers.some((answer) => answer.status === 409)).toBe(true);
  expect(answers.some((answer) => answer.status === 201)).toBe(true);

  // An accepted order has both of its lines; a refused one took nothing.
  const expected = new Map<string, number>(offers.map((offer) => [offer.id, 0]));
  answers.forEach((answer, index) => {
    if (answer.status !== 201) return;
    const lines = requests[index]?.lines ?? [];
    expect(answer.body.lines).toHaveLength(2);
    for (const line of lines) expected.set(line.offerId, (expected.get(line.offerId) ?? 0) + line.quantity);
  });
  for (const offer of offers) {
    const after = await offerStock(offer.id);
    expect(after.ordered).toBe(expected.get(offer.id));
    expect(after.ordered).toBeLessThanOrEqual(after.stock);
    expect(await confirmedQuantity(offer.id)).toBe(after.ordered);
  }
  const confirmed = await db().order.findMany({ where: { distributionId: distribution.id }, select: { _count: { select: { lines: true } } } });
  expect(confirmed).toHaveLength(answers.filter((answer) => answer.status === 201).length);
  for (const order of confirmed) expect(order._count.lines).toBe(2);
});

test("cancelling every accepted order at once gives back exactly the stock and the slot places", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 20 });
  const crowd = await signedInCrowd(40);
  const placed = await Promise.all(
    crowd.map(async (user) => ({
      user,
      answer: await postOrder(user.cookie, { distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 1 }], paymentMethod: "at_pickup" }),
    })),
  );
  const accepted = placed.filter((entry) => entry.answer.status === 201);
  expect(accepted).toHaveLength(20);
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 20 });
  expect(await bookedPlaces(distribution.id)).toBe(20);

  const cancellations = await Promise.all(accepted.map((entry) => postCancel(entry.user.cookie, String(entry.answer.body.id))));

  expect(cancellations.map((a) => a.status)).toEqual(accepted.map(() => 200));
  for (const a of cancellations) expect(a.body).toMatchObject({ status: "cancelled" });
  expect(await offerStock(offer.id)).toEqual({ stock: 20, ordered: 0, remaining: 20 });
  expect(await bookedPlaces(distribution.id)).toBe(0);
  expect(await confirmedQuantity(offer.id)).toBe(0);
});

test("cancelling the same order twice at once gives its stock back once; the second is told it is already cancelled", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 40 });
  const crowd = await signedInCrowd(11);
  const [bystander, ...customers] = crowd;
  if (!bystander) throw new Error("a bystander expected");
  // Someone else's order stays: a stock given back twice would show below it, not only as a CHECK error.
  expect((await postOrder(bystander.cookie, { distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 5 }], paymentMethod: "at_pickup" })).status).toBe(201);
  const orders = await Promise.all(
    customers.map(async (user) => {
      const placed = await postOrder(user.cookie, { distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 3 }], paymentMethod: "at_pickup" });
      expect(placed.status).toBe(201);
      return { user, orderId: String(placed.body.id) };
    }),
  );
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 35 });
  expect(await bookedPlaces(distribution.id)).toBe(11);

  const answers = await Promise.all(orders.map(({ user, orderId }) => Promise.all([postCancel(user.cookie, orderId), postCancel(user.cookie, orderId)])));

  for (const pair of answers) {
    expect(pair.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(pair.find((a) => a.status === 409)?.body).toMatchObject({ error: "order_cancelled" });
    expect(pair.find((a) => a.status === 200)?.body).toMatchObject({ status: "cancelled" });
  }
  expect(await offerStock(offer.id)).toEqual({ stock: 40, ordered: 5, remaining: 35 });
  expect(await bookedPlaces(distribution.id)).toBe(1);
  expect(await confirmedQuantity(offer.id)).toBe(5);
});

test("concurrent quantity changes of one order, while others order the same products, never leave the stock apart from the lines", async () => {
  const distribution = await createDistribution();
  const first = await createOffer({ distributionId: distribution.id, stock: 8, priceCents: 300 });
  const second = await createOffer({ distributionId: distribution.id, stock: 8, priceCents: 450 });
  const customer = await createUser();
  const order = await placeOrder({
    distributionId: distribution.id,
    lines: [{ offerId: first.id, quantity: 2 }, { offerId: second.id, quantity: 2 }],
    paymentMethod: "at_pickup",
    customer,
    now: new Date(),
    appUrl: "http://localhost:3000",
  });
  const crowd = await signedInCrowd(10);

  // Up and down, 1 to 6 for each line: 1 always fits, 6 only if the others have not taken the rest.
  const changes = Array.from({ length: 40 }, (_, index) => ({ offerId: index % 2 === 0 ? first.id : second.id, quantity: 1 + (Math.floor(index / 2) % 6) }));
  const [changeResults, orderAnswers] = await Promise.all([
    Promise.all(
      changes.map((change) =>
        changeOrderLine({ orderId: order.id, ...change, customer, now: new Date() }).then(
          () => "changed" as const,
          (error: unknown) => error,
        ),
      ),
    ),
    Promise.all(
      crowd.map((user, index) =>
        postOrder(user.cookie, { distributionId: distribution.id, lines: [{ offerId: index % 2 === 0 ? first.id : second.id, quantity: 1 }], paymentMethod: "at_pickup" }),
      ),
    ),
  ]);

  for (const answer of orderAnswers) expect([201, 409]).toContain(answer.status);
  for (const result of changeResults) {
    if (result === "changed") continue;
    expect(result).toBeInstanceOf(DomainError);
    expect(result).toMatchObject({ code: "sold_out" });
  }
  // Lowering a line always fits: some changes went through, the race was real.
  expect(changeResults.filter((result) => result === "changed").length).toBeGreaterThan(0);
  const final = await db().order.findUniqueOrThrow({
    where: { id: order.id },
    select: { status: true, totalCents: true, lines: { select: { offerId: true, quantity: true, unitPriceCents: true } } },
  });
  expect(final.status).toBe("CONFIRMED");
  expect(final.lines).toHaveLength(2);
  expect(final.totalCents).toBe(final.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0));
  for (const offer of [first, second]) {
    const after = await offerStock(offer.id);
    expect(after.ordered).toBeLessThanOrEqual(after.stock);
    expect(after.ordered).toBe(await confirmedQuantity(offer.id));
    // The line holds the quantity of a change that succeeded (or the original 2 if none did).
    const line = final.lines.find((l) => l.offerId === offer.id);
    const succeeded = changes.filter((change, index) => change.offerId === offer.id && changeResults[index] === "changed");
    expect([2, ...succeeded.map((change) => change.quantity)]).toContain(line?.quantity);
  }
});

async function bookedPlaces(distributionId: string): Promise<number> {
  const sum = await db().pickupSlot.aggregate({ where: { distributionId }, _sum: { booked: true } });
  return sum._sum.booked ?? 0;
}

