import { randomUUID } from "node:crypto";
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import type { LoaderFunctionArgs } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import * as dashboard from "~/routes/producteur._index";
import * as sheet from "~/routes/producteur.ventes.$distributionId";
import * as salesList from "~/routes/producteur.ventes._index";
import { createDistribution, createProducerUser, createUser, ensureCategory } from "../factories";
import { renderPage, unlabelledFields, type PageRoute } from "../render-page";

/**
 * The producer's sales pages rendered to HTML on the server, as a phone receives them: what a
 * fisher at dawn sees (stock, ordered, remaining), and fields that are labelled and big enough.
 */

type PageModule = { default: ComponentType; loader: (args: { request: Request; params: Record<string, string | undefined>; context: object }) => Promise<unknown> };

async function render(page: PageModule, path: string, pattern: string, cookie: string): Promise<string> {
  const handler = createStaticHandler([
    {
      id: "root",
      path: "/",
      loader: () => ({ locale: "fr" }),
      children: [{ id: "page", path: pattern, loader: ({ request, params }: LoaderFunctionArgs) => page.loader({ request, params, context: {} }), Component: page.default }],
    },
  ]);
  const context = await handler.query(new Request(`http://localhost${path}`, { headers: { cookie } }));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  // Without React's text separators, to read the page as text.
  return renderToString(createElement(StaticRouterProvider, { router, context })).replaceAll("<!-- -->", "");
}

const pages: PageRoute[] = [{ path: "producteur/ventes/:distributionId", loader: sheet.loader, action: sheet.action, Component: sheet.default }];

async function product(producerId: string, name: string, kind: "PRODUCT" | "BASKET", priceCents: number) {
  const id = randomUUID();
  await db().product.create({ data: { id, producerId, categoryId: await ensureCategory(), kind, name, unit: kind === "BASKET" ? "PIECE" : "KG", priceCents, vatRateBp: 550 } });
  return id;
}

test("the offers sheet fits a phone: « same as last week » first, one compact row per offer with its stock in its unit, basket compositions folded, one save", async () => {
  const producer = await createProducerUser();
  const distribution = await createDistribution();
  const scallopsOffer = randomUUID();
  await db().offer.create({ data: { id: scallopsOffer, distributionId: distribution.id, productId: await product(producer.producerId, "Coquilles Saint-Jacques", "PRODUCT", 1450), stock: 40, priceCents: 1450 } });
  const basketOffer = randomUUID();
  await db().offer.create({ data: { id: basketOffer, distributionId: distribution.id, productId: await product(producer.producerId, "Panier de la mer", "BASKET", 1500), stock: 10, priceCents: 1500 } });
  await db().basketItem.createMany({
    data: [
      { id: randomUUID(), offerId: basketOffer, position: 0, label: "Maquereaux", quantityLabel: "500 g", indicativePriceCents: 900 },
      { id: randomUUID(), offerId: basketOffer, position: 1, label: "Bulots", quantityLabel: "300 g", indicativePriceCents: 370 },
    ],
  });
  await product(producer.producerId, "Moules de bouchot", "PRODUCT", 600);
  const customer = await createUser();
  await placeOrder({ distributionId: distribution.id, lines: [{ offerId: scallopsOffer, quantity: 2 }], paymentMethod: "at_pickup", customer, now: new Date(), appUrl: "http://localhost" });

  const { html } = await renderPage(pages, "fr", producer.cookie, `/producteur/ventes/${distribution.id}`);

  expect(html).toMatch(/<h1[^>]*>Mes offres — /);
  expect(unlabelledFields(html)).toEqual([]);
  // « Same as last week » is the first action, before the rows.
  expect(html.indexOf("Reprendre la semaine dernière")).toBeGreaterThan(0);
  expect(html.indexOf("Reprendre la semaine dernière")).toBeLessThan(html.indexOf("Coquilles Saint-Jacques"));
  // Stock 40 kg, ordered 2 kg, left 38 kg; the stock field says its unit.
  expect(html).toContain("Commandé : 2 kg · Reste : 38 kg");
  expect(html).toMatch(new RegExp(`<label for="stock-${scallopsOffer}"[^>]*>Stock \\(kg\\)<span class="sr-only"> — Coquilles Saint-Jacques</span>`));
  expect(html).toMatch(new RegExp(`id="stock-${scallopsOffer}" name="stock.${scallopsOffer}" type="text" inputMode="numeric"[^>]*value="40"`));
  expect(html).toMatch(new RegExp(`<label for="stock-${basketOffer}"[^>]*>Stock \\(pièces\\)`));
  expect(html).toMatch(new RegExp(`<label for="price-${scallopsOffer}"[^>]*>Prix \\(€ / kg\\)`));
  expect(html).toContain("Commandé : 0 pièce · Reste : 10 pièces");
  expect(html).toMatch(new RegExp(`id="price-${scallopsOffer}" name="price.${scallopsOffer}" type="text" inputMode="decimal"[^>]*value="14,50"`));
  expect(html).toMatch(new RegExp(`id="onSale-${scallopsOffer}" name="onSale.${scallopsOffer}" type="checkbox"[^>]*checked=""`));
  expect(html).toContain("min-h-11");
  // One save for the whole sheet, none per row.
  expect(html.match(/name="intent" value="save"/g)).toHaveLength(1);
  expect(html).toContain("Tout enregistrer");
  expect(html).not.toContain("Enregistrer la composition");
  // The basket's composition is folded until opened, with its items and its total.
  expect(html).toMatch(/<details class="mt-2"><summary[^>]*>Composition \(2 article\(s\)\)/);
  expect(html).toContain(`value="Maquereaux"`);
  expect(html).toMatch(/Total indicatif : 12,70\s€ pour un panier à 15,00\s€/);
  // A basket shows three empty rows to add items.
  expect(html).toContain(`name="item-label.${basketOffer}.4"`);
  expect(html).toMatch(/<option value="[^"]+">Moules de bouchot — 6,00\s€ \/ kg<\/option>/);
});

