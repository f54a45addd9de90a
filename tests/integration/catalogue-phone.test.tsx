import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db, statementsIssued } from "~/db.server";
import { setCartQuantity } from "~/domain/ordering/cart.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import type { Locale } from "~/i18n/messages";
import Catalogue, { loader as catalogueLoader } from "~/routes/distributions.$id";
import ProductPage, { loader as offerLoader } from "~/routes/offres.$id";
import CartPage, { loader as cartLoader } from "~/routes/panier.$distributionId";
import OrderPage, { loader as orderLoader } from "~/routes/commandes.$id";
import { createDistribution, createOffer, createOffers, createProducer, createUser, signedInCookie } from "../factories";
import { expectWellFormed, renderPage, type PageRoute } from "../render-page";

/**
 * The shop as a resident meets it on a phone: the catalogue's first screen shows products (the
 * filters fold away and say how many apply), each card its picture, producer and comparable
 * price; the product page says what the shopper buys for and who made it; the cart and the order
 * read as rows that stack, each with what a shopper needs to decide.
 */

const pages: PageRoute[] = [
  { path: "distributions/:id", loader: catalogueLoader, Component: Catalogue },
  { path: "offres/:id", loader: offerLoader, Component: ProductPage },
  { path: "panier/:distributionId", loader: cartLoader, Component: CartPage },
  { path: "commandes/:id", loader: orderLoader, Component: OrderPage },
];

const UNTRANSLATED_KEY = /\b(shop|catalogue|product|cart|orders)\.[a-z]+\.?[a-zA-Z]/;

async function page(locale: Locale, cookie: string, url: string): Promise<string> {
  const { html, status } = await renderPage(pages, locale, cookie, url);
  expect(status).toBe(200);
  return html;
}

/** The page's text as a reader sees it: no tags, plain spaces. */
function text(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/&amp;/g, "&").replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ");
}

/** A stored photo for a product (or the producer's own), as an upload leaves it. */
async function photoOf(organisationId: string, purpose: "PRODUCT_PHOTO" | "ORGANISATION_PHOTO" = "PRODUCT_PHOTO") {
  const id = randomUUID();
  await db().storedFile.create({ data: { id, organisationId, purpose, storageKey: `test/${id}.webp`, contentType: "image/webp", byteSize: 100, width: 1024, height: 768 } });
  return id;
}

async function shop() {
  const distribution = await createDistribution();
  const producer = await createProducer({ name: "Cidrerie du Manoir" });
  const cider = await createOffer({ distributionId: distribution.id, producerId: producer.id, name: "Cidre brut fermier (75 cl)", priceCents: 560 });
  await db().product.update({ where: { id: cider.productId }, data: { unit: "PIECE", netQuantityGrams: 750, photoId: await photoOf(producer.id) } });
  const fish = await createOffer({ distributionId: distribution.id, producerId: producer.id, name: "Bar de ligne", priceCents: 1615 });
  await db().product.update({ where: { id: fish.productId }, data: { unit: "PIECE", variableWeight: true, estimatedWeightGrams: 600 } });
  return { distribution, producer, cider, fish };
}

test("on a phone the catalogue's first screen shows products: the filters fold away behind one button that says how many apply", async () => {
  const { distribution, producer } = await shop();
  const plain = await page("fr", "", `/distributions/${distribution.id}`);
  const details = plain.match(/<details\b[^>]*data-testid="catalogue-filters"[^>]*>/)?.[0];
  expect(details).toBeDefined();
  expect(details).not.toMatch(/\bopen\b/);
  expect(text(plain)).toContain("Filtrer aucun filtre");
  // The products come before the fold's content, and the search is inside it.
  expect(plain.indexOf('data-testid="offer-card"')).toBeGreaterThan(0);
  expect(plain.indexOf('id="q"')).toBeGreaterThan(plain.indexOf("<summary"));

  const filtered = await page("fr", "", `/distributions/${distribution.id}?producteur=${producer.id}&bio=1`);
  expect(text(filtered)).toContain("Filtrer 2 2 filtre(s) actif(s)");
  expect(filtered.match(/<details\b[^>]*data-testid="catalogue-filters"[^>]*>/)?.[0]).not.toMatch(/\bopen\b/);
  expect(text(await page("en", "", `/distributions/${distribution.id}?bio=1`))).toContain("Filter 1 1 filter(s) on");
  expectWellFormed(filtered, UNTRANSLATED_KEY);
});

