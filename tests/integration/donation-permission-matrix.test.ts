import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { issueContributionInvoice } from "~/domain/donations/issue-contribution-invoice.server";
import { createProducerUser, createUser, signedInCookie } from "../factories";
import { createCharity } from "../factories-donations";
import { intentsOf, isRefusal, loadRoute, outcomeOf, requestFor, routeUrl, routesMatching, type Actor } from "../route-matrix";

/*
 * The permission matrix of donations, generated from the route list like the producer space's:
 * every route of the charity space, the donor's pages, the documents (slips, invoices,
 * traceability), the impact page and the donations API is called — loader and every action
 * intent — by five outsiders: another producer, another verified charity, an unverified charity,
 * a consumer and an anonymous visitor, with the ids of the owners' lots, claims and invoice in the
 * URL and the body. Nobody outside may see the owning charity's name, its pickup codes, the
 * donor's lot or the invoice; nothing of theirs may change; an unverified charity and a producer
 * can never claim.
 */

const DONATION_ROUTE = /^(association([.]|$)|producteur[.]dons|dons[.]|factures[.]|admin[.]impact|api[.]v1[.]donation-lots|api[.]v1[.]claims)/;

const tag = randomUUID().slice(0, 6);
const SECRET_CHARITY = `Entraide Confidentielle ${tag}`;
const SECRET_PRODUCT = `Sole réservée ${tag}`;
const SECRET_PROCESSED = `Filets confidentiels ${tag}`;
const HOUR = 3600_000;

/** Six digits no id can contain by chance next to hex characters: checked with hex-aware boundaries. */
function codeSeen(body: string, code: string): boolean {
  return new RegExp(`(?<![0-9a-f])${code}(?![0-9a-f])`, "i").test(body) || body.includes(`${code.slice(0, 3)} ${code.slice(3)}`);
}

/** The owners: a donor and its lots, a charity and its claims (one collected), a workshop, its processed lot and its invoice. */
async function donationsWithEverything() {
  const donor = await createProducerUser({ name: "Denise Donatrice-A" });
  const owner = await createCharity({ settings: { storesChilled: true, approvedRawFishery: true, collectionWeekdays: [1, 2, 3, 4, 5, 6, 7], collectionFrom: "00:00", collectionTo: "23:59" } });
  await db().organisation.update({ where: { id: owner.id }, data: { name: SECRET_CHARITY } });
  const workshop = await createCharity({ settings: { storesChilled: true, storesFrozen: true, approvedRawFishery: true } });
  await db().charitySettings.update({ where: { organisationId: workshop.id }, data: { processingWorkshop: true } });
  const now = Date.now();
  const lotRow = (id: string, fields: { donorId: string; createdById: string; productName: string; quantityMilli: number; claimedMilli: number; rawFishery?: boolean }) => ({
    id,
    unit: "KG" as const,
    storage: "CHILLED" as const,
    useBy: new Date(now + 6 * 24 * HOUR).toISOString().slice(0, 10),
    lotNumber: `LOT-${id.slice(0, 6)}`,
    pickupPlace: "Quai Henri IV, Dieppe",
    pickupStart: new Date(now - HOUR),
    pickupEnd: new Date(now + 24 * HOUR),
    costPriceCents: 600,
    ...fields,
  });
  const lotId = randomUUID();
  const rawLotId = randomUUID();
  await db().donationLot.createMany({
    data: [
      // Fully claimed: no charity is offered it any more, so only its owners may ever see it.
      lotRow(lotId, { donorId: donor.producerId, createdById: donor.user.id, productName: SECRET_PRODUCT, quantityMilli: 15_000, claimedMilli: 15_000, rawFishery: true }),
      lotRow(rawLotId, { donorId: donor.producerId, createdById: donor.user.id, productName: `${SECRET_PRODUCT} brute`, quantityMilli: 30_000, claimedMilli: 30_000, rawFishery: true }),
    ],
  });
  const reservedId = randomUUID();
  const collectedId = randomUUID();
  const rawClaimId = randomUUID();
  const codes = { reserved: "918273", collected: "736455", raw: "645372", processed: "553647" };
  await db().donationClaim.createMany({
    data: [
      { id: reservedId, lotId, charityId: owner.id, claimedById: owner.user.id, quantityMilli: 10_000, pickupCode: codes.reserved },
      { id: collectedId, lotId, charityId: owner.id, claimedById: owner.user.id, quantityMilli: 5_000, pickupCode: codes.collected, status: "COLLECTED", collectedAt: new Date(now - HOUR / 2), collectedById: donor.user.id, temperatureDeciC: 25 },
      { id: rawClaimId, lotId: rawLotId, charityId: workshop.id, claimedById: workshop.user.id, quantityMilli: 30_000, pickupCode: codes.raw, status: "COLLECTED", collectedAt: new Date(now - HOUR / 2), collectedById: donor.user.id, temperatureDeciC: 20 },
    ],
  });
  const processedLotId = randomUUID();
  await db().donationLot.create({
    data: {
      ...lotRow(processedLotId, { donorId: workshop.id, createdById: workshop.user.id, productName: SECRET_PROCESSED, quantityMilli: 8_000, claimedMilli: 8_000 }),
      storage: "FROZEN",
      useBy: null,
      bestBefore: "2027-06-30",
      sourceClaimId: rawClaimId,
      contributionCentsPerUnit: 150,
    },
  });
  const processedClaimId = randomUUID();
  await db().donationClaim.create({
    data: {
      id: processedClaimId, lotId: processedLotId, charityId: owner.id, claimedById: owner.user.id, quantityMilli: 8_000, pickupCode: codes.processed,
      status: "COLLECTED", collectedAt: new Date(now - HOUR / 4), collectedById: workshop.user.id, temperatureDeciC: -200, contributionCents: 1200,
    },
  });
  const invoice = await db().$transaction((tx) =>
    issueContributionInvoice(tx, { id: processedClaimId, issuerId: workshop.id, charityId: owner.id, contributionCents: 1200 }, new Date(now)),
  );
  const invoiceId = invoice!.id;
  return {
    organisations: [donor.producerId, owner.id, workshop.id],
    codes,
    ids: { lotId, rawLotId, processedLotId, reservedId, collectedId, rawClaimId, processedClaimId, invoiceId, ownerId: owner.id, workshopId: workshop.id, donorId: donor.producerId },
  };
}

