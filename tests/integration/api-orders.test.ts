import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { z } from "zod";
import { db } from "~/db.server";
import { setCartQuantity } from "~/domain/ordering/cart.server";
import { apiDistributionSchema, apiErrorSchema, apiOfferSchema, apiOrderSchema } from "~/http/api-schemas";
import { en, fr, translate, type MessageKey } from "~/i18n/messages";
import { loader as offersLoader } from "~/routes/api.v1.distributions.$id.offers";
import { loader as distributionsLoader } from "~/routes/api.v1.distributions";
import { action as cancelAction } from "~/routes/api.v1.orders.$id.cancel";
import { loader as orderLoader } from "~/routes/api.v1.orders.$id";
import { action as ordersAction } from "~/routes/api.v1.orders";
import { action as sessionAction, loader as sessionLoader } from "~/routes/api.v1.session";
import { createDistribution, createOffer, createProducer, createUser, offerStock, signedInCookie, TEST_PASSWORD, uniqueEmail } from "../factories";

/** The /api/v1 contract, through the route modules themselves, on the real database. */

const HOUR = 3600_000;
const jsonObject = z.record(z.string(), z.unknown());
type Json = z.infer<typeof jsonObject>;

async function read(response: Response): Promise<{ status: number; body: Json; headers: Headers }> {
  return { status: response.status, body: jsonObject.parse(await response.json()), headers: response.headers };
}

/** The issues of a 400, checked against the documented error shape. */
function issuesOf(body: Json): Array<{ path: string; message: string }> {
  return apiErrorSchema.parse(body).issues ?? [];
}

function jsonRequest(path: string, options: { method?: string; cookie?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Request {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("cookie", options.cookie);
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers.set("content-type", "application/json");
  return new Request(`http://localhost${path}`, { method: options.method ?? "GET", headers, body });
}

async function logIn(body: unknown, options: { clientAddress?: string; cookie?: string; rawBody?: string; headers?: Record<string, string> } = {}) {
  const request = jsonRequest("/api/v1/session", { method: "POST", body, rawBody: options.rawBody, cookie: options.cookie, headers: options.headers });
  return read(await sessionAction({ request, params: {}, context: { clientAddress: options.clientAddress ?? randomUUID() } }));
}

async function whoAmI(cookie: string) {
  return read(await sessionLoader({ request: jsonRequest("/api/v1/session", { cookie }), params: {}, context: {} }));
}

async function postOrder(body: unknown, options: { cookie?: string; rawBody?: string; headers?: Record<string, string> } = {}) {
  const request = jsonRequest("/api/v1/orders", { method: "POST", body, ...options });
  return read(await ordersAction({ request, params: {}, context: {} }));
}

async function getOrder(id: string, cookie: string) {
  return read(await orderLoader({ request: jsonRequest(`/api/v1/orders/${id}`, { cookie }), params: { id }, context: {} }));
}

async function cancel(id: string, cookie: string) {
  return read(await cancelAction({ request: jsonRequest(`/api/v1/orders/${id}/cancel`, { method: "POST", cookie }), params: { id }, context: {} }));
}

async function getOffers(id: string, headers: Record<string, string> = {}) {
  return read(await offersLoader({ request: jsonRequest(`/api/v1/distributions/${id}/offers`, { headers }), params: { id }, context: {} }));
}

/** A distribution open for orders now (the factory's default: opened a week ago, cutoff in two days). */
function openDistribution() {
  return createDistribution();
}

function sessionIdOf(setCookie: string | null): string {
  const match = /^tm_session=([A-Za-z0-9_-]+);/.exec(setCookie ?? "");
  if (!match?.[1]) throw new Error(`no session cookie in ${setCookie}`);
  return match[1];
}

// ---------------------------------------------------------------------------------------------
// Session

test("POST /session with the right password answers 200 and sets an HttpOnly, SameSite=Lax session cookie that signs in", async () => {
  const user = await createUser({ email: uniqueEmail("session") });

  const answer = await logIn({ email: user.email, password: TEST_PASSWORD });

  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ userId: user.id });
  const setCookie = answer.headers.get("set-cookie");
  expect(setCookie).toMatch(/^tm_session=[A-Za-z0-9_-]{20,}; Path=\/; HttpOnly; SameSite=Lax/);
  const me = await whoAmI(`tm_session=${sessionIdOf(setCookie)}`);
  expect(me.status).toBe(200);
  expect(me.body).toMatchObject({ user: { id: user.id, email: user.email } });
});

