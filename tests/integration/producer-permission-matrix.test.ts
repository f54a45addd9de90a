import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { createDistribution, createMemberUser, createOffer, createProducerUser, createUser, signedInCookie } from "../factories";
import { intentsOf, isRefusal, loadRoute, outcomeOf, requestFor, routeUrl, routesMatching, type Actor } from "../route-matrix";

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

/** Which route files belong to the producer space and its API (donations have their own matrix). */
const PRODUCER_ROUTE = /^(producteur[.](?!dons)|producteur$|api[.]v1[.]producer[.]|api[.]v1[.]offers[.]|gestion[.]|admin[.]organisations)/;

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
  const routes = routesMatching(PRODUCER_ROUTE);
  expect(routes.length).toBeGreaterThan(0);

  const before = await fingerprintOf(a.producerId);
  const problems: string[] = [];
  let calls = 0;
  for (const route of routes) {
    const module = await loadRoute(route);
    const isApi = route.startsWith("api.");
    const { path, params, owned: ownedParams } = routeUrl(route, (name) => parameterValue(route, name, a.ids));
    const url = `http://localhost${path}?distributionId=${a.ids.distributionId}`;
    for (const actor of actors) {
      // A producer may be answered about their own part of a shared thing, never about A's.
      const mayAnswer = actor.kind === "producer" && !ownedParams && !route.startsWith("admin.");
      if (module.loader) {
        calls += 1;
        const outcome = await outcomeOf(() => module.loader!({ request: requestFor(actor, url, { method: "GET" }), params, context: {} }));
        // An endpoint that only takes writes answers 405 to a read, whoever asks.
        const refused = isRefusal(actor, outcome, isApi) || (isApi && outcome.status === 405);
        if (!refused && !(mayAnswer && outcome.status < 400)) problems.push(`${route} (lecture) par ${actor.name} : ${outcome.status} au lieu d'un refus`);
        if (outcome.body.includes(SECRET_CUSTOMER) || outcome.body.includes(SECRET_PRODUCT)) problems.push(`${route} (lecture) par ${actor.name} : montre des données du producteur A`);
      }
      if (module.action) {
        const source = intentsOf(route);
        for (const method of isApi ? ["POST", "PATCH", "DELETE"] : ["POST"]) {
          for (const intent of source) {
            calls += 1;
            // The API takes strict bodies: it is probed with the change it accepts from A.
            const request = requestFor(actor, url, isApi ? { method, json: { stock: 1, priceCents: 1 } } : { method, fields: probeFields(a.ids, intent) });
            const outcome = await outcomeOf(() => module.action!({ request, params, context: {} }));
            const refused = isRefusal(actor, outcome, isApi) || (isApi && outcome.status === 405);
            if (!refused && !(mayAnswer && outcome.status < 500)) problems.push(`${route} (${method} ${intent || "sans intent"}) par ${actor.name} : ${outcome.status} au lieu d'un refus`);
            if (outcome.body.includes(SECRET_CUSTOMER) || outcome.body.includes(SECRET_PRODUCT)) problems.push(`${route} (${method} ${intent}) par ${actor.name} : montre des données du producteur A`);
          }
        }
      }
    }
  }
  expect(problems).toEqual([]);
  expect(await fingerprintOf(a.producerId)).toBe(before);
  expect(calls).toBeGreaterThan(routes.length);
});
