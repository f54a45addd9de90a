import { randomInt, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, expect, test } from "vitest";
import { db } from "~/db.server";
import { issueContributionInvoice } from "~/domain/donations/issue-contribution-invoice.server";
import { parisYear } from "~/domain/donations/yearly-summary";
import { createMemberUser, createProducerUser, createUser, signedInCookie } from "../factories";
import { ANY_HOUR, COLD_STORAGE, createCharity, createClaim, createEndedOffer, createLot, isoDateIn, parisLocalIn } from "../factories-donations";
import { callRoute, cellsOf, coverageProblems, entryProblems, loadRoute, missingParameter, probeOutsider, routeUrl, statusMatches, type Actor, type CellRequest, type Expected } from "../route-matrix";

/*
 * The permission matrix of donations: every route of the charity space and the workshop, the
 * donor's pages, the documents (slips, invoices, traceability), the impact page and the donations
 * API.
 *
 * Every route is listed below with its cells: each loader, and each action intent its forms send
 * (API: each method), with a VALID request naming the owners' real things (their lot, their claim
 * and its pickup code, a temperature the cold chain accepts, a quantity that remains, the invoice,
 * the raw fish a processed lot is made from). Each cell runs on a world of its own: first every
 * outsider sends the request and must get exactly the status written here (a refusal — 403, 404,
 * 401 or the login page — or, where an outsider may use the page for their own things, its answer
 * about those, with none of the owners' names, products or pickup codes); the owners' data must
 * then be byte for byte the same; last, the OWNER sends the same request and must get the status
 * written here too. That last call proves the request was valid: an outsider's refusal was about
 * who asked, not about a missing field or a closed window.
 *
 * A route file of these spaces without an entry here, an entry whose route file does not exist,
 * or an intent a form sends without a cell fails this test and says which.
 */

const DONATION_ROUTE = /^(association([.]|$)|producteur[.]dons|dons[.]|factures[.]|admin[.]impact|api[.]v1[.]donation-lots|api[.]v1[.]claims)/;

// Lot photos are stored in a folder of this file's own.
const dataDir = mkdtempSync(path.join(tmpdir(), "terre-et-mer-donation-matrix-"));
process.env.DATA_DIR = dataDir;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const HOUR = 3600_000;

/**
 * The owners and everything of theirs the routes could touch:
 * - donor D (a verified producer): lot L (chilled, fully claimed by C: a 10 kg reservation R and a
 *   5 kg collected claim K), raw fishery lot RL (collected whole by workshop W: claim RC), an open
 *   ambient lot OL any verified charity may claim, and an unsold offer of a distribution just ended;
 * - charity C (verified, its name secret): claims R and K, and on W's processed lot a collected
 *   claim PC (invoiced) and a reservation PR;
 * - workshop W (verified, approved to process fish): RC and processed lot PL made from it;
 * and the outsiders, new in each world: another producer, another verified charity that is also a
 * processing workshop (so that the workshop's pages get as far as the ownership of the source claim),
 * an unverified charity and a consumer.
 */