test("POST /session accepts the email whatever its case and surrounding spaces", async () => {
  const user = await createUser({ email: uniqueEmail("casse") });
  const answer = await logIn({ email: `  ${user.email.toUpperCase()} `, password: TEST_PASSWORD });
  expect(answer.status).toBe(200);
});

test("POST /session with a wrong password, or for an unknown email, answers 401 invalid_credentials and sets no cookie", async () => {
  const user = await createUser({ email: uniqueEmail("mauvais") });

  const wrong = await logIn({ email: user.email, password: "pas-le-bon-mot-de-passe" });
  const unknown = await logIn({ email: uniqueEmail("inconnu"), password: TEST_PASSWORD });

  for (const answer of [wrong, unknown]) {
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: "invalid_credentials", message: translate("fr", "error.invalid_credentials") });
    expect(answer.headers.get("set-cookie")).toBeNull();
  }
});

test("logging in again rotates the session id, and the old cookie sent with that login no longer works", async () => {
  const user = await createUser({ email: uniqueEmail("rotation") });
  const first = sessionIdOf((await logIn({ email: user.email, password: TEST_PASSWORD })).headers.get("set-cookie"));
  expect((await whoAmI(`tm_session=${first}`)).status).toBe(200);

  const second = sessionIdOf((await logIn({ email: user.email, password: TEST_PASSWORD }, { cookie: `tm_session=${first}` })).headers.get("set-cookie"));

  expect(second).not.toBe(first);
  expect(await whoAmI(`tm_session=${first}`)).toMatchObject({ status: 401, body: { error: "unauthenticated" } });
  expect((await whoAmI(`tm_session=${second}`)).status).toBe(200);
});

test("after 5 wrong passwords for one account from one address, the 6th attempt from there waits: 429 rate_limited even with the right password", async () => {
  const user = await createUser({ email: uniqueEmail("force-brute") });
  const clientAddress = randomUUID();

  for (let attempt = 1; attempt <= 5; attempt += 1) {
    const answer = await logIn({ email: user.email, password: `essai-${attempt}-incorrect` }, { clientAddress });
    expect(answer.status).toBe(401);
  }
  // Slowed, not locked (decision 014): the wait is per account at this address; an API client
  // has no known-browser cookie to pass it with.
  const sixth = await logIn({ email: user.email, password: TEST_PASSWORD }, { clientAddress });

  expect(sixth.status).toBe(429);
  expect(sixth.body).toMatchObject({ error: "rate_limited" });
  expect(String(sixth.body.message)).toMatch(/Trop de tentatives/);
  expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(sixth.headers.get("set-cookie")).toBeNull();
});

// ---------------------------------------------------------------------------------------------
// Catalogue

