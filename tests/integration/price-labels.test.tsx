import { expect, test } from "vitest";
import { db } from "~/db.server";
import { setCartQuantity } from "~/domain/ordering/cart.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import type { Locale } from "~/i18n/messages";
import Catalogue, { loader as catalogueLoader } from "~/routes/distributions.$id";
import ProductPage, { loader as offerLoader } from "~/routes/offres.$id";
import CartPage, { loader as cartLoader } from "~/routes/panier.$distributionId";
import OrderPage, { loader as orderLoader } from "~/routes/commandes.$id";
import { createDistribution, createOffer, createProducer, createUser, signedInCookie } from "../factories";
import { renderPage, type PageRoute } from "../render-page";

/**
 * A price reads the same on the catalogue card, the product page and the cart, like the stall's
 * blackboard: a fish sold by weight gives its estimated weight, its price per kg and its estimated
 * price — never "16,15 € / pièce" beside a per-kg price for the same fish.
 */

const pages: PageRoute[] = [
  { path: "distributions/:id", loader: catalogueLoader, Component: Catalogue },
  { path: "offres/:id", loader: offerLoader, Component: ProductPage },
  { path: "panier/:distributionId", loader: cartLoader, Component: CartPage },
  { path: "commandes/:id", loader: orderLoader, Component: OrderPage },
];

/** The page's text as a reader sees it: no tags, no React comments, plain spaces. */
async function text(locale: Locale, cookie: string, url: string): Promise<string> {
  const { html, status } = await renderPage(pages, locale, cookie, url);
  expect(status).toBe(200);
  return html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " ").replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ");
}

async function stall() {
  const distribution = await createDistribution();
  const producer = await createProducer({ name: "Bateau Le Goéland" });
  const fish = await createOffer({ distributionId: distribution.id, producerId: producer.id, name: "Bar de ligne", priceCents: 1615 });
  await db().product.update({ where: { id: fish.productId }, data: { unit: "PIECE", variableWeight: true, estimatedWeightGrams: 600, nameEn: "Line-caught sea bass" } });
  const butter = await createOffer({ distributionId: distribution.id, producerId: producer.id, name: "Beurre doux (250 g)", priceCents: 420 });
  await db().product.update({ where: { id: butter.productId }, data: { unit: "PIECE", netQuantityGrams: 250 } });
  const rillettes = await createOffer({ distributionId: distribution.id, producerId: producer.id, name: "Rillettes de maquereau", priceCents: 250 });
  await db().product.update({ where: { id: rillettes.productId }, data: { unit: "G100" } });
  return { distribution, fish, butter, rillettes };
}

test("the catalogue card of a fish sold by weight reads like the blackboard, in French and in English", async () => {
  const { distribution } = await stall();
  const fr = await text("fr", "", `/distributions/${distribution.id}`);
  expect(fr).toContain("Bateau Le Goéland environ 600 g · 26,92 €/kg · environ 16,15 €");
  expect(fr).toContain("Bateau Le Goéland 4,20 € / pièce · 16,80 €/kg");
  expect(fr).toContain("Bateau Le Goéland 2,50 € / 100 g · 25,00 €/kg");
  expect(fr).not.toContain("16,15 € / pièce");
  const en = await text("en", "", `/distributions/${distribution.id}`);
  expect(en).toContain("Bateau Le Goéland about 600 g · €26.92/kg · about €16.15");
});

test("the product page of a fish sold by weight gives no price per piece beside its price per kg", async () => {
  const { fish, butter } = await stall();
  const page = await text("fr", "", `/offres/${fish.id}`);
  expect(page).toContain("environ 600 g · 26,92 €/kg · environ 16,15 €");
  expect(page).not.toMatch(/16,15 € \/ pièce/);
  expect(await text("fr", "", `/offres/${butter.id}`)).toContain("4,20 € / pièce · 16,80 €/kg");
});

test("the cart says the same, and a quantity of a product sold per 100 g reads × 100 g", async () => {
  const { distribution, fish, rillettes } = await stall();
  const user = await createUser();
  await setCartQuantity({ userId: user.id, offerId: fish.id, quantity: 2, now: new Date() });
  await setCartQuantity({ userId: user.id, offerId: rillettes.id, quantity: 3, now: new Date() });
  const cart = await text("fr", await signedInCookie(user.id), `/panier/${distribution.id}`);
  expect(cart).toContain("Bateau Le Goéland environ 600 g · 26,92 €/kg · environ 16,15 €");
  expect(cart).toContain("Bateau Le Goéland 2,50 € / 100 g · 25,00 €/kg");
  expect(cart).toContain("× 100 g");
  expect(cart).not.toContain("/ pièce");
});

test("the order page reads the fish line the same way, from the weight recorded at order", async () => {
  const { distribution, fish } = await stall();
  const user = await createUser();
  const customer = { id: user.id, email: user.email, name: user.name, locale: "fr" as const };
  const order = await placeOrder({ distributionId: distribution.id, lines: [{ offerId: fish.id, quantity: 2 }], paymentMethod: "at_pickup", customer, now: new Date(), appUrl: "http://localhost" });
  const page = await text("fr", await signedInCookie(user.id), `/commandes/${order.id}`);
  expect(page).toContain("Bar de ligne environ 600 g · 26,92 €/kg · environ 16,15 €");
  expect(page).not.toContain("/ pièce");
});
