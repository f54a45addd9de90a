import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { z } from "zod";
import { db } from "~/db.server";
import { getOffer } from "~/domain/catalog/get-offer.server";
import { cancelOrder } from "~/domain/ordering/cancel-order.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { apiBelowOrderedSchema, apiProducerOfferSchema, apiProducerOffersSchema } from "~/http/producer-api-offers";
import { loader as dashboardLoader } from "~/routes/producteur._index";
import { action as sheetAction, loader as sheetLoader } from "~/routes/producteur.ventes.$distributionId";
import { loader as salesListLoader } from "~/routes/producteur.ventes._index";
import { action as patchAction, loader as offerLoader } from "~/routes/api.v1.offers.$id";
import { loader as producerOffersLoader } from "~/routes/api.v1.producer.offers";
import { createDistribution, createMemberUser, createProducerUser, createUser, ensureCategory, signedInCookie } from "../factories";
import { post, thrownResponse } from "../route-requests";

/**
 * What is on sale: the producer's pages (/producteur/ventes...) and the producer API for offers,
 * through the route modules on the real database.
 */

const HOUR = 3600_000;
const jsonObject = z.record(z.string(), z.unknown());
type Json = z.infer<typeof jsonObject>;

// ---------------------------------------------------------------------------------------------
// Helpers

async function createProduct(producerId: string, options: { name?: string; kind?: "PRODUCT" | "BASKET"; priceCents?: number; archived?: boolean } = {}) {
  const id = randomUUID();
  await db().product.create({
    data: {
      id,
      producerId,
      categoryId: await ensureCategory(),
      kind: options.kind ?? "PRODUCT",
      name: options.name ?? `Carottes ${id.slice(0, 4)}`,
      unit: options.kind === "BASKET" ? "PIECE" : "KG",
      priceCents: options.priceCents ?? 300,
      vatRateBp: 550,
      archivedAt: options.archived ? new Date("2026-01-01T00:00:00Z") : null,
    },
  });
  return id;
}

async function createOfferOf(distributionId: string, productId: string, options: { stock?: number; priceCents?: number } = {}) {
  const id = randomUUID();
  await db().offer.create({ data: { id, distributionId, productId, stock: options.stock ?? 10, priceCents: options.priceCents ?? 300 } });
  return id;
}

/** A verified producer, signed in, with one product on sale at an open distribution. */
async function producerSelling(options: { stock?: number; priceCents?: number; kind?: "PRODUCT" | "BASKET" } = {}) {
  const producer = await createProducerUser();
  const distribution = await createDistribution();
  const productId = await createProduct(producer.producerId, { kind: options.kind, priceCents: options.priceCents, name: options.kind === "BASKET" ? "Panier de la mer" : undefined });
  const offerId = await createOfferOf(distribution.id, productId, { stock: options.stock, priceCents: options.priceCents });
  return { ...producer, distribution, productId, offerId };
}

async function order(distributionId: string, offerId: string, quantity: number) {
  const customer = await createUser();
  const placed = await placeOrder({ distributionId, lines: [{ offerId, quantity }], paymentMethod: "at_pickup", customer, now: new Date(), appUrl: "http://localhost" });
  return { ...placed, customer };
}

async function offerRow(offerId: string) {
  return db().offer.findUnique({ where: { id: offerId }, select: { stock: true, ordered: true, priceCents: true } });
}