test("GET /distributions lists upcoming distributions with id, pickup point, start, end, cutoff and status; ended ones are left out", async () => {
  // Soonest first, 50 at most: these start within the hour to be listed whatever else exists.
  const open = await createDistribution({ startsAt: new Date(Date.now() + 40 * 60_000), cutoffAt: new Date(Date.now() + 20 * 60_000), opensAt: new Date(Date.now() - HOUR) });
  const closedStart = new Date(Date.now() + 45 * 60_000);
  const closed = await createDistribution({ startsAt: closedStart, cutoffAt: new Date(Date.now() - HOUR), opensAt: new Date(Date.now() - 48 * HOUR) });
  const ended = await createDistribution({ startsAt: new Date(Date.now() - 5 * HOUR), cutoffAt: new Date(Date.now() - 30 * HOUR), opensAt: new Date(Date.now() - 90 * HOUR) });

  const answer = await read(await distributionsLoader({ request: jsonRequest("/api/v1/distributions"), params: {}, context: {} }));

  expect(answer.status).toBe(200);
  const distributions = z.array(jsonObject).parse(answer.body.distributions);
  // Every item follows the documented (OpenAPI) shape.
  z.array(apiDistributionSchema.strict()).parse(distributions);
  const pickupPoint = await db().pickupPoint.findUniqueOrThrow({ where: { id: open.pickupPointId }, select: { name: true } });
  expect(distributions.find((d) => d.id === open.id)).toEqual({
    id: open.id,
    pickupPoint: { id: open.pickupPointId, name: pickupPoint.name, commune: "Dieppe" },
    start: open.startsAt.toISOString(),
    end: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    cutoff: open.cutoffAt.toISOString(),
    opens: open.opensAt.toISOString(),
    status: "open",
  });
  expect(distributions.find((d) => d.id === closed.id)).toMatchObject({ status: "cutoff_passed" });
  expect(distributions.find((d) => d.id === ended.id)).toBeUndefined();
  for (const distribution of distributions) {
    expect(Object.keys(distribution)).toEqual(expect.arrayContaining(["id", "pickupPoint", "start", "end", "cutoff", "status"]));
  }
});

test("GET /distributions/{id}/offers gives each offer's id, kind, name, producer, unit, price, VAT rate, remaining, organic and allergens", async () => {
  const distribution = await openDistribution();
  const producer = await createProducer({ name: "Ferme des Falaises" });
  const offer = await createOffer({
    distributionId: distribution.id,
    producerId: producer.id,
    name: "Pain au sarrasin",
    priceCents: 420,
    stock: 12,
    organic: true,
    allergens: ["gluten", "sesame"],
    vatRateBp: 550,
  });
  await createOffer({ distributionId: distribution.id, producerId: producer.id, kind: "BASKET", name: "Panier famille", priceCents: 2200, vatRateBp: 550 });
  const slug = (await db().organisation.findUniqueOrThrow({ where: { id: producer.id }, select: { slug: true } })).slug;
  const customer = await createUser();
  expect((await postOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 5 }], paymentMethod: "at_pickup" }, { cookie: await signedInCookie(customer.id) })).status).toBe(201);

  const answer = await getOffers(distribution.id);

  expect(answer.status).toBe(200);
  const offers = z.array(jsonObject).parse(answer.body.offers);
  z.array(apiOfferSchema.strict()).parse(offers);
  expect(offers).toHaveLength(2);
  expect(offers.find((o) => o.id === offer.id)).toEqual({
    id: offer.id,
    kind: "product",
    name: "Pain au sarrasin",
    producer: { id: producer.id, name: "Ferme des Falaises", slug },
    unit: "bunch",
    priceCents: 420,
    vatRate: 5.5,
    remaining: 7,
    organic: true,
    allergens: ["gluten", "sesame"],
  });
  expect(offers.find((o) => o.name === "Panier famille")).toMatchObject({ kind: "basket", organic: false, allergens: [] });
});

test("GET /distributions/{id}/offers answers 404 for an unknown or malformed distribution id, and 200 with no offers for an empty one", async () => {
  for (const id of [randomUUID(), "x".repeat(1000), "pas un id"]) {
    const answer = await getOffers(id);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: "not_found", message: translate("fr", "error.not_found") });
  }
  const empty = await openDistribution();
  expect(await getOffers(empty.id)).toMatchObject({ status: 200, body: { offers: [] } });
});

// ---------------------------------------------------------------------------------------------
// Orders

