import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db, statementsIssued } from "~/db.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { recordHandover } from "~/domain/preparation/record-handover.server";
import { recordPickupPayment } from "~/domain/preparation/record-pickup-payment.server";
import { recordWeight } from "~/domain/preparation/record-weight.server";
import OrderPage, { loader as orderLoader } from "~/routes/commandes.$id";
import ReceiptPage, { loader as receiptLoader } from "~/routes/commandes.$id_.recu";
import { loader as receiptPdfLoader } from "~/routes/commandes.$id_.recu[.]pdf";
import { createDistribution, createOffer, createProducerUser, createUser, ensureCategory, signedInCookie } from "../factories";
import { pdfText } from "../pdf-text";
import { expectWellFormed, renderPage, type PageRoute } from "../render-page";
import { get, thrownResponse } from "../route-requests";

/**
 * The receipt of an order after hand-over, on the real database: each seller who handed over with
 * their SIRET, lines and VAT per rate, what was paid at the stall; the others named as not on it;
 * as a page and as a PDF, in French and English, for the order's customer only.
 */

const HOUR = 3600_000;
const pages: PageRoute[] = [{ path: "commandes/:id/recu", loader: receiptLoader, Component: ReceiptPage }];
const UNTRANSLATED_KEY = /receipt\.[a-z]+\.?[a-zA-Z]/;

/** A distribution two days ago; farm A sells leeks (5,5 %) and cider (20 %), boat B sells fish; the customer ordered from both. */
async function pastOrder(options: { extraLines?: number } = {}) {
  const customer = await createUser({ name: "Chloé Cliente" });
  const a = await createProducerUser({ name: "Armelle" });
  const b = await createProducerUser({ name: "Bruno" });
  const tag = randomUUID().slice(0, 6);
  await db().organisation.update({ where: { id: a.producerId }, data: { name: `Ferme du Val ${tag}`, siret: "73282932000074", address: "12 route d'Arques" } });
  await db().organisation.update({ where: { id: b.producerId }, data: { name: `Le Pourquoi-Pas ${tag}` } });
  const startsAt = new Date(Date.now() - 48 * HOUR);
  const distribution = await createDistribution({ startsAt, cutoffAt: new Date(startsAt.getTime() - 24 * HOUR), opensAt: new Date(startsAt.getTime() - 7 * 24 * HOUR) });
  const leeks = await createOffer({ distributionId: distribution.id, producerId: a.producerId, priceCents: 250, vatRateBp: 550, name: `Poireaux ${tag}` });
  const cider = await createOffer({ distributionId: distribution.id, producerId: a.producerId, priceCents: 903, vatRateBp: 2000, name: `Cidre brut ${tag}` });
  const fish = await createOffer({ distributionId: distribution.id, producerId: b.producerId, priceCents: 1800, vatRateBp: 550, name: `Maquereaux ${tag}` });
  const extras: Array<{ id: string }> = [];
  for (let index = 0; index < (options.extraLines ?? 0); index++) extras.push(await createOffer({ distributionId: distribution.id, producerId: a.producerId, priceCents: 100 + index, name: `Extra ${index} ${tag}` }));
  const order = await placeOrder({
    distributionId: distribution.id,
    lines: [{ offerId: leeks.id, quantity: 2 }, { offerId: cider.id, quantity: 1 }, { offerId: fish.id, quantity: 1 }, ...extras.map((offer) => ({ offerId: offer.id, quantity: 1 }))],
    paymentMethod: "at_pickup",
    customer,
    now: new Date(distribution.cutoffAt.getTime() - HOUR),
    appUrl: "http://localhost",
  });
  const atPickup = new Date(startsAt.getTime() + 10 * 60_000);
  async function handOverA() {
    await recordHandover({ producerId: a.producerId, orderId: order.id, status: "COLLECTED", recordedById: a.user.id, now: atPickup });
    const due = 2 * 250 + 903 + extras.reduce((sum, _offer, index) => sum + 100 + index, 0);
    await recordPickupPayment({ producerId: a.producerId, orderId: order.id, paymentId: randomUUID(), method: "CASH", amountCents: 1000, recordedById: a.user.id, now: atPickup });
    await recordPickupPayment({ producerId: a.producerId, orderId: order.id, paymentId: randomUUID(), method: "CARD_TERMINAL", amountCents: due - 1000, recordedById: a.user.id, now: atPickup });
  }
  return { customer, a, b, order, tag, handOverA, cookie: await signedInCookie(customer.id) };
}

function readable(html: string): string {
  return html.replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
}

async function pdfOf(orderId: string, cookie: string, locale: "fr" | "en" = "fr"): Promise<Response> {
  const answer = await receiptPdfLoader({ request: get(`/commandes/${orderId}/recu.pdf`, `${cookie}; tm_lang=${locale}`), params: { id: orderId }, context: {} });
  if (!(answer instanceof Response)) throw new Error("the PDF route answers a Response");
  return answer;
}

