import { expect, test } from "vitest";
import { DomainError } from "~/domain/errors";
import { getCart, setCartQuantity } from "~/domain/ordering/cart.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { createDistribution, createOffer, createUser, offerStock } from "../factories";

/** The cart lives in the database: what a visit puts there, the next visit finds. */

const HOUR = 3600_000;
const APP_URL = "http://localhost:3000";

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => "accepted",
    (error: unknown) => error,
  );
}

test("a quantity put in the cart is there on the next visit, and changing it replaces it", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 10, priceCents: 320 });
  const user = await createUser();

  await setCartQuantity({ userId: user.id, offerId: offer.id, quantity: 2, now: new Date() });
  expect(await getCart({ userId: user.id }, distribution.id)).toEqual([
    expect.objectContaining({ offerId: offer.id, quantity: 2, priceCents: 320, remaining: 10 }),
  ]);

  await setCartQuantity({ userId: user.id, offerId: offer.id, quantity: 5, now: new Date() });
  expect(await getCart({ userId: user.id }, distribution.id)).toEqual([expect.objectContaining({ offerId: offer.id, quantity: 5 })]);
  // The cart reserves nothing.
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 0 });
});

test("each person sees only their own cart, and only for the distribution asked for", async () => {
  const distribution = await createDistribution();
  const other = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id });
  const otherOffer = await createOffer({ distributionId: other.id });
  const alice = await createUser();
  const bob = await createUser();

  await setCartQuantity({ userId: alice.id, offerId: offer.id, quantity: 1, now: new Date() });
  await setCartQuantity({ userId: alice.id, offerId: otherOffer.id, quantity: 4, now: new Date() });

  expect((await getCart({ userId: alice.id }, distribution.id)).map((line) => [line.offerId, line.quantity])).toEqual([[offer.id, 1]]);
  expect((await getCart({ userId: alice.id }, other.id)).map((line) => [line.offerId, line.quantity])).toEqual([[otherOffer.id, 4]]);
  expect(await getCart({ userId: bob.id }, distribution.id)).toEqual([]);
});

test("quantity 0 takes the offer out of the cart", async () => {
  const distribution = await createDistribution();
  const kept = await createOffer({ distributionId: distribution.id });
  const removed = await createOffer({ distributionId: distribution.id });
  const user = await createUser();
  await setCartQuantity({ userId: user.id, offerId: kept.id, quantity: 1, now: new Date() });
  await setCartQuantity({ userId: user.id, offerId: removed.id, quantity: 3, now: new Date() });

  await setCartQuantity({ userId: user.id, offerId: removed.id, quantity: 0, now: new Date() });

  expect((await getCart({ userId: user.id }, distribution.id)).map((line) => line.offerId)).toEqual([kept.id]);
  // Removing what is not there is harmless.
  await setCartQuantity({ userId: user.id, offerId: removed.id, quantity: 0, now: new Date() });
  expect(await getCart({ userId: user.id }, distribution.id)).toHaveLength(1);
});

test("a quantity above what remains is refused as sold out and the cart keeps its previous quantity", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 5 });
  const user = await createUser();
  const someoneElse = await createUser();
  await placeOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 3 }], paymentMethod: "at_pickup", customer: someoneElse, now: new Date(), appUrl: APP_URL });
  await setCartQuantity({ userId: user.id, offerId: offer.id, quantity: 1, now: new Date() });

  const error = await refusal(setCartQuantity({ userId: user.id, offerId: offer.id, quantity: 3, now: new Date() }));

  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ code: "sold_out", details: { offerIds: [offer.id] } });
  expect(await getCart({ userId: user.id }, distribution.id)).toEqual([expect.objectContaining({ offerId: offer.id, quantity: 1, remaining: 2 })]);
  // Exactly what remains is fine.
  await setCartQuantity({ userId: user.id, offerId: offer.id, quantity: 2, now: new Date() });
  expect((await getCart({ userId: user.id }, distribution.id))[0]?.quantity).toBe(2);
});

test("after the cutoff the cart refuses new quantities with cutoff_passed, but an offer can still be taken out", async () => {
  const startsAt = new Date(Date.now() + 48 * HOUR);
  const cutoffAt = new Date(Date.now() + 24 * HOUR);
  const distribution = await createDistribution({ startsAt, cutoffAt });
  const offer = await createOffer({ distributionId: distribution.id, stock: 10 });
  const user = await createUser();
  await setCartQuantity({ userId: user.id, offerId: offer.id, quantity: 1, now: new Date(cutoffAt.getTime() - 1000) });

  for (const now of [cutoffAt, new Date(cutoffAt.getTime() + 1000)]) {
    const error = await refusal(setCartQuantity({ userId: user.id, offerId: offer.id, quantity: 2, now }));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "cutoff_passed" });
  }
  expect((await getCart({ userId: user.id }, distribution.id))[0]?.quantity).toBe(1);

  await setCartQuantity({ userId: user.id, offerId: offer.id, quantity: 0, now: new Date(cutoffAt.getTime() + 1000) });
  expect(await getCart({ userId: user.id }, distribution.id)).toEqual([]);
});

test("placing the order empties the cart lines it ordered and keeps the others", async () => {
  const distribution = await createDistribution();
  const other = await createDistribution();
  const ordered = await createOffer({ distributionId: distribution.id, stock: 10 });
  const notOrdered = await createOffer({ distributionId: distribution.id, stock: 10 });
  const elsewhere = await createOffer({ distributionId: other.id, stock: 10 });
  const user = await createUser();
  await setCartQuantity({ userId: user.id, offerId: ordered.id, quantity: 2, now: new Date() });
  await setCartQuantity({ userId: user.id, offerId: notOrdered.id, quantity: 1, now: new Date() });
  await setCartQuantity({ userId: user.id, offerId: elsewhere.id, quantity: 3, now: new Date() });

  await placeOrder({ distributionId: distribution.id, lines: [{ offerId: ordered.id, quantity: 2 }], paymentMethod: "at_pickup", customer: user, now: new Date(), appUrl: APP_URL });

  expect((await getCart({ userId: user.id }, distribution.id)).map((line) => line.offerId)).toEqual([notOrdered.id]);
  expect((await getCart({ userId: user.id }, other.id)).map((line) => line.offerId)).toEqual([elsewhere.id]);
  expect(await offerStock(ordered.id)).toMatchObject({ ordered: 2 });
});

test("a refused order leaves the cart as it was", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 2 });
  const user = await createUser();
  await setCartQuantity({ userId: user.id, offerId: offer.id, quantity: 2, now: new Date() });
  const rival = await createUser();
  await placeOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 1 }], paymentMethod: "at_pickup", customer: rival, now: new Date(), appUrl: APP_URL });

  const error = await refusal(placeOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 2 }], paymentMethod: "at_pickup", customer: user, now: new Date(), appUrl: APP_URL }));

  expect(error).toMatchObject({ code: "sold_out" });
  expect(await getCart({ userId: user.id }, distribution.id)).toEqual([expect.objectContaining({ offerId: offer.id, quantity: 2, remaining: 1 })]);
});

test("an unknown offer cannot be put in the cart", async () => {
  const user = await createUser();
  const error = await refusal(setCartQuantity({ userId: user.id, offerId: "offre-inconnue", quantity: 1, now: new Date() }));
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ code: "invalid" });
});