test("POST /orders answers 201 with the confirmed order, its lines and total = Σ quantity × price, and takes the stock", async () => {
  const distribution = await openDistribution();
  const leeks = await createOffer({ distributionId: distribution.id, priceCents: 250, stock: 10 });
  const cider = await createOffer({ distributionId: distribution.id, priceCents: 690, stock: 10, vatRateBp: 2000 });
  const customer = await createUser();

  const answer = await postOrder(
    { distributionId: distribution.id, lines: [{ offerId: leeks.id, quantity: 3 }, { offerId: cider.id, quantity: 2 }], paymentMethod: "at_pickup" },
    { cookie: await signedInCookie(customer.id) },
  );

  expect(answer.status).toBe(201);
  expect(answer.body).toMatchObject({ status: "confirmed", paymentMethod: "at_pickup", distributionId: distribution.id, totalCents: 3 * 250 + 2 * 690 });
  expect(answer.body.id).toEqual(expect.any(String));
  apiOrderSchema.strict().parse(answer.body);
  const lines = z.array(jsonObject).parse(answer.body.lines);
  expect(lines).toHaveLength(2);
  expect(lines).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ offerId: leeks.id, quantity: 3, unitPriceCents: 250, vatRate: 5.5, totalCents: 750 }),
      expect.objectContaining({ offerId: cider.id, quantity: 2, unitPriceCents: 690, vatRate: 20, totalCents: 1380 }),
    ]),
  );
  expect(await offerStock(leeks.id)).toMatchObject({ ordered: 3 });
  expect(await offerStock(cider.id)).toMatchObject({ ordered: 2 });
});

test("POST /orders without being signed in answers 401 unauthenticated and takes nothing", async () => {
  const distribution = await openDistribution();
  const offer = await createOffer({ distributionId: distribution.id });
  for (const cookie of [undefined, "tm_session=ceci-n-est-pas-une-session-valide", `tm_session=${"a".repeat(43)}`]) {
    const answer = await postOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 1 }], paymentMethod: "at_pickup" }, { cookie });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: "unauthenticated" });
  }
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 0 });
});

test("POST /orders for more than remains answers 409 sold_out naming the offers, and takes nothing from the others", async () => {
  const distribution = await openDistribution();
  const scarce = await createOffer({ distributionId: distribution.id, stock: 2 });
  const plenty = await createOffer({ distributionId: distribution.id, stock: 50 });
  const customer = await createUser();

  const answer = await postOrder(
    { distributionId: distribution.id, lines: [{ offerId: plenty.id, quantity: 1 }, { offerId: scarce.id, quantity: 3 }], paymentMethod: "at_pickup" },
    { cookie: await signedInCookie(customer.id) },
  );

  expect(answer.status).toBe(409);
  expect(answer.body).toMatchObject({ error: "sold_out", offerIds: [scarce.id], message: translate("fr", "error.sold_out") });
  expect(await offerStock(scarce.id)).toMatchObject({ ordered: 0 });
  expect(await offerStock(plenty.id)).toMatchObject({ ordered: 0 });
  expect(await db().order.count({ where: { userId: customer.id } })).toBe(0);
});

test("an offer of a producer the territory has not verified, or of an archived product, cannot be ordered nor put in a cart", async () => {
  const distribution = await openDistribution();
  const unverified = await createProducer({ verified: false });
  const hidden = await createOffer({ distributionId: distribution.id, producerId: unverified.id, stock: 10 });
  const archived = await createOffer({ distributionId: distribution.id, stock: 10 });
  await db().product.update({ where: { id: archived.productId }, data: { archivedAt: new Date() } });
  const customer = await createUser();
  const cookie = await signedInCookie(customer.id);

  for (const offer of [hidden, archived]) {
    const answer = await postOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 1 }], paymentMethod: "at_pickup" }, { cookie });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: "invalid" });
    expect(String(answer.body.message)).toContain(offer.id);
    await expect(setCartQuantity({ userId: customer.id, offerId: offer.id, quantity: 1, now: new Date() })).rejects.toMatchObject({ code: "invalid" });
    expect(await offerStock(offer.id)).toMatchObject({ ordered: 0 });
  }
  expect(await db().order.count({ where: { userId: customer.id } })).toBe(0);
  expect(await db().cartItem.count({ where: { userId: customer.id } })).toBe(0);
});

