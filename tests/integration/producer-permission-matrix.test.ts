import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, expect, test } from "vitest";
import { db } from "~/db.server";
import { storage } from "~/infra/storage.server";
import { getProducerProduct } from "~/domain/catalog/get-producer-product.server";
import { productToRaw } from "~/domain/catalog/product-input";
import { getCart } from "~/domain/ordering/cart.server";
import { shownLinesOf } from "~/domain/ordering/checkout-cart.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { createDistribution, createMemberUser, createOffer, createProducer, createProducerUser, createUser, ensureCategory, signedInCookie } from "../factories";
import { createLabel } from "../factories-label-public";
import { PDF_BYTES } from "../factories-label";
import { startStripeDouble } from "../stripe-double/stripe-double";
import { callRoute, cellsOf, coverageProblems, entryProblems, loadRoute, missingParameter, probeOutsider, routeUrl, statusMatches, type Actor, type CellRequest, type Expected } from "../route-matrix";

/*
 * The permission matrix of the producer space, the territory's pages that show producers' data
 * (sales, outbox, reviews) and the customers' own pages (orders, cart).
 *
 * Every route is listed below with its cells: each loader, and each action intent its forms send,
 * with a VALID request naming the owner's real things (their product, their order line, a weight,
 * a payment id...). Each cell runs on a world of its own: first every outsider sends the request
 * and must get exactly the status written here (a refusal — 403, 404, 401 or the login page — or,
 * where an outsider may use the page for their own things, its answer about those, with none of the
 * owner's); the owner's data must then be byte for byte the same; last, the OWNER sends the same
 * request and must get the status written here too. That last call proves the request was valid:
 * an outsider's refusal was about who asked, not about a missing field.
 *
 * A route file of these spaces without an entry here, an entry whose route file does not exist,
 * or an intent a form sends without a cell fails this test and says which.
 */