async function worldOf(admin: { cookie: string }) {
  // Names of this world only: lots the owners of earlier worlds published are on every charity's list.
  const tag = randomUUID().slice(0, 6);
  const names = { charity: `Entraide Confidentielle ${tag}`, product: `Sole réservée ${tag}`, rawProduct: `Lieu noir brut ${tag}`, processed: `Filets confidentiels ${tag}` };
  const donor = await createProducerUser({ name: "Denise Donatrice-D" });
  const charity = await createCharity({ name: names.charity, settings: { ...COLD_STORAGE, approvedRawFishery: true, ...ANY_HOUR } });
  const workshop = await createCharity({ settings: { ...COLD_STORAGE, approvedRawFishery: true, processingWorkshop: true, ...ANY_HOUR } });
  const producer = await createProducerUser({ name: "Bruno Producteur-B" });
  const otherCharity = await createCharity({ settings: { ...COLD_STORAGE, approvedRawFishery: true, processingWorkshop: true, ...ANY_HOUR } });
  const unverified = await createCharity({ verified: false, settings: { ...COLD_STORAGE, approvedRawFishery: true, processingWorkshop: true, ...ANY_HOUR } });
  const consumer = await createUser({ name: "Chloé Cliente" });

  const codes = uniqueCodes(["reserved", "collected", "raw", "processed", "processedReserved"] as const);
  const now = Date.now();
  const by = (organisation: { producerId: string; user: { id: string } }) => ({ donorId: organisation.producerId, createdById: organisation.user.id });
  const lot = await createLot({
    ...by(donor),
    productName: names.product,
    storage: "CHILLED",
    rawFishery: true,
    useBy: isoDateIn(6),
    quantityMilli: 15_000,
    claimedMilli: 15_000,
    pickupStart: new Date(now - HOUR),
    pickupEnd: new Date(now + 24 * HOUR),
  });
  const reserved = await createClaim({ lotId: lot.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 10_000, pickupCode: codes.reserved });
  const collected = await createClaim({
    lotId: lot.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 5_000, pickupCode: codes.collected,
    status: "COLLECTED", at: new Date(now - HOUR / 2), collectedById: donor.user.id, temperatureDeciC: 25,
  });
  const rawLot = await createLot({
    ...by(donor),
    productName: names.rawProduct,
    storage: "CHILLED",
    rawFishery: true,
    useBy: isoDateIn(6),
    quantityMilli: 30_000,
    claimedMilli: 30_000,
    pickupStart: new Date(now - HOUR),
    pickupEnd: new Date(now + 24 * HOUR),
  });
  const rawClaim = await createClaim({
    lotId: rawLot.id, charityId: workshop.id, claimedById: workshop.user.id, quantityMilli: 30_000, pickupCode: codes.raw,
    status: "COLLECTED", at: new Date(now - HOUR / 2), collectedById: donor.user.id, temperatureDeciC: 20,
  });
  // Its window opens after L's: C's next pickup on its home page is R.
  const processedLot = await createLot({
    donorId: workshop.id,
    createdById: workshop.user.id,
    productName: names.processed,
    storage: "FROZEN",
    bestBefore: isoDateIn(180),
    quantityMilli: 8_000,
    claimedMilli: 8_000,
    sourceClaimId: rawClaim.id,
    contributionCentsPerUnit: 150,
    pickupStart: new Date(now - HOUR / 2),
    pickupEnd: new Date(now + 24 * HOUR),
  });
  const processedClaim = await createClaim({
    lotId: processedLot.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 4_000, pickupCode: codes.processed,
    status: "COLLECTED", at: new Date(now - HOUR / 4), collectedById: workshop.user.id, temperatureDeciC: -200, contributionCents: 600,
  });
  const processedReserved = await createClaim({
    lotId: processedLot.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 4_000, pickupCode: codes.processedReserved, contributionCents: 600,
  });
  const invoice = await db().$transaction((tx) =>
    issueContributionInvoice(tx, { id: processedClaim.id, issuerId: workshop.id, charityId: charity.id, contributionCents: 600 }, new Date(now)),
  );
  const openLot = await createLot({ ...by(donor), productName: `Pommes de terre ${tag}`, storage: "AMBIENT", bestBefore: isoDateIn(30), quantityMilli: 20_000 });
  const unsold = await createEndedOffer({ producerId: donor.producerId, productName: `${names.product} invendue`, stock: 20, ordered: 5 });

  const cookieOf = (user: { id: string }) => signedInCookie(user.id);
  return {
    cookies: {
      donor: donor.cookie,
      recipient: charity.cookie,
      workshop: workshop.cookie,
      producer: producer.cookie,
      charity: otherCharity.cookie,
      unverified: unverified.cookie,
      consumer: await cookieOf(consumer),
      admin: admin.cookie,
      anonymous: null,
    } satisfies Record<Role, string | null>,
    tag,
    names,
    // The year of the hand-overs, asked for explicitly: a world made just after midnight on 1 January still finds them.
    year: String(parisYear(new Date(now - HOUR / 2))),
    organisations: [donor.producerId, charity.id, workshop.id],
    codes,
    ids: {
      lotId: lot.id,
      reservedId: reserved.id,
      collectedId: collected.id,
      rawClaimId: rawClaim.id,
      processedLotId: processedLot.id,
      processedReservedId: processedReserved.id,
      invoiceId: invoice!.id,
      openLotId: openLot.id,
      unsoldOfferId: unsold.offerId,
    },
  };
}

