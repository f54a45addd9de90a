import { expect, test } from "vitest";
import { z } from "zod";
import { db, statementsIssued } from "~/db.server";
import { listClaimableLots } from "~/domain/donations/list-claimable-lots.server";
import { parisIsoDate } from "~/domain/time/paris";
import { apiErrorSchema } from "~/http/api-schemas";
import { apiClaimableLotSchema, apiDonationClaimSchema, apiDonationLotSchema } from "~/http/openapi/donations";
import { translate, type MessageKey } from "~/i18n/messages";
import { action as claimAction } from "~/routes/api.v1.donation-lots.$id.claims";
import { action as lotsAction, loader as lotsLoader } from "~/routes/api.v1.donation-lots";
import { createUser, ensureCategory, signedInCookie } from "../factories";
import { createCharity, createDonor, createLot, lotState } from "../factories-donations";

/** Publishing lots, the lots a charity may claim, and claims: through the API routes, on the real database. */

const HOUR = 3600_000;
const jsonObject = z.record(z.string(), z.unknown());

type Answer = { status: number; body: Record<string, unknown>; text: string };

async function read(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, body: jsonObject.parse(JSON.parse(text)), text };
}

function request(path: string, options: { method?: string; cookie?: string; body?: unknown; rawBody?: string; lang?: string } = {}): Request {
  const headers = new Headers();
  if (options.cookie) headers.set("cookie", options.cookie);
  if (options.lang) headers.set("accept-language", options.lang);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers.set("content-type", "application/json");
  return new Request(`http://localhost${path}`, { method: options.method ?? "GET", headers, body });
}

async function listLots(cookie?: string) {
  return read(await lotsLoader({ request: request("/api/v1/donation-lots", { cookie }), params: {}, context: {} }));
}

async function publish(body: unknown, options: { cookie?: string; rawBody?: string; lang?: string } = {}) {
  return read(await lotsAction({ request: request("/api/v1/donation-lots", { method: "POST", body, ...options }), params: {}, context: {} }));
}

async function claim(lotId: string, body: unknown, options: { cookie?: string; rawBody?: string; lang?: string } = {}) {
  return read(await claimAction({ request: request(`/api/v1/donation-lots/${lotId}/claims`, { method: "POST", body, ...options }), params: { id: lotId }, context: {} }));
}

function fr(key: MessageKey, params?: Record<string, string | number>) {
  return translate("fr", key, params);
}

function issuesOf(answer: Answer) {
  return apiErrorSchema.parse(answer.body).issues ?? [];
}

/** A valid publication: 15 kg of ambient food, to pick up from in an hour to in three days. */
function validLot(overrides: Record<string, unknown> = {}) {
  const start = new Date(Date.now() + HOUR);
  return {
    productName: "Pommes de terre invendues",
    quantity: 15,
    unit: "kg",
    storage: "ambient",
    bestBefore: parisIsoDate(new Date(Date.now() + 30 * 24 * HOUR)),
    lotNumber: "L-2026-11",
    pickupStart: start.toISOString(),
    pickupEnd: new Date(start.getTime() + 72 * HOUR).toISOString(),
    costPriceCents: 120,
    ...overrides,
  };
}

async function lotsOf(donorId: string) {
  return db().donationLot.count({ where: { donorId } });
}

async function claimsOf(lotId: string) {
  return db().donationClaim.count({ where: { lotId } });
}

// ---------------------------------------------------------------------------------------------
// Who may do what

test("anonymous visitors get 401 on every donations endpoint, see nothing and change nothing", async () => {
  const donor = await createDonor();
  const lot = await createLot({ donorId: donor.producerId, createdById: donor.user.id });

  const list = await listLots();
  const published = await publish(validLot());
  const claimed = await claim(lot.id, { quantity: 1 });

  for (const answer of [list, published, claimed]) {
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: "unauthenticated", message: fr("error.unauthenticated") });
    expect(answer.text).not.toContain(lot.id);
  }
  expect(await lotsOf(donor.producerId)).toBe(1);
  expect(await lotState(lot.id)).toMatchObject({ claimedMilli: 0 });
  expect(await claimsOf(lot.id)).toBe(0);
});