/** The route files of the producer space and its API (donations have their own matrix), and the territory's and customers' pages that show their data. */
const MATRIX_ROUTE = /^(producteur[.](?!dons)|producteur$|api[.]v1[.]producer[.]|api[.]v1[.]offers[.]|gestion[.]|admin[.](organisations|bilan|outbox|remboursements|points-de-retrait)$|commandes[.]|panier[.]|annuaire$|producteurs[.]|points-de-retrait[.]|producteur[.]label[.]|admin[.]label[.]|sitemap[[][.][]]xml$|robots[[][.][]]txt$|label[.]|api[.]v1[.]labels[.]|api[.]v1[.]producers|admin[.](acteurs|agenda)[.]|agenda[.[]|annuaire_[.]|acteurs[.]|associations[.])/;

// Card payments configured, against the local Stripe double: the producer's « Connecter mon compte
// Stripe » (producteur.paiements) really makes the caller's own account.
const stripeDouble = await startStripeDouble();
process.env.STRIPE_SECRET_KEY = "sk_test_permissionmatrix";
process.env.STRIPE_WEBHOOK_SECRET = "whsec_permissionmatrix0123456789";
process.env.STRIPE_API_BASE = stripeDouble.url;
afterAll(() => stripeDouble.close());

// Photos are stored in a folder of this file's own.
const dataDir = mkdtempSync(path.join(tmpdir(), "terre-et-mer-matrix-"));
process.env.DATA_DIR = dataDir;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const tag = randomUUID().slice(0, 6);
const SECRET_CUSTOMER = `Céleste Secrète-${tag}`;
const SECRET_PRODUCT = `Produit confidentiel ${tag}`;
const SECRET_FARM = `Ferme confidentielle ${tag}`;
const SECRET_FILE = `catalogue-confidentiel-${tag}.csv`;
const SECRET_EVENT = `Visite confidentielle ${tag}`;
const SECRETS = [SECRET_CUSTOMER, SECRET_PRODUCT, SECRET_FARM, SECRET_FILE];

/** A catalogue file the import accepts: one product. */
function catalogueCsv(reference: string, name: string): string {
  const header = "reference;nom;nom_anglais;categorie;unite;poids_net_g;prix_ttc;tva;bio;allergenes;denomination_commerciale;nom_scientifique;methode_production;zone_fao;engin;decongele;description";
  return `${header}\n${reference};${name};;legumes;botte;;2,50;5,5;non;;;;;;;;\n`;
}

/** The outsiders shared by every world (nothing they may do changes them): a charity and a territory admin. */
type People = Awaited<ReturnType<typeof people>>;

async function people() {
  return { charity: await createMemberUser("CHARITY"), admin: await createMemberUser("ADMIN") };
}

/**
 * Producer A and everything of theirs the routes could touch, at one distribution where B sells
 * too: A's offers (one sold by weight, one basket), customer C's order of A's things (and C's cart),
 * E's order of B's offer, A's catalogue import, series, organised date, invitation, photo; an
 * organisation waiting for review and a charity for the admin's pages. `phase`: "ordering" leaves
 * the distribution open for orders; "preparation" moves the cutoff into the past; "handedOver" too, and
 * A has handed over their part of C's order (the receipt is there).
 */
async function worldOf(phase: "ordering" | "preparation" | "handedOver" | "cardPaid") {
  const a = await createProducerUser({ name: "Armelle Producteur-A" });
  // B and E act for themselves in some cells (B's own offers, E's own cart): new ones in each world.
  const other = await createProducerUser({ name: "Bruno Producteur-B" });
  const consumer = await createUser({ name: "Chloé Cliente" });
  await db().organisation.update({ where: { id: a.producerId }, data: { name: SECRET_FARM } });
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, producerId: a.producerId, stock: 40, name: SECRET_PRODUCT });
  const categoryId = await ensureCategory();
  const weighedProductId = randomUUID();
  await db().product.create({
    data: { id: weighedProductId, producerId: a.producerId, categoryId, name: `${SECRET_PRODUCT} au poids`, unit: "KG", priceCents: 2400, vatRateBp: 550, variableWeight: true },
  });
  const weighedOfferId = randomUUID();
  await db().offer.create({ data: { id: weighedOfferId, distributionId: distribution.id, productId: weighedProductId, priceCents: 2400, stock: 40 } });
  // A's product sold by weight holds the label: its sticker is on A's sheet only.
  const label = await createLabel({ productId: weighedProductId, status: "GRANTED", validFrom: new Date(Date.now() - 86_400_000), validUntil: new Date(Date.now() + 300 * 86_400_000) });
  const basket = await createOffer({ distributionId: distribution.id, producerId: a.producerId, kind: "BASKET", name: `${SECRET_PRODUCT} en panier` });
  await db().basketItem.create({ data: { id: randomUUID(), offerId: basket.id, label: "Poireaux", quantityLabel: "1 kg", indicativePriceCents: 380, position: 0 } });
  const unoffered = await db().product.create({
    data: { id: randomUUID(), producerId: a.producerId, categoryId, name: `${SECRET_PRODUCT} en réserve`, unit: "BUNCH", priceCents: 300, vatRateBp: 550 },
    select: { id: true },
  });
  const otherOffer = await createOffer({ distributionId: distribution.id, producerId: other.producerId, stock: 40, name: `Œufs de B ${tag}` });

  const customer = await createUser({ name: SECRET_CUSTOMER });
  const order = await placeOrder({
    distributionId: distribution.id,
    lines: [{ offerId: offer.id, quantity: 2 }, { offerId: weighedOfferId, quantity: 2 }],
    paymentMethod: "at_pickup",
    customer,
    now: new Date(),
    appUrl: "http://localhost",
  });
  await placeOrder({ distributionId: distribution.id, lines: [{ offerId: otherOffer.id, quantity: 1 }], paymentMethod: "at_pickup", customer: consumer, now: new Date(), appUrl: "http://localhost" });
  await db().cartItem.create({ data: { userId: customer.id, offerId: offer.id, quantity: 1 } });
  if (phase !== "ordering") await db().distribution.update({ where: { id: distribution.id }, data: { cutoffAt: new Date(Date.now() - 60_000) } });
  if (phase === "handedOver") await db().handover.create({ data: { orderId: order.id, producerId: a.producerId, status: "COLLECTED", recordedAt: new Date(), recordedById: a.user.id } });
  const weighedLine = await db().orderLine.findFirstOrThrow({ where: { orderId: order.id, offerId: weighedOfferId }, select: { id: true } });
  const offerLine = await db().orderLine.findFirstOrThrow({ where: { orderId: order.id, offerId: offer.id }, select: { id: true } });
  // "cardPaid": C paid the order by card online and A refunded part of A's line (its credit note exists).
  let refundNumber = 0;
  if (phase === "cardPaid") {
    const paymentId = randomUUID();
    await db().order.update({ where: { id: order.id }, data: { paymentMethod: "ONLINE_CARD" } });
    await db().cardPayment.create({ data: { id: paymentId, orderId: order.id, status: "SUCCEEDED", amountCents: 10_000, refundedCents: 100, paymentIntentId: `pi_${paymentId.replaceAll("-", "")}`, succeededAt: new Date() } });
    refundNumber = (await db().refund.create({ data: { id: randomUUID(), paymentId, orderId: order.id, producerId: a.producerId, orderLineId: offerLine.id, amountCents: 100, reason: "PRODUCER_REFUND", kind: "damaged" }, select: { number: true } })).number;
  }

  const catalogueImport = await db().catalogueImport.create({
    data: { id: randomUUID(), producerId: a.producerId, createdById: a.user.id, fileName: SECRET_FILE, content: catalogueCsv(`REF-${tag}`, `${SECRET_PRODUCT} importé`), totalRows: 1 },
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
  await db().organisationInvitation.create({
    data: { id: randomUUID(), organisationId: a.producerId, email: `invitee-${tag}@example.test`, role: "PRODUCER", tokenHash: randomUUID(), invitedById: a.user.id, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const photo = await db().storedFile.create({
    data: { id: randomUUID(), organisationId: a.producerId, purpose: "ORGANISATION_PHOTO", storageKey: `matrix/${randomUUID()}.webp`, contentType: "image/webp", byteSize: 10, width: 1, height: 1 },
    select: { id: true },
  });
  // A's product in reserve has a label application the territory asked changes on, with one document.
  const application = await labelApplicationOf(a.producerId, unoffered.id, a.user.id);
  const pending = await createProducer({ verified: false });
  const { eventId, essActorId, appearingCharitySlug } = await essWorldOf(a.producerId);
  const reviewedCharity = await createMemberUser("CHARITY");
  await db().charitySettings.create({ data: { organisationId: reviewedCharity.organisationId } });

  // The cart as C's page shows it: the checkout confirms these lines at these prices.
  const shownLines = shownLinesOf(await getCart({ userId: customer.id }, distribution.id));
  const productForm = productToRaw(await getProducerProduct({ producerId: a.producerId, productId: offer.productId }));
  return {
    a,
    other,
    consumer: { ...consumer, cookie: await signedInCookie(consumer.id) },
    productForm,
    shownLines,
    customer: { ...customer, cookie: await signedInCookie(customer.id) },
    organisations: [a.producerId, pending.id, reviewedCharity.organisationId],
    customerId: customer.id,
    ids: {
      eventId,
      essActorId,
      appearingCharitySlug,
      distributionId: distribution.id,
      slotId: distribution.slotIds[0]!,
      organisedDistributionId: organised.id,
      offerId: offer.id,
      productId: offer.productId,
      unofferedProductId: unoffered.id,
      labelApplicationId: application.labelId,
      labelDocumentId: application.documentId,
      basketOfferId: basket.id,
      orderId: order.id,
      weighedLineId: weighedLine.id,
      offerLineId: offerLine.id,
      orderNumber: String(order.number),
      refundNumber: String(refundNumber),
      importId: catalogueImport.id,
      photoId: photo.id,
      pendingId: pending.id,
      reviewedCharityId: reviewedCharity.organisationId,
      pickupPointId: distribution.pickupPointId,
      labelNumber: label.number,
    },
  };
}

type World = Awaited<ReturnType<typeof worldOf>>;

/** A label application of A's (changes requested, one stored PDF): the label's producer and reviewer pages probe it. */
async function labelApplicationOf(producerId: string, productId: string, userId: string) {
  const labelId = randomUUID();
  const fileId = randomUUID();
  const documentId = randomUUID();
  const storageKey = `label-documents/${fileId}.pdf`;
  await storage().put(storageKey, PDF_BYTES, "application/pdf");
  await db().label.create({
    data: { id: labelId, productId, status: "CHANGES_REQUESTED", productClass: "FARM", placeName: "Ferme A", placeLat: 49.8822, placeLon: 1.1368, lotTraceability: true, submittedAt: new Date(), reviewMessage: "Ajoutez le relevé" },
  });
  await db().storedFile.create({ data: { id: fileId, organisationId: producerId, purpose: "LABEL_DOCUMENT", storageKey, contentType: "application/pdf", byteSize: PDF_BYTES.byteLength, width: 0, height: 0 } });
  await db().labelDocument.create({ data: { id: documentId, labelId, fileId, name: "releve.pdf" } });
  await db().labelEvent.create({ data: { id: randomUUID(), labelId, at: new Date(), actorId: userId, actorName: "Armelle", kind: "APPLIED", toStatus: "PENDING" } });
  return { labelId, documentId };
}

/** The label form as a producer sends it (urlencoded: no new document, the stored one counts). */
const labelFields = (intent: string) => () => ({ fields: { intent, productClass: "FARM", placeName: "Ferme", placeLat: "49,8822", placeLon: "1,1368", lotTraceability: "on" } });

/** A fingerprint of everything of A's, of customer C's and of the organisations under review: any change by an outsider shows here. */
async function fingerprintOf(world: World): Promise<string> {
  const [producerId] = world.organisations;
  const organisations = world.organisations;
  const customerId = world.customerId;
  const rows = await db().$queryRaw<Array<{ fingerprint: string }>>`
    WITH orders AS (SELECT "orderId" AS id FROM "OrderLine" WHERE "producerId" = ${producerId} UNION SELECT id FROM "Order" WHERE "userId" = ${customerId})
    SELECT md5(concat_ws('|',
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "Organisation" t WHERE t.id = ANY(${organisations})),
      (SELECT string_agg(t::text, ',' ORDER BY t."organisationId") FROM "CharitySettings" t WHERE t."organisationId" = ANY(${organisations})),
      (SELECT string_agg(t::text, ',' ORDER BY t."userId") FROM "Membership" t WHERE t."organisationId" = ANY(${organisations})),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "OrganisationInvitation" t WHERE t."organisationId" = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "Product" t WHERE t."producerId" = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "Offer" t JOIN "Product" p ON p.id = t."productId" WHERE p."producerId" = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "BasketItem" t JOIN "Offer" o ON o.id = t."offerId" JOIN "Product" p ON p.id = o."productId" WHERE p."producerId" = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "Order" t WHERE t.id IN (SELECT id FROM orders)),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "OrderLine" t WHERE t."orderId" IN (SELECT id FROM orders)),
      (SELECT string_agg(t::text, ',' ORDER BY t."orderId", t."producerId") FROM "Handover" t WHERE t."orderId" IN (SELECT id FROM orders)),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "PickupPayment" t WHERE t."orderId" IN (SELECT id FROM orders)),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "Refund" t WHERE t."orderId" IN (SELECT id FROM orders)),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "CardPayment" t WHERE t."orderId" IN (SELECT id FROM orders)),
      (SELECT string_agg(t::text, ',' ORDER BY t."offerId") FROM "CartItem" t WHERE t."userId" = ${customerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "CatalogueImport" t WHERE t."producerId" = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "StoredFile" t WHERE t."organisationId" = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "DistributionSeries" t WHERE t."organiserId" = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "Label" t JOIN "Product" p ON p.id = t."productId" WHERE p."producerId" = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "LabelEvent" t JOIN "Label" l ON l.id = t."labelId" JOIN "Product" p ON p.id = l."productId" WHERE p."producerId" = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "Distribution" t WHERE t."organiserId" = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "Event" t WHERE t."organisationId" = ${producerId}),
      (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM "EssActor" t WHERE t.id = ${world.ids.essActorId})
    )) AS fingerprint`;
  return rows[0]!.fingerprint;
}

/*
 * The matrix. Statuses: a number is the exact status; "login" is the redirect to the login page.
 * Outsiders by role: `producer` is B (sells at the same distribution), `consumer` is E (has an
 * order of their own there), `charity`, `admin`, `anonymous`; and, on the pages A does not own,
 * `producerA`. `owner` is what the owner gets for the same request.
 */
// A cell's null (Expected): this role is not an outsider of this cell (it may do what the owner does), so it is not probed.
type Role = "producer" | "producerA" | "consumer" | "charity" | "admin" | "anonymous";
type Cell = {
  /** The request, as the forms or the API send it, naming the owner's real things. */
  request: (world: World) => CellRequest;
  owner: Expected;
  /** Text the owner's answer shows, proof that the same text missing from an outsider's answer means something. */
  ownerSees?: (world: World) => string;
  outsiders: Partial<Record<Role, Expected>>;
  /** Roles whose answer may show the owner's data (the territory reads every producer's sales; A reads A's own). */
  mayShow?: Role[];
};
type Owner = "producer" | "customer" | "admin";
type RouteSpec = {
  owner: Owner;
  phase: "ordering" | "preparation" | "handedOver" | "cardPaid";
  params?: (world: World) => Record<string, string>;
  /** Loader and the action, by intent ("" for an action without intent; API: the method). */
  loader?: Cell;
  actions?: Record<string, Cell>;
};

/** Outsiders of the producer space: consumers and charities are not producers; anonymous goes to log in. */
const NOT_PRODUCERS = { consumer: 403, charity: 403, admin: 403, anonymous: "login" } as const;
const NOT_PRODUCERS_API = { consumer: 403, charity: 403, admin: 403, anonymous: 401 } as const;
const NOT_ADMINS = { producerA: 403, producer: 403, consumer: 403, charity: 403, anonymous: "login" } as const;
/** Anyone signed in may have orders and a cart of their own. */
const OTHER_USERS = { producerA: 404, producer: 404, consumer: 404, charity: 404, admin: 404, anonymous: "login" } as const;
/** The directory's public pages: every one reads them, and may read what they show of A. */
const EVERYONE_READS = { producer: 200, consumer: 200, charity: 200, admin: 200, anonymous: 200 } as const;
const READERS: Role[] = ["producer", "consumer", "charity", "admin", "anonymous"];

const get = (): ReturnType<Cell["request"]> => ({ method: "GET" });
const form = (fields: (world: World) => Record<string, string>) => (world: World) => ({ fields: fields(world) });
const json = (method: string, body: Record<string, unknown>) => () => ({ method, json: body });
/** A statement's period that holds the world's distribution (three days ahead): today and the next 30 days. */
const statementPeriod = (): ReturnType<Cell["request"]> => ({ method: "GET", query: { du: new Date().toISOString().slice(0, 10), au: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) } });
/** A page of one's own: B is answered about B's things (200), the others refused. */
const ownPage = (ownerSees?: Cell["ownerSees"]): Cell => ({ request: get, owner: 200, ownerSees, outsiders: { producer: 200, ...NOT_PRODUCERS } });

const SPECS: Record<string, RouteSpec> = {
  producteur: { owner: "producer", phase: "preparation", loader: ownPage() },
  "producteur._index": { owner: "producer", phase: "ordering", loader: ownPage() },
  // The territory admin reads every producer's figures here too (read:order:any): not an outsider.
  "producteur.bilan": { owner: "producer", phase: "preparation", loader: { ...ownPage(() => SECRET_FARM), outsiders: { producer: 200, ...NOT_PRODUCERS, admin: null } } },
  "producteur.bilan[.]csv": { owner: "producer", phase: "preparation", loader: { ...ownPage(() => SECRET_FARM), outsiders: { producer: 200, ...NOT_PRODUCERS, admin: null } } },
  // The Stripe account page: each producer reads and connects their own organisation's account (B's click makes B's).
  "producteur.paiements": {
    owner: "producer",
    phase: "ordering",
    loader: ownPage(),
    actions: { connect: { request: form(() => ({ intent: "connect" })), owner: 302, outsiders: { producer: 302, ...NOT_PRODUCERS } } },
  },
  // The producer's statement (page, CSV, PDF) over the world's distribution: B reads B's own, with none of A's orders.
  "producteur.releve": { owner: "producer", phase: "preparation", loader: { ...ownPage(() => SECRET_FARM), request: statementPeriod } },
  "producteur.releve[.]csv": { owner: "producer", phase: "preparation", loader: { ...ownPage(() => SECRET_FARM), request: statementPeriod } },
  "producteur.releve[.]pdf": { owner: "producer", phase: "preparation", loader: { ...ownPage(() => SECRET_FARM), request: statementPeriod } },
  "producteur.export[.]csv": { owner: "producer", phase: "ordering", loader: ownPage(() => SECRET_PRODUCT) },
  // The label's sticker sheet: B gets B's own (no label: an empty sheet), never A's.
  "producteur.label-etiquettes[.]pdf": { owner: "producer", phase: "ordering", loader: ownPage(() => SECRET_PRODUCT) },
  "producteur.import._index": {
    owner: "producer",
    phase: "ordering",
    loader: ownPage(() => SECRET_FILE),
    actions: {
      // An upload makes an import of the uploader's own: B gets B's (a redirect), A's stays as it was.
      "": {
        request: () => ({ files: { file: new File([catalogueCsv(`REF-${tag}`, "Carottes")], "catalogue.csv", { type: "text/csv" }) } }),
        owner: 302,
        outsiders: { producer: 302, ...NOT_PRODUCERS },
      },
    },
  },
  "producteur.import.$id": {
    owner: "producer",
    phase: "ordering",
    params: (world) => ({ id: world.ids.importId }),
    loader: { request: get, owner: 200, ownerSees: () => SECRET_FILE, outsiders: { producer: 404, ...NOT_PRODUCERS } },
    actions: { run: { request: form(() => ({ intent: "run" })), owner: 302, outsiders: { producer: 404, ...NOT_PRODUCERS } } },
  },
  "producteur.organisation": {
    owner: "producer",
    phase: "ordering",
    loader: ownPage(() => SECRET_FARM),
    actions: {
      // Each acts on the caller's own organisation: B's profile, B's invitation; A's photo is not B's.
      photo: { request: () => ({ files: { photo: new File([photoBytes()], "ferme.png", { type: "image/png" }) } }), owner: 200, outsiders: { producer: 200, ...NOT_PRODUCERS } },
      profile: {
        request: form(() => ({
          intent: "profile",
          name: `Ferme rebaptisée ${tag}`,
          siret: "120 001 011 00010",
          producerKind: "MARKET_GARDENER",
          communeInsee: "76008",
          address: "12 route de Dieppe",
          lat: "",
          lon: "",
          description: "",
          organicControlBody: "",
          contactEmail: "contact@ferme.example",
          contactPhone: "",
        })),
        owner: 200,
        outsiders: { producer: 200, ...NOT_PRODUCERS },
      },
      invite: { request: form(() => ({ intent: "invite", email: `intrus-${tag}@example.test` })), owner: 200, outsiders: { producer: 200, ...NOT_PRODUCERS } },
      "remove-photo": { request: form((world) => ({ intent: "remove-photo", photoId: world.ids.photoId })), owner: 200, outsiders: { producer: 404, ...NOT_PRODUCERS } },
    },
  },
  "producteur.preparation._index": { owner: "producer", phase: "preparation", loader: ownPage() },
  "producteur.preparation.$distributionId": {
    owner: "producer",
    phase: "preparation",
    params: (world) => ({ distributionId: world.ids.distributionId }),
    // B prepares B's own part of the same distribution: answered, with none of A's customers or
    // products (the pickup view, the one with the customers' names).
    loader: { request: () => ({ method: "GET", query: { vue: "retrait" } }), owner: 200, ownerSees: () => SECRET_CUSTOMER, outsiders: { producer: 200, ...NOT_PRODUCERS } },
    actions: {
      weigh: { request: form((world) => ({ intent: "weigh", lineId: world.ids.weighedLineId, weight: "2,1" })), owner: 200, outsiders: { producer: 404, ...NOT_PRODUCERS } },
      handover: { request: form((world) => ({ intent: "handover", orderId: world.ids.orderId, status: "COLLECTED" })), owner: 200, outsiders: { producer: 404, ...NOT_PRODUCERS } },
      payment: {
        request: form((world) => ({ intent: "payment", orderId: world.ids.orderId, paymentId: randomUUID(), method: "CASH", amount: "1,00" })),
        owner: 200,
        outsiders: { producer: 404, ...NOT_PRODUCERS },
      },
    },
  },
  "producteur.preparation.$distributionId.colisage[.]csv": { owner: "producer", phase: "preparation", params: (world) => ({ distributionId: world.ids.distributionId }), loader: ownPage(() => SECRET_CUSTOMER) },
  "producteur.preparation.$distributionId.cueillette[.]csv": { owner: "producer", phase: "preparation", params: (world) => ({ distributionId: world.ids.distributionId }), loader: ownPage(() => SECRET_PRODUCT) },
  "producteur.preparation.$distributionId.retrait[.]csv": { owner: "producer", phase: "preparation", params: (world) => ({ distributionId: world.ids.distributionId }), loader: ownPage(() => SECRET_CUSTOMER) },
  "producteur.produits._index": { owner: "producer", phase: "ordering", loader: ownPage(() => SECRET_PRODUCT) },
  "producteur.produits.nouveau": {
    owner: "producer",
    phase: "ordering",
    loader: ownPage(),
    actions: {
      // A new product is the caller's own: B makes B's.
      "": {
        request: form(() => ({ name: `Carottes ${tag}`, categoryId: "legumes", unit: "KG", price: "2,50", vatRate: "5.5" })),
        owner: 302,
        outsiders: { producer: 302, ...NOT_PRODUCERS },
      },
    },
  },
  "producteur.produits.$id": {
    owner: "producer",
    phase: "ordering",
    params: (world) => ({ id: world.ids.productId }),
    loader: { request: get, owner: 200, ownerSees: () => SECRET_PRODUCT, outsiders: { producer: 404, ...NOT_PRODUCERS } },
    actions: {
      save: { request: (world) => ({ fields: { ...world.productForm, intent: "save", name: `${SECRET_PRODUCT} renommé` } }), owner: 302, outsiders: { producer: 404, ...NOT_PRODUCERS } },
      archive: { request: form(() => ({ intent: "archive" })), owner: 302, outsiders: { producer: 404, ...NOT_PRODUCERS } },
      restore: { request: form(() => ({ intent: "restore" })), owner: 302, outsiders: { producer: 404, ...NOT_PRODUCERS } },
      "remove-photo": { request: form(() => ({ intent: "remove-photo" })), owner: 302, outsiders: { producer: 404, ...NOT_PRODUCERS } },
    },
  },
  "producteur.ventes._index": { owner: "producer", phase: "ordering", loader: ownPage() },
  "producteur.ventes.$distributionId": {
    owner: "producer",
    phase: "ordering",
    params: (world) => ({ distributionId: world.ids.distributionId }),
    loader: ownPage(() => SECRET_PRODUCT),
    actions: {
      // The sheet's one save: a row changed, a row taken off sale, a basket's composition.
      save: {
        request: form((world) => ({ intent: "save", [`onSale.${world.ids.offerId}`]: "on", [`stock.${world.ids.offerId}`]: "30", [`price.${world.ids.offerId}`]: "2,90" })),
        owner: 200,
        outsiders: { producer: 404, ...NOT_PRODUCERS },
      },
      // Not B's product: refused in the words of the product field ("choose one of your products").
      add: { request: form((world) => ({ intent: "add", productId: world.ids.unofferedProductId, stock: "10", priceCents: "3,00" })), owner: 200, outsiders: { producer: 400, ...NOT_PRODUCERS } },
      "save (off sale)": { request: form((world) => ({ intent: "save", [`stock.${world.ids.basketOfferId}`]: "0" })), owner: 200, outsiders: { producer: 404, ...NOT_PRODUCERS } },
      "save (composition)": {
        request: form((world) => {
          const id = world.ids.basketOfferId;
          return { intent: "save", [`onSale.${id}`]: "on", [`stock.${id}`]: "50", [`price.${id}`]: "15,00", [`composition.${id}`]: "1", [`item-label.${id}.0`]: "Carottes", [`item-quantity.${id}.0`]: "1 kg", [`item-price.${id}.0`]: "2,00" };
        }),
        owner: 200,
        outsiders: { producer: 404, ...NOT_PRODUCERS },
      },
      // Copies the caller's own offers of last week: B has none, and is told so.
      copy: { request: form(() => ({ intent: "copy" })), owner: 200, outsiders: { producer: 200, ...NOT_PRODUCERS } },
    },
  },
  "api.v1.producer.offers": {
    owner: "producer",
    phase: "ordering",
    loader: { request: (world) => ({ method: "GET", query: { distributionId: world.ids.distributionId } }), owner: 200, ownerSees: () => SECRET_PRODUCT, outsiders: { producer: 200, ...NOT_PRODUCERS_API } },
    actions: { POST: { request: json("POST", { stock: 1 }), owner: 405, outsiders: { producer: 405, consumer: 405, charity: 405, admin: 405, anonymous: 405 } } },
  },
  "api.v1.producer.distributions.$id.pickup-sheet": {
    owner: "producer",
    phase: "preparation",
    params: (world) => ({ id: world.ids.distributionId }),
    loader: { request: get, owner: 200, ownerSees: () => SECRET_CUSTOMER, outsiders: { producer: 200, ...NOT_PRODUCERS_API } },
  },
  "api.v1.offers.$id": {
    owner: "producer",
    phase: "ordering",
    params: (world) => ({ id: world.ids.offerId }),
    loader: { request: get, owner: 405, outsiders: { producer: 405, consumer: 405, charity: 405, admin: 405, anonymous: 405 } },
    actions: {
      PATCH: { request: json("PATCH", { stock: 30, priceCents: 290 }), owner: 200, outsiders: { producer: 404, ...NOT_PRODUCERS_API } },
      POST: { request: json("POST", { stock: 30 }), owner: 405, outsiders: { producer: 405, consumer: 405, charity: 405, admin: 405, anonymous: 405 } },
      DELETE: { request: json("DELETE", {}), owner: 405, outsiders: { producer: 405, consumer: 405, charity: 405, admin: 405, anonymous: 405 } },
    },
  },
  // Organisers: producers, AMAP coordinators and the territory (which may cancel any date: not an outsider of a cancel).
  "gestion.distributions._index": {
    owner: "producer",
    phase: "ordering",
    loader: { ...ownPage(), outsiders: { producer: 200, ...NOT_PRODUCERS, admin: 200 } },
    actions: {
      "": { request: form((world) => ({ distributionId: world.ids.organisedDistributionId, reason: "Tempête annoncée" })), owner: 200, outsiders: { producer: 404, ...NOT_PRODUCERS, admin: null } },
    },
  },
  "gestion.distributions.nouvelle": {
    owner: "producer",
    phase: "ordering",
    loader: { ...ownPage(), outsiders: { producer: 200, ...NOT_PRODUCERS, admin: 200 } },
    actions: {
      // A series is the caller's own: B's preview and B's dates, at a point every organiser may use.
      preview: { request: form((world) => ({ intent: "preview", ...seriesFields(world) })), owner: 200, outsiders: { producer: 200, ...NOT_PRODUCERS, admin: 200 } },
      create: { request: form((world) => ({ intent: "create", ...seriesFields(world) })), owner: 302, outsiders: { producer: 302, ...NOT_PRODUCERS, admin: 302 } },
    },
  },
  "admin.organisations": {
    owner: "admin",
    phase: "ordering",
    loader: { request: get, owner: 200, outsiders: NOT_ADMINS },
    actions: {
      verify: { request: form((world) => ({ intent: "verify", organisationId: world.ids.pendingId })), owner: 200, outsiders: NOT_ADMINS },
      refuse: { request: form((world) => ({ intent: "refuse", organisationId: world.ids.pendingId, reason: "Numéro SIRET introuvable" })), owner: 200, outsiders: NOT_ADMINS },
      approvals: {
        request: form((world) => ({ intent: "approvals", organisationId: world.ids.reviewedCharityId, approvedRawFishery: "on", processingWorkshop: "on" })),
        owner: 200,
        outsiders: NOT_ADMINS,
      },
    },
  },
  // The territory's sales: every producer's figures for an admin; a producer who opens it reads their own only.
  "admin.bilan": { owner: "admin", phase: "preparation", loader: { request: get, owner: 200, ownerSees: () => SECRET_FARM, outsiders: { ...NOT_ADMINS, producerA: 200, producer: 200 }, mayShow: ["producerA"] } },
  "admin.points-de-retrait": {
    owner: "admin",
    phase: "ordering",
    loader: { request: get, owner: 200, outsiders: NOT_ADMINS },
    actions: {
      "": { request: form((world) => ({ pointId: world.ids.pickupPointId, accessibilityNotes: "De plain-pied" })), owner: 200, outsiders: NOT_ADMINS },
    },
  },
  "admin.outbox": { owner: "admin", phase: "ordering", loader: { request: get, owner: 200, ownerSees: () => SECRET_CUSTOMER, outsiders: NOT_ADMINS } },
  // The directory's public pages (issue 12): anyone, signed in or not, reads A's public profile, point and search alike.
  annuaire: { owner: "producer", phase: "ordering", loader: { request: () => ({ method: "GET", query: { q: SECRET_FARM } }), owner: 200, ownerSees: () => SECRET_FARM, outsiders: EVERYONE_READS, mayShow: READERS } },
  "producteurs.$slug": { owner: "producer", phase: "ordering", params: (world) => ({ slug: `ferme-${world.a.producerId}` }), loader: { request: get, owner: 200, ownerSees: () => SECRET_PRODUCT, outsiders: EVERYONE_READS, mayShow: READERS } },
  "points-de-retrait.$id": { owner: "producer", phase: "ordering", params: (world) => ({ id: world.ids.pickupPointId }), loader: { request: get, owner: 200, ownerSees: () => SECRET_FARM, outsiders: EVERYONE_READS, mayShow: READERS } },
  "sitemap[.]xml": { owner: "producer", phase: "ordering", loader: { request: get, owner: 200, ownerSees: (world) => `ferme-${world.a.producerId}`, outsiders: EVERYONE_READS, mayShow: READERS } },
  "robots[.]txt": { owner: "producer", phase: "ordering", loader: { request: get, owner: 200, outsiders: EVERYONE_READS, mayShow: READERS } },
  // The agenda and the open data (issue 12): public; A's coming visit is in them for everyone.
  // The public pages of the ESS actors and of the charities that chose to appear (issue 12): anyone reads them.
  "acteurs.$slug": { owner: "producer", phase: "ordering", params: (world) => ({ slug: `jardin-${world.ids.essActorId}` }), loader: { request: get, owner: 200, ownerSees: () => `Jardin ${tag}`, outsiders: EVERYONE_READS, mayShow: READERS } },
  "associations.$slug": { owner: "producer", phase: "ordering", params: (world) => ({ slug: world.ids.appearingCharitySlug }), loader: { request: get, owner: 200, ownerSees: () => `Association ${tag}`, outsiders: EVERYONE_READS, mayShow: READERS } },
  "agenda._index": { owner: "producer", phase: "ordering", loader: { request: get, owner: 200, ownerSees: () => SECRET_EVENT, outsiders: EVERYONE_READS, mayShow: READERS } },
  "agenda.$id": { owner: "producer", phase: "ordering", params: (world) => ({ id: world.ids.eventId }), loader: { request: get, owner: 200, ownerSees: () => SECRET_EVENT, outsiders: EVERYONE_READS, mayShow: READERS } },
  "agenda[.]ics": { owner: "producer", phase: "ordering", loader: { request: get, owner: 200, ownerSees: () => SECRET_EVENT, outsiders: EVERYONE_READS, mayShow: READERS } },
  "agenda.$id[.]ics": { owner: "producer", phase: "ordering", params: (world) => ({ id: world.ids.eventId }), loader: { request: get, owner: 200, ownerSees: () => SECRET_EVENT, outsiders: EVERYONE_READS, mayShow: READERS } },
  "annuaire_.donnees[.]csv": { owner: "producer", phase: "ordering", loader: { request: get, owner: 200, ownerSees: () => SECRET_FARM, outsiders: EVERYONE_READS, mayShow: READERS } },
  "annuaire_.donnees[.]json": { owner: "producer", phase: "ordering", loader: { request: get, owner: 200, ownerSees: () => SECRET_FARM, outsiders: EVERYONE_READS, mayShow: READERS } },
  // A producer's own events: B publishes and sees B's own; A's event is « not found » to B, to change or withdraw.
  "producteur.agenda._index": {
    owner: "producer",
    phase: "ordering",
    loader: ownPage(() => SECRET_EVENT),
    actions: {
      "": { request: form(() => eventFields()), owner: 200, outsiders: { producer: 200, ...NOT_PRODUCERS } },
      delete: { request: form((world) => ({ intent: "delete", eventId: world.ids.eventId })), owner: 200, outsiders: { producer: 404, ...NOT_PRODUCERS } },
    },
  },
  "producteur.agenda.$id": {
    owner: "producer",
    phase: "ordering",
    params: (world) => ({ id: world.ids.eventId }),
    loader: { request: get, owner: 200, ownerSees: () => SECRET_EVENT, outsiders: { producer: 404, ...NOT_PRODUCERS } },
    actions: { "": { request: form(() => eventFields({ title: `Visite changée ${tag}` })), owner: 302, outsiders: { producer: 404, ...NOT_PRODUCERS } } },
  },
  // The territory keeps the ESS actors and publishes events for anyone.
  "admin.acteurs._index": {
    owner: "admin",
    phase: "ordering",
    loader: { request: get, owner: 200, outsiders: NOT_ADMINS },
    actions: {
      publish: { request: form((world) => ({ intent: "publish", actorId: world.ids.essActorId })), owner: 200, outsiders: NOT_ADMINS },
      unpublish: { request: form((world) => ({ intent: "unpublish", actorId: world.ids.essActorId })), owner: 200, outsiders: NOT_ADMINS },
    },
  },
  "admin.acteurs.nouveau": { owner: "admin", phase: "ordering", loader: { request: get, owner: 200, outsiders: NOT_ADMINS }, actions: { "": { request: form(() => essActorFields()), owner: 302, outsiders: NOT_ADMINS } } },
  "admin.acteurs.$id": {
    owner: "admin",
    phase: "ordering",
    params: (world) => ({ id: world.ids.essActorId }),
    loader: { request: get, owner: 200, outsiders: NOT_ADMINS },
    actions: { "": { request: form(() => essActorFields()), owner: 302, outsiders: NOT_ADMINS } },
  },
  "admin.agenda._index": {
    owner: "admin",
    phase: "ordering",
    loader: { request: get, owner: 200, ownerSees: () => SECRET_EVENT, outsiders: NOT_ADMINS },
    actions: {
      "": { request: form((world) => eventFields({ holder: `ess:${world.ids.essActorId}` })), owner: 200, outsiders: NOT_ADMINS },
      delete: { request: form((world) => ({ intent: "delete", eventId: world.ids.eventId })), owner: 200, outsiders: NOT_ADMINS },
    },
  },
  "admin.agenda.$id": {
    owner: "admin",
    phase: "ordering",
    params: (world) => ({ id: world.ids.eventId }),
    loader: { request: get, owner: 200, ownerSees: () => SECRET_EVENT, outsiders: NOT_ADMINS },
    actions: { "": { request: form(() => eventFields({ title: `Visite changée par le territoire ${tag}` })), owner: 302, outsiders: NOT_ADMINS } },
  },
  // The label's public pages: anyone checks any granted label (its holder and product are public from its grant).
  "label._index": { owner: "producer", phase: "ordering", loader: { request: get, owner: 200, outsiders: EVERYONE_READS, mayShow: READERS } },
  "label.$numero": { owner: "producer", phase: "ordering", params: (world) => ({ numero: world.ids.labelNumber }), loader: { request: get, owner: 200, ownerSees: () => SECRET_FARM, outsiders: EVERYONE_READS, mayShow: READERS } },
  "api.v1.labels.$number": { owner: "producer", phase: "ordering", params: (world) => ({ number: world.ids.labelNumber }), loader: { request: get, owner: 200, ownerSees: () => SECRET_FARM, outsiders: EVERYONE_READS, mayShow: READERS } },
  // The producers' API and their DFC catalogues (issue 12): public, A's profile and products are in them for everyone.
  "api.v1.producers": { owner: "producer", phase: "ordering", loader: { request: () => ({ method: "GET", query: { q: SECRET_FARM } }), owner: 200, ownerSees: () => SECRET_FARM, outsiders: EVERYONE_READS, mayShow: READERS } },
  "api.v1.producers.$slug.dfc-catalog": { owner: "producer", phase: "ordering", params: (world) => ({ slug: `ferme-${world.a.producerId}` }), loader: { request: get, owner: 200, ownerSees: () => SECRET_PRODUCT, outsiders: EVERYONE_READS, mayShow: READERS } },
  // The customer's pages: another person signed in has orders and a cart of their own, never C's.
  "commandes._index": {
    owner: "customer",
    phase: "ordering",
    loader: { request: get, owner: 200, ownerSees: (world) => world.ids.orderId, outsiders: { producerA: 200, producer: 200, consumer: 200, charity: 200, admin: 200, anonymous: "login" } },
  },
  "commandes.$id": {
    owner: "customer",
    phase: "ordering",
    params: (world) => ({ id: world.ids.orderId }),
    loader: { request: get, owner: 200, ownerSees: () => SECRET_PRODUCT, outsiders: OTHER_USERS },
    actions: {
      change: { request: form((world) => ({ intent: "change", offerId: world.ids.offerId, quantity: "3" })), owner: 200, outsiders: OTHER_USERS },
      remove: { request: form((world) => ({ intent: "remove", offerId: world.ids.offerId })), owner: 200, outsiders: OTHER_USERS },
      cancel: { request: form(() => ({ intent: "cancel" })), owner: 200, outsiders: OTHER_USERS },
      // « Payer » a card order's one Checkout Session: C's own order only (this one is paid at pickup: nothing to pay, said on the page).
      pay: { request: form(() => ({ intent: "pay" })), owner: 200, outsiders: OTHER_USERS },
    },
  },
  // C's pickup as a calendar file: C's only, nobody else gets any event of it (the order id is in
  // the login page's redirectTo, and folding may cut the product's name: the event itself is the mark).
  "commandes.$id[.]ics": {
    owner: "customer",
    phase: "ordering",
    params: (world) => ({ id: world.ids.orderId }),
    loader: { request: get, owner: 200, ownerSees: () => "BEGIN:VEVENT", outsiders: OTHER_USERS },
  },
  // C's receipt once A handed over their part, as a page and as a PDF: C's only.
  "commandes.$id_.recu": {
    owner: "customer",
    phase: "handedOver",
    params: (world) => ({ id: world.ids.orderId }),
    loader: { request: get, owner: 200, ownerSees: () => SECRET_PRODUCT, outsiders: OTHER_USERS },
  },
  "commandes.$id_.recu[.]pdf": {
    owner: "customer",
    phase: "handedOver",
    params: (world) => ({ id: world.ids.orderId }),
    loader: { request: get, owner: 200, ownerSees: () => SECRET_PRODUCT, outsiders: OTHER_USERS },
  },
  // Refunds of a card-paid order (decision 027 §5): A refunds A's lines, the territory any line; the
  // credit note of a refund is read by its customer, its producer and an admin, nobody else.
  "producteur.remboursements.$orderId": {
    owner: "producer",
    phase: "cardPaid",
    params: (world) => ({ orderId: world.ids.orderId }),
    loader: { request: get, owner: 200, ownerSees: () => SECRET_CUSTOMER, outsiders: { producer: 404, ...NOT_PRODUCERS } },
    actions: { "": { request: form((world) => ({ orderLineId: world.ids.offerLineId, amountCents: "1,00", kind: "damaged", note: "abîmé" })), owner: 200, outsiders: { producer: 404, ...NOT_PRODUCERS } } },
  },
  // The label (decision 029): A's products and applications are A's alone; the territory reviews and decides, nobody else.
  "producteur.label._index": { owner: "producer", phase: "ordering", loader: ownPage(() => SECRET_PRODUCT) },
  "producteur.label.$productId": {
    owner: "producer",
    phase: "ordering",
    params: (world) => ({ productId: world.ids.unofferedProductId }),
    loader: { request: get, owner: 200, ownerSees: () => SECRET_PRODUCT, outsiders: { producer: 404, ...NOT_PRODUCERS } },
    actions: {
      check: { request: labelFields("check"), owner: 200, outsiders: { producer: 404, ...NOT_PRODUCERS } },
      send: { request: labelFields("send"), owner: 302, outsiders: { producer: 404, ...NOT_PRODUCERS } },
    },
  },
  "producteur.label.document.$id": {
    owner: "producer",
    phase: "ordering",
    params: (world) => ({ id: world.ids.labelDocumentId }),
    loader: { request: get, owner: 200, outsiders: { producer: 404, ...NOT_PRODUCERS } },
  },
  "admin.label._index": { owner: "admin", phase: "ordering", loader: { request: get, owner: 200, ownerSees: () => SECRET_PRODUCT, outsiders: NOT_ADMINS } },
  "admin.label.$id": {
    owner: "admin",
    phase: "ordering",
    params: (world) => ({ id: world.ids.labelApplicationId }),
    loader: { request: get, owner: 200, ownerSees: () => SECRET_PRODUCT, outsiders: NOT_ADMINS },
    actions: {
      // Changes were asked: granting waits for the producer (409), refusing and a visit go through; outsiders are refused before any of it.
      grant: { request: form(() => ({ intent: "grant" })), owner: 409, outsiders: NOT_ADMINS },
      refuse: { request: form(() => ({ intent: "refuse", reason: "Hors critères" })), owner: 200, outsiders: NOT_ADMINS },
      changes: { request: form(() => ({ intent: "changes", message: "Encore un document" })), owner: 409, outsiders: NOT_ADMINS },
      visit: { request: form(() => ({ intent: "visit", visitedAt: "2026-01-15", note: "Parcelles vues" })), owner: 200, outsiders: NOT_ADMINS },
      suspend: { request: form(() => ({ intent: "suspend", reason: "Contrôle" })), owner: 409, outsiders: NOT_ADMINS },
      reinstate: { request: form(() => ({ intent: "reinstate" })), owner: 409, outsiders: NOT_ADMINS },
      revoke: { request: form(() => ({ intent: "revoke", reason: "Fraude" })), owner: 409, outsiders: NOT_ADMINS },
    },
  },
  "admin.label.document.$id": {
    owner: "admin",
    phase: "ordering",
    params: (world) => ({ id: world.ids.labelDocumentId }),
    loader: { request: get, owner: 200, outsiders: NOT_ADMINS },
  },
  "admin.remboursements": {
    owner: "admin",
    phase: "cardPaid",
    loader: { request: (world) => ({ method: "GET", query: { commande: world.ids.orderNumber } }), owner: 200, ownerSees: () => SECRET_CUSTOMER, outsiders: NOT_ADMINS },
    actions: { "": { request: form((world) => ({ orderLineId: world.ids.offerLineId, amountCents: "1,00", kind: "other" })), owner: 200, outsiders: NOT_ADMINS } },
  },
  "commandes.$id_.avoir.$number": {
    owner: "customer",
    phase: "cardPaid",
    params: (world) => ({ id: world.ids.orderId, number: world.ids.refundNumber }),
    loader: { request: get, owner: 200, ownerSees: () => SECRET_CUSTOMER, outsiders: { ...OTHER_USERS, producerA: 200, admin: 200 }, mayShow: ["producerA", "admin"] },
  },
  "commandes.$id_.avoir.$number_.pdf": {
    owner: "customer",
    phase: "cardPaid",
    params: (world) => ({ id: world.ids.orderId, number: world.ids.refundNumber }),
    loader: { request: get, owner: 200, ownerSees: () => SECRET_CUSTOMER, outsiders: { ...OTHER_USERS, producerA: 200, admin: 200 }, mayShow: ["producerA", "admin"] },
  },
  "panier.$distributionId": {
    owner: "customer",
    phase: "ordering",
    params: (world) => ({ distributionId: world.ids.distributionId }),
    // Everyone's cart page of the distribution is their own, a visitor's too (decision 024): C's cart line is never in it.
    loader: { request: get, owner: 200, ownerSees: () => SECRET_PRODUCT, outsiders: { producerA: 200, producer: 200, consumer: 200, charity: 200, admin: 200, anonymous: 200 } },
    actions: {
      // Changing a quantity changes the caller's cart (a visitor's under their own cookie), never C's.
      update: { request: form((world) => ({ intent: "update", offerId: world.ids.offerId, quantity: "3" })), owner: 200, outsiders: { producerA: 200, producer: 200, consumer: 200, charity: 200, admin: 200, anonymous: 200 } },
      remove: { request: form((world) => ({ intent: "remove", offerId: world.ids.offerId, quantity: "0" })), owner: 200, outsiders: { producerA: 200, producer: 200, consumer: 200, charity: 200, admin: 200, anonymous: 200 } },
      // Checking out takes the caller's cart, which is empty: C's is never ordered by someone else; a visitor is asked to log in.
      checkout: {
        request: form((world) => ({ intent: "checkout", slotId: world.ids.slotId, paymentMethod: "at_pickup", idempotencyKey: randomUUID(), shownLines: world.shownLines })),
        owner: 302,
        outsiders: { producerA: 400, producer: 400, consumer: 400, charity: 400, admin: 400, anonymous: "login" },
      },
    },
  },
};

/** A's coming farm visit (public: A is verified) and an ESS actor the admin keeps (issue 12). */
async function essWorldOf(producerId: string) {
  const startsAt = new Date(Date.now() + 5 * 86_400_000);
  const eventId = randomUUID();
  await db().event.create({
    data: { id: eventId, title: SECRET_EVENT, kind: "FARM_VISIT", startsAt, endsAt: new Date(startsAt.getTime() + 7_200_000), placeName: "La ferme", communeInsee: "76217", lat: 49.92, lon: 1.08, organisationId: producerId },
  });
  const essActorId = randomUUID();
  await db().essActor.create({ data: { id: essActorId, slug: `jardin-${essActorId}`, name: `Jardin ${tag}`, kind: "COMMUNITY_GARDEN", communeInsee: "76217", lat: 49.92, lon: 1.08, offer: "Parcelles", contactEmail: "jardin@example.test", published: true } });
  // A charity that chose to appear in the directory: its public page (/associations/:slug).
  const charityId = randomUUID();
  await db().organisation.create({
    data: { id: charityId, kind: "CHARITY", name: `Association ${tag}`, slug: `asso-${charityId}`, communeInsee: "76217", verifiedAt: new Date("2026-01-01T00:00:00Z"), charitySettings: { create: { inDirectory: true } } },
  });
  return { eventId, essActorId, appearingCharitySlug: `asso-${charityId}` };
}

/** An event as the producer's and the admin's forms send it: next month, in Paris time. */
function eventFields(extra: Record<string, string> = {}): Record<string, string> {
  const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  return { title: `Portes ouvertes ${tag}`, kind: "OPEN_DAY", startDay: day, startTime: "10:00", endTime: "12:00", placeName: "La ferme", communeInsee: "76217", ...extra };
}

/** An ESS actor as the admin's form sends it. */
function essActorFields(): Record<string, string> {
  return { name: `Atelier d'insertion ${tag}`, kind: "INSERTION_WORKSHOP", communeInsee: "76217", offer: "Chantier maraîcher d'insertion", contactEmail: "atelier@example.test", published: "on" };
}

/** A photo a producer may upload (made in the test, before the matrix runs). */
let photo: Buffer | undefined;
function photoBytes(): Uint8Array<ArrayBuffer> {
  if (!photo) throw new Error("photo pas encore créée");
  return Uint8Array.from(photo);
}

/** Each call takes the next week: an organiser's series at a point never finds its dates taken by the call before. */
let seriesWeek = 0;
function seriesFields(world: World): Record<string, string> {
  // Two months ahead (a series never starts in the past), a week further at each call.
  const first = new Date(Date.now() + (60 + 7 * seriesWeek++) * 86_400_000);
  const last = new Date(first.getTime() + 6 * 86_400_000);
  return {
    pickupPointId: world.ids.pickupPointId,
    weekday: "5",
    startTime: "06:00",
    endTime: "07:00",
    cutoffDaysBefore: "2",
    cutoffTime: "20:00",
    opensDaysBefore: "7",
    slotMinutes: "30",
    slotCapacity: "25",
    firstDate: first.toISOString().slice(0, 10),
    lastDate: last.toISOString().slice(0, 10),
  };
}

test("every route of the producer space, the territory's sales, outbox and reviews, and the customers' orders and cart refuses outsiders exactly, changes nothing of the owner's, and accepts the same request from the owner", async () => {
  const them = await people();
  photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#2f6f8f" } }).png().toBuffer();
  // Every route file of these spaces is in the matrix, and every route named in it exists.
  const problems: string[] = coverageProblems(MATRIX_ROUTE, SPECS);
  expect(problems).toEqual([]);

  let cells = 0;
  for (const [route, spec] of Object.entries(SPECS)) {
    const module = await loadRoute(route);
    // A loader and an action as the module has them, and a cell for every intent its forms send.
    problems.push(...entryProblems(route, module, spec));
    for (const { label, cell, kind } of cellsOf(spec)) {
      cells += 1;
      const world = await worldOf(spec.phase);
      const at = routeUrl(route, (name) => ({ value: spec.params?.(world)[name] ?? missingParameter("des droits", route, name), owned: true }));
      // The request is made again for each call (a fresh idempotency key, the next free week).
      const call = (actor: Actor) => callRoute(module, kind, at, cell.request(world), actor);
      const actors: Array<Actor & { role: Role }> = [
        { name: "un autre producteur de la distribution", cookie: world.other.cookie, kind: "producer", role: "producer" },
        { name: "une cliente", cookie: world.consumer.cookie, kind: "consumer", role: "consumer" },
        { name: "une association", cookie: them.charity.cookie, kind: "charity", role: "charity" },
        { name: "un visiteur anonyme", cookie: null, kind: "anonymous", role: "anonymous" },
        ...(spec.owner !== "admin" ? [{ name: "un administrateur", cookie: them.admin.cookie, kind: "admin", role: "admin" as const }] : []),
        ...(spec.owner !== "producer" ? [{ name: "le producteur A", cookie: world.a.cookie, kind: "producer", role: "producerA" as const }] : []),
      ];
      const seen = cell.ownerSees?.(world);
      const before = await fingerprintOf(world);
      for (const actor of actors) {
        const outcome = await probeOutsider(`${route} (${label})`, actor, cell.outsiders[actor.role], call, problems);
        if (!outcome) continue;
        if (cell.mayShow?.includes(actor.role)) continue;
        for (const secret of seen ? [...SECRETS, seen] : SECRETS) if (outcome.body.includes(secret)) problems.push(`${route} (${label}) par ${actor.name} : montre « ${secret} »`);
      }
      if ((await fingerprintOf(world)) !== before) problems.push(`${route} (${label}) : les données du propriétaire ont changé après les appels des autres`);

      // The same request from the owner goes through: the refusals above were about who asked.
      const ownerCookie = spec.owner === "producer" ? world.a.cookie : spec.owner === "customer" ? world.customer.cookie : them.admin.cookie;
      const own = await call({ name: "le propriétaire", cookie: ownerCookie, kind: spec.owner });
      if (cell.owner === null || !statusMatches(cell.owner, own)) problems.push(`${route} (${label}) par le propriétaire : ${own.status} au lieu de ${cell.owner} — ${own.body.slice(0, 300)}`);
      if (seen && !own.body.includes(seen)) problems.push(`${route} (${label}) : la réponse au propriétaire ne montre pas « ${seen} »`);
    }
  }
  expect(problems).toEqual([]);
  expect(cells).toBeGreaterThan(Object.keys(SPECS).length);
}, 300_000);