type World = Awaited<ReturnType<typeof worldOf>>;

/** Six-digit pickup codes, distinct within a world. */
function uniqueCodes<const Names extends readonly string[]>(names: Names): Record<Names[number], string> {
  const codes = new Set<string>();
  while (codes.size < names.length) codes.add(String(randomInt(100_000, 1_000_000)));
  const values = [...codes];
  return Object.fromEntries(names.map((name, index) => [name, values[index]!])) as Record<Names[number], string>;
}

/** A fingerprint of everything of D's, C's and W's (and of any lot made from their claims): any change by an outsider shows here. */
async function fingerprintOf(world: World): Promise<string> {
  const organisations = world.organisations;
  const rows = await db().$queryRaw<Array<{ fingerprint: string }>>`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "Organisation" t WHERE t.id = ANY(${organisations})),
      (SELECT string_agg(t::text, ',' ORDER BY t."organisationId") FROM "CharitySettings" t WHERE t."organisationId" = ANY(${organisations})),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "DonationLot" t WHERE t."donorId" = ANY(${organisations})
        OR t."sourceClaimId" IN (SELECT id FROM "DonationClaim" WHERE "charityId" = ANY(${organisations}))),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "DonationClaim" t WHERE t."charityId" = ANY(${organisations}) OR t."lotId" IN (SELECT id FROM "DonationLot" WHERE "donorId" = ANY(${organisations}))),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "ContributionInvoice" t WHERE t."issuerId" = ANY(${organisations}) OR t."charityId" = ANY(${organisations})),
      (SELECT string_agg(t::text, ',' ORDER BY t."issuerId") FROM "ContributionInvoiceCounter" t WHERE t."issuerId" = ANY(${organisations})),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "Offer" t JOIN "Product" p ON p.id = t."productId" WHERE p."producerId" = ANY(${organisations})),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "StoredFile" t WHERE t."organisationId" = ANY(${organisations}))
    )) AS fingerprint`;
  return rows[0]!.fingerprint;
}

/*
 * The matrix. Statuses: a number is the exact status; "login" is the redirect to the login page;
 * null: this role is not an outsider of this cell (it may do what the owner does), so it is not
 * probed. Roles: the owners D (`donor`), C (`recipient`) and W (`workshop`) are each an outsider
 * of the cells the others own; `producer`, `charity` (verified, a workshop too), `unverified`,
 * `consumer`, `admin` and `anonymous` are the outsiders of every world.
 */
type Role = "donor" | "recipient" | "workshop" | "producer" | "charity" | "unverified" | "consumer" | "admin" | "anonymous";
type Owner = "donor" | "recipient" | "workshop" | "admin";

/**
 * What no outsider may see: C's name, the products, every pickup code — each with the parties to
 * it, who may see it wherever they are answered (W's own raw fish on W's own pages).
 */
type Secret = keyof World["names"] | `${keyof World["codes"]}Code`;
function secretsOf(world: World): Array<{ name: Secret; value: string; parties: Role[] }> {
  const { names, codes } = world;
  return [
    { name: "charity", value: names.charity, parties: ["recipient"] },
    { name: "product", value: names.product, parties: ["donor", "recipient"] },
    { name: "rawProduct", value: names.rawProduct, parties: ["donor", "workshop"] },
    { name: "processed", value: names.processed, parties: ["workshop", "recipient"] },
    { name: "reservedCode", value: codes.reserved, parties: ["recipient"] },
    { name: "collectedCode", value: codes.collected, parties: ["recipient"] },
    { name: "processedReservedCode", value: codes.processedReserved, parties: ["recipient"] },
    { name: "processedCode", value: codes.processed, parties: ["recipient"] },
    { name: "rawCode", value: codes.raw, parties: ["workshop"] },
  ];
}
const NAMES: Secret[] = ["charity", "product", "rawProduct", "processed"];