test("the list of lots is for verified charities: a consumer and a producer get 403, an unverified charity 403 not_verified", async () => {
  const consumer = await createUser();
  const donor = await createDonor();
  const unverified = await createCharity({ verified: false });

  const byConsumer = await listLots(await signedInCookie(consumer.id));
  const byProducer = await listLots(donor.cookie);
  const byUnverified = await listLots(unverified.cookie);

  expect(byConsumer).toMatchObject({ status: 403, body: { error: "forbidden" } });
  expect(byProducer).toMatchObject({ status: 403, body: { error: "forbidden" } });
  expect(byUnverified).toMatchObject({ status: 403, body: { error: "not_verified", message: fr("donations.claim.not_verified") } });
});

test("a producer cannot claim, nor an unverified charity, nor a consumer: 403 and the lot is untouched", async () => {
  const donor = await createDonor();
  const otherProducer = await createDonor();
  const consumer = await createUser();
  const unverified = await createCharity({ verified: false });
  const lot = await createLot({ donorId: donor.producerId, createdById: donor.user.id });

  const answers = [
    await claim(lot.id, { quantity: 2 }, { cookie: donor.cookie }),
    await claim(lot.id, { quantity: 2 }, { cookie: otherProducer.cookie }),
    await claim(lot.id, { quantity: 2 }, { cookie: await signedInCookie(consumer.id) }),
    await claim(lot.id, { quantity: 2 }, { cookie: unverified.cookie }),
  ];

  expect(answers.map((answer) => answer.status)).toEqual([403, 403, 403, 403]);
  expect(answers.map((answer) => answer.body.error)).toEqual(["forbidden", "forbidden", "forbidden", "not_verified"]);
  expect(await lotState(lot.id)).toMatchObject({ claimedMilli: 0 });
  expect(await claimsOf(lot.id)).toBe(0);
});

test("only a verified producer publishes: a charity or a consumer gets 403, an unverified producer 403 not_verified, nothing created", async () => {
  const charity = await createCharity();
  const consumer = await createUser();
  const unverified = await createDonor({ verified: false });

  expect(await publish(validLot(), { cookie: charity.cookie })).toMatchObject({ status: 403, body: { error: "forbidden" } });
  expect(await publish(validLot(), { cookie: await signedInCookie(consumer.id) })).toMatchObject({ status: 403, body: { error: "forbidden" } });
  expect(await publish(validLot(), { cookie: unverified.cookie })).toMatchObject({ status: 403, body: { error: "not_verified" } });
  expect(await lotsOf(unverified.producerId)).toBe(0);
  expect(await db().donationLot.count({ where: { OR: [{ donorId: charity.id }, { createdById: consumer.id }] } })).toBe(0);
});

// ---------------------------------------------------------------------------------------------
// Publishing

test("a verified producer publishes a lot: 201 with the lot in units, and only matching verified charities are alerted, in their language", async () => {
  const donor = await createDonor();
  const ambient = await createCharity();
  const english = await createCharity({ locale: "en" });
  const chilledOnly = await createCharity({ settings: { storesAmbient: false, storesChilled: true } });
  const unverified = await createCharity({ verified: false });

  const answer = await publish(validLot({ quantity: 15.25, pickupPlace: "  Ferme du Val, Arques-la-Bataille  " }), { cookie: donor.cookie });

  expect(answer.status).toBe(201);
  const lot = apiDonationLotSchema.parse(answer.body);
  expect(lot).toMatchObject({ productName: "Pommes de terre invendues", quantity: 15.25, remaining: 15.25, unit: "kg", storage: "ambient", status: "open", costPriceCents: 120, pickupPlace: "Ferme du Val, Arques-la-Bataille", lotNumber: "L-2026-11" });
  expect(await db().donationLot.findUniqueOrThrow({ where: { id: lot.id }, select: { quantityMilli: true, donorId: true, createdById: true } })).toEqual({
    quantityMilli: 15_250,
    donorId: donor.producerId,
    createdById: donor.user.id,
  });

  const alerted = async (email: string) => db().outboxEmail.findMany({ where: { to: email, subject: { contains: "Pommes de terre invendues" } }, select: { subject: true, text: true } });
  const [toAmbient] = await alerted(ambient.user.email);
  expect(toAmbient?.subject).toBe("Don disponible : 15,25 kg de Pommes de terre invendues");
  expect(toAmbient?.text).toContain("Ferme du Val, Arques-la-Bataille");
  const [toEnglish] = await alerted(english.user.email);
  expect(toEnglish?.subject).toBe("Donation available: 15.25 kg of Pommes de terre invendues");
  expect(await alerted(chilledOnly.user.email)).toEqual([]);
  expect(await alerted(unverified.user.email)).toEqual([]);
});