test("POST /orders after the cutoff answers 409 cutoff_passed and takes nothing", async () => {
  const startsAt = new Date(Date.now() + 2 * HOUR);
  const distribution = await createDistribution({ startsAt, cutoffAt: new Date(Date.now() - 1000), opensAt: new Date(Date.now() - 48 * HOUR) });
  const offer = await createOffer({ distributionId: distribution.id });
  const customer = await createUser();

  const answer = await postOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 1 }], paymentMethod: "at_pickup" }, { cookie: await signedInCookie(customer.id) });

  expect(answer.status).toBe(409);
  expect(answer.body).toMatchObject({ error: "cutoff_passed", message: translate("fr", "error.cutoff_passed") });
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 0 });
});

test("POST /orders sent twice with the same Idempotency-Key gives the same order and takes the stock once", async () => {
  const distribution = await openDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 20 });
  const customer = await createUser();
  const cookie = await signedInCookie(customer.id);
  const body = { distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 2 }], paymentMethod: "at_pickup" };
  const key = randomUUID();

  const first = await postOrder(body, { cookie, headers: { "idempotency-key": key } });
  const retry = await postOrder(body, { cookie, headers: { "idempotency-key": key } });

  expect(first.status).toBe(201);
  expect(retry.status).toBe(201);
  expect(retry.body.id).toBe(first.body.id);
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 2 });
  expect(await db().order.count({ where: { userId: customer.id } })).toBe(1);
  // Another key is another order.
  expect((await postOrder(body, { cookie, headers: { "idempotency-key": randomUUID() } })).body.id).not.toBe(first.body.id);
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 4 });
});

test("retries with one Idempotency-Key racing the original all get the same order, even when it takes the last units", async () => {
  const distribution = await openDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 2 });
  const customer = await createUser();
  const cookie = await signedInCookie(customer.id);
  const body = { distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 2 }], paymentMethod: "at_pickup" };
  const key = randomUUID();

  const answers = await Promise.all(Array.from({ length: 4 }, () => postOrder(body, { cookie, headers: { "idempotency-key": key } })));

  expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
  expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
  expect(await offerStock(offer.id)).toEqual({ stock: 2, ordered: 2, remaining: 0 });
  expect(await db().order.count({ where: { userId: customer.id } })).toBe(1);
});

test("GET /orders/{id} answers 200 for one's own order and 404 for another person's or an unknown one", async () => {
  const distribution = await openDistribution();
  const offer = await createOffer({ distributionId: distribution.id });
  const owner = await createUser();
  const stranger = await createUser();
  const ownerCookie = await signedInCookie(owner.id);
  const strangerCookie = await signedInCookie(stranger.id);
  const placed = await postOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 1 }], paymentMethod: "at_pickup" }, { cookie: ownerCookie });
  const orderId = String(placed.body.id);

  expect(await getOrder(orderId, ownerCookie)).toMatchObject({ status: 200, body: { id: orderId, status: "confirmed" } });
  for (const [id, cookie] of [[orderId, strangerCookie], [randomUUID(), ownerCookie], ["x".repeat(1000), ownerCookie]] as const) {
    const answer = await getOrder(id, cookie);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: "not_found" });
    expect(JSON.stringify(answer.body)).not.toContain(offer.id);
  }
  expect((await getOrder(orderId, "")).status).toBe(401);
});