type Owners = Awaited<ReturnType<typeof donationsWithEverything>>;
type Ids = Owners["ids"];

/** What each URL parameter names, per route: always a thing of the owners (owned). */
function parameterValue(route: string, name: string, ids: Ids): { value: string; owned: boolean } {
  if (name === "claimId") return { value: route.startsWith("association.atelier") ? ids.rawClaimId : ids.collectedId, owned: true };
  if (name === "invoiceId") return { value: ids.invoiceId, owned: true };
  if (name === "lotId") return { value: ids.processedLotId, owned: true };
  if (name === "id") {
    if (route.startsWith("producteur.dons.")) return { value: ids.lotId, owned: true };
    if (route.startsWith("api.v1.donation-lots.")) return { value: ids.lotId, owned: true };
    if (route.startsWith("api.v1.claims.")) return { value: ids.reservedId, owned: true };
    if (route.startsWith("association.atelier.")) return { value: ids.processedLotId, owned: true };
  }
  throw new Error(`La matrice des dons ne sait pas ce que désigne le paramètre « ${name} » de la route ${route} : ajoutez-le à parameterValue.`);
}

/** A body naming the owners' things under every field name the forms use, with the real pickup code. */
function probeFields(owners: Owners, intent: string): Record<string, string> {
  const { ids, codes } = owners;
  return {
    ...(intent ? { intent } : {}),
    lotId: ids.lotId,
    claimId: ids.reservedId,
    sourceClaimId: ids.rawClaimId,
    invoiceId: ids.invoiceId,
    organisationId: ids.ownerId,
    quantity: "1",
    pickupCode: codes.reserved,
    temperatureC: "2",
    productName: "Lot d'un intrus",
    contribution: "1",
    year: "2026",
    annee: "2026",
  };
}

/** The API's strict bodies: the change each endpoint accepts from its owner. */
function apiBody(route: string, owners: Owners): Record<string, unknown> {
  if (route.endsWith(".claims")) return { quantity: 1 };
  if (route.endsWith(".pickup")) return { pickupCode: owners.codes.reserved, temperatureC: 2 };
  return { productName: "Lot d'un intrus" };
}

async function fingerprintOf(organisations: string[]): Promise<string> {
  const rows = await db().$queryRaw<Array<{ fingerprint: string }>>`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "Organisation" t WHERE t.id = ANY(${organisations})),
      (SELECT string_agg(t::text, ',' ORDER BY t."organisationId") FROM "CharitySettings" t WHERE t."organisationId" = ANY(${organisations})),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "DonationLot" t WHERE t."donorId" = ANY(${organisations})),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "DonationClaim" t WHERE t."charityId" = ANY(${organisations}) OR t."lotId" IN (SELECT id FROM "DonationLot" WHERE "donorId" = ANY(${organisations}))),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "ContributionInvoice" t WHERE t."issuerId" = ANY(${organisations})),
      (SELECT string_agg(t::text, ',' ORDER BY t."issuerId") FROM "ContributionInvoiceCounter" t WHERE t."issuerId" = ANY(${organisations}))
    )) AS fingerprint`;
  return rows[0]!.fingerprint;
}