test("publishing a lot that breaks a rule answers 400 naming the rule, and creates nothing", async () => {
  const donor = await createDonor();
  const now = Date.now();
  const today = parisIsoDate(new Date(now));
  const cases: Array<{ lot: Record<string, unknown>; key: MessageKey; path: string; params?: Record<string, string> }> = [
    { lot: validLot({ useBy: parisIsoDate(new Date(now + 10 * 24 * HOUR)) }), key: "donations.rule.dates.both", path: "bestBefore" },
    { lot: validLot({ storage: "frozen" }), key: "donations.rule.frozen_statement", path: "frozenAtMinus18" },
    { lot: validLot({ storage: "frozen", frozenAtMinus18: false }), key: "donations.rule.frozen_statement", path: "frozenAtMinus18" },
    { lot: validLot({ pickupStart: new Date(now + 5 * HOUR).toISOString(), pickupEnd: new Date(now + 2 * HOUR).toISOString() }), key: "donations.rule.window.end_before_start", path: "pickupEnd" },
    { lot: validLot({ pickupStart: new Date(now - 5 * HOUR).toISOString(), pickupEnd: new Date(now - 2 * HOUR).toISOString() }), key: "donations.rule.window.ended", path: "pickupEnd" },
    {
      lot: validLot({ bestBefore: null, storage: "chilled", useBy: today, pickupEnd: new Date(now + 60 * HOUR).toISOString() }),
      key: "donations.rule.use_by_passed",
      path: "useBy",
      params: { useBy: today.split("-").reverse().join("/") },
    },
  ];

  for (const { lot, key, path, params } of cases) {
    const answer = await publish(lot, { cookie: donor.cookie });
    expect(answer.status, key).toBe(400);
    expect(answer.body.error).toBe("invalid");
    expect(issuesOf(answer)[0]?.path, key).toBe(path);
    expect(answer.body.message, key).toBe(fr(key, params));
    expect(issuesOf(answer)[0]?.message, key).toBe(fr(key, params));
  }
  expect(await lotsOf(donor.producerId)).toBe(0);
});