test("POST /orders/{id}/cancel answers 200 cancelled and gives the stock back; another person's order is a 404 and stays", async () => {
  const distribution = await openDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 10 });
  const owner = await createUser();
  const stranger = await createUser();
  const ownerCookie = await signedInCookie(owner.id);
  const placed = await postOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 4 }], paymentMethod: "at_pickup" }, { cookie: ownerCookie });
  const orderId = String(placed.body.id);
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 4 });

  const byStranger = await cancel(orderId, await signedInCookie(stranger.id));
  expect(byStranger.status).toBe(404);
  expect(byStranger.body).toMatchObject({ error: "not_found" });
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 4 });

  const byOwner = await cancel(orderId, ownerCookie);
  expect(byOwner.status).toBe(200);
  expect(byOwner.body).toMatchObject({ id: orderId, status: "cancelled" });
  expect(await offerStock(offer.id)).toEqual({ stock: 10, ordered: 0, remaining: 10 });

  expect(await cancel(orderId, ownerCookie)).toMatchObject({ status: 409, body: { error: "order_cancelled" } });
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 0 });
});

// ---------------------------------------------------------------------------------------------
// Bad input: 400 {error: "invalid", issues}, a French message by default, and nothing changed.

type BadInput = {
  name: string;
  /** The body sent: a value (sent as JSON) or, for `raw`, the text itself. */
  body: (ids: { distributionId: string; offerId: string; otherOfferId: string }) => unknown;
  raw?: boolean;
  /** The message of the first issue, as a message key (translated with its parameters), or a literal per language. */
  message: MessageKey | { fr: string; en: string };
  path?: string;
};

const jsonMessage = { fr: "Le corps de la requête n'est pas du JSON valide.", en: "The request body is not valid JSON." };

function order(ids: { distributionId: string; offerId: string }, overrides: Record<string, unknown> = {}, line: Record<string, unknown> = {}) {
  return { distributionId: ids.distributionId, lines: [{ offerId: ids.offerId, quantity: 1, ...line }], paymentMethod: "at_pickup", ...overrides };
}

const badOrders: BadInput[] = [
  { name: "empty body", body: () => "", raw: true, message: "field.unknown" },
  { name: "not JSON", body: () => "{distributionId: ", raw: true, message: jsonMessage },
  { name: "JSON null", body: () => null, message: "field.unknown" },
  { name: "JSON array", body: () => [], message: "field.unknown" },
  { name: "quantity as a string", body: (ids) => order(ids, {}, { quantity: "2" }), message: "field.quantity.invalid", path: "lines.0.quantity" },
  { name: "quantity 2.5", body: (ids) => order(ids, {}, { quantity: 2.5 }), message: "field.quantity.invalid", path: "lines.0.quantity" },
  { name: "quantity 0", body: (ids) => order(ids, {}, { quantity: 0 }), message: "field.quantity.too_small", path: "lines.0.quantity" },
  { name: "negative quantity", body: (ids) => order(ids, {}, { quantity: -3 }), message: "field.quantity.too_small", path: "lines.0.quantity" },
  { name: "huge quantity", body: (ids) => order(ids, {}, { quantity: 1e9 }), message: "field.quantity.too_large", path: "lines.0.quantity" },
  { name: "missing quantity", body: (ids) => ({ distributionId: ids.distributionId, lines: [{ offerId: ids.offerId }], paymentMethod: "at_pickup" }), message: "field.quantity.invalid", path: "lines.0.quantity" },
  {
    name: "the same offer twice, summing over the maximum",
    body: (ids) => ({ distributionId: ids.distributionId, lines: [{ offerId: ids.offerId, quantity: 60 }, { offerId: ids.offerId, quantity: 60 }], paymentMethod: "at_pickup" }),
    message: "error.invalid",
  },
  { name: "distributionId as a number", body: (ids) => order(ids, { distributionId: 42 }), message: "field.id.invalid", path: "distributionId" },
  { name: "missing distributionId", body: (ids) => ({ lines: [{ offerId: ids.offerId, quantity: 1 }], paymentMethod: "at_pickup" }), message: "field.id.invalid", path: "distributionId" },
  { name: "lines not an array", body: (ids) => order(ids, { lines: { offerId: ids.offerId, quantity: 1 } }), message: "field.lines.empty", path: "lines" },
  { name: "empty lines", body: (ids) => order(ids, { lines: [] }), message: "field.lines.empty", path: "lines" },
  {
    name: "101 lines",
    body: (ids) => order(ids, { lines: Array.from({ length: 101 }, () => ({ offerId: ids.offerId, quantity: 1 })) }),
    message: "field.lines.too_many",
    path: "lines",
  },
  { name: "offer id of 1000 characters", body: (ids) => order(ids, {}, { offerId: "o".repeat(1000) }), message: "field.id.invalid", path: "lines.0.offerId" },
  { name: "distribution id of 1000 characters", body: (ids) => order(ids, { distributionId: "d".repeat(1000) }), message: "field.id.invalid", path: "distributionId" },
  { name: "id with forbidden characters", body: (ids) => order(ids, {}, { offerId: "'; DROP TABLE \"Offer\"; --" }), message: "field.id.invalid", path: "lines.0.offerId" },
  { name: "unknown offer id", body: (ids) => order(ids, {}, { offerId: randomUUID() }), message: "field.id.invalid", path: "offerId" },
  { name: "unknown distribution id", body: (ids) => order(ids, { distributionId: randomUUID() }), message: "error.invalid", path: "distributionId" },
  { name: "offer of another distribution", body: (ids) => order({ distributionId: ids.distributionId, offerId: ids.otherOfferId }), message: "field.id.invalid", path: "offerId" },
  { name: "paymentMethod cheque", body: (ids) => order(ids, { paymentMethod: "cheque" }), message: "field.payment.invalid", path: "paymentMethod" },
  { name: "missing paymentMethod", body: (ids) => ({ distributionId: ids.distributionId, lines: [{ offerId: ids.offerId, quantity: 1 }] }), message: "field.payment.invalid", path: "paymentMethod" },
];

