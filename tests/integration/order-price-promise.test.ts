import { expect, test } from "vitest";
import { db } from "~/db.server";
import { setCartQuantity } from "~/domain/ordering/cart.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { updateOffer } from "~/domain/sales/update-offer.server";
import * as cartPage from "~/routes/panier.$distributionId";
import * as orderPage from "~/routes/commandes.$id";
import { action as ordersAction } from "~/routes/api.v1.orders";
import { createDistribution, createOffer, createUser, offerStock, signedInCookie } from "../factories";

/**
 * Issue 9, decision 019: a customer pays the price they were shown when they confirmed. If a
 * price moved in between, nothing is ordered and they are told, on the page and in the API;
 * adding units to a line is priced at the price shown beside it.
 */

type Failure = { ok: false; message: string };

function dataOf(result: unknown): { status: number; body: unknown } {
  if (result instanceof Response) return { status: result.status, body: null };
  if (typeof result === "object" && result !== null && "init" in result && "data" in result) {
    const wrapped = result as { init: { status?: number } | null; data: unknown };
    return { status: wrapped.init?.status ?? 200, body: wrapped.data };
  }
  return { status: 200, body: result };
}

async function butterOnSale() {
  const distribution = await createDistribution();
  const butter = await createOffer({ distributionId: distribution.id, name: "Beurre demi-sel", priceCents: 420, stock: 30 });
  const customer = await createUser();
  return { distribution, butter, customer, cookie: await signedInCookie(customer.id) };
}

async function loadCart(distributionId: string, cookie: string) {
  return cartPage.loader({ request: new Request(`http://localhost/panier/${distributionId}`, { headers: { cookie } }), params: { distributionId }, context: {} });
}

async function checkout(distributionId: string, cookie: string, page: Awaited<ReturnType<typeof loadCart>>) {
  const fields = { intent: "checkout", slotId: page.distribution.slots[0]!.id, paymentMethod: "at_pickup", idempotencyKey: page.idempotencyKey, shownLines: page.shownLines };
  return dataOf(
    await cartPage.action({ request: new Request(`http://localhost/panier/${distributionId}`, { method: "POST", body: new URLSearchParams(fields), headers: { cookie } }), params: { distributionId }, context: {} }),
  );
}

test("the cart page: a price raised between showing and confirming orders nothing and names the change; confirming again charges the new price shown", async () => {
  const { distribution, butter, customer, cookie } = await butterOnSale();
  await setCartQuantity({ userId: customer.id, offerId: butter.id, quantity: 2, now: new Date() });
  const shown = await loadCart(distribution.id, cookie);
  expect(shown.cart[0]).toMatchObject({ priceCents: 420 });

  // The producer raises the price while the customer reads the page.
  await updateOffer({ producerId: butter.producerId, offerId: butter.id, priceCents: 450, now: new Date() });

  const refused = await checkout(distribution.id, cookie, shown);
  expect(refused.status).toBe(409);
  expect((refused.body as Failure).message).toBe(
    "Le prix de « Beurre demi-sel » a changé : 4,20\u00a0€ → 4,50\u00a0€. Rien n'a été commandé : vérifiez les nouveaux prix et confirmez à nouveau.",
  );
  expect(await db().order.count({ where: { userId: customer.id } })).toBe(0);
  expect(await offerStock(butter.id)).toMatchObject({ ordered: 0 });

  // The page shows the new price; confirming that one orders at 4.50 €.
  const again = await loadCart(distribution.id, cookie);
  expect(again.cart[0]).toMatchObject({ priceCents: 450, quantity: 2 });
  const placed = await checkout(distribution.id, cookie, again);
  expect(placed.status).toBe(302);
  const order = await db().order.findFirstOrThrow({ where: { userId: customer.id }, select: { totalCents: true, lines: { select: { unitPriceCents: true } } } });
  expect(order).toEqual({ totalCents: 900, lines: [{ unitPriceCents: 450 }] });
});

test("the cart page: a price lowered in between is told too, and the customer pays the lower price they then confirm", async () => {
  const { distribution, butter, customer, cookie } = await butterOnSale();
  await setCartQuantity({ userId: customer.id, offerId: butter.id, quantity: 1, now: new Date() });
  const shown = await loadCart(distribution.id, cookie);
  await updateOffer({ producerId: butter.producerId, offerId: butter.id, priceCents: 390, now: new Date() });
  expect((await checkout(distribution.id, cookie, shown)).status).toBe(409);
  expect((await checkout(distribution.id, cookie, await loadCart(distribution.id, cookie))).status).toBe(302);
  expect(await db().order.findFirstOrThrow({ where: { userId: customer.id }, select: { totalCents: true } })).toEqual({ totalCents: 390 });
});