test("bad input to publishing gets 400 with a French message naming the field (English when asked), and creates nothing", async () => {
  const donor = await createDonor();
  await ensureCategory();
  const long = "x".repeat(121);
  const cases: Array<{ body?: unknown; rawBody?: string; path: string; key?: MessageKey }> = [
    { rawBody: "", path: "" },
    { rawBody: "{pas du json", path: "" },
    { body: validLot({ productName: "   " }), path: "productName", key: "donations.lot.field.productName" },
    { body: validLot({ productName: long }), path: "productName", key: "donations.lot.field.productName" },
    { body: validLot({ productName: 42 }), path: "productName", key: "donations.lot.field.productName" },
    { body: validLot({ quantity: 0 }), path: "quantity", key: "donations.lot.field.quantity.too_small" },
    { body: validLot({ quantity: -3 }), path: "quantity", key: "donations.lot.field.quantity.too_small" },
    { body: validLot({ quantity: 1e12 }), path: "quantity", key: "donations.lot.field.quantity.too_large" },
    { body: validLot({ quantity: 1.0005 }), path: "quantity", key: "donations.lot.field.quantity.decimals" },
    { body: validLot({ quantity: "15" }), path: "quantity", key: "donations.lot.field.quantity.invalid" },
    { body: validLot({ unit: "tonne" }), path: "unit", key: "donations.lot.field.unit" },
    { body: validLot({ storage: "tiède" }), path: "storage", key: "donations.lot.field.storage" },
    { body: validLot({ bestBefore: "31/12/2026" }), path: "bestBefore", key: "donations.lot.field.bestBefore" },
    { body: validLot({ bestBefore: null, useBy: "2026-02-30" }), path: "useBy", key: "donations.lot.field.useBy" },
    { body: validLot({ pickupStart: "demain matin" }), path: "pickupStart", key: "donations.lot.field.pickupStart" },
    { body: validLot({ pickupEnd: 12 }), path: "pickupEnd", key: "donations.lot.field.pickupEnd" },
    { body: validLot({ costPriceCents: -1 }), path: "costPriceCents", key: "donations.lot.field.costPriceCents" },
    { body: validLot({ costPriceCents: 1.5 }), path: "costPriceCents", key: "donations.lot.field.costPriceCents" },
    { body: validLot({ costPriceCents: 10_000_000 }), path: "costPriceCents", key: "donations.lot.field.costPriceCents" },
    { body: validLot({ lotNumber: "L".repeat(61) }), path: "lotNumber", key: "donations.lot.field.lotNumber" },
    { body: validLot({ description: "d".repeat(2001) }), path: "description", key: "donations.lot.field.description" },
    { body: validLot({ pickupPlace: "p".repeat(201) }), path: "pickupPlace", key: "donations.lot.field.pickupPlace" },
    { body: validLot({ rawFishery: "oui" }), path: "rawFishery", key: "donations.lot.field.rawFishery" },
    { body: validLot({ categoryId: "../etc" }), path: "categoryId", key: "donations.lot.field.categoryId" },
    { body: validLot({ categoryId: "categorie-inconnue" }), path: "categoryId", key: "donations.lot.field.categoryId" },
  ];

  for (const { body, rawBody, path, key } of cases) {
    const answer = await publish(body, { cookie: donor.cookie, rawBody });
    expect(answer.status, JSON.stringify(body ?? rawBody)).toBe(400);
    expect(answer.body.error).toBe("invalid");
    const issue = issuesOf(answer).find((candidate) => candidate.path === path);
    expect(issue, `${path} in ${JSON.stringify(issuesOf(answer))}`).toBeDefined();
    if (key) expect(issue?.message).toBe(fr(key));
  }

  const english = await publish(validLot({ quantity: -3 }), { cookie: donor.cookie, lang: "en-GB,en;q=0.8" });
  expect(issuesOf(english)).toEqual([{ path: "quantity", message: translate("en", "donations.lot.field.quantity.too_small") }]);
  expect(await lotsOf(donor.producerId)).toBe(0);
});

// ---------------------------------------------------------------------------------------------
// The lots a charity sees

test("a charity sees the open lots it may claim with what remains, and nothing of anyone's claims or pickup codes", async () => {
  const donor = await createDonor();
  const charity = await createCharity();
  const rival = await createCharity();
  const open = await createLot({ donorId: donor.producerId, createdById: donor.user.id, quantityMilli: 15_000 });
  const chilled = await createLot({ donorId: donor.producerId, createdById: donor.user.id, storage: "CHILLED" });
  const withdrawn = await createLot({ donorId: donor.producerId, createdById: donor.user.id, status: "WITHDRAWN" });
  const gone = await createLot({ donorId: donor.producerId, createdById: donor.user.id, quantityMilli: 2_000 });
  const past = await createLot({ donorId: donor.producerId, createdById: donor.user.id, pickupStart: new Date(Date.now() - 5 * HOUR), pickupEnd: new Date(Date.now() - HOUR) });
  const rivalClaim = apiDonationClaimSchema.parse((await claim(open.id, { quantity: 4.5 }, { cookie: rival.cookie })).body);
  expect((await claim(gone.id, { quantity: 2 }, { cookie: rival.cookie })).status).toBe(201);

  const answer = await listLots(charity.cookie);

  expect(answer.status).toBe(200);
  const lots = z.array(apiClaimableLotSchema).parse(answer.body.lots);
  const ids = lots.map((lot) => lot.id);
  expect(ids).toContain(open.id);
  for (const hidden of [chilled.id, withdrawn.id, gone.id, past.id]) expect(ids).not.toContain(hidden);
  expect(lots.find((lot) => lot.id === open.id)).toMatchObject({ quantity: 15, remaining: 10.5, unit: "kg", storage: "ambient", donor: { id: donor.producerId } });
  expect(answer.text).not.toContain(rivalClaim.pickupCode);
  expect(answer.text).not.toContain(rivalClaim.id);
  expect(answer.text).not.toMatch(/pickupCode|claims|costPriceCents/);
});