type Cell = {
  /** The request, as the forms or the API send it, naming the owners' real things. */
  request: (world: World) => CellRequest;
  /** Who owns this cell when not the route's owner (the API's lots: charities read them, donors publish them). */
  by?: Owner;
  owner: Expected;
  /** Text the owner's answer shows, proof that the same text missing from an outsider's answer means something. */
  ownerSees?: (world: World) => string;
  outsiders: Partial<Record<Role, Expected>>;
  /** Secrets a role may see in its answer: a party to the donation (donor, charity, workshop) or an admin reading its documents. */
  mayShow?: Partial<Record<Role, Secret[]>>;
};
type RouteSpec = {
  owner: Owner;
  params?: (world: World) => Record<string, string>;
  /** Loader and the action, by intent ("" for an action without intent; API: the method). */
  loader?: Cell;
  actions?: Record<string, Cell>;
};

/** Outsiders of the charity space who act for no charity. */
const NOT_CHARITIES = { donor: 403, producer: 403, consumer: 403, admin: 403, anonymous: "login" } as const;
const NOT_CHARITIES_API = { donor: 403, producer: 403, consumer: 403, admin: 403, anonymous: 401 } as const;
/** Outsiders of the producer space who act for no producer. */
const NOT_PRODUCERS = { recipient: 403, workshop: 403, charity: 403, unverified: 403, consumer: 403, admin: 403, anonymous: "login" } as const;
const NOT_PRODUCERS_API = { recipient: 403, workshop: 403, charity: 403, unverified: 403, consumer: 403, admin: 403, anonymous: 401 } as const;
const NOT_ADMINS = { donor: 403, recipient: 403, workshop: 403, producer: 403, charity: 403, unverified: 403, consumer: 403, anonymous: "login" } as const;
/** A charity's own list: every charity is answered about its own things. */
const CHARITIES_OWN = { charity: 200, unverified: 200, workshop: 200, ...NOT_CHARITIES } as const;
/** The workshop's pages: a verified charity approved as a workshop (the other charity is one); C is not one; U is not verified. */
const NOT_WORKSHOPS = { recipient: 403, unverified: 403, ...NOT_CHARITIES } as const;
/** Everyone gets 405 for a method the API route does not take, before anything else. */
const NOBODY = { owner: 405, outsiders: { donor: 405, recipient: 405, workshop: 405, producer: 405, charity: 405, unverified: 405, consumer: 405, admin: 405, anonymous: 405 } } as const;

const get = (): ReturnType<Cell["request"]> => ({ method: "GET" });
/** The yearly pages and exports, asked for the year of the world's hand-overs. */
const ofTheYear = (world: World): ReturnType<Cell["request"]> => ({ method: "GET", query: { annee: world.year } });
const form = (fields: (world: World) => Record<string, string>) => (world: World) => ({ fields: fields(world) });
const json = (method: string, body: (world: World) => Record<string, unknown>) => (world: World) => ({ method, json: body(world) });
const wrongMethods = (...methods: string[]): Record<string, Cell> => Object.fromEntries(methods.map((method) => [method, { request: json(method, () => ({})), ...NOBODY }]));

/** A processed lot as the workshop's form sends it: 2 kg of the 22 kg of raw fish RC still has. */
function filletsForm(world: World): Record<string, string> {
  return {
    sourceClaimId: world.ids.rawClaimId,
    productName: `Filets d'un intrus ${world.tag}`,
    quantity: "2",
    unit: "kg",
    storage: "frozen",
    frozenAtMinus18: "on",
    useBy: "",
    bestBefore: isoDateIn(180),
    lotNumber: "ATL-MATRICE",
    pickupPlace: "",
    pickupStart: parisLocalIn(-1),
    pickupEnd: parisLocalIn(48),
    contribution: "1,50",
    costPrice: "3,20",
  };
}

/** A lot as the donor's form sends it. */
function lotForm(world: World): Record<string, string> {
  return {
    productName: `Carottes d'un intrus ${world.tag}`,
    description: "",
    quantity: "12,5",
    unit: "kg",
    storage: "ambient",
    useBy: "",
    bestBefore: isoDateIn(20),
    lotNumber: "MATRICE-1",
    pickupPlace: "",
    pickupStart: parisLocalIn(1),
    pickupEnd: parisLocalIn(26),
    costPrice: "1,20",
  };
}