test("the cart page: a page older than the cart (changed in another tab) orders nothing and asks to reload", async () => {
  const { distribution, butter, customer, cookie } = await butterOnSale();
  await setCartQuantity({ userId: customer.id, offerId: butter.id, quantity: 1, now: new Date() });
  const shown = await loadCart(distribution.id, cookie);
  await setCartQuantity({ userId: customer.id, offerId: butter.id, quantity: 3, now: new Date() });
  const refused = await checkout(distribution.id, cookie, shown);
  expect(refused.status).toBe(400);
  expect((refused.body as Failure).message).toBe("La page de votre panier est trop ancienne : rechargez-la et confirmez à nouveau.");
  expect(await db().order.count({ where: { userId: customer.id } })).toBe(0);
});

test("the API: lines sent with the unitPriceCents the client showed are refused with 409 price_changed when it moved, and nothing is ordered", async () => {
  const { distribution, butter, cookie, customer } = await butterOnSale();
  await updateOffer({ producerId: butter.producerId, offerId: butter.id, priceCents: 450, now: new Date() });
  const post = (lines: unknown) =>
    ordersAction({
      request: new Request("http://localhost/api/v1/orders", { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ distributionId: distribution.id, paymentMethod: "at_pickup", lines }) }),
      params: {},
      context: {},
    });

  const refused = await post([{ offerId: butter.id, quantity: 2, unitPriceCents: 420 }]);
  expect(refused.status).toBe(409);
  expect(await refused.json()).toMatchObject({
    error: "price_changed",
    message: "Le prix de « Beurre demi-sel » a changé : 4,20\u00a0€ → 4,50\u00a0€. Rien n'a été commandé : vérifiez les nouveaux prix et confirmez à nouveau.",
    priceChanges: [{ offerId: butter.id, name: "Beurre demi-sel", shownCents: 420, currentCents: 450 }],
  });
  expect(await db().order.count({ where: { userId: customer.id } })).toBe(0);

  const placed = await post([{ offerId: butter.id, quantity: 2, unitPriceCents: 450 }]);
  expect(placed.status).toBe(201);
  expect(await placed.json()).toMatchObject({ totalCents: 900, lines: [{ unitPriceCents: 450 }] });
});

test("adding units to a line after the price changed: refused at the old price, accepted at the price shown beside it, which then prices the whole line; fewer units keep the line's price", async () => {
  const { distribution, butter, customer, cookie } = await butterOnSale();
  const order = await placeOrder({ distributionId: distribution.id, lines: [{ offerId: butter.id, quantity: 2 }], paymentMethod: "at_pickup", customer, now: new Date(), appUrl: "http://localhost" });
  await updateOffer({ producerId: butter.producerId, offerId: butter.id, priceCents: 450, now: new Date() });
  const change = async (fields: Record<string, string>) =>
    dataOf(await orderPage.action({ request: new Request(`http://localhost/commandes/${order.id}`, { method: "POST", body: new URLSearchParams(fields), headers: { cookie } }), params: { id: order.id }, context: {} }));

  // The page says what adding costs now.
  const page = await orderPage.loader({ request: new Request(`http://localhost/commandes/${order.id}`, { headers: { cookie } }), params: { id: order.id }, context: {} });
  expect(page.currentPrices[butter.id]).toBe(450);

  // A form from before the change (it showed 4.20 €): nothing changes.
  const stale = await change({ intent: "change", offerId: butter.id, quantity: "3", unitPriceCents: "420" });
  expect(stale.status).toBe(409);
  expect((stale.body as Failure).message).toContain("4,20\u00a0€ → 4,50\u00a0€");
  expect(await db().orderLine.findFirstOrThrow({ where: { orderId: order.id }, select: { quantity: true, unitPriceCents: true } })).toEqual({ quantity: 2, unitPriceCents: 420 });
  expect(await offerStock(butter.id)).toMatchObject({ ordered: 2 });

  // The page's form, showing 4.50 €: three at 4.50 €.
  expect((await change({ intent: "change", offerId: butter.id, quantity: "3", unitPriceCents: String(page.currentPrices[butter.id]) })).status).toBe(200);
  expect(await db().order.findUniqueOrThrow({ where: { id: order.id }, select: { totalCents: true, lines: { select: { quantity: true, unitPriceCents: true } } } })).toEqual({
    totalCents: 1350,
    lines: [{ quantity: 3, unitPriceCents: 450 }],
  });

  // The price drops again; taking units away never re-prices.
  await updateOffer({ producerId: butter.producerId, offerId: butter.id, priceCents: 300, now: new Date() });
  expect((await change({ intent: "change", offerId: butter.id, quantity: "1", unitPriceCents: "300" })).status).toBe(200);
  expect(await db().orderLine.findFirstOrThrow({ where: { orderId: order.id }, select: { quantity: true, unitPriceCents: true } })).toEqual({ quantity: 1, unitPriceCents: 450 });
  expect(await offerStock(butter.id)).toMatchObject({ ordered: 1 });
});