test("a refused search opens the filters, so the error summary's link leads to a field the shopper can see", async () => {
  const { distribution } = await shop();
  const { html, status } = await renderPage(pages, "fr", "", `/distributions/${distribution.id}?q=${"x".repeat(200)}`);
  expect(status).toBe(400);
  expect(html.match(/<details\b[^>]*data-testid="catalogue-filters"[^>]*>/)?.[0]).toMatch(/\bopen\b/);
  expect(html).toContain('role="alert"');
});

test("each card shows its picture, its producer and a price shoppers can compare: per litre for a bottle, the blackboard for a fish", async () => {
  const { distribution } = await shop();
  const html = await page("fr", "", `/distributions/${distribution.id}`);
  const cards = html.split('data-testid="offer-card"').slice(1);
  expect(cards).toHaveLength(2);
  const cider = cards.find((card) => card.includes("Cidre brut fermier"));
  const fish = cards.find((card) => card.includes("Bar de ligne"));
  // A photo with its stored widths, its size (nothing shifts) and a phone-sized `sizes`; a fish without one gets its category's pictogram.
  expect(cider).toMatch(/<img [^>]*srcSet="\/photos\/[^"]+ 160w/);
  expect(cider).toMatch(/width="1024" height="768"/);
  expect(cider).toMatch(/sizes="[^"]*112px"/);
  expect(fish).toMatch(/data-pictogram="legumes"/);
  expect(text(cider ?? "")).toContain("Cidrerie du Manoir 5,60 € / pièce · 7,47 €/l");
  expect(text(fish ?? "")).toContain("Cidrerie du Manoir environ 600 g · 26,92 €/kg · environ 16,15 €");
});

test("the first cards' pictures load at once, the rest as the shopper scrolls", async () => {
  const distribution = await createDistribution();
  const producer = await createProducer();
  for (let index = 0; index < 6; index += 1) {
    const offer = await createOffer({ distributionId: distribution.id, producerId: producer.id, name: `Légume ${index}` });
    await db().product.update({ where: { id: offer.productId }, data: { photoId: await photoOf(producer.id) } });
  }
  const html = await page("fr", "", `/distributions/${distribution.id}`);
  const loading = [...html.matchAll(/<img [^>]*loading="(eager|lazy)"/g)].map((match) => match[1]);
  expect(loading).toEqual(["eager", "eager", "eager", "eager", "lazy", "lazy"]);
});

test("photos come in the catalogue's one statement: a catalogue with a photo on every card costs what one without costs", async () => {
  const withPhotos = await createDistribution();
  const without = await createDistribution();
  await createOffers(withPhotos.id, 60);
  await createOffers(without.id, 60);
  const offers = await db().offer.findMany({ where: { distributionId: withPhotos.id }, select: { product: { select: { id: true, producerId: true } } } });
  for (const { product } of offers) await db().product.update({ where: { id: product.id }, data: { photoId: await photoOf(product.producerId) } });

  async function statements(distributionId: string) {
    const before = statementsIssued();
    const response = await catalogueLoader({ request: new Request(`http://localhost/distributions/${distributionId}`), params: { id: distributionId }, context: {} });
    const shown = (response as unknown as { data: { offers: Array<{ photo: unknown }> } }).data.offers;
    return { used: statementsIssued() - before, photos: shown.filter((offer) => offer.photo !== null).length };
  }
  const a = await statements(withPhotos.id);
  const b = await statements(without.id);
  expect(a.photos).toBe(48);
  expect(b.photos).toBe(0);
  expect(a.used).toBe(b.used);
});