test("no donation route lets another producer, another charity, an unverified charity, a consumer or an anonymous visitor see or change the owners' lots, claims, codes and invoices", async () => {
  const owners = await donationsWithEverything();
  const otherProducer = await createProducerUser({ name: "Bruno Producteur-B" });
  const otherCharity = await createCharity({ settings: { storesChilled: true, storesFrozen: true, approvedRawFishery: true, collectionWeekdays: [1, 2, 3, 4, 5, 6, 7], collectionFrom: "00:00", collectionTo: "23:59" } });
  const unverifiedCharity = await createCharity({ verified: false, settings: { storesChilled: true, approvedRawFishery: true } });
  const consumer = await createUser({ name: "Chloé Cliente" });
  const actors: Actor[] = [
    { name: "un autre producteur", cookie: otherProducer.cookie, kind: "producer" },
    { name: "une autre association vérifiée", cookie: otherCharity.cookie, kind: "charity" },
    { name: "une association non vérifiée", cookie: unverifiedCharity.cookie, kind: "unverified-charity" },
    { name: "un client", cookie: await signedInCookie(consumer.id), kind: "consumer" },
    { name: "un visiteur anonyme", cookie: null, kind: "anonymous" },
  ];
  const routes = routesMatching(DONATION_ROUTE);
  expect(routes).toContain("api.v1.donation-lots.$id.claims");
  expect(routes.length).toBeGreaterThan(8);

  // The reserved claim's code is sent in every probe (to try a hand-over with the right code): a form echoing it back is no leak.
  const leaks = (body: string, sent?: string) =>
    [SECRET_CHARITY, SECRET_PRODUCT, SECRET_PROCESSED]
      .filter((secret) => body.includes(secret))
      .concat(Object.values(owners.codes).filter((code) => code !== sent && codeSeen(body, code)));
  const before = await fingerprintOf(owners.organisations);
  const problems: string[] = [];
  let calls = 0;
  for (const route of routes) {
    const module = await loadRoute(route);
    const isApi = route.startsWith("api.");
    const { path, params, owned } = routeUrl(route, (name) => parameterValue(route, name, owners.ids));
    const url = `http://localhost${path}`;
    for (const actor of actors) {
      // A space's own pages may answer its own kind of member — about their own things, never the owners'.
      const ownSpace =
        (actor.kind === "producer" && route.startsWith("producteur.")) ||
        ((actor.kind === "charity" || actor.kind === "unverified-charity") && route.startsWith("association")) ||
        (actor.kind !== "anonymous" && actor.kind !== "consumer" && isApi && !owned);
      const mayAnswer = ownSpace && !owned;
      if (module.loader) {
        calls += 1;
        const outcome = await outcomeOf(() => module.loader!({ request: requestFor(actor, url, { method: "GET" }), params, context: {} }));
        const refused = isRefusal(actor, outcome, isApi) || (isApi && outcome.status === 405);
        if (!refused && !(mayAnswer && outcome.status < 400)) problems.push(`${route} (lecture) par ${actor.name} : ${outcome.status} au lieu d'un refus`);
        for (const leak of leaks(outcome.body)) problems.push(`${route} (lecture) par ${actor.name} : montre « ${leak} »`);
      }
      if (module.action) {
        for (const method of isApi ? ["POST", "PATCH", "DELETE"] : ["POST"]) {
          for (const intent of isApi ? [""] : intentsOf(route)) {
            calls += 1;
            const request = requestFor(actor, url, isApi ? { method, json: apiBody(route, owners) } : { method, fields: probeFields(owners, intent) });
            const outcome = await outcomeOf(() => module.action!({ request, params, context: {} }));
            const label = `${route} (${method}${intent ? ` ${intent}` : ""}) par ${actor.name}`;
            // Claiming the owners' (fully claimed) lot: only a verified charity gets as far as "nothing remains".
            const claimsLot = method === "POST" && (route === "api.v1.donation-lots.$id.claims" || route === "association.lots");
            if (claimsLot && actor.kind !== "charity") {
              const expected = actor.kind === "anonymous" ? [401, 302, 303] : [403];
              if (!expected.includes(outcome.status)) problems.push(`${label} : ${outcome.status} au lieu de ${expected.join(" ou ")} — ne peut pas réserver`);
            } else {
              const refused = isRefusal(actor, outcome, isApi) || (isApi && outcome.status === 405);
              const answered = (mayAnswer || (claimsLot && actor.kind === "charity")) && outcome.status < 500;
              if (!refused && !answered) problems.push(`${label} : ${outcome.status} au lieu d'un refus`);
            }
            for (const leak of leaks(outcome.body, owners.codes.reserved)) problems.push(`${label} : montre « ${leak} »`);
          }
        }
      }
    }
  }
  expect(problems).toEqual([]);
  expect(await fingerprintOf(owners.organisations)).toBe(before);
  expect(calls).toBeGreaterThan(routes.length * actors.length);
});
