import { randomInt, randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db, statementsIssued } from "~/db.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { action as homeAction, loader as homeLoader } from "~/routes/_index";
import { createDistribution, createOffer, createUser, signedInCookie } from "../factories";
import { get, post } from "../route-requests";

/**
 * The home page costs a fixed handful of statements whatever the number of pickup points,
 * distributions and orders: the points with their next dates in one, the next pickup in one.
 */

const DAY = 24 * 3600_000;

async function statementsForHome(cookie?: string) {
  const before = statementsIssued();
  const data = await homeLoader({ request: get("/", cookie), params: {}, context: {} });
  return { used: statementsIssued() - before, data: data as { chosen: { distributions: unknown[] } | null; nextPickup: unknown } };
}

/** `points` more pickup points in a commune of their own, each with `dates` distributions to come. */
async function morePoints(points: number, dates: number) {
  const inseeCode = `8${String(randomInt(0, 10_000)).padStart(4, "0")}`;
  await db().commune.upsert({ where: { inseeCode }, create: { inseeCode, name: `Commune ${inseeCode}`, postalCode: "76888", lat: 49.9, lon: 1.1 }, update: {} });
  const rows = Array.from({ length: points }, (_, index) => ({ id: randomUUID(), name: `Zz point de budget ${index}`, kind: "SHOP" as const, communeInsee: inseeCode, address: "Rue", lat: 49.9, lon: 1.1 }));
  await db().pickupPoint.createMany({ data: rows });
  await db().distribution.createMany({
    data: rows.flatMap((row) =>
      Array.from({ length: dates }, (_, index) => {
        const startsAt = new Date(Date.now() + (index + 1) * DAY);
        return { id: randomUUID(), pickupPointId: row.id, startsAt, endsAt: new Date(startsAt.getTime() + 3600_000), cutoffAt: new Date(startsAt.getTime() - DAY / 2), opensAt: new Date(Date.now() - DAY) };
      }),
    ),
  });
  return inseeCode;
}

test("a visitor's home costs the same few statements for a handful of points and for forty more with ten dates each", async () => {
  const distribution = await createDistribution();
  const cookie = (await homeAction({ request: post("/?index", { point: distribution.pickupPointId }), params: {}, context: {} }) as Response).headers.get("set-cookie")?.split(";")[0];
  const few = await statementsForHome(cookie);
  const insee = await morePoints(40, 10);
  const many = await statementsForHome(cookie);
  expect(few.data.chosen?.distributions).toHaveLength(1);
  expect(many.used).toBe(few.used);
  expect(many.used).toBeLessThanOrEqual(2);

  const communeCookie = (await homeAction({ request: post("/?index", { commune: insee }), params: {}, context: {} }) as Response).headers.get("set-cookie")?.split(";")[0];
  const wholeCommune = await statementsForHome(communeCookie);
  expect(wholeCommune.data.chosen?.distributions).toHaveLength(6);
  expect(wholeCommune.used).toBe(few.used);
});

test("a signed-in resident's home, with their next pickup, costs the same few statements with one order or many", async () => {
  const customer = await createUser();
  const cookie = await signedInCookie(customer.id);
  const place = { paymentMethod: "at_pickup" as const, customer, now: new Date(), appUrl: "http://localhost" };
  const first = await createDistribution({ startsAt: new Date(Date.now() + 2 * DAY) });
  const offer = await createOffer({ distributionId: first.id });
  await placeOrder({ ...place, distributionId: first.id, lines: [{ offerId: offer.id, quantity: 1 }] });
  await homeAction({ request: post("/?index", { point: first.pickupPointId }, cookie), params: {}, context: {} });
  const one = await statementsForHome(cookie);
  expect(one.data.nextPickup).not.toBeNull();

  for (let index = 0; index < 4; index += 1) {
    const distribution = await createDistribution({ startsAt: new Date(Date.now() + (3 + index) * DAY) });
    const offers = [await createOffer({ distributionId: distribution.id }), await createOffer({ distributionId: distribution.id })];
    await placeOrder({ ...place, distributionId: distribution.id, lines: offers.map((each) => ({ offerId: each.id, quantity: 2 })) });
  }
  const many = await statementsForHome(cookie);
  expect(many.used).toBe(one.used);
  expect(many.used).toBeLessThanOrEqual(5);
});