test("listing the lots a charity may claim costs two statements, whether there are 1 or 30 more lots", async () => {
  const donor = await createDonor();
  const charity = await createCharity();
  await createLot({ donorId: donor.producerId, createdById: donor.user.id });
  const before = statementsIssued();
  await listClaimableLots({ charityId: charity.id, now: new Date() });
  const fewLots = statementsIssued() - before;
  await Promise.all(Array.from({ length: 30 }, () => createLot({ donorId: donor.producerId, createdById: donor.user.id })));
  const beforeMany = statementsIssued();
  const many = await listClaimableLots({ charityId: charity.id, now: new Date() });
  expect(many.length).toBeGreaterThanOrEqual(31);
  expect(fewLots).toBe(2);
  expect(statementsIssued() - beforeMany).toBe(2);
});

// ---------------------------------------------------------------------------------------------
// Claims

test("a verified charity claims part of a lot: 201 with a six-digit code, what remains stays claimable, and the donor is emailed without the code", async () => {
  const donor = await createDonor();
  const charity = await createCharity();
  const productName = `Soles ${Date.now()}`;
  const lot = await createLot({ donorId: donor.producerId, createdById: donor.user.id, quantityMilli: 15_000, productName });

  const first = await claim(lot.id, { quantity: 10 }, { cookie: charity.cookie });

  expect(first.status).toBe(201);
  const claimed = apiDonationClaimSchema.parse(first.body);
  expect(claimed).toMatchObject({ lotId: lot.id, quantity: 10, status: "reserved" });
  expect(claimed.pickupCode).toMatch(/^[0-9]{6}$/);
  expect(await lotState(lot.id)).toMatchObject({ claimedMilli: 10_000 });
  expect(await db().donationClaim.findUniqueOrThrow({ where: { id: claimed.id }, select: { charityId: true, claimedById: true, pickupCode: true, status: true } })).toEqual({
    charityId: charity.id,
    claimedById: charity.user.id,
    pickupCode: claimed.pickupCode,
    status: "RESERVED",
  });
  const [email] = await db().outboxEmail.findMany({ where: { to: donor.user.email }, select: { subject: true, text: true, html: true } });
  expect(email?.subject).toBe(`${charity.name} a réservé 10 kg de ${productName}`);
  expect(email?.text).toContain("il en reste 5 kg");
  expect(email?.text).not.toContain(claimed.pickupCode);
  expect(email?.html).not.toContain(claimed.pickupCode);

  const tooMuch = await claim(lot.id, { quantity: 5.5 }, { cookie: charity.cookie });
  expect(tooMuch).toMatchObject({ status: 409, body: { error: "exceeds_remaining", remaining: 5, message: fr("error.exceeds_remaining", { remaining: "5" }) } });
  const rest = await claim(lot.id, { quantity: 5 }, { cookie: charity.cookie });
  expect(rest.status).toBe(201);
  expect(await lotState(lot.id)).toMatchObject({ claimedMilli: 15_000 });
});

test("a charity not approved for raw fishery products cannot claim a raw fish lot: 403 naming the rule; an approved one can", async () => {
  const donor = await createDonor();
  const lot = await createLot({ donorId: donor.producerId, createdById: donor.user.id, rawFishery: true, storage: "CHILLED" });
  const notApproved = await createCharity({ settings: { storesChilled: true } });
  const approved = await createCharity({ settings: { storesChilled: true, approvedRawFishery: true } });

  const refused = await claim(lot.id, { quantity: 3 }, { cookie: notApproved.cookie });
  const listed = await listLots(notApproved.cookie);
  const accepted = await claim(lot.id, { quantity: 3 }, { cookie: approved.cookie });

  expect(refused).toMatchObject({ status: 403, body: { error: "forbidden", message: fr("donations.rule.raw_fishery") } });
  expect(listed.text).not.toContain(lot.id);
  expect(accepted.status).toBe(201);
  expect(await lotState(lot.id)).toMatchObject({ claimedMilli: 3_000 });
});