function jsonRequest(path: string, options: { method?: string; cookie?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Request {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("cookie", options.cookie);
  const body = options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined);
  if (body !== undefined) headers.set("content-type", "application/json");
  return new Request(`http://localhost${path}`, { method: options.method ?? "GET", headers, body });
}

async function read(response: Response): Promise<{ status: number; body: Json }> {
  return { status: response.status, body: jsonObject.parse(await response.json()) };
}

async function getProducerOffers(query: string, cookie?: string, headers: Record<string, string> = {}) {
  return read(await producerOffersLoader({ request: jsonRequest(`/api/v1/producer/offers${query}`, { cookie, headers }), params: {}, context: {} }));
}

async function patchOffer(id: string, body: unknown, options: { cookie?: string; rawBody?: string; headers?: Record<string, string> } = {}) {
  const request = jsonRequest(`/api/v1/offers/${id}`, { method: "PATCH", body, ...options });
  return read(await patchAction({ request, params: { id }, context: {} }));
}

type PageFailure = { ok: false; message: string; fieldErrors: Record<string, string>; offerId?: string; ordered?: number; values?: Record<string, string> };
type PageDone = { ok: true; message: string };

/** Runs the sheet's action; a refusal comes back as data with its status, a success as plain data. */
async function submit(distributionId: string, fields: Record<string, string>, cookie?: string): Promise<{ status: number; data: PageFailure | PageDone }> {
  const result: unknown = await sheetAction({ request: post(`/producteur/ventes/${distributionId}`, fields, cookie), params: { distributionId }, context: {} });
  const withInit = z.object({ type: z.literal("DataWithResponseInit"), data: z.unknown(), init: z.object({ status: z.number() }).nullable() }).safeParse(result);
  if (withInit.success) return { status: withInit.data.init?.status ?? 200, data: withInit.data.data as PageFailure };
  return { status: 200, data: result as PageDone };
}

async function loadSheet(distributionId: string, cookie?: string) {
  return sheetLoader({ request: new Request(`http://localhost/producteur/ventes/${distributionId}`, { headers: cookie ? { cookie } : {} }), params: { distributionId }, context: {} });
}

/** The sheet's one form as the page sends it: each row by its offer's id (on sale unless said otherwise). */
function sheetRows(rows: Array<{ offerId: string; stock?: string; price?: string; max?: string; onSale?: boolean }>): Record<string, string> {
  const fields: Record<string, string> = { intent: "save" };
  for (const row of rows) {
    fields[`stock.${row.offerId}`] = row.stock ?? "10";
    fields[`price.${row.offerId}`] = row.price ?? "3,00";
    if (row.max !== undefined) fields[`max.${row.offerId}`] = row.max;
    if (row.onSale !== false) fields[`onSale.${row.offerId}`] = "on";
  }
  return fields;
}

// ---------------------------------------------------------------------------------------------
// API: GET /api/v1/producer/offers

test("GET /producer/offers lists the caller's offers with stock, ordered and remaining, and none of another producer's", async () => {
  const seller = await producerSelling({ stock: 10, priceCents: 450 });
  await order(seller.distribution.id, seller.offerId, 3);
  const other = await createProducerUser();
  const otherOffer = await createOfferOf(seller.distribution.id, await createProduct(other.producerId));

  const answer = await getProducerOffers(`?distributionId=${seller.distribution.id}`, seller.cookie);

  expect(answer.status).toBe(200);
  const body = apiProducerOffersSchema.parse(answer.body);
  expect(body.distributionId).toBe(seller.distribution.id);
  expect(body.offers).toHaveLength(1);
  expect(body.offers[0]).toMatchObject({ id: seller.offerId, productId: seller.productId, kind: "product", unit: "kg", priceCents: 450, stock: 10, ordered: 3, remaining: 7 });
  expect(JSON.stringify(answer.body)).not.toContain(otherOffer);
});

test.each([
  { query: "", message: "Indiquez la distribution (distributionId)." },
  { query: "?distributionId=", message: "Indiquez la distribution (distributionId)." },
  { query: `?distributionId=${"x".repeat(200)}`, message: "Identifiant inconnu." },
  { query: "?distributionId=a%20b%3B--", message: "Identifiant inconnu." },
])("GET /producer/offers$query answers 400 naming distributionId", async ({ query, message }) => {
  const producer = await createProducerUser();
  const answer = await getProducerOffers(query, producer.cookie);
  expect(answer.status).toBe(400);
  expect(answer.body).toMatchObject({ error: "invalid", issues: [{ path: "distributionId", message }] });
});

test("GET /producer/offers for an unknown distribution is 404; anonymous 401; a consumer or a charity 403", async () => {
  const producer = await createProducerUser();
  const distribution = await createDistribution();
  expect(await getProducerOffers(`?distributionId=${randomUUID()}`, producer.cookie)).toMatchObject({ status: 404, body: { error: "not_found" } });
  expect(await getProducerOffers(`?distributionId=${distribution.id}`)).toMatchObject({ status: 401, body: { error: "unauthenticated" } });
  const consumer = await createUser();
  expect(await getProducerOffers(`?distributionId=${distribution.id}`, await signedInCookie(consumer.id))).toMatchObject({ status: 403, body: { error: "forbidden" } });
  const charity = await createMemberUser("CHARITY");
  expect(await getProducerOffers(`?distributionId=${distribution.id}`, charity.cookie)).toMatchObject({ status: 403, body: { error: "forbidden" } });
});

// ---------------------------------------------------------------------------------------------
// API: PATCH /api/v1/offers/{id}

test("PATCH /offers/{id} raises the stock and answers 200 with the offer; customers can then order more", async () => {
  const seller = await producerSelling({ stock: 2 });
  await order(seller.distribution.id, seller.offerId, 2);

  const answer = await patchOffer(seller.offerId, { stock: 12 }, { cookie: seller.cookie });

  expect(answer.status).toBe(200);
  expect(apiProducerOfferSchema.parse(answer.body)).toMatchObject({ id: seller.offerId, stock: 12, ordered: 2, remaining: 10 });
  await order(seller.distribution.id, seller.offerId, 5);
  expect(await offerRow(seller.offerId)).toMatchObject({ stock: 12, ordered: 7 });
});

test("PATCH /offers/{id} below what is ordered answers 409 below_ordered with the ordered quantity, and changes nothing", async () => {
  const seller = await producerSelling({ stock: 10, priceCents: 300 });
  await order(seller.distribution.id, seller.offerId, 4);

  const refused = await patchOffer(seller.offerId, { stock: 3, priceCents: 999 }, { cookie: seller.cookie });
  const english = await patchOffer(seller.offerId, { stock: 0 }, { cookie: seller.cookie, headers: { "accept-language": "en-GB,en" } });

  expect(refused.status).toBe(409);
  expect(apiBelowOrderedSchema.parse(refused.body)).toEqual({ error: "below_ordered", ordered: 4, message: "Le stock ne peut pas descendre sous ce qui est déjà commandé : 4." });
  expect(english).toMatchObject({ status: 409, body: { error: "below_ordered", ordered: 4, message: "Stock cannot go below what is already ordered: 4." } });
  expect(await offerRow(seller.offerId)).toEqual({ stock: 10, ordered: 4, priceCents: 300 });
  // Exactly what is ordered is accepted: nothing left to sell, nothing oversold.
  expect(await patchOffer(seller.offerId, { stock: 4 }, { cookie: seller.cookie })).toMatchObject({ status: 200, body: { stock: 4, ordered: 4, remaining: 0 } });
});

test("PATCH /offers/{id} changes the price for new orders only: lines already ordered keep their price", async () => {
  const seller = await producerSelling({ stock: 10, priceCents: 300 });
  const before = await order(seller.distribution.id, seller.offerId, 2);

  expect(await patchOffer(seller.offerId, { priceCents: 350 }, { cookie: seller.cookie })).toMatchObject({ status: 200, body: { priceCents: 350, stock: 10 } });
  const after = await order(seller.distribution.id, seller.offerId, 1);

  const lines = await db().orderLine.findMany({ where: { offerId: seller.offerId }, select: { orderId: true, unitPriceCents: true } });
  expect(lines.find((line) => line.orderId === before.id)?.unitPriceCents).toBe(300);
  expect(lines.find((line) => line.orderId === after.id)?.unitPriceCents).toBe(350);
  expect(await db().order.findUniqueOrThrow({ where: { id: before.id }, select: { totalCents: true } })).toEqual({ totalCents: 600 });
});

test("PATCH on another producer's offer is a 404 exactly like a missing offer, and changes nothing", async () => {
  const seller = await producerSelling({ stock: 10, priceCents: 300 });
  const intruder = await createProducerUser();

  const foreign = await patchOffer(seller.offerId, { stock: 0, priceCents: 1 }, { cookie: intruder.cookie });
  const missing = await patchOffer(randomUUID(), { stock: 0, priceCents: 1 }, { cookie: intruder.cookie });

  expect(foreign.status).toBe(404);
  expect(foreign.body).toEqual(missing.body);
  expect(foreign.body).toMatchObject({ error: "not_found" });
  expect(await offerRow(seller.offerId)).toEqual({ stock: 10, ordered: 0, priceCents: 300 });
});

test("PATCH /offers/{id}: anonymous 401, a consumer or a charity 403, an unverified producer 403 not_verified; nothing changed", async () => {
  const seller = await producerSelling({ stock: 10 });
  const consumer = await createUser();
  const charity = await createMemberUser("CHARITY");
  const unverified = await createProducerUser({ verified: false });

  expect(await patchOffer(seller.offerId, { stock: 1 })).toMatchObject({ status: 401, body: { error: "unauthenticated" } });
  expect(await patchOffer(seller.offerId, { stock: 1 }, { cookie: await signedInCookie(consumer.id) })).toMatchObject({ status: 403, body: { error: "forbidden" } });
  expect(await patchOffer(seller.offerId, { stock: 1 }, { cookie: charity.cookie })).toMatchObject({ status: 403, body: { error: "forbidden" } });
  expect(await patchOffer(seller.offerId, { stock: 1 }, { cookie: unverified.cookie })).toMatchObject({ status: 403, body: { error: "not_verified" } });
  expect(await offerRow(seller.offerId)).toMatchObject({ stock: 10 });
});

test.each([
  { name: "an empty object", body: {}, path: "", message: "Indiquez le stock (stock) ou le prix (priceCents) à changer." },
  { name: "no body", rawBody: "", path: "", message: "Indiquez le stock (stock) ou le prix (priceCents) à changer." },
  { name: "an array", body: [{ stock: 3 }], path: "", message: "Indiquez le stock (stock) ou le prix (priceCents) à changer." },
  { name: "a negative stock", body: { stock: -1 }, path: "stock", message: "Le stock ne peut pas être négatif." },
  { name: "a huge stock", body: { stock: 100_001 }, path: "stock", message: "Le stock ne peut pas dépasser 100 000." },
  { name: "a stock of 1e12", body: { stock: 1e12 }, path: "stock", message: "Le stock ne peut pas dépasser 100 000." },
  { name: "a fractional stock", body: { stock: 2.5 }, path: "stock", message: "Le stock doit être un nombre entier." },
  { name: "a stock as text", body: { stock: "5" }, path: "stock", message: "Le stock doit être un nombre entier." },
  { name: "a null stock", body: { stock: null }, path: "stock", message: "Le stock doit être un nombre entier." },
  { name: "a negative price", body: { priceCents: -1 }, path: "priceCents", message: "Le prix ne peut pas être négatif." },
  { name: "a huge price", body: { priceCents: 1_000_001 }, path: "priceCents", message: "Le prix ne peut pas dépasser 10 000 €." },
  { name: "a price in euros", body: { priceCents: 2.5 }, path: "priceCents", message: "Le prix (priceCents) doit être un nombre entier de centimes." },
  { name: "an unknown field", body: { stock: 3, ordered: 0 }, path: "", message: "Seuls le stock (stock) et le prix (priceCents) peuvent être changés." },
])("PATCH /offers/{id} with $name answers 400 with a French message naming the field, and changes nothing", async ({ body, rawBody, path, message }) => {
  const seller = await producerSelling({ stock: 10, priceCents: 300 });
  const answer = await patchOffer(seller.offerId, body, { cookie: seller.cookie, rawBody });
  expect(answer.status).toBe(400);
  expect(answer.body).toMatchObject({ error: "invalid", message: "Certaines informations sont invalides : vérifiez les champs signalés." });
  expect(answer.body.issues).toEqual(expect.arrayContaining([{ path, message }]));
  expect(await offerRow(seller.offerId)).toEqual({ stock: 10, ordered: 0, priceCents: 300 });
});

test("PATCH /offers/{id} with a body that is not JSON answers 400; the English message with Accept-Language: en", async () => {
  const seller = await producerSelling({ stock: 10 });
  expect(await patchOffer(seller.offerId, undefined, { cookie: seller.cookie, rawBody: "{stock: 3" })).toMatchObject({ status: 400, body: { error: "invalid" } });
  const english = await patchOffer(seller.offerId, { stock: -4 }, { cookie: seller.cookie, headers: { "accept-language": "en" } });
  expect(english.body.issues).toEqual([{ path: "stock", message: "Stock cannot be negative." }]);
  expect(await offerRow(seller.offerId)).toMatchObject({ stock: 10 });
});

test("/offers/{id} answers 405 to anything but PATCH", async () => {
  const seller = await producerSelling();
  const get = await offerLoader({ request: jsonRequest(`/api/v1/offers/${seller.offerId}`, { cookie: seller.cookie }), params: { id: seller.offerId }, context: {} });
  const put = await patchAction({ request: jsonRequest(`/api/v1/offers/${seller.offerId}`, { method: "PUT", cookie: seller.cookie, body: { stock: 1 } }), params: { id: seller.offerId }, context: {} });
  for (const response of [get, put]) {
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("PATCH");
  }
});

// ---------------------------------------------------------------------------------------------
// Pages: /producteur/ventes and /producteur/ventes/$distributionId

test("the sales list shows upcoming distributions soonest first with the producer's offer count; the dashboard only those served", async () => {
  const producer = await createProducerUser();
  const soon = Date.now() + 20 * 60_000;
  const served = await createDistribution({ startsAt: new Date(soon + 60_000), cutoffAt: new Date(soon - 5 * 60_000), opensAt: new Date(Date.now() - HOUR) });
  const notServed = await createDistribution({ startsAt: new Date(soon), cutoffAt: new Date(soon - 5 * 60_000), opensAt: new Date(Date.now() - HOUR) });
  const productId = await createProduct(producer.producerId);
  const offerId = await createOfferOf(served.id, productId, { stock: 8 });
  await order(served.id, offerId, 2);
  const request = (path: string) => new Request(`http://localhost${path}`, { headers: { cookie: producer.cookie } });

  const list = await salesListLoader({ request: request("/producteur/ventes"), params: {}, context: {} });
  const ids = list.distributions.map((distribution) => distribution.id);
  expect(ids.indexOf(notServed.id)).toBeGreaterThanOrEqual(0);
  expect(ids.indexOf(notServed.id)).toBeLessThan(ids.indexOf(served.id));
  expect(list.distributions.find((distribution) => distribution.id === served.id)).toMatchObject({ offerCount: 1, orderedUnits: 2, state: "open", canAddOffers: true });
  expect(list.distributions.find((distribution) => distribution.id === notServed.id)).toMatchObject({ offerCount: 0 });

  const dashboard = await dashboardLoader({ request: request("/producteur"), params: {}, context: {} });
  expect(dashboard.next.map((distribution) => distribution.id)).toEqual([served.id]);
});

test("the sheet shows the producer's offers with ordered and remaining, and the products that can still be added", async () => {
  const seller = await producerSelling({ stock: 10 });
  await order(seller.distribution.id, seller.offerId, 3);
  const spare = await createProduct(seller.producerId, { name: "Navets" });
  await createProduct(seller.producerId, { name: "Archivé", archived: true });
  const other = await createProducerUser();
  await createOfferOf(seller.distribution.id, await createProduct(other.producerId));

  const page = await loadSheet(seller.distribution.id, seller.cookie);

  expect(page.offers).toHaveLength(1);
  expect(page.offers[0]).toMatchObject({ id: seller.offerId, stock: 10, ordered: 3, remaining: 7, removable: false });
  expect(page.products.map((product) => product.id)).toEqual([spare]);
});

test("the sheet: anonymous visitors go to the login page, a consumer or a charity gets 403, an unknown distribution 404", async () => {
  const distribution = await createDistribution();
  const anonymous = await thrownResponse(loadSheet(distribution.id));
  expect(anonymous.status).toBe(302);
  expect(anonymous.headers.get("location")).toMatch(/^\/connexion\?redirectTo=/);
  const consumer = await createUser();
  expect((await thrownResponse(loadSheet(distribution.id, await signedInCookie(consumer.id)))).status).toBe(403);
  const charity = await createMemberUser("CHARITY");
  expect((await thrownResponse(loadSheet(distribution.id, charity.cookie))).status).toBe(403);
  const producer = await createProducerUser();
  expect((await thrownResponse(loadSheet(randomUUID(), producer.cookie))).status).toBe(404);
  // Nor can they write: the action refuses before reading the form.
  expect((await thrownResponse(sheetAction({ request: post(`/producteur/ventes/${distribution.id}`, { intent: "copy" }, charity.cookie), params: { distributionId: distribution.id }, context: {} }))).status).toBe(403);
});

test("adding a product puts it on sale at its own price, or at the price typed in euros", async () => {
  const producer = await createProducerUser();
  const distribution = await createDistribution();
  const leeks = await createProduct(producer.producerId, { name: "Poireaux", priceCents: 280 });
  const scallops = await createProduct(producer.producerId, { name: "Coquilles Saint-Jacques", priceCents: 1500 });

  const first = await submit(distribution.id, { intent: "add", productId: leeks, stock: "25", priceCents: "" }, producer.cookie);
  const second = await submit(distribution.id, { intent: "add", productId: scallops, stock: "40", priceCents: "14,50" }, producer.cookie);

  expect(first).toMatchObject({ status: 200, data: { ok: true, message: "Poireaux est en vente." } });
  expect(second.data.ok).toBe(true);
  const offers = await db().offer.findMany({ where: { distributionId: distribution.id }, select: { productId: true, stock: true, priceCents: true }, orderBy: { priceCents: "asc" } });
  expect(offers).toEqual([{ productId: leeks, stock: 25, priceCents: 280 }, { productId: scallops, stock: 40, priceCents: 1450 }]);
  // The catalogue shows it at once.
  const offer = await db().offer.findFirstOrThrow({ where: { productId: scallops }, select: { id: true } });
  expect(await getOffer(offer.id)).toMatchObject({ priceCents: 1450, remaining: 40 });
});

test("adding is refused with a clear message: a product already on sale, another producer's, an archived one; nothing created", async () => {
  const seller = await producerSelling();
  const archived = await createProduct(seller.producerId, { archived: true });
  const other = await createProducerUser();
  const foreign = await createProduct(other.producerId);

  const again = await submit(seller.distribution.id, { intent: "add", productId: seller.productId, stock: "5" }, seller.cookie);
  const theirs = await submit(seller.distribution.id, { intent: "add", productId: foreign, stock: "5" }, seller.cookie);
  const old = await submit(seller.distribution.id, { intent: "add", productId: archived, stock: "5" }, seller.cookie);

  expect(again).toMatchObject({ status: 400, data: { fieldErrors: { productId: "Ce produit est déjà en vente à cette distribution : changez son stock dans la liste." } } });
  for (const refused of [theirs, old]) expect(refused).toMatchObject({ status: 400, data: { fieldErrors: { productId: "Choisissez un de vos produits en vente (non archivé)." } } });
  expect(await db().offer.count({ where: { distributionId: seller.distribution.id } })).toBe(1);
  expect(await offerRow(seller.offerId)).toMatchObject({ stock: 10 });
});

test.each([
  { fields: { stock: "" }, field: "stock", message: "Le stock doit être un nombre entier." },
  { fields: { stock: "-1" }, field: "stock", message: "Le stock ne peut pas être négatif." },
  { fields: { stock: "abc" }, field: "stock", message: "Le stock doit être un nombre entier." },
  { fields: { stock: "2,5" }, field: "stock", message: "Le stock doit être un nombre entier." },
  { fields: { stock: "100001" }, field: "stock", message: "Le stock ne peut pas dépasser 100 000." },
  { fields: { stock: "99999999999999999999" }, field: "stock", message: "Le stock ne peut pas dépasser 100 000." },
  { fields: { priceCents: "abc" }, field: "priceCents", message: "Le prix doit être un montant en euros, par exemple 2,50." },
  { fields: { priceCents: "-2" }, field: "priceCents", message: "Le prix ne peut pas être négatif." },
  { fields: { priceCents: "2,555" }, field: "priceCents", message: "Le prix doit être un montant en euros, par exemple 2,50." },
  { fields: { priceCents: "10000,01" }, field: "priceCents", message: "Le prix ne peut pas dépasser 10 000 €." },
  { fields: { productId: "" }, field: "productId", message: "Choisissez un produit." },
  { fields: { productId: "x".repeat(1000) }, field: "productId", message: "Identifiant inconnu." },
])("adding with $field = $fields.$field is refused with 400 and a French message; nothing created", async ({ fields, field, message }) => {
  const producer = await createProducerUser();
  const distribution = await createDistribution();
  const productId = await createProduct(producer.producerId);
  const result = await submit(distribution.id, { intent: "add", productId, stock: "5", priceCents: "", ...fields }, producer.cookie);
  expect(result.status).toBe(400);
  expect(result.data).toMatchObject({ ok: false, message: "Certaines informations sont invalides : vérifiez les champs signalés." });
  expect((result.data as PageFailure).fieldErrors[field]).toBe(message);
  expect(await db().offer.count({ where: { distributionId: distribution.id } })).toBe(0);
});

test("the sheet answers bad input in English for a visitor who chose English", async () => {
  const producer = await createProducerUser();
  const distribution = await createDistribution();
  const productId = await createProduct(producer.producerId);
  const result = await submit(distribution.id, { intent: "add", productId, stock: "-3" }, `${producer.cookie}; tm_lang=en`);
  expect(result).toMatchObject({ status: 400, data: { message: "Some information is invalid: check the highlighted fields.", fieldErrors: { stock: "Stock cannot be negative." } } });
  expect(await db().offer.count({ where: { distributionId: distribution.id } })).toBe(0);
});

test("an unverified producer cannot put anything on sale: 403 with the reason", async () => {
  const producer = await createProducerUser({ verified: false });
  const distribution = await createDistribution();
  const productId = await createProduct(producer.producerId);
  const refused = await thrownResponse(sheetAction({ request: post(`/producteur/ventes/${distribution.id}`, { intent: "add", productId, stock: "5" }, producer.cookie), params: { distributionId: distribution.id }, context: {} }));
  expect(refused.status).toBe(403);
  expect(await refused.json()).toEqual({ message: "Votre organisation n'est pas encore vérifiée par le territoire : vous pourrez vendre dès qu'elle le sera." });
  expect(await db().offer.count({ where: { distributionId: distribution.id } })).toBe(0);
});

test("offers can be added after the cutoff until the distribution starts, not after it has started", async () => {
  const producer = await createProducerUser();
  const afterCutoff = await createDistribution({ startsAt: new Date(Date.now() + 2 * HOUR), cutoffAt: new Date(Date.now() - HOUR), opensAt: new Date(Date.now() - 48 * HOUR) });
  const started = await createDistribution({ startsAt: new Date(Date.now() - 10 * 60_000), cutoffAt: new Date(Date.now() - 24 * HOUR), opensAt: new Date(Date.now() - 72 * HOUR) });
  const productId = await createProduct(producer.producerId, { name: "Bulots" });

  expect(await submit(afterCutoff.id, { intent: "add", productId, stock: "5" }, producer.cookie)).toMatchObject({ status: 200, data: { ok: true } });
  const late = await submit(started.id, { intent: "add", productId, stock: "5" }, producer.cookie);
  expect(late).toMatchObject({ status: 409, data: { message: "Cette distribution a commencé : on ne peut plus y ajouter d'offre." } });
  expect(await db().offer.count({ where: { distributionId: started.id } })).toBe(0);
});

test("one save of the sheet saves every row and says so", async () => {
  const seller = await producerSelling({ stock: 10, priceCents: 300 });
  const leeks = await createOfferOf(seller.distribution.id, await createProduct(seller.producerId, { name: "Poireaux" }), { stock: 20, priceCents: 250 });
  const eggs = await createOfferOf(seller.distribution.id, await createProduct(seller.producerId, { name: "Œufs" }), { stock: 12, priceCents: 400 });
  await order(seller.distribution.id, seller.offerId, 6);

  const saved = await submit(
    seller.distribution.id,
    sheetRows([{ offerId: seller.offerId, stock: "15", price: "3,40" }, { offerId: leeks, stock: "25", price: "2,60", max: "4" }, { offerId: eggs, stock: "12", price: "4,00" }]),
    seller.cookie,
  );

  expect(saved.status).toBe(200);
  expect((saved.data as PageDone).message).toMatch(/^Enregistré à \d{2}:\d{2} : 3 produits en vente\.$/);
  expect(await offerRow(seller.offerId)).toEqual({ stock: 15, ordered: 6, priceCents: 340 });
  expect(await offerRow(leeks)).toEqual({ stock: 25, ordered: 0, priceCents: 260 });
  expect(await db().offer.findUniqueOrThrow({ where: { id: leeks }, select: { maxPerCustomer: true } })).toEqual({ maxPerCustomer: 4 });
  expect(await offerRow(eggs)).toEqual({ stock: 12, ordered: 0, priceCents: 400 });
});

test("a save with refused rows names each one beside its field, leaves them as they were, saves the others and sends back what was typed", async () => {
  const seller = await producerSelling({ stock: 10, priceCents: 300 });
  const name = (await db().product.findUniqueOrThrow({ where: { id: seller.productId }, select: { name: true } })).name;
  const leeks = await createOfferOf(seller.distribution.id, await createProduct(seller.producerId, { name: "Poireaux" }), { stock: 20, priceCents: 250 });
  const eggs = await createOfferOf(seller.distribution.id, await createProduct(seller.producerId, { name: "Œufs" }), { stock: 12, priceCents: 400 });
  await order(seller.distribution.id, seller.offerId, 6);

  const refused = await submit(
    seller.distribution.id,
    sheetRows([{ offerId: seller.offerId, stock: "5", price: "3,40" }, { offerId: leeks, stock: "30", price: "2,50" }, { offerId: eggs, stock: "beaucoup", price: "4,00" }]),
    seller.cookie,
  );

  expect(refused).toMatchObject({
    status: 409,
    data: {
      ok: false,
      offerId: seller.offerId,
      ordered: 6,
      fieldErrors: {
        [`stock.${seller.offerId}`]: `${name} : Le stock ne peut pas descendre sous ce qui est déjà commandé : 6.`,
        [`stock.${eggs}`]: "Œufs : Le stock doit être un nombre entier.",
      },
      values: { [`stock.${seller.offerId}`]: "5", [`price.${seller.offerId}`]: "3,40", [`stock.${eggs}`]: "beaucoup" },
    },
  });
  expect(refused.data.message).toMatch(/^Enregistré à \d{2}:\d{2} : 3 produits en vente\. 2 lignes refusées, laissées telles quelles : corrigez-les puis enregistrez\.$/);
  expect(await offerRow(seller.offerId)).toEqual({ stock: 10, ordered: 6, priceCents: 300 });
  expect(await offerRow(leeks)).toEqual({ stock: 30, ordered: 0, priceCents: 250 });
  expect(await offerRow(eggs)).toEqual({ stock: 12, ordered: 0, priceCents: 400 });

  // Nothing else changed: the answer says only what was refused.
  const alone = await submit(seller.distribution.id, sheetRows([{ offerId: seller.offerId, stock: "5", price: "3,00" }, { offerId: leeks, stock: "30", price: "2,50" }]), seller.cookie);
  expect(alone.data.message).toBe("1 ligne refusée, laissée telle quelle : corrigez-la puis enregistrez.");
});

test("a row of another producer's offer, or of an offer of another distribution, is a 404 and changes nothing", async () => {
  const seller = await producerSelling({ stock: 10 });
  const intruder = await createProducerUser();
  const intruderOffer = await createOfferOf(seller.distribution.id, await createProduct(intruder.producerId), { stock: 3 });
  const foreign = await submit(seller.distribution.id, sheetRows([{ offerId: intruderOffer, stock: "4" }, { offerId: seller.offerId, stock: "0", price: "0" }]), intruder.cookie);
  expect(foreign.status).toBe(404);
  const elsewhere = await createDistribution();
  const wrongSheet = await submit(elsewhere.id, sheetRows([{ offerId: seller.offerId, stock: "0", price: "0" }]), seller.cookie);
  expect(wrongSheet.status).toBe(404);
  expect(await offerRow(seller.offerId)).toEqual({ stock: 10, ordered: 0, priceCents: 300 });
  expect(await offerRow(intruderOffer)).toMatchObject({ stock: 3 });
});

test("unticking « on sale » removes an offer nobody ordered; one with orders is kept with the reason; one that only had cancelled orders too", async () => {
  const seller = await producerSelling({ stock: 10 });
  const spareId = await createOfferOf(seller.distribution.id, await createProduct(seller.producerId, { name: "Radis" }));
  const cancelledId = await createOfferOf(seller.distribution.id, await createProduct(seller.producerId, { name: "Blettes" }));
  await order(seller.distribution.id, seller.offerId, 2);
  const toCancel = await order(seller.distribution.id, cancelledId, 1);
  await cancelOrder({ orderId: toCancel.id, customer: toCancel.customer, now: new Date() });

  const removed = await submit(seller.distribution.id, sheetRows([{ offerId: spareId, onSale: false }]), seller.cookie);
  expect(removed).toMatchObject({ status: 200, data: { message: expect.stringMatching(/ : 2 produits en vente\.$/) } });
  expect(await offerRow(spareId)).toBeNull();
  const kept = await submit(seller.distribution.id, sheetRows([{ offerId: seller.offerId, onSale: false }]), seller.cookie);
  expect(kept).toMatchObject({ status: 409, data: { ordered: 2, fieldErrors: { [`onSale.${seller.offerId}`]: expect.stringContaining("Cette offre a des commandes (2)") } } });
  const history = await submit(seller.distribution.id, sheetRows([{ offerId: cancelledId, onSale: false }]), seller.cookie);
  expect(history).toMatchObject({ status: 400, data: { fieldErrors: { [`onSale.${cancelledId}`]: expect.stringContaining("Blettes : Cette offre a eu des commandes") } } });
  expect(await offerRow(seller.offerId)).toMatchObject({ stock: 10, ordered: 2 });
  expect(await offerRow(cancelledId)).toMatchObject({ stock: 10, ordered: 0 });
});

test("an unknown intent is a 400 and changes nothing", async () => {
  const seller = await producerSelling();
  expect((await submit(seller.distribution.id, { intent: "tout-supprimer" }, seller.cookie)).status).toBe(400);
  expect(await offerRow(seller.offerId)).toMatchObject({ stock: 10 });
});

// ---------------------------------------------------------------------------------------------
// Same as last week

async function distributionAt(pickupPointId: string, startsAt: Date, cutoffAt = new Date(startsAt.getTime() - 24 * HOUR)) {
  const id = randomUUID();
  await db().distribution.create({
    data: {
      id,
      pickupPointId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      cutoffAt,
      opensAt: new Date(cutoffAt.getTime() - 7 * 24 * HOUR),
      slots: { create: { id: randomUUID(), startsAt, endsAt: new Date(startsAt.getTime() + HOUR), capacity: 100 } },
    },
  });
  return id;
}

test("'same as last week' copies the last distribution's offers at the same pickup point, baskets with their composition, skipping archived and already offered products", async () => {
  const producer = await createProducerUser();
  const thisWeek = await createDistribution();
  const lastWeek = await distributionAt(thisWeek.pickupPointId, new Date(thisWeek.startsAt.getTime() - 7 * 24 * HOUR));
  const twoWeeksAgo = await distributionAt(thisWeek.pickupPointId, new Date(thisWeek.startsAt.getTime() - 14 * 24 * HOUR));
  const elsewhere = await createDistribution({ startsAt: new Date(thisWeek.startsAt.getTime() - 2 * 24 * HOUR) });

  const carrots = await createProduct(producer.producerId, { name: "Carottes" });
  const basket = await createProduct(producer.producerId, { name: "Panier terre et mer", kind: "BASKET", priceCents: 2000 });
  const archived = await createProduct(producer.producerId, { name: "Vieux produit", archived: true });
  const already = await createProduct(producer.producerId, { name: "Pommes" });
  const older = await createProduct(producer.producerId, { name: "Poires" });
  await createOfferOf(lastWeek, carrots, { stock: 30, priceCents: 290 });
  const lastBasket = await createOfferOf(lastWeek, basket, { stock: 12, priceCents: 1900 });
  await db().basketItem.createMany({
    data: [
      { id: randomUUID(), offerId: lastBasket, position: 0, label: "Maquereaux", labelEn: "Mackerel", quantityLabel: "500 g", indicativePriceCents: 900 },
      { id: randomUUID(), offerId: lastBasket, position: 1, label: "Pommes de terre", quantityLabel: "1 kg", indicativePriceCents: 250 },
    ],
  });
  await createOfferOf(lastWeek, archived, { stock: 5 });
  await createOfferOf(lastWeek, already, { stock: 50, priceCents: 100 });
  await createOfferOf(thisWeek.id, already, { stock: 7, priceCents: 120 });
  await createOfferOf(twoWeeksAgo, older, { stock: 9 });
  await createOfferOf(elsewhere.id, await createProduct(producer.producerId, { name: "Ailleurs" }), { stock: 9 });
  const other = await createProducerUser();
  await createOfferOf(lastWeek, await createProduct(other.producerId, { name: "Pas à moi" }));

  const result = await submit(thisWeek.id, { intent: "copy" }, producer.cookie);

  expect(result.status).toBe(200);
  expect((result.data as PageDone).message).toMatch(/^Repris de la distribution du .+ : Carottes, Panier terre et mer\.$/);
  const offers = await db().offer.findMany({
    where: { distributionId: thisWeek.id },
    select: { product: { select: { name: true } }, stock: true, priceCents: true, ordered: true, basketItems: { select: { label: true, labelEn: true, quantityLabel: true, indicativePriceCents: true, position: true }, orderBy: { position: "asc" } } },
    orderBy: { product: { name: "asc" } },
  });
  expect(offers).toEqual([
    { product: { name: "Carottes" }, stock: 30, priceCents: 290, ordered: 0, basketItems: [] },
    {
      product: { name: "Panier terre et mer" }, stock: 12, priceCents: 1900, ordered: 0,
      basketItems: [
        { label: "Maquereaux", labelEn: "Mackerel", quantityLabel: "500 g", indicativePriceCents: 900, position: 0 },
        { label: "Pommes de terre", labelEn: null, quantityLabel: "1 kg", indicativePriceCents: 250, position: 1 },
      ],
    },
    { product: { name: "Pommes" }, stock: 7, priceCents: 120, ordered: 0, basketItems: [] },
  ]);

  // Tapping again copies nothing more.
  const again = await submit(thisWeek.id, { intent: "copy" }, producer.cookie);
  expect((again.data as PageDone).message).toMatch(/^Rien à reprendre/);
  expect(await db().offer.count({ where: { distributionId: thisWeek.id } })).toBe(3);
});

test("two taps on 'same as last week' at the same instant copy once", async () => {
  const producer = await createProducerUser();
  const thisWeek = await createDistribution();
  const lastWeek = await distributionAt(thisWeek.pickupPointId, new Date(thisWeek.startsAt.getTime() - 7 * 24 * HOUR));
  const basket = await createOfferOf(lastWeek, await createProduct(producer.producerId, { name: "Panier légumes", kind: "BASKET" }));
  await db().basketItem.create({ data: { id: randomUUID(), offerId: basket, position: 0, label: "Courge", quantityLabel: "1", indicativePriceCents: 300 } });
  await createOfferOf(lastWeek, await createProduct(producer.producerId, { name: "Oignons" }));

  const answers = await Promise.all([1, 2, 3].map(() => submit(thisWeek.id, { intent: "copy" }, producer.cookie)));

  expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
  expect(await db().offer.count({ where: { distributionId: thisWeek.id } })).toBe(2);
  expect(await db().basketItem.count({ where: { offer: { distributionId: thisWeek.id } } })).toBe(1);
});

test("'same as last week' without a previous distribution at that pickup point says so and creates nothing", async () => {
  const producer = await createProducerUser();
  const distribution = await createDistribution();
  const result = await submit(distribution.id, { intent: "copy" }, producer.cookie);
  expect(result).toMatchObject({ status: 200, data: { ok: true, message: "Pas de distribution précédente à ce point de retrait où vous vendiez." } });
  expect(await db().offer.count({ where: { distributionId: distribution.id } })).toBe(0);
});

// ---------------------------------------------------------------------------------------------
// Baskets

/** The sheet's save with this basket's composition typed in, its stock and price as they are. */
async function compositionFields(offerId: string, rows: Array<[string, string, string, string?]>): Promise<Record<string, string>> {
  const offer = await db().offer.findUniqueOrThrow({ where: { id: offerId }, select: { stock: true, priceCents: true } });
  const fields: Record<string, string> = { ...sheetRows([{ offerId, stock: String(offer.stock), price: (offer.priceCents / 100).toFixed(2) }]), [`composition.${offerId}`]: "1" };
  rows.forEach(([label, quantity, price, labelEn], index) => {
    fields[`item-label.${offerId}.${index}`] = label;
    fields[`item-quantity.${offerId}.${index}`] = quantity;
    fields[`item-price.${offerId}.${index}`] = price;
    fields[`item-labelEn.${offerId}.${index}`] = labelEn ?? "";
  });
  return fields;
}

test("a basket's composition is announced before the cutoff; consumers see its items in order; the sheet shows the total against the price", async () => {
  const seller = await producerSelling({ kind: "BASKET", priceCents: 1500 });
  const fields = await compositionFields(seller.offerId, [
    ["Poireaux", "1 botte", "2,50", "Leeks"],
    ["", "", "", ""],
    ["Pommes de terre", "2 kg", "4"],
    ["Œufs", "6", "3,20"],
  ]);

  const saved = await submit(seller.distribution.id, fields, seller.cookie);

  expect(saved).toMatchObject({ status: 200, data: { ok: true, message: expect.stringMatching(/^Enregistré à \d{2}:\d{2} : 1 produit en vente\.$/) } });
  const seen = await getOffer(seller.offerId);
  expect(seen?.basketItems).toEqual([
    { label: "Poireaux", labelEn: "Leeks", quantityLabel: "1 botte", indicativePriceCents: 250 },
    { label: "Pommes de terre", labelEn: null, quantityLabel: "2 kg", indicativePriceCents: 400 },
    { label: "Œufs", labelEn: null, quantityLabel: "6", indicativePriceCents: 320 },
  ]);
  const page = await loadSheet(seller.distribution.id, seller.cookie);
  expect(page.offers[0]?.basketItems.map((item) => item.label)).toEqual(["Poireaux", "Pommes de terre", "Œufs"]);

  // Saving again replaces the composition rather than adding to it.
  await submit(seller.distribution.id, await compositionFields(seller.offerId, [["Chou", "1", "2"]]), seller.cookie);
  expect((await getOffer(seller.offerId))?.basketItems).toEqual([{ label: "Chou", labelEn: null, quantityLabel: "1", indicativePriceCents: 200 }]);
});

test("after the cutoff the composition cannot change: 409 with the reason, customers keep what was announced", async () => {
  const producer = await createProducerUser();
  const distribution = await createDistribution({ startsAt: new Date(Date.now() + 3 * HOUR), cutoffAt: new Date(Date.now() - 60_000), opensAt: new Date(Date.now() - 48 * HOUR) });
  const offerId = await createOfferOf(distribution.id, await createProduct(producer.producerId, { kind: "BASKET", priceCents: 1500 }));
  await db().basketItem.create({ data: { id: randomUUID(), offerId, position: 0, label: "Carottes", quantityLabel: "1 kg", indicativePriceCents: 300 } });

  const refused = await submit(distribution.id, await compositionFields(offerId, [["Navets", "1 kg", "2"]]), producer.cookie);

  expect(refused).toMatchObject({
    status: 409,
    data: { fieldErrors: { [`composition.${offerId}`]: expect.stringMatching(/ : L'heure limite est passée : la composition ne peut plus changer, les clients ont commandé ce qui était annoncé\.$/) } },
  });
  expect((await getOffer(offerId))?.basketItems).toEqual([{ label: "Carottes", labelEn: null, quantityLabel: "1 kg", indicativePriceCents: 300 }]);
  const page = await loadSheet(distribution.id, producer.cookie);
  expect(page.distribution.canChangeComposition).toBe(false);
});

test.each([
  { name: "an item without a name", rows: [["Poireaux", "1", "2"], ["", "2 kg", "3"]], field: "label-1", message: "Saisissez le nom de l'article." },
  { name: "an item without a quantity", rows: [["Poireaux", "", "2"]], field: "quantity-0", message: "Saisissez la quantité de l'article (par exemple 1 kg)." },
  { name: "a name of 81 characters", rows: [["x".repeat(81), "1", "2"]], field: "label-0", message: "Le nom de l'article est trop long (80 caractères au plus)." },
  { name: "a price that is not an amount", rows: [["Poireaux", "1", "deux euros"]], field: "price-0", message: "Le prix doit être un montant en euros, par exemple 2,50." },
  { name: "a negative price", rows: [["Poireaux", "1", "-1"]], field: "price-0", message: "Le prix ne peut pas être négatif." },
  { name: "21 items", rows: Array.from({ length: 21 }, (_, index) => [`Article ${index}`, "1", "1"]), field: "composition", message: "Une composition compte 20 articles au plus." },
])("a composition with $name is refused with 400 beside the field, and the announced one stays", async ({ rows, field, message }) => {
  const seller = await producerSelling({ kind: "BASKET" });
  await db().basketItem.create({ data: { id: randomUUID(), offerId: seller.offerId, position: 0, label: "Carottes", quantityLabel: "1 kg", indicativePriceCents: 300 } });
  const result = await submit(seller.distribution.id, await compositionFields(seller.offerId, rows as Array<[string, string, string]>), seller.cookie);
  expect(result.status).toBe(400);
  const formField = field === "composition" ? `composition.${seller.offerId}` : field.replace(/^(label|quantity|price)-(\d+)$/, (_, name: string, index: string) => `item-${name}.${seller.offerId}.${index}`);
  expect((result.data as PageFailure).fieldErrors[formField]).toBe(`Panier de la mer : ${message}`);
  expect(await db().basketItem.count({ where: { offerId: seller.offerId } })).toBe(1);
});

test("only a basket has a composition; another producer's basket is a 404", async () => {
  const seller = await producerSelling({ kind: "PRODUCT" });
  const notBasket = await submit(seller.distribution.id, await compositionFields(seller.offerId, [["Poireaux", "1", "2"]]), seller.cookie);
  expect(notBasket).toMatchObject({ status: 400, data: { fieldErrors: { [`composition.${seller.offerId}`]: expect.stringMatching(/ : Seuls les paniers ont une composition\.$/) } } });
  const basket = await producerSelling({ kind: "BASKET" });
  const foreign = await submit(basket.distribution.id, await compositionFields(basket.offerId, [["Poireaux", "1", "2"]]), seller.cookie);
  expect(foreign.status).toBe(404);
  expect(await db().basketItem.count({ where: { offerId: { in: [seller.offerId, basket.offerId] } } })).toBe(0);
});