test("after a save with a refused row the page says what was saved, names the row in the error summary beside its field, and shows what was typed", async () => {
  const producer = await createProducerUser();
  const distribution = await createDistribution();
  const scallops = randomUUID();
  await db().offer.create({ data: { id: scallops, distributionId: distribution.id, productId: await product(producer.producerId, "Coquilles Saint-Jacques", "PRODUCT", 1450), stock: 40, priceCents: 1450 } });
  const mussels = randomUUID();
  await db().offer.create({ data: { id: mussels, distributionId: distribution.id, productId: await product(producer.producerId, "Moules", "PRODUCT", 600), stock: 30, priceCents: 600 } });
  await placeOrder({ distributionId: distribution.id, lines: [{ offerId: scallops, quantity: 6 }], paymentMethod: "at_pickup", customer: await createUser(), now: new Date(), appUrl: "http://localhost" });
  const body = new URLSearchParams({
    intent: "save",
    [`onSale.${scallops}`]: "on", [`stock.${scallops}`]: "4", [`price.${scallops}`]: "15,00",
    [`onSale.${mussels}`]: "on", [`stock.${mussels}`]: "35", [`price.${mussels}`]: "6,00",
  });

  const { html, status } = await renderPage(pages, "fr", producer.cookie, `/producteur/ventes/${distribution.id}`, { method: "POST", body });

  expect(status).toBe(409);
  expect(html).toMatch(/role="alert"[^>]*>Enregistré à \d{2}:\d{2} : 2 produits en vente\. 1 ligne refusée, laissée telle quelle : corrigez-la puis enregistrez\.</);
  expect(html).toContain(`href="#field-stock.${scallops}"`);
  expect(html).toContain("Coquilles Saint-Jacques : Le stock ne peut pas descendre sous ce qui est déjà commandé : 6.");
  expect(html).toMatch(new RegExp(`id="stock-${scallops}" name="stock.${scallops}"[^>]*aria-invalid="true"[^>]*value="4"`));
  expect(html).toMatch(new RegExp(`id="price-${scallops}" name="price.${scallops}"[^>]*value="15,00"`));
  expect(html).toMatch(new RegExp(`id="stock-${mussels}" name="stock.${mussels}"[^>]*value="35"`));
  expect(await db().offer.findUniqueOrThrow({ where: { id: scallops }, select: { stock: true, priceCents: true } })).toEqual({ stock: 40, priceCents: 1450 });
  expect(await db().offer.findUniqueOrThrow({ where: { id: mussels }, select: { stock: true } })).toEqual({ stock: 35 });
});

