import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { createDistribution, createMemberUser, createOffer, createProducerUser, createUser, signedInCookie } from "../factories";

/*
 * The permission matrix of the producer space, generated from the route list: every route module
 * under the producer's URLs (and the producer API) is found by its file name, and each of its
 * loaders and actions is called by four outsiders — another producer, a consumer, a charity and
 * an anonymous visitor — with the ids of producer A's own things in its URL and its body. Each
 * call must be refused (anonymous: 401 or the login page; others: 403 or 404), or, for a page that
 * lists the caller's own things, answer with none of A's; and A's data must be byte for byte the
 * same afterwards. A new producer route is in the matrix the moment its file exists; a new URL
 * parameter must be given an owner below, or this test fails and says so.
 */

const ROUTES_DIR = fileURLToPath(new URL("../../app/routes/", import.meta.url));
const routeModules = import.meta.glob<RouteModule>("../../app/routes/*.{ts,tsx}");

/** Which route files belong to the producer space and its API. */
const PRODUCER_ROUTE = /^(producteur[.]|producteur$|api[.]v1[.]producer[.]|api[.]v1[.]offers[.]|gestion[.]|admin[.]organisations)/;

type RouteModule = {
  loader?: (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;
  action?: (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;
};

type Outcome = { status: number; body: string };

async function outcomeOf(call: () => unknown): Promise<Outcome> {
  try {
    return await describeResult(await call());
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return describeResult(thrown);
    throw thrown;
  }
}

function isDataWithInit(value: unknown): value is { init: { status?: number; headers?: HeadersInit } | null; data: unknown } {
  return typeof value === "object" && value !== null && "init" in value && "data" in value;
}

async function describeResult(result: unknown): Promise<Outcome> {
  if (result instanceof Response) {
    const location = result.headers.get("location");
    return { status: result.status, body: location ? `location: ${location}` : await result.text() };
  }
  if (isDataWithInit(result)) return { status: result.init?.status ?? 200, body: JSON.stringify(result.data) };
  return { status: 200, body: JSON.stringify(result ?? null) };
}

const SECRET_CUSTOMER = `Céleste Secrète-${randomUUID().slice(0, 6)}`;
const SECRET_PRODUCT = `Produit confidentiel ${randomUUID().slice(0, 6)}`;

/** Producer A and everything of theirs the routes could touch. */
async function producerWithEverything() {
  const a = await createProducerUser({ name: "Armelle Producteur-A" });
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, producerId: a.producerId, stock: 40, name: SECRET_PRODUCT });
  const customer = await createUser({ name: SECRET_CUSTOMER });
  const order = await placeOrder({
    distributionId: distribution.id,
    lines: [{ offerId: offer.id, quantity: 2 }],
    paymentMethod: "at_pickup",
    customer,
    now: new Date(),
    appUrl: "http://localhost",
  });
  // The cutoff has passed: preparation is open, so refusals below are about who asks, not when.
  await db().distribution.update({ where: { id: distribution.id }, data: { cutoffAt: new Date(Date.now() - 60_000) } });
  const line = await db().orderLine.findFirstOrThrow({ where: { orderId: order.id }, select: { id: true } });
  await db().handover.create({ data: { orderId: order.id, producerId: a.producerId, status: "COLLECTED", recordedAt: new Date(), recordedById: a.user.id } });
  await db().pickupPayment.create({
    data: { id: randomUUID(), orderId: order.id, producerId: a.producerId, method: "CASH", amountCents: 500, recordedAt: new Date(), recordedById: a.user.id },
  });
  const catalogueImport = await db().catalogueImport.create({
    data: { id: randomUUID(), producerId: a.producerId, createdById: a.user.id, fileName: `${SECRET_PRODUCT}.csv`, content: `reference;nom\nREF-1;${SECRET_PRODUCT}\n`, totalRows: 1 },
    select: { id: true },
  });
  const series = await db().distributionSeries.create({
    data: {
      id: randomUUID(),
      organiserId: a.producerId,
      pickupPointId: distribution.pickupPointId,
      weekday: 5,
      startTime: "17:00",
      endTime: "19:00",
      cutoffDaysBefore: 2,
      cutoffTime: "20:00",
      opensDaysBefore: 13,
      slotMinutes: 30,
      slotCapacity: 20,
      firstDate: "2027-01-01",
      lastDate: "2027-03-26",
    },
    select: { id: true },
  });
  const organised = await createDistribution();
  await db().distribution.update({ where: { id: organised.id }, data: { organiserId: a.producerId, seriesId: series.id } });
  const invitation = await db().organisationInvitation.create({
    data: { id: randomUUID(), organisationId: a.producerId, email: "invitee@example.test", role: "PRODUCER", tokenHash: randomUUID(), invitedById: a.user.id, expiresAt: new Date(Date.now() + 86_400_000) },
    select: { id: true },
  });
  return {
    producerId: a.producerId,
    ids: {
      distributionId: distribution.id,
      organisedDistributionId: organised.id,
      offerId: offer.id,
      productId: offer.productId,
      orderId: order.id,
      lineId: line.id,
      importId: catalogueImport.id,
      seriesId: series.id,
      invitationId: invitation.id,
      organisationId: a.producerId,
    },
  };
}