/** A lot as the API takes it. */
function lotJson(world: World): Record<string, unknown> {
  const start = new Date(Date.now() + HOUR);
  return {
    productName: `Pommes d'un intrus ${world.tag}`,
    quantity: 15,
    unit: "kg",
    storage: "ambient",
    bestBefore: isoDateIn(30),
    lotNumber: "L-MATRICE",
    pickupStart: start.toISOString(),
    pickupEnd: new Date(start.getTime() + 72 * HOUR).toISOString(),
    costPriceCents: 120,
  };
}

/** A lot photo (made in the test, before the matrix runs). */
let photo: Buffer | undefined;
function photoBytes(): Uint8Array<ArrayBuffer> {
  if (!photo) throw new Error("photo pas encore créée");
  return Uint8Array.from(photo);
}

const SPECS: Record<string, RouteSpec> = {
  // ─── The charity space: each charity reads its own; C's claims are C's. ───
  association: { owner: "recipient", loader: { request: get, owner: 200, ownerSees: (world) => world.names.charity, outsiders: CHARITIES_OWN } },
  "association._index": { owner: "recipient", loader: { request: get, owner: 200, ownerSees: (world) => world.codes.reserved, outsiders: CHARITIES_OWN } },
  "association.factures": { owner: "recipient", loader: { request: get, owner: 200, ownerSees: (world) => world.names.processed, outsiders: CHARITIES_OWN } },
  "association.recus": { owner: "recipient", loader: { request: ofTheYear, owner: 200, ownerSees: (world) => world.names.product, outsiders: CHARITIES_OWN } },
  "association.recus[.]csv": { owner: "recipient", loader: { request: ofTheYear, owner: 200, ownerSees: (world) => world.names.product, outsiders: CHARITIES_OWN } },
  "association.lots": {
    owner: "recipient",
    loader: { request: get, owner: 200, outsiders: CHARITIES_OWN },
    actions: {
      // An open lot is every verified charity's to claim (W and the other charity are not
      // outsiders); a producer, a consumer, an unverified charity never claim.
      claim: {
        request: form((world) => ({ intent: "claim", lotId: world.ids.openLotId, quantity: "2" })),
        owner: 302,
        outsiders: { ...NOT_CHARITIES, charity: null, workshop: null, unverified: 403 },
      },
    },
  },
  "association.reglages": {
    owner: "recipient",
    loader: { request: get, owner: 200, outsiders: CHARITIES_OWN },
    actions: {
      // Settings are the caller's own: another charity saves its own, C's stay as they were.
      "": {
        request: form(() => ({
          storesAmbient: "on",
          storesChilled: "on",
          minQuantity: "2,5",
          maxQuantity: "40",
          collectionWeekdays: "2",
          collectionFrom: "08:30",
          collectionTo: "12:00",
          redistributesSameDay: "on",
        })),
        owner: 200,
        // W is one of this world's owners, but its settings are its own: it is not an outsider here.
        outsiders: { ...CHARITIES_OWN, workshop: null },
      },
    },
  },
  "association.retraits": {
    owner: "recipient",
    loader: { request: get, owner: 200, ownerSees: (world) => world.codes.reserved, outsiders: CHARITIES_OWN },
    actions: {
      cancel: {
        request: form((world) => ({ intent: "cancel", claimId: world.ids.reservedId })),
        owner: 200,
        outsiders: { charity: 404, unverified: 404, workshop: 404, ...NOT_CHARITIES },
      },
    },
  },
  // ─── The workshop (W): another workshop meets 404 on W's raw fish and processed lot's claims. ───
  "association.atelier": {
    owner: "workshop",
    loader: { request: get, owner: 200, ownerSees: (world) => world.names.processed, outsiders: { charity: 200, ...NOT_WORKSHOPS } },
    actions: {
      handover: {
        request: form((world) => ({ intent: "handover", claimId: world.ids.processedReservedId, pickupCode: world.codes.processedReserved, temperatureC: "-19" })),
        owner: 200,
        outsiders: { charity: 404, ...NOT_WORKSHOPS },
      },
    },
  },
  "association.atelier_.nouveau": {
    owner: "workshop",
    loader: { request: (world) => ({ method: "GET", query: { source: world.ids.rawClaimId } }), owner: 200, ownerSees: (world) => world.names.rawProduct, outsiders: { charity: 404, ...NOT_WORKSHOPS } },
    actions: { "": { request: form(filletsForm), owner: 302, outsiders: { charity: 404, ...NOT_WORKSHOPS } } },
  },
  // ─── The donor's pages (D): another producer reads its own lists, meets 404 on D's lot. ───
  "producteur.dons._index": { owner: "donor", loader: { request: get, owner: 200, ownerSees: (world) => world.names.product, outsiders: { producer: 200, ...NOT_PRODUCERS } } },
  "producteur.dons.$id": {
    owner: "donor",
    params: (world) => ({ id: world.ids.lotId }),
    loader: { request: get, owner: 200, ownerSees: (world) => world.names.charity, outsiders: { producer: 404, ...NOT_PRODUCERS } },
    actions: {
      pickup: {
        request: form((world) => ({ intent: "pickup", claimId: world.ids.reservedId, pickupCode: world.codes.reserved, temperatureC: "2" })),
        owner: 302,
        outsiders: { producer: 404, ...NOT_PRODUCERS },
      },
      withdraw: { request: form(() => ({ intent: "withdraw" })), owner: 302, outsiders: { producer: 404, ...NOT_PRODUCERS } },
      // The photo form is a multipart upload without intent.
      photo: { request: () => ({ files: { photo: new File([photoBytes()], "lot.png", { type: "image/png" }) } }), owner: 302, outsiders: { producer: 404, ...NOT_PRODUCERS } },
    },
  },
  "producteur.dons.invendus": {
    owner: "donor",
    loader: { request: get, owner: 200, ownerSees: (world) => world.names.product, outsiders: { producer: 200, ...NOT_PRODUCERS } },
    actions: {
      // D's unsold offer given by someone else: 404, the offer stays ungiven.
      "": {
        request: form((world) => {
          const offer = world.ids.unsoldOfferId;
          return { pickupPlace: "", pickupStart: parisLocalIn(0), pickupEnd: parisLocalIn(20), [`give.${offer}`]: "on", [`quantity.${offer}`]: "10", [`costPrice.${offer}`]: "2", [`storage.${offer}`]: "ambient", [`bestBefore.${offer}`]: isoDateIn(10) };
        }),
        owner: 302,
        outsiders: { producer: 404, ...NOT_PRODUCERS },
      },
    },
  },
  "producteur.dons.nouveau": {
    owner: "donor",
    loader: { request: get, owner: 200, outsiders: { producer: 200, ...NOT_PRODUCERS } },
    // A new lot is the caller's own: another producer publishes its own.
    actions: { "": { request: form(lotForm), owner: 302, outsiders: { producer: 302, ...NOT_PRODUCERS } } },
  },
  "producteur.dons.recapitulatif": { owner: "donor", loader: { request: ofTheYear, owner: 200, ownerSees: (world) => world.names.charity, outsiders: { producer: 200, ...NOT_PRODUCERS } } },
  "producteur.dons.recapitulatif[.]csv": { owner: "donor", loader: { request: ofTheYear, owner: 200, ownerSees: (world) => world.names.charity, outsiders: { producer: 200, ...NOT_PRODUCERS } } },
  "producteur.dons.recapitulatif[.]pdf": { owner: "donor", loader: { request: ofTheYear, owner: 200, ownerSees: (world) => world.names.charity, outsiders: { producer: 200, ...NOT_PRODUCERS } } },
  // ─── Documents: the parties to the donation and the territory's admins, nobody else. ───
  "dons.bordereau.$claimId": {
    owner: "recipient",
    params: (world) => ({ claimId: world.ids.collectedId }),
    loader: {
      request: get,
      owner: 200,
      ownerSees: (world) => world.names.product,
      outsiders: { donor: 200, admin: 200, workshop: 404, producer: 404, charity: 404, unverified: 404, consumer: 404, anonymous: "login" },
      mayShow: { donor: ["charity"], admin: NAMES },
    },
  },
  "dons.bordereau.$claimId[.]pdf": {
    owner: "recipient",
    params: (world) => ({ claimId: world.ids.collectedId }),
    loader: {
      request: get,
      owner: 200,
      ownerSees: (world) => world.names.product,
      outsiders: { donor: 200, admin: 200, workshop: 404, producer: 404, charity: 404, unverified: 404, consumer: 404, anonymous: "login" },
      mayShow: { donor: ["charity"], admin: NAMES },
    },
  },
  // The chain boat → workshop → charity: D, W and C are in it.
  "dons.tracabilite.$lotId": {
    owner: "workshop",
    params: (world) => ({ lotId: world.ids.processedLotId }),
    loader: {
      request: get,
      owner: 200,
      ownerSees: (world) => world.names.processed,
      outsiders: { donor: 200, recipient: 200, admin: 200, producer: 404, charity: 404, unverified: 404, consumer: 404, anonymous: "login" },
      mayShow: { donor: ["charity", "processed"], recipient: ["rawProduct"], admin: NAMES },
    },
  },
  "factures.$invoiceId[.]pdf": {
    owner: "recipient",
    params: (world) => ({ invoiceId: world.ids.invoiceId }),
    loader: {
      request: get,
      owner: 200,
      ownerSees: (world) => world.names.processed,
      outsiders: { workshop: 200, admin: 200, donor: 404, producer: 404, charity: 404, unverified: 404, consumer: 404, anonymous: "login" },
      mayShow: { workshop: ["charity"], admin: NAMES },
    },
  },
  // ─── The territory's impact figures. ───
  "admin.impact": { owner: "admin", loader: { request: get, owner: 200, ownerSees: (world) => world.names.charity, outsiders: NOT_ADMINS } },
  "admin.impact[.]csv": { owner: "admin", loader: { request: get, owner: 200, ownerSees: (world) => world.names.charity, outsiders: NOT_ADMINS } },
  // ─── The API. ───
  "api.v1.claims": {
    owner: "recipient",
    // Each reads its own claims: a donor those made on its lots (without codes), a charity its own.
    loader: {
      request: get,
      owner: 200,
      ownerSees: (world) => world.codes.reserved,
      outsiders: { donor: 200, producer: 200, charity: 200, workshop: 200, unverified: 403, consumer: 403, admin: 403, anonymous: 401 },
      mayShow: { donor: ["charity"] },
    },
    actions: wrongMethods("POST", "PATCH", "DELETE"),
  },
  "api.v1.claims.$id.cancel": {
    owner: "recipient",
    params: (world) => ({ id: world.ids.reservedId }),
    loader: { request: get, ...NOBODY },
    actions: {
      POST: { request: json("POST", () => ({})), owner: 200, outsiders: { charity: 404, unverified: 404, workshop: 404, ...NOT_CHARITIES_API } },
      ...wrongMethods("PATCH", "DELETE"),
    },
  },
  "api.v1.claims.$id.pickup": {
    owner: "donor",
    params: (world) => ({ id: world.ids.reservedId }),
    loader: { request: get, ...NOBODY },
    actions: {
      POST: { request: json("POST", (world) => ({ pickupCode: world.codes.reserved, temperatureC: 2 })), owner: 200, outsiders: { producer: 404, ...NOT_PRODUCERS_API } },
      ...wrongMethods("PATCH", "DELETE"),
    },
  },
  "api.v1.donation-lots.$id.claims": {
    owner: "recipient",
    params: (world) => ({ id: world.ids.openLotId }),
    actions: {
      POST: { request: json("POST", () => ({ quantity: 2 })), owner: 201, outsiders: { ...NOT_CHARITIES_API, charity: null, workshop: null, unverified: 403 } },
      ...wrongMethods("PATCH", "DELETE"),
    },
  },
  "api.v1.donation-lots": {
    owner: "recipient",
    loader: { request: get, owner: 200, outsiders: { charity: 200, workshop: 200, unverified: 403, ...NOT_CHARITIES_API } },
    actions: {
      POST: { by: "donor", request: json("POST", lotJson), owner: 201, outsiders: { producer: 201, ...NOT_PRODUCERS_API } },
      ...wrongMethods("PATCH", "DELETE"),
    },
  },
};