function expectedMessage(message: BadInput["message"], locale: "fr" | "en"): string {
  if (typeof message !== "string") return message[locale];
  const params: Record<string, number> = message === "field.quantity.too_small" ? { min: 1 } : message === "field.quantity.too_large" ? { max: 99 } : {};
  return translate(locale, message, params);
}

async function badInputWorld() {
  const distribution = await openDistribution();
  const other = await openDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 1000 });
  const otherOffer = await createOffer({ distributionId: other.id, stock: 1000 });
  const customer = await createUser();
  return { ids: { distributionId: distribution.id, offerId: offer.id, otherOfferId: otherOffer.id }, customer, cookie: await signedInCookie(customer.id) };
}

test.for(badOrders)("POST /orders with $name answers 400 invalid with a French message (English when asked) and changes nothing", async (bad) => {
  const { ids, customer, cookie } = await badInputWorld();
  const body = bad.body(ids);
  const send = (headers: Record<string, string> = {}) => postOrder(bad.raw ? undefined : body, { cookie, rawBody: bad.raw ? String(body) : undefined, headers });

  const answer = await send();

  expect(answer.status).toBe(400);
  expect(answer.body).toMatchObject({ error: "invalid", message: expect.stringMatching(/[a-zé]/) });
  expect(answer.body.message).not.toMatch(/^Invalid input/);
  const issues = issuesOf(answer.body);
  expect(issues.length).toBeGreaterThan(0);
  const first = issues[0];
  expect(first?.message).not.toMatch(/^Invalid input/);
  expect(first?.message).toMatch(/[a-zé]/);
  expect(first?.message.startsWith(expectedMessage(bad.message, "fr"))).toBe(true);
  if (bad.path !== undefined) expect(issues.map((issue) => issue.path)).toContain(bad.path);

  const english = await send({ "accept-language": "en-GB,en;q=0.9,fr;q=0.5" });
  expect(english.status).toBe(400);
  expect(english.body).toMatchObject({ error: "invalid" });
  expect(issuesOf(english.body)[0]?.message.startsWith(expectedMessage(bad.message, "en"))).toBe(true);

  expect(await db().order.count({ where: { userId: customer.id } })).toBe(0);
  expect(await offerStock(ids.offerId)).toMatchObject({ ordered: 0 });
  expect(await offerStock(ids.otherOfferId)).toMatchObject({ ordered: 0 });
});