test("before any hand-over there is no receipt: page and PDF answer 404 saying when it will be there", async () => {
  const { order, cookie } = await pastOrder();
  const page = await thrownResponse(receiptLoader({ request: get(`/commandes/${order.id}/recu`, `${cookie}; tm_lang=fr`), params: { id: order.id }, context: {} }));
  expect(page.status).toBe(404);
  expect(await page.json()).toEqual({ message: "Le reçu sera disponible dès qu'un producteur vous aura remis sa part de la commande." });
  const pdf = await pdfOf(order.id, cookie, "en");
  expect(pdf.status).toBe(404);
  expect(await pdf.text()).toBe("The receipt will be available as soon as a producer has handed over their part of the order.");
});

test("after the farm handed over: its lines, SIRET, VAT per rate and payments are on the receipt; the boat's part is named as not on it", async () => {
  const { order, cookie, tag, handOverA } = await pastOrder();
  await handOverA();
  const { html, status } = await renderPage(pages, "fr", cookie, `/commandes/${order.id}/recu`);
  expect(status).toBe(200);
  expectWellFormed(html, UNTRANSLATED_KEY);
  const text = readable(html);
  expect(text).toContain(`Reçu de la commande n° ${order.number}`);
  expect(text).toContain(`Vendeur : Ferme du Val ${tag}`);
  expect(text).toContain("73282932000074");
  expect(text).toContain(`Poireaux ${tag}`);
  expect(text).toContain(`Cidre brut ${tag}`);
  // The boat's fish was not handed over: not a line of the receipt, but said.
  expect(text).not.toContain(`Maquereaux ${tag}`);
  expect(text).toContain(`Pas sur ce reçu (pas encore remis ou non retiré) : Le Pourquoi-Pas ${tag}.`);
  // 5,00 € at 5,5 %: 4,74 € net + 0,26 €; 9,03 € at 20 %: 1,505 € of VAT rounded to 1,51 €, as on the order page, + 7,52 € net.
  const vat = text.match(/data-testid="receipt-vat"[\s\S]*?<\/table>/)?.[0] ?? "";
  for (const cell of ["5,5 %", "4,74\u00a0€", "0,26\u00a0€", "5,00\u00a0€", "20 %", "7,52\u00a0€", "1,51\u00a0€", "9,03\u00a0€", "12,26\u00a0€", "1,77\u00a0€", "14,03\u00a0€"]) {
    expect(vat, cell).toContain(`>${cell}<`);
  }
  // On a phone the middle columns are said under the product and under the totals' first cell, with their labels.
  expect(text).toContain("Quantité : 2 · Prix unitaire TTC : 2,50\u00a0€ · TVA : 5,5 %");
  expect(vat).toContain("Base HT : 12,26\u00a0€ · TVA : 1,77\u00a0€");
  expect(text).toContain("Payé 10,00\u00a0€ (espèces)");
  expect(text).toContain("Payé 4,03\u00a0€ (carte bancaire au terminal du stand)");
  expect(text).toContain(`href="/commandes/${order.id}/recu.pdf"`);

  const en = await renderPage(pages, "en", cookie, `/commandes/${order.id}/recu`);
  expectWellFormed(en.html, UNTRANSLATED_KEY);
  const english = readable(en.html);
  expect(english).toContain(`Receipt for order no. ${order.number}`);
  expect(english).toContain("Paid €4.03 (card at the stall's terminal)");
  expect(english).toContain(`Not on this receipt (not handed over yet, or not collected): Le Pourquoi-Pas ${tag}.`);
});

test("the receipt as a real PDF, in French and English, with the seller's SIRET", async () => {
  const { order, cookie, tag, handOverA } = await pastOrder();
  await handOverA();
  const fr = await pdfOf(order.id, cookie, "fr");
  expect(fr.status).toBe(200);
  expect(fr.headers.get("content-type")).toBe("application/pdf");
  expect(fr.headers.get("content-disposition")).toBe(`attachment; filename="recu-commande-${order.number}.pdf"`);
  const bytes = new Uint8Array(await fr.arrayBuffer());
  expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
  const text = pdfText(bytes);
  for (const line of [`Reçu de la commande n° ${order.number}`, `Vendeur : Ferme du Val ${tag}`, "73282932000074", `Cidre brut ${tag}`, "7,52\u00a0€", "Payé 10,00\u00a0€ (espèces)"]) {
    expect(text, line).toContain(line);
  }
  expect(text).not.toContain(`Maquereaux ${tag}`);
  const en = pdfText(new Uint8Array(await (await pdfOf(order.id, cookie, "en")).arrayBuffer()));
  for (const line of [`Receipt for order no. ${order.number}`, "VAT per rate, whole order", "€7.52", "73282932000074"]) {
    expect(en, line).toContain(line);
  }
});