type Ids = Awaited<ReturnType<typeof producerWithEverything>>["ids"];

/**
 * What each URL parameter names, per route. `owned`: a thing of A's, so another producer must be
 * refused too. `shared`: a thing every producer may use (a distribution they may serve), so
 * another producer may be answered about their own part of it — without any of A's.
 */
function parameterValue(route: string, name: string, ids: Ids): { value: string; owned: boolean } {
  if (name === "distributionId") return { value: ids.distributionId, owned: false };
  if (name === "id") {
    if (route.startsWith("producteur.produits.")) return { value: ids.productId, owned: true };
    if (route.startsWith("api.v1.offers.")) return { value: ids.offerId, owned: true };
    if (route.startsWith("producteur.import.")) return { value: ids.importId, owned: true };
    if (route.startsWith("api.v1.producer.distributions.")) return { value: ids.distributionId, owned: false };
    if (route.startsWith("gestion.distributions.")) return { value: ids.organisedDistributionId, owned: true };
    if (route.startsWith("admin.organisations.")) return { value: ids.organisationId, owned: true };
  }
  throw new Error(`La matrice des droits ne sait pas ce que désigne le paramètre « ${name} » de la route ${route} : ajoutez-le à parameterValue.`);
}

/** Intents a route's forms send (`name="intent" value="…"` or `intent === "…"`), read from its source. */
function intentsOf(file: string): string[] {
  const source = readFileSync(`${ROUTES_DIR}${file}`, "utf8");
  const found = new Set<string>();
  for (const match of source.matchAll(/name="intent"\s+value="([a-z0-9_-]+)"/gi)) found.add(match[1]!);
  for (const match of source.matchAll(/intent\s*===\s*"([a-z0-9_-]+)"/gi)) found.add(match[1]!);
  for (const match of source.matchAll(/case\s+"([a-z0-9_-]+)"\s*:/gi)) found.add(match[1]!);
  return found.size > 0 ? [...found] : [""];
}

/** A body naming A's things under every field name the forms and the API use. */
function probeFields(ids: Ids, intent: string): Record<string, string> {
  return {
    ...(intent ? { intent } : {}),
    offerId: ids.offerId,
    productId: ids.productId,
    orderId: ids.orderId,
    lineId: ids.lineId,
    distributionId: ids.distributionId,
    importId: ids.importId,
    seriesId: ids.seriesId,
    invitationId: ids.invitationId,
    organisationId: ids.organisationId,
    stock: "1",
    priceCents: "1",
    price: "0,01",
    grams: "2100",
    weighedGrams: "2100",
    status: "NOT_COLLECTED",
    method: "CASH",
    amountCents: "100",
    amount: "1",
    reason: "Tempête",
    name: "Rebaptisé par un autre",
    email: "intrus@example.test",
  };
}

/** A fingerprint of everything of A's: any change by an outsider shows here. */
async function fingerprintOf(producerId: string): Promise<string> {
  const rows = await db().$queryRaw<Array<{ fingerprint: string }>>`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "Organisation" t WHERE t.id = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t."userId") FROM "Membership" t WHERE t."organisationId" = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "OrganisationInvitation" t WHERE t."organisationId" = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "Product" t WHERE t."producerId" = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "Offer" t JOIN "Product" p ON p.id = t."productId" WHERE p."producerId" = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "BasketItem" t JOIN "Offer" o ON o.id = t."offerId" JOIN "Product" p ON p.id = o."productId" WHERE p."producerId" = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "OrderLine" t WHERE t."producerId" = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "Order" t WHERE t.id IN (SELECT "orderId" FROM "OrderLine" WHERE "producerId" = ${producerId})),
      (SELECT string_agg(t::text, ',' ORDER BY t."orderId") FROM "Handover" t WHERE t."producerId" = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "PickupPayment" t WHERE t."producerId" = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "CatalogueImport" t WHERE t."producerId" = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "StoredFile" t WHERE t."organisationId" = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "DistributionSeries" t WHERE t."organiserId" = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "Distribution" t WHERE t."organiserId" = ${producerId})
    )) AS fingerprint`;
  return rows[0]!.fingerprint;
}

type Actor = { name: string; cookie: string | null; kind: "producer" | "consumer" | "charity" | "anonymous" };

