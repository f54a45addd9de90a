import { expect, test } from "vitest";
import { db } from "~/db.server";
import { setCartQuantity } from "~/domain/ordering/cart.server";
import { shownLinesOf } from "~/domain/ordering/checkout-cart.server";
import { getCart } from "~/domain/ordering/cart.server";
import { requestRefund } from "~/domain/payments/request-refund.server";
import MyOrders, { loader as myOrdersLoader } from "~/routes/commandes._index";
import OrderPage, { action as orderAction, loader as orderLoader } from "~/routes/commandes.$id";
import CartPage, { action as cartAction, loader as cartLoader } from "~/routes/panier.$distributionId";
import { cardPaymentOf, confirmationEmails, placeCardOrder, startCardCheckout } from "../card-checkout-harness";
import { createDistribution, createOffer, createUser, signedInCookie } from "../factories";
import { expectWellFormed, renderPage, type PageRoute } from "../render-page";
import { post } from "../route-requests";

const double = await startCardCheckout();

const pages: PageRoute[] = [
  { path: "panier/:distributionId", loader: cartLoader, action: cartAction, Component: CartPage },
  { path: "commandes", loader: myOrdersLoader, Component: MyOrders },
  { path: "commandes/:id", loader: orderLoader, action: orderAction, Component: OrderPage },
];
const UNTRANSLATED_KEY = /(cardCheckout|myOrders|orders)\.[a-z]+\.?[a-zA-Z]/;

function readable(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, " ");
}

async function world() {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, priceCents: 1_000, stock: 10, name: "Bar de ligne" });
  const customer = await createUser();
  return { distribution, offer, customer, cookie: await signedInCookie(customer.id) };
}

test("the checkout page offers « Carte bancaire en ligne » first, then « Paiement au retrait », and says a weighed line is charged at its cap", async () => {
  const { distribution, offer, customer, cookie } = await world();
  await db().product.update({ where: { id: offer.productId }, data: { unit: "KG", variableWeight: true } });
  await setCartQuantity({ userId: customer.id, offerId: offer.id, quantity: 2, now: new Date() });
  const { html, status } = await renderPage(pages, "fr", cookie, `/panier/${distribution.id}`);
  expect(status).toBe(200);
  expectWellFormed(html, UNTRANSLATED_KEY);
  const text = readable(html);
  expect(text.indexOf("Carte bancaire en ligne")).toBeGreaterThan(-1);
  expect(text.indexOf("Carte bancaire en ligne")).toBeLessThan(text.indexOf("Paiement au retrait"));
  const cardRadio = html.match(/<input[^>]*name="paymentMethod"[^>]*value="card"[^>]*>|<input[^>]*value="card"[^>]*name="paymentMethod"[^>]*>/)?.[0];
  expect(cardRadio).toContain("checked");
  expect(text).toContain("Un produit au poids est débité à son plafond ; la différence vous est remboursée après la pesée.");
  const en = readable((await renderPage(pages, "en", cookie, `/panier/${distribution.id}`)).html);
  expect(en).toContain("Card online");
  expect(en).toContain("Pay at pickup");
});

test("checking out by card sends the shopper to Stripe's payment page of the order's one session", async () => {
  const { distribution, offer, customer, cookie } = await world();
  await setCartQuantity({ userId: customer.id, offerId: offer.id, quantity: 1, now: new Date() });
  const cart = await getCart({ userId: customer.id }, distribution.id, new Date());
  const response = (await cartAction({
    request: post(`/panier/${distribution.id}`, { intent: "checkout", slotId: distribution.slotIds[0]!, paymentMethod: "card", idempotencyKey: crypto.randomUUID(), shownLines: shownLinesOf(cart) }, cookie),
    params: { distributionId: distribution.id },
    context: {},
  })) as Response;
  expect(response.status).toBe(302);
  const order = await db().order.findFirstOrThrow({ where: { userId: customer.id } });
  expect(order.status).toBe("AWAITING_PAYMENT");
  expect(response.headers.get("location")).toBe((await cardPaymentOf(order.id)).checkoutUrl);
});