test("a chilled lot with less than 48 h of use-by left at the end of pickup: 403 naming the rule, unless the charity redistributes the same day", async () => {
  const donor = await createDonor();
  const pickupStart = new Date(Date.now() - HOUR);
  const pickupEnd = new Date(Date.now() + 24 * HOUR);
  // Use-by the day after the end of pickup: fit to eat until midnight that day, under 48 h after pickupEnd.
  const useBy = parisIsoDate(new Date(pickupEnd.getTime() + 24 * HOUR));
  const lot = await createLot({ donorId: donor.producerId, createdById: donor.user.id, storage: "CHILLED", useBy, pickupStart, pickupEnd });
  const weekly = await createCharity({ settings: { storesChilled: true, collectionWeekdays: [1, 2, 3, 4, 5, 6, 7], collectionFrom: "00:00", collectionTo: "23:59" } });
  const sameDay = await createCharity({ settings: { storesChilled: true, redistributesSameDay: true, collectionWeekdays: [1, 2, 3, 4, 5, 6, 7], collectionFrom: "00:00", collectionTo: "23:59" } });

  const refused = await claim(lot.id, { quantity: 2 }, { cookie: weekly.cookie });
  const accepted = await claim(lot.id, { quantity: 2 }, { cookie: sameDay.cookie });

  expect(refused.status).toBe(403);
  expect(refused.body.error).toBe("forbidden");
  expect(String(refused.body.message)).toMatch(/^Produit réfrigéré avec DLC : il doit rester au moins 48 h au retrait/);
  expect(accepted.status).toBe(201);
  expect(await lotState(lot.id)).toMatchObject({ claimedMilli: 2_000 });
  expect(await db().donationClaim.count({ where: { lotId: lot.id, charityId: weekly.id } })).toBe(0);
});

test("claiming a withdrawn lot or one whose window has ended answers 409 lot_closed; an unknown lot 404", async () => {
  const donor = await createDonor();
  const charity = await createCharity();
  const withdrawn = await createLot({ donorId: donor.producerId, createdById: donor.user.id, status: "WITHDRAWN" });
  const past = await createLot({ donorId: donor.producerId, createdById: donor.user.id, pickupStart: new Date(Date.now() - 5 * HOUR), pickupEnd: new Date(Date.now() - HOUR) });

  expect(await claim(withdrawn.id, { quantity: 1 }, { cookie: charity.cookie })).toMatchObject({ status: 409, body: { error: "lot_closed", message: fr("error.lot_closed") } });
  expect(await claim(past.id, { quantity: 1 }, { cookie: charity.cookie })).toMatchObject({ status: 409, body: { error: "lot_closed" } });
  expect(await claim("lot-inconnu", { quantity: 1 }, { cookie: charity.cookie })).toMatchObject({ status: 404, body: { error: "not_found" } });
  expect(await claim("../../etc", { quantity: 1 }, { cookie: charity.cookie })).toMatchObject({ status: 404, body: { error: "not_found" } });
  expect(await db().donationClaim.count({ where: { charityId: charity.id } })).toBe(0);
});

test("bad input to a claim gets 400 with a French message naming the quantity, and changes nothing", async () => {
  const donor = await createDonor();
  const charity = await createCharity();
  const lot = await createLot({ donorId: donor.producerId, createdById: donor.user.id });
  const cases: Array<{ body?: unknown; rawBody?: string; key?: MessageKey }> = [
    { rawBody: "" },
    { rawBody: "[1,2" },
    { body: {}, key: "donations.claim.field.quantity.invalid" },
    { body: { quantity: null }, key: "donations.claim.field.quantity.invalid" },
    { body: { quantity: "2" }, key: "donations.claim.field.quantity.invalid" },
    { body: { quantity: 0 }, key: "donations.claim.field.quantity.too_small" },
    { body: { quantity: -1 }, key: "donations.claim.field.quantity.too_small" },
    { body: { quantity: 1e9 }, key: "donations.claim.field.quantity.too_large" },
    { body: { quantity: 2.0001 }, key: "donations.claim.field.quantity.decimals" },
  ];

  for (const { body, rawBody, key } of cases) {
    const answer = await claim(lot.id, body, { cookie: charity.cookie, rawBody });
    expect(answer.status, JSON.stringify(body ?? rawBody)).toBe(400);
    expect(answer.body.error).toBe("invalid");
    if (key) expect(issuesOf(answer)).toEqual([{ path: "quantity", message: fr(key) }]);
  }
  const english = await claim(lot.id, { quantity: 0 }, { cookie: charity.cookie, lang: "en" });
  expect(issuesOf(english)).toEqual([{ path: "quantity", message: translate("en", "donations.claim.field.quantity.too_small") }]);
  expect(await lotState(lot.id)).toMatchObject({ claimedMilli: 0 });
  expect(await claimsOf(lot.id)).toBe(0);
});