const badLogins: BadInput[] = [
  { name: "empty body", body: () => "", raw: true, message: "field.unknown" },
  { name: "not JSON", body: () => "email=a@b.fr&password=x", raw: true, message: jsonMessage },
  { name: "email as a number", body: () => ({ email: 42, password: TEST_PASSWORD }), message: "field.email.invalid", path: "email" },
  { name: "email that is not one", body: () => ({ email: "pas-une-adresse", password: TEST_PASSWORD }), message: "field.email.invalid", path: "email" },
  { name: "email of 300 characters", body: () => ({ email: `${"a".repeat(288)}@example.test`, password: TEST_PASSWORD }), message: "field.email.too_long", path: "email" },
  { name: "missing password", body: () => ({ email: uniqueEmail() }), message: "field.password.required", path: "password" },
  { name: "empty password", body: () => ({ email: uniqueEmail(), password: "" }), message: "field.password.required", path: "password" },
  { name: "password of 1000 characters", body: () => ({ email: uniqueEmail(), password: "p".repeat(1000) }), message: "field.password.too_long", path: "password" },
];

test.for(badLogins)("POST /session with $name answers 400 invalid with a French message, sets no cookie and opens no session", async (bad) => {
  const user = await createUser();
  const sessionsBefore = await db().session.count({ where: { userId: user.id } });
  const body = bad.body({ distributionId: "", offerId: "", otherOfferId: "" });

  const answer = await logIn(bad.raw ? undefined : body, { rawBody: bad.raw ? String(body) : undefined });

  expect(answer.status).toBe(400);
  expect(answer.body).toMatchObject({ error: "invalid" });
  const first = issuesOf(answer.body)[0];
  expect(first?.message).not.toMatch(/^Invalid input/);
  expect(first?.message.startsWith(expectedMessage(bad.message, "fr"))).toBe(true);
  if (bad.path !== undefined) expect(first?.path).toBe(bad.path);
  expect(answer.headers.get("set-cookie")).toBeNull();
  expect(await db().session.count({ where: { userId: user.id } })).toBe(sessionsBefore);

  const english = await logIn(bad.raw ? undefined : body, { rawBody: bad.raw ? String(body) : undefined, headers: { "accept-language": "en" } });
  expect(issuesOf(english.body)[0]?.message.startsWith(expectedMessage(bad.message, "en"))).toBe(true);
});

test("order and cancel endpoints answer a malformed or unknown order id in the path with 404, and change nothing", async () => {
  const customer = await createUser();
  const cookie = await signedInCookie(customer.id);
  for (const id of ["x".repeat(1000), "../../etc/passwd", randomUUID(), ""]) {
    expect(await getOrder(id, cookie)).toMatchObject({ status: 404, body: { error: "not_found" } });
    expect(await cancel(id, cookie)).toMatchObject({ status: 404, body: { error: "not_found" } });
  }
  expect(await db().order.count({ where: { userId: customer.id } })).toBe(0);
});

test("a method the endpoint does not take answers 405 with the allowed ones", async () => {
  const customer = await createUser();
  const response = await ordersAction({ request: jsonRequest("/api/v1/orders", { method: "PUT", cookie: await signedInCookie(customer.id), body: {} }), params: {}, context: {} });
  expect(response.status).toBe(405);
  expect(response.headers.get("allow")).toBe("POST");
});

// Every French message the API can send is a catalogue sentence, never zod's English default.
test("the French catalogue has a sentence for every message key the API uses", () => {
  for (const key of ["field.unknown", "field.quantity.invalid", "field.id.invalid", "field.payment.invalid", "error.invalid"] as const) {
    expect(fr[key]).toMatch(/[a-zé]/);
    expect(fr[key]).not.toBe(en[key]);
  }
});