function requestFor(actor: Actor, url: string, init: { method: string; fields?: Record<string, string>; json?: boolean }): Request {
  const headers: Record<string, string> = {};
  if (actor.cookie) headers.cookie = actor.cookie;
  let body: BodyInit | undefined;
  if (init.fields && init.json) {
    headers["content-type"] = "application/json";
    const numeric = (value: string) => (/^\d+$/.test(value) ? Number(value) : value);
    body = JSON.stringify(Object.fromEntries(Object.entries(init.fields).map(([key, value]) => [key, numeric(value)])));
  } else if (init.fields) {
    body = new URLSearchParams(init.fields);
  }
  return new Request(url, { method: init.method, headers, body });
}

function refusal(actor: Actor, outcome: Outcome, isApi: boolean): boolean {
  if (actor.kind === "anonymous") {
    return isApi ? outcome.status === 401 : (outcome.status === 302 || outcome.status === 303) && outcome.body.includes("/connexion");
  }
  return outcome.status === 403 || outcome.status === 404;
}

test("no producer route lets another producer, a consumer, a charity or an anonymous visitor see or change producer A's things", async () => {
  const a = await producerWithEverything();
  const other = await createProducerUser({ name: "Bruno Producteur-B" });
  const consumer = await createUser({ name: "Chloé Cliente" });
  const charity = await createMemberUser("CHARITY");
  const actors: Actor[] = [
    { name: "un autre producteur", cookie: other.cookie, kind: "producer" },
    { name: "un client", cookie: await signedInCookie(consumer.id), kind: "consumer" },
    { name: "une association", cookie: charity.cookie, kind: "charity" },
    { name: "un visiteur anonyme", cookie: null, kind: "anonymous" },
  ];
  const files = Object.keys(routeModules)
    .map((key) => key.slice(key.lastIndexOf("/") + 1))
    .filter((file) => PRODUCER_ROUTE.test(file.replace(/[.]tsx?$/, "")))
    .sort();
  expect(files.length).toBeGreaterThan(0);

  const before = await fingerprintOf(a.producerId);
  const problems: string[] = [];
  let calls = 0;
  for (const file of files) {
    const route = file.replace(/[.]tsx?$/, "");
    const module = await routeModules[`../../app/routes/${file}`]!();
    const isApi = route.startsWith("api.");
    const params: Record<string, string> = {};
    let ownedParams = false;
    // "retrait[.]csv" is one segment with a dot in it (Remix's escape).
    const segments = route.replaceAll("[.]", "\u0000").split(".").map((segment) => segment.replaceAll("\u0000", "."));
    const pathSegments: string[] = [];
    for (const segment of segments) {
      if (segment.startsWith("_")) continue;
      if (segment.startsWith("$")) {
        const { value, owned } = parameterValue(route, segment.slice(1), a.ids);
        params[segment.slice(1)] = value;
        ownedParams ||= owned;
        pathSegments.push(value);
      } else {
        pathSegments.push(segment);
      }
    }
    const url = `http://localhost/${pathSegments.join("/")}?distributionId=${a.ids.distributionId}`;
    for (const actor of actors) {
      // A producer may be answered about their own part of a shared thing, never about A's.
      const mayAnswer = actor.kind === "producer" && !ownedParams && !route.startsWith("admin.");
      if (module.loader) {
        calls += 1;
        const outcome = await outcomeOf(() => module.loader!({ request: requestFor(actor, url, { method: "GET" }), params, context: {} }));
        // An endpoint that only takes writes answers 405 to a read, whoever asks.
        const refused = refusal(actor, outcome, isApi) || (isApi && outcome.status === 405);
        if (!refused && !(mayAnswer && outcome.status < 400)) problems.push(`${route} (lecture) par ${actor.name} : ${outcome.status} au lieu d'un refus`);
        if (outcome.body.includes(SECRET_CUSTOMER) || outcome.body.includes(SECRET_PRODUCT)) problems.push(`${route} (lecture) par ${actor.name} : montre des données du producteur A`);
      }
      if (module.action) {
        const source = intentsOf(file);
        for (const method of isApi ? ["POST", "PATCH", "DELETE"] : ["POST"]) {
          for (const intent of source) {
            calls += 1;
            // The API takes strict bodies: it is probed with the change it accepts from A.
            const fields = isApi ? { stock: "1", priceCents: "1" } : probeFields(a.ids, intent);
            const request = requestFor(actor, url, { method, fields, json: isApi });
            const outcome = await outcomeOf(() => module.action!({ request, params, context: {} }));
            const refused = refusal(actor, outcome, isApi) || (isApi && outcome.status === 405);
            if (!refused && !(mayAnswer && outcome.status < 500)) problems.push(`${route} (${method} ${intent || "sans intent"}) par ${actor.name} : ${outcome.status} au lieu d'un refus`);
            if (outcome.body.includes(SECRET_CUSTOMER) || outcome.body.includes(SECRET_PRODUCT)) problems.push(`${route} (${method} ${intent}) par ${actor.name} : montre des données du producteur A`);
          }
        }
      }
    }
  }
  expect(problems).toEqual([]);
  expect(await fingerprintOf(a.producerId)).toBe(before);
  expect(calls).toBeGreaterThan(files.length);
});