test("the sales list and the dashboard link each distribution the producer serves to its offers and its preparation", async () => {
  const producer = await createProducerUser();
  const soon = Date.now() + 15 * 60_000;
  const distribution = await createDistribution({ startsAt: new Date(soon), cutoffAt: new Date(soon - 5 * 60_000), opensAt: new Date(Date.now() - 3600_000) });
  await db().offer.create({ data: { id: randomUUID(), distributionId: distribution.id, productId: await product(producer.producerId, "Bars de ligne", "PRODUCT", 2800), stock: 6, priceCents: 2800 } });

  const home = await render(dashboard as PageModule, "/producteur", "producteur", producer.cookie);
  expect(home).toContain("Vos prochaines distributions");
  expect(home).toContain(`href="/producteur/ventes/${distribution.id}"`);
  expect(home).toContain(`href="/producteur/preparation/${distribution.id}"`);
  expect(home).toContain("1 offre(s) · 0 commandé(s)");

  const list = await render(salesList as PageModule, "/producteur/ventes", "producteur/ventes", producer.cookie);
  expect(list).toMatch(/<h1[^>]*>Ventes<\/h1>/);
  expect(list).toContain(`href="/producteur/ventes/${distribution.id}"`);
});

test("a producer not yet verified sees why they cannot sell, and no form to put anything on sale", async () => {
  const producer = await createProducerUser({ verified: false });
  const distribution = await createDistribution();
  await product(producer.producerId, "Cidre brut", "PRODUCT", 450);

  const html = await render(sheet as PageModule, `/producteur/ventes/${distribution.id}`, "producteur/ventes/:distributionId", producer.cookie);

  expect(html).toContain("Votre organisation n&#x27;est pas encore vérifiée : vous pourrez mettre en vente dès qu&#x27;elle le sera.");
  expect(html).not.toContain("Mettre en vente");
  expect(html).not.toContain("Reprendre la semaine dernière");
});

test("after a refused save, a row the form did not carry (put on sale meanwhile from another phone) shows as it is, ticked, never emptied", async () => {
  const producer = await createProducerUser();
  const distribution = await createDistribution();
  const scallops = randomUUID();
  await db().offer.create({ data: { id: scallops, distributionId: distribution.id, productId: await product(producer.producerId, "Coquilles Saint-Jacques", "PRODUCT", 1450), stock: 40, priceCents: 1450 } });
  const bass = randomUUID();
  await db().offer.create({ data: { id: bass, distributionId: distribution.id, productId: await product(producer.producerId, "Bar de ligne", "PRODUCT", 2800), stock: 6, priceCents: 2800 } });
  // The page was loaded before the bass was put on sale: its form carries the scallops alone.
  const body = new URLSearchParams({ intent: "save", [`onSale.${scallops}`]: "on", [`stock.${scallops}`]: "-4", [`price.${scallops}`]: "14,50" });

  const { html, status } = await renderPage(pages, "fr", producer.cookie, `/producteur/ventes/${distribution.id}`, { method: "POST", body });

  expect(status).toBe(400);
  expect(html).toMatch(new RegExp(`id="stock-${scallops}"[^>]*value="-4"`));
  expect(html).toMatch(new RegExp(`id="onSale-${bass}"[^>]*checked=""`));
  expect(html).toMatch(new RegExp(`id="stock-${bass}"[^>]*value="6"`));
  expect(html).toMatch(new RegExp(`id="price-${bass}"[^>]*value="28,00"`));
});