test("only the order's customer gets the receipt: another customer and its producer get 404, a visitor goes to the login page", async () => {
  const { order, a, handOverA } = await pastOrder();
  await handOverA();
  const stranger = await createUser();
  for (const cookie of [await signedInCookie(stranger.id), await signedInCookie(a.user.id)]) {
    const page = await thrownResponse(receiptLoader({ request: get(`/commandes/${order.id}/recu`, cookie), params: { id: order.id }, context: {} }));
    expect(page.status).toBe(404);
    const pdf = await pdfOf(order.id, cookie);
    expect(pdf.status).toBe(404);
    expect(await pdf.text()).not.toContain("%PDF");
  }
  const anonymous = await thrownResponse(receiptLoader({ request: get(`/commandes/${order.id}/recu`), params: { id: order.id }, context: {} }));
  expect(anonymous.status).toBe(302);
  expect(anonymous.headers.get("location")).toMatch(/^\/connexion/);
  const anonymousPdf = await thrownResponse(receiptPdfLoader({ request: get(`/commandes/${order.id}/recu.pdf`), params: { id: order.id }, context: {} }));
  expect(anonymousPdf.status).toBe(302);
});

/** The session, then the receipt: one statement whatever the number of lines, sellers and payments. */
const RECEIPT_BUDGET = 2;

test("the receipt costs the same few statements for 3 lines and for 23", async () => {
  const small = await pastOrder();
  await small.handOverA();
  const large = await pastOrder({ extraLines: 20 });
  await large.handOverA();
  async function cost(placed: typeof small) {
    const before = statementsIssued();
    await receiptLoader({ request: get(`/commandes/${placed.order.id}/recu`, placed.cookie), params: { id: placed.order.id }, context: {} });
    return statementsIssued() - before;
  }
  const smallCost = await cost(small);
  expect(smallCost).toBeGreaterThan(0);
  expect(smallCost).toBeLessThanOrEqual(RECEIPT_BUDGET);
  expect(await cost(large)).toBe(smallCost);
});

test("the order page links to the receipt once a producer handed over, not before", async () => {
  const { order, cookie, handOverA } = await pastOrder();
  const orderPages: PageRoute[] = [{ path: "commandes/:id", loader: orderLoader, Component: OrderPage }];
  const link = `href="/commandes/${order.id}/recu"`;
  const before = await renderPage(orderPages, "fr", cookie, `/commandes/${order.id}`);
  expect(before.status).toBe(200);
  expect(before.html).not.toContain(link);
  await handOverA();
  const after = await renderPage(orderPages, "fr", cookie, `/commandes/${order.id}`);
  expect(after.html).toContain(link);
  expect(readable(after.html)).toContain("Reçu (TVA détaillée)");
  expect((await renderPage(orderPages, "en", cookie, `/commandes/${order.id}`)).html).toContain("Receipt (VAT breakdown)");
});

test("a line sold by weight is on the receipt at its weighed weight and final amount, its VAT from that amount", async () => {
  const customer = await createUser();
  const fisher = await createProducerUser();
  const tag = randomUUID().slice(0, 6);
  const startsAt = new Date(Date.now() - 48 * HOUR);
  const distribution = await createDistribution({ startsAt, cutoffAt: new Date(startsAt.getTime() - 24 * HOUR), opensAt: new Date(startsAt.getTime() - 7 * 24 * HOUR) });
  const productId = randomUUID();
  await db().product.create({
    data: { id: productId, producerId: fisher.producerId, categoryId: await ensureCategory(), name: `Bar de ligne ${tag}`, unit: "KG", priceCents: 2400, vatRateBp: 550, variableWeight: true },
  });
  const offerId = randomUUID();
  await db().offer.create({ data: { id: offerId, distributionId: distribution.id, productId, priceCents: 2400, stock: 10 } });
  const order = await placeOrder({
    distributionId: distribution.id,
    lines: [{ offerId, quantity: 1 }],
    paymentMethod: "at_pickup",
    customer,
    now: new Date(distribution.cutoffAt.getTime() - HOUR),
    appUrl: "http://localhost",
  });
  const line = await db().orderLine.findFirstOrThrow({ where: { orderId: order.id }, select: { id: true } });
  const atPickup = new Date(startsAt.getTime() + 10 * 60_000);
  await recordWeight({ producerId: fisher.producerId, lineId: line.id, grams: 850, now: atPickup });
  await recordHandover({ producerId: fisher.producerId, orderId: order.id, status: "COLLECTED", recordedById: fisher.user.id, now: atPickup });

  const { html } = await renderPage(pages, "fr", await signedInCookie(customer.id), `/commandes/${order.id}/recu`);
  const lines = readable(html).match(/data-testid="receipt-lines"[\s\S]*?<\/table>/)?.[0] ?? "";
  expect(lines).toContain(">1 (pesé : 0,85 kg)<");
  expect(lines).toContain(">20,40\u00a0€<");
  // The price per kg kept at order stays the unit price; the amount is the weighed one, not the estimate.
  expect(lines).toContain(">24,00\u00a0€<");
  // 20,40 € at 5,5 %: 19,34 € net (19,336) and 1,06 € of VAT.
  const vat = readable(html).match(/data-testid="receipt-vat"[\s\S]*?<\/table>/)?.[0] ?? "";
  for (const cell of ["19,34\u00a0€", "1,06\u00a0€", "20,40\u00a0€"]) expect(vat, cell).toContain(`>${cell}<`);
});