test("the order page of a waiting card order says the amount and the hold's end, with « Payer » (to the session) and « Annuler »; my orders marks it « paiement en attente »", async () => {
  const { distribution, offer, customer, cookie } = await world();
  const order = await placeCardOrder({ distributionId: distribution.id, customer, lines: [{ offerId: offer.id, quantity: 2 }] });
  const { html } = await renderPage(pages, "fr", cookie, `/commandes/${order.id}`);
  expectWellFormed(html, UNTRANSLATED_KEY);
  const text = readable(html);
  expect(text).toContain("Paiement en attente");
  expect(text).toMatch(/20,00\s€ à payer par carte bancaire en ligne/);
  expect(text).toMatch(/Payer 20,00\s€/);
  expect(text).toContain("Annuler la commande");

  const pay = (await orderAction({ request: post(`/commandes/${order.id}`, { intent: "pay" }, cookie), params: { id: order.id }, context: {} })) as Response;
  expect(pay.status).toBe(302);
  expect(pay.headers.get("location")).toBe((await cardPaymentOf(order.id)).checkoutUrl);

  const mine = readable((await renderPage(pages, "fr", cookie, "/commandes")).html);
  expect(mine).toContain("Paiement en attente jusqu'à");
  expect(mine).toContain("Payer");
  expect(mine).toContain("Annuler");
});

test("back from Stripe (?paiement=retour) the page asks Stripe, confirms the order and says so; once paid it reads « Payé en ligne » and each refund", async () => {
  const { distribution, offer, customer, cookie } = await world();
  const order = await placeCardOrder({ distributionId: distribution.id, customer, lines: [{ offerId: offer.id, quantity: 3 }] });
  // Paid at Stripe; its webhook not delivered yet.
  double.completeCheckoutSession((await cardPaymentOf(order.id)).checkoutSessionId!);
  const back = readable((await renderPage(pages, "fr", cookie, `/commandes/${order.id}?paiement=retour`)).html);
  expect(back).toContain("Paiement reçu : votre commande est confirmée.");
  expect(back).toMatch(/Payé en ligne : 30,00\s€/);
  expect((await db().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CONFIRMED");
  expect(await confirmationEmails(customer.email)).toBe(1);

  await db().$transaction((tx) => requestRefund(tx, { orderId: order.id, amount: 1_000, reason: "PRODUCER_REFUND" }));
  const refund = await db().refund.findFirstOrThrow({ where: { orderId: order.id } });
  await db().refund.update({ where: { id: refund.id }, data: { status: "SUCCEEDED", succeededAt: new Date("2026-12-12T10:00:00Z") } });
  const paid = readable((await renderPage(pages, "fr", cookie, `/commandes/${order.id}`)).html);
  expect(paid).toMatch(/Remboursé le 12 décembre 2026 : 10,00\s€ \(remboursement du producteur\)/);
  const en = readable((await renderPage(pages, "en", cookie, `/commandes/${order.id}`)).html);
  expect(en).toMatch(/Paid online: €30.00/);
});

test("an expired card order is listed nowhere in my orders, and its page says nothing was charged", async () => {
  const { distribution, offer, customer, cookie } = await world();
  const order = await placeCardOrder({ distributionId: distribution.id, customer, lines: [{ offerId: offer.id, quantity: 1 }] });
  const { releaseHold } = await import("~/domain/payments/release-hold.server");
  await db().$transaction((tx) => releaseHold(tx, order.id, "EXPIRED", new Date()));
  const mine = await renderPage(pages, "fr", cookie, "/commandes");
  expect(mine.html).not.toContain(`/commandes/${order.id}`);
  expect(readable((await renderPage(pages, "fr", cookie, `/commandes/${order.id}`)).html)).toContain("rien n'a été débité");
});
