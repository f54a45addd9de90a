import { expect, test } from "vitest";
import { db } from "~/db.server";
import { setCartQuantity } from "~/domain/ordering/cart.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { apiOrderSchema } from "~/http/api-schemas";
import { action as ordersAction } from "~/routes/api.v1.orders";
import CartPage, { action as cartAction, loader as cartLoader } from "~/routes/panier.$distributionId";
import { createDistribution, createOffer, createUser, offerStock, signedInCookie } from "../factories";
import { renderPage } from "../render-page";

/* A server without Stripe keys, as every installation before issue 11: card online is hidden and refused, the rest as today. */
delete process.env.STRIPE_SECRET_KEY;
delete process.env.STRIPE_WEBHOOK_SECRET;
delete process.env.STRIPE_API_BASE;

async function world() {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, priceCents: 600, stock: 10 });
  const customer = await createUser();
  return { distribution, offer, customer, cookie: await signedInCookie(customer.id) };
}

async function postOrder(body: unknown, cookie: string, locale = "fr") {
  const request = new Request("http://localhost/api/v1/orders", { method: "POST", headers: { cookie, "content-type": "application/json", "accept-language": locale }, body: JSON.stringify(body) });
  const response = await ordersAction({ request, params: {}, context: {} });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

test("without keys the checkout page offers no card option: payment at pickup only, as today", async () => {
  const { distribution, offer, customer, cookie } = await world();
  await setCartQuantity({ userId: customer.id, offerId: offer.id, quantity: 1, now: new Date() });
  const { html } = await renderPage([{ path: "panier/:distributionId", loader: cartLoader, action: cartAction, Component: CartPage }], "fr", cookie, `/panier/${distribution.id}`);
  expect(html).not.toContain('value="card"');
  expect(html).not.toContain("Carte bancaire en ligne");
  expect(html).toContain('value="at_pickup"');
});

test("without keys the API refuses paymentMethod card with 422 card_payments_disabled and changes nothing; at_pickup answers 201 confirmed as today", async () => {
  const { distribution, offer, cookie } = await world();
  const refused = await postOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 2 }], paymentMethod: "card" }, cookie);
  expect(refused.status).toBe(422);
  expect(refused.body).toMatchObject({ error: "card_payments_disabled", message: "Le paiement par carte bancaire en ligne n'est pas disponible : choisissez le paiement au retrait." });
  expect((await postOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 2 }], paymentMethod: "card" }, cookie, "en")).body.message).toBe("Card online payment is not available: choose pay at pickup.");
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 0 });
  expect(await db().cardPayment.count({ where: { order: { distributionId: distribution.id } } })).toBe(0);

  const placed = await postOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 2 }], paymentMethod: "at_pickup" }, cookie);
  expect(placed.status).toBe(201);
  expect(apiOrderSchema.parse(placed.body)).toMatchObject({ status: "confirmed", paymentMethod: "at_pickup", payment: null, totalCents: 1_200 });
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 2 });
});

test("without keys placeOrder itself refuses a card order before taking anything", async () => {
  const { distribution, offer, customer } = await world();
  await expect(placeOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 1 }], paymentMethod: "card", customer, now: new Date(), appUrl: "http://localhost" })).rejects.toMatchObject({ code: "card_payments_disabled" });
  expect(await db().order.count({ where: { userId: customer.id } })).toBe(0);
});