test("the product page says which distribution and pickup point the shopper buys for, and who the producer is", async () => {
  const { distribution, producer, cider } = await shop();
  await db().organisation.update({ where: { id: producer.id }, data: { description: "Trois générations de cidriers au manoir d'Ancourt." } });
  await photoOf(producer.id, "ORGANISATION_PHOTO");
  const html = await page("fr", "", `/offres/${cider.id}`);
  const read = text(html);
  const point = await db().pickupPoint.findFirstOrThrow({ where: { distributions: { some: { id: distribution.id } } }, select: { name: true } });
  expect(read).toMatch(/Vous achetez pour la distribution : [A-Z][a-z]+ \d+ [a-zéû]+, \d{2}:\d{2}–\d{2}:\d{2}/);
  expect(read).toContain(`Retrait : ${point.name}, Quai Henri IV`);
  expect(html).toContain(`href="/distributions/${distribution.id}"`);
  // The producer's presentation and photo, loaded before and never shown.
  expect(read).toContain("Le producteur : Cidrerie du Manoir");
  expect(read).toContain("Trois générations de cidriers au manoir d'Ancourt.");
  expect(html).toMatch(/<img [^>]*alt="Photo de Cidrerie du Manoir"/);
  // The product's own picture is the page's largest content: loaded at once.
  expect(html).toMatch(/<img [^>]*loading="eager"[^>]*fetchpriority="high"|<img [^>]*fetchpriority="high"[^>]*loading="eager"/);
  expect(read).toContain("5,60 € / pièce · 7,47 €/l");
  expectWellFormed(html, UNTRANSLATED_KEY);
  expect(text(await page("en", "", `/offres/${cider.id}`))).toContain("You are buying for the distribution: ");
});

test("each cart line is a row that stacks on a phone: picture, name, producer, price, a quantity stepper and the line's amount, then the next step", async () => {
  const { distribution, cider, fish } = await shop();
  const user = await createUser();
  await setCartQuantity({ userId: user.id, offerId: cider.id, quantity: 2, now: new Date() });
  await setCartQuantity({ userId: user.id, offerId: fish.id, quantity: 1, now: new Date() });
  const html = await page("fr", await signedInCookie(user.id), `/panier/${distribution.id}`);
  const lines = html.split('data-testid="cart-line"').slice(1);
  expect(lines).toHaveLength(2);
  const cider2 = lines.find((line) => line.includes("Cidre brut fermier")) ?? "";
  expect(cider2).toMatch(/<img [^>]*srcSet="\/photos\//);
  expect(text(cider2)).toContain("Cidrerie du Manoir");
  expect(text(cider2)).toContain("5,60 € / pièce · 7,47 €/l");
  expect(text(cider2)).toContain("Montant de la ligne : 11,20 €");
  expect(cider2).toMatch(/<input [^>]*type="number"[^>]*name="quantity"[^>]*value="2"/);
  // The stepper's buttons are thumb-sized, and say which product they change.
  expect(cider2).toMatch(/<button [^>]*class="[^"]*min-h-11 min-w-11[^"]*"[^>]*aria-label="Un de moins : Cidre brut fermier \(75 cl\)"/);
  expect(cider2).toMatch(/<button [^>]*class="[^"]*min-h-11 min-w-11[^"]*"[^>]*aria-label="Un de plus : Cidre brut fermier \(75 cl\)"/);
  expect(text(html)).toMatch(/Total TTC 27,35 €/);
  expect(text(html)).toContain("Confirmer la commande — 27,35 €");
  expectWellFormed(html, UNTRANSLATED_KEY);
});

test("the order page says the pickup address once, and its lines stack like the cart's, with their pictures", async () => {
  const { distribution, cider } = await shop();
  const user = await createUser();
  const customer = { id: user.id, email: user.email, name: user.name, locale: "fr" as const };
  const order = await placeOrder({ distributionId: distribution.id, lines: [{ offerId: cider.id, quantity: 3 }], paymentMethod: "at_pickup", customer, now: new Date(), appUrl: "http://localhost" });
  const html = await page("fr", await signedInCookie(user.id), `/commandes/${order.id}`);
  expect(text(html).match(/Quai Henri IV/g)).toHaveLength(1);
  expect(html).toContain('data-testid="order-directions"');
  const lines = html.split('data-testid="order-line"').slice(1);
  expect(lines).toHaveLength(1);
  expect(text(lines[0] ?? "")).toContain("Montant de la ligne : 16,80 €");
  // The product's picture, as in the cart.
  expect(lines[0]).toMatch(/<img [^>]*srcSet="\/photos\/[^"]+ 160w/);
  expect(html).not.toMatch(/<table\b[^>]*>\s*<thead/);
  expectWellFormed(html, UNTRANSLATED_KEY);
});