/** Six digits no id can contain by chance next to hex characters: checked with hex-aware boundaries, and as "123 456". */
function shows(body: string, secret: string): boolean {
  if (!/^[0-9]{6}$/.test(secret)) return body.includes(secret);
  return new RegExp(`(?<![0-9a-f])${secret}(?![0-9a-f])`, "i").test(body) || body.includes(`${secret.slice(0, 3)} ${secret.slice(3)}`);
}

const ROLE_NAMES: Record<Role, string> = {
  donor: "le donateur D",
  recipient: "l'association C",
  workshop: "l'atelier W",
  producer: "un autre producteur",
  charity: "une autre association vérifiée (atelier)",
  unverified: "une association non vérifiée",
  consumer: "un client",
  admin: "un administrateur",
  anonymous: "un visiteur anonyme",
};

test("every donation route refuses outsiders exactly, shows them no name, product or pickup code of the owners, changes nothing of theirs, and accepts the same request from the owner", async () => {
  const admin = await createMemberUser("ADMIN");
  photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#2f6f8f" } }).png().toBuffer();
  // Every route file of these spaces is in the matrix, and every route named in it exists.
  const problems: string[] = coverageProblems(DONATION_ROUTE, SPECS);
  expect(problems).toEqual([]);

  let cells = 0;
  for (const [route, spec] of Object.entries(SPECS)) {
    const module = await loadRoute(route);
    // A loader and an action as the module has them, and a cell for every intent its forms send.
    problems.push(...entryProblems(route, module, spec));
    for (const { label, cell, kind } of cellsOf(spec)) {
      cells += 1;
      const world = await worldOf(admin);
      const owner = cell.by ?? spec.owner;
      const at = routeUrl(route, (name) => ({ value: spec.params?.(world)[name] ?? missingParameter("des dons", route, name), owned: true }));
      // Each call builds its request anew from the world, as the original form or client would.
      const call = (actor: Actor) => callRoute(module, kind, at, cell.request(world), actor);
      // What the request itself carries (the pickup code sent for a hand-over) is no leak when echoed.
      const sent = JSON.stringify(cell.request(world));
      const secrets = secretsOf(world).filter((secret) => !sent.includes(secret.value));
      const seen = cell.ownerSees?.(world);
      const before = await fingerprintOf(world);
      for (const role of Object.keys(ROLE_NAMES) as Role[]) {
        if (role === owner) continue;
        const actor: Actor = { name: ROLE_NAMES[role], cookie: world.cookies[role], kind: role };
        const outcome = await probeOutsider(`${route} (${label})`, actor, cell.outsiders[role], call, problems);
        if (!outcome) continue;
        const allowed = cell.mayShow?.[role] ?? [];
        for (const secret of secrets) {
          if (secret.parties.includes(role) || allowed.includes(secret.name)) continue;
          if (shows(outcome.body, secret.value)) problems.push(`${route} (${label}) par ${actor.name} : montre « ${secret.value} » (${secret.name})`);
        }
      }
      if ((await fingerprintOf(world)) !== before) problems.push(`${route} (${label}) : les données des propriétaires ont changé après les appels des autres`);

      // The same request from the owner goes through: the refusals above were about who asked.
      const own = await call({ name: "le propriétaire", cookie: world.cookies[owner], kind: owner });
      if (cell.owner === null || !statusMatches(cell.owner, own)) problems.push(`${route} (${label}) par le propriétaire (${ROLE_NAMES[owner]}) : ${own.status} au lieu de ${cell.owner} — ${own.body.slice(0, 300)}`);
      if (seen && !own.body.includes(seen)) problems.push(`${route} (${label}) : la réponse au propriétaire ne montre pas « ${seen} »`);
    }
  }
  expect(problems).toEqual([]);
  expect(cells).toBeGreaterThan(Object.keys(SPECS).length);
}, 300_000);
