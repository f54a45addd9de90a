import { expect, test } from "vitest";
import { db, statementsIssued } from "~/db.server";
import { cancelledClaimSchema } from "~/http/openapi/donation-cancel";
import { cancelClaim } from "~/domain/donations/cancel-claim.server";
import { isDomainError } from "~/domain/errors";
import { translate } from "~/i18n/messages";
import LotsToClaim, { action as lotsAction, loader as lotsLoader } from "~/routes/association.lots";
import CharityPickups, { action as pickupsAction, loader as pickupsLoader } from "~/routes/association.retraits";
import { action as apiCancelAction } from "~/routes/api.v1.claims.$id.cancel";
import ReceivedDonations, { loader as receivedLoader } from "~/routes/association.recus";
import { loader as receivedCsvLoader } from "~/routes/association.recus[.]csv";
import { ANY_HOUR, COLD_STORAGE, createCharity, createClaim, createDonor, createLot, lotState, type CharitySettingsInput } from "../factories-donations";
import { expectWellFormed, renderPage, type PageRoute } from "../render-page";
import { asFailure, get, post, statusOf } from "../route-requests";

/**
 * The charity's pages on the real database: the lots it may claim and the claim form, its pickups
 * (codes, cancelling) and what it received (page and CSV). Loaders and actions are called with
 * real requests; pages are rendered on the server as the first HTML a phone receives.
 */

const HOUR = 3600_000;

const pages: PageRoute[] = [
  { path: "association/lots", loader: lotsLoader, action: lotsAction, Component: LotsToClaim },
  { path: "association/retraits", loader: pickupsLoader, action: pickupsAction, Component: CharityPickups },
  { path: "association/recus", loader: receivedLoader, Component: ReceivedDonations },
];

/** A message key of these pages' areas, left untranslated. */
const UNTRANSLATED_KEY = /(claiming|impact|donations)\.[a-z]+\.[a-zA-Z]/;

/** A verified charity that stores everything and collects any day, any time: every lot matches it. */
function openCharity(settings: CharitySettingsInput = {}) {
  return createCharity({
    settings: { ...COLD_STORAGE, approvedRawFishery: true, ...ANY_HOUR, ...settings },
  });
}

async function claimsOn(lotId: string) {
  return db().donationClaim.findMany({ where: { lotId }, select: { charityId: true, quantityMilli: true, status: true } });
}

function claimForm(lotId: string, quantity: string) {
  return new URLSearchParams({ intent: "claim", lotId, quantity });
}

test("the lots page shows what a verified charity may claim: product, donor, what remains, storage, dates, lot number, pickup, badges, contribution", async () => {
  const donor = await createDonor();
  const charity = await openCharity();
  const lot = await createLot({
    donorId: donor.producerId,
    createdById: donor.user.id,
    productName: "Filets de lieu surgelés",
    storage: "FROZEN",
    rawFishery: true,
    quantityMilli: 15_000,
    claimedMilli: 10_500,
    bestBefore: "2027-03-01",
    lotNumber: "PDM-2026-48",
    contributionCentsPerUnit: 150,
  });
  const donorName = (await db().organisation.findUniqueOrThrow({ where: { id: donor.producerId }, select: { name: true } })).name;

  const { html, status } = await renderPage(pages, "fr", charity.cookie, "/association/lots");

  expect(status).toBe(200);
  expect(html).toContain("Lots à réserver");
  const card = html.slice(html.indexOf(`id="lot-${lot.id}"`));
  expect(card).toContain("Filets de lieu surgelés");
  expect(card).toContain(donorName);
  expect(card).toContain("4,5 kg");
  expect(card).toContain("sur 15 kg");
  expect(card).toContain("Surgelé, −18 °C ou moins");
  expect(card).toContain("Pêche brute");
  expect(card).toContain("1 mars 2027");
  expect(card).toContain("PDM-2026-48");
  expect(card).toContain("Quai Henri IV, Dieppe");
  expect(card).toContain("Panier de la mer");
  expect(card).toMatch(/Contribution solidaire : 1,50\s€ par kg/);
  expect(card).toMatch(new RegExp(`id="quantite-${lot.id}"[^>]*value="4,5"|value="4,5"[^>]*id="quantite-${lot.id}"`));
  expect(card).toContain("Quantité à réserver (kg)");
  expect(html).not.toMatch(/\b\d{6}\b.*Code de retrait/);
  expectWellFormed(html, UNTRANSLATED_KEY);

  const en = await renderPage(pages, "en", charity.cookie, "/association/lots");
  expect(en.html).toContain("Lots to claim");
  expect(en.html).toContain("Frozen, −18 °C or below");
  expectWellFormed(en.html, UNTRANSLATED_KEY);
});

test("claiming from the page: the pickups page then shows the pickup code big, with where and when", async () => {
  const donor = await createDonor();
  const charity = await openCharity();
  const lot = await createLot({ donorId: donor.producerId, createdById: donor.user.id, productName: "Soles du jour" });

  const answer = await lotsAction({ request: post("/association/lots", { intent: "claim", lotId: lot.id, quantity: "2,5" }, charity.cookie), params: {}, context: {} });

  expect(answer).toBeInstanceOf(Response);
  const response = answer as Response;
  expect(response.status).toBe(302);
  const [claim] = await db().donationClaim.findMany({ where: { lotId: lot.id }, select: { id: true, pickupCode: true, quantityMilli: true, charityId: true } });
  expect(claim).toMatchObject({ quantityMilli: 2500, charityId: charity.id });
  expect(response.headers.get("location")).toBe(`/association/retraits?reserve=${claim?.id}`);
  expect(await lotState(lot.id)).toMatchObject({ claimedMilli: 2500 });

  const { html } = await renderPage(pages, "fr", charity.cookie, `/association/retraits?reserve=${claim?.id}`);
  expect(html).toContain("Réservation enregistrée : donnez ce code au donateur au moment du retrait.");
  expect(html).toMatch(new RegExp(`data-pickup-code="true">${claim?.pickupCode}<`));
  expect(html).toContain("Soles du jour — 2,5 kg");
  expect(html).toContain("Quai Henri IV, Dieppe");
  expectWellFormed(html, UNTRANSLATED_KEY);
});

test("a dot works as well as a comma, and the whole lot by default", async () => {
  const donor = await createDonor();
  const charity = await openCharity();
  const lot = await createLot({ donorId: donor.producerId, createdById: donor.user.id, quantityMilli: 3_250 });

  const answer = await lotsAction({ request: post("/association/lots", { intent: "claim", lotId: lot.id, quantity: "3.25" }, charity.cookie), params: {}, context: {} });

  expect((answer as Response).status).toBe(302);
  expect(await lotState(lot.id)).toMatchObject({ claimedMilli: 3250 });
});

test("a broken rule answers with its sentence, in an alert beside the lot, and nothing is claimed", async () => {
  const donor = await createDonor();
  const charity = await openCharity({ maxQuantityMilli: 2_000 });
  const lot = await createLot({ donorId: donor.producerId, createdById: donor.user.id });

  const { html, status } = await renderPage(pages, "fr", charity.cookie, "/association/lots", { method: "POST", body: claimForm(lot.id, "5") });

  expect(status).toBe(403);
  const card = html.slice(html.indexOf(`id="lot-${lot.id}"`));
  expect(card).toMatch(/role="alert"[^>]*>Quantité : votre structure a fixé un maximum de 2 par réservation\./);
  expect(await claimsOn(lot.id)).toEqual([]);
  expect(await lotState(lot.id)).toMatchObject({ claimedMilli: 0 });
});

test("claiming more than remains: 409, the page says what is left in the lot's unit, and the list shows it", async () => {
  const donor = await createDonor();
  const charity = await openCharity();
  const lot = await createLot({ donorId: donor.producerId, createdById: donor.user.id, quantityMilli: 15_000, claimedMilli: 10_500 });

  const { html, status } = await renderPage(pages, "fr", charity.cookie, "/association/lots", { method: "POST", body: claimForm(lot.id, "5") });

  expect(status).toBe(409);
  const card = html.slice(html.indexOf(`id="lot-${lot.id}"`));
  expect(card).toMatch(/role="alert"[^>]*>Il ne reste que 4,5 kg de ce lot : réservez au plus cette quantité\./);
  expect(card).toMatch(/aria-invalid="true"/);
  expect(card).toContain("4,5 kg");
  expect(await lotState(lot.id)).toMatchObject({ claimedMilli: 10_500 });
  expect(await claimsOn(lot.id)).toEqual([]);
});

test("bad quantities get 400 with a message naming the field, in French or English, and claim nothing", async () => {
  const donor = await createDonor();
  const charity = await openCharity();
  const lot = await createLot({ donorId: donor.producerId, createdById: donor.user.id });
  const cases: Array<[string, string]> = [
    ["", "La quantité à réserver doit être un nombre"],
    ["abc", "La quantité à réserver doit être un nombre"],
    ["-1", "La quantité à réserver doit être supérieure à 0"],
    ["0", "La quantité à réserver doit être supérieure à 0"],
    ["1e9", "La quantité à réserver doit être un nombre"],
    ["1000000000", "La quantité à réserver ne peut pas dépasser 100 000"],
    ["1,2345", "La quantité à réserver a au plus 3 décimales"],
    ["7".repeat(300), "La quantité à réserver doit être un nombre"],
    ["2 kg et demi", "La quantité à réserver doit être un nombre"],
  ];

  for (const [quantity, message] of cases) {
    const answer = asFailure(await lotsAction({ request: post("/association/lots", { intent: "claim", lotId: lot.id, quantity }, charity.cookie), params: {}, context: {} }));
    expect(answer.init?.status, quantity).toBe(400);
    expect(answer.data.fieldErrors.quantity, quantity).toContain(message);
  }
  const english = asFailure(
    await lotsAction({ request: post("/association/lots", { intent: "claim", lotId: lot.id, quantity: "abc" }, `${charity.cookie}; tm_lang=en`), params: {}, context: {} }),
  );
  expect(english.data.fieldErrors.quantity).toContain("The quantity to claim must be a number");
  const noIntent = asFailure(await lotsAction({ request: post("/association/lots", { lotId: lot.id, quantity: "1" }, charity.cookie), params: {}, context: {} }));
  expect(noIntent.init?.status).toBe(400);

  const { html, status } = await renderPage(pages, "fr", charity.cookie, "/association/lots", { method: "POST", body: claimForm(lot.id, "abc") });
  expect(status).toBe(400);
  expect(html).toMatch(new RegExp(`id="quantite-${lot.id}-error" role="alert"[^>]*>La quantité à réserver doit être un nombre`));
  expect(await claimsOn(lot.id)).toEqual([]);
  expect(await lotState(lot.id)).toMatchObject({ claimedMilli: 0 });
});

test("an unknown or malformed lot id answers 404 and creates nothing", async () => {
  const charity = await openCharity();
  const unknown = asFailure(await lotsAction({ request: post("/association/lots", { intent: "claim", lotId: "3f0c1d2e-0000-4000-8000-000000000000", quantity: "1" }, charity.cookie), params: {}, context: {} }));
  const malformed = asFailure(await lotsAction({ request: post("/association/lots", { intent: "claim", lotId: "../x", quantity: "1" }, charity.cookie), params: {}, context: {} }));

  expect(unknown.init?.status).toBe(404);
  expect(unknown.data.message).toBe(translate("fr", "error.not_found"));
  expect(malformed.init?.status).toBe(404);
  expect(await db().donationClaim.count({ where: { charityId: charity.id } })).toBe(0);
});

test("an unverified charity sees a notice and no lot, and cannot claim (403)", async () => {
  const donor = await createDonor();
  const charity = await createCharity({ verified: false });
  const lot = await createLot({ donorId: donor.producerId, createdById: donor.user.id, productName: "Pommes invisibles" });

  const { html, status } = await renderPage(pages, "fr", charity.cookie, "/association/lots");
  expect(status).toBe(200);
  expect(html).toContain(translate("fr", "donations.claim.not_verified").replaceAll("'", "&#x27;"));
  expect(html).not.toContain("Pommes invisibles");
  expect(html).not.toContain("<form");
  expectWellFormed(html, UNTRANSLATED_KEY);

  expect(await statusOf(() => lotsAction({ request: post("/association/lots", { intent: "claim", lotId: lot.id, quantity: "1" }, charity.cookie), params: {}, context: {} }))).toBe(403);
  expect(await claimsOn(lot.id)).toEqual([]);
});

test("visitors go to the login page; a producer gets 403 on the charity's pages", async () => {
  const donor = await createDonor();
  for (const loader of [lotsLoader, pickupsLoader, receivedLoader]) {
    try {
      await loader({ request: get("/association/lots"), params: {}, context: {} });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Response);
      expect((error as Response).status).toBe(302);
      expect((error as Response).headers.get("location")).toMatch(/^\/connexion\?redirectTo=/);
    }
    expect(await statusOf(() => loader({ request: get("/association/lots", donor.cookie), params: {}, context: {} }))).toBe(403);
  }
});

test("the pickups page: to collect first with code, donor and phone; then collected with temperature and slip link, missed, cancelled; never another charity's", async () => {
  const donor = await createDonor();
  await db().organisation.update({ where: { id: donor.producerId }, data: { contactPhone: "02 35 84 12 34" } });
  const charity = await openCharity();
  const other = await openCharity();
  const lot = await createLot({ donorId: donor.producerId, createdById: donor.user.id, productName: "Bulots cuits", storage: "CHILLED", claimedMilli: 9_000 });
  const reserved = await createClaim({ lotId: lot.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 2_000 });
  const collected = await createClaim({ lotId: lot.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 3_000, status: "COLLECTED", temperatureDeciC: 35 });
  await createClaim({ lotId: lot.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 1_000, status: "MISSED" });
  const theirs = await createClaim({ lotId: lot.id, charityId: other.id, claimedById: other.user.id, quantityMilli: 3_000 });

  const { html, status } = await renderPage(pages, "fr", charity.cookie, "/association/retraits");

  expect(status).toBe(200);
  expect(html).toContain("À retirer (1)");
  expect(html).toContain("Retirés (1)");
  expect(html).toContain("Manqués (1)");
  expect(html).toContain("Annulés (0)");
  expect(html.indexOf(reserved.pickupCode)).toBeGreaterThan(-1);
  expect(html.indexOf(reserved.pickupCode)).toBeLessThan(html.indexOf("Retirés (1)"));
  expect(html).toContain('href="tel:0235841234"');
  expect(html).toContain("3,5 °C");
  expect(html).toContain(`href="/dons/bordereau/${collected.id}"`);
  expect(html).toContain(">Bordereau<");
  expect(html).toContain("Annuler la réservation");
  expect(html).not.toContain(collected.pickupCode);
  expect(html).not.toContain(theirs.pickupCode);
  expect(html).not.toContain(theirs.id);
  expectWellFormed(html, UNTRANSLATED_KEY);

  const en = await renderPage(pages, "en", charity.cookie, "/association/retraits");
  expect(en.html).toContain("To collect (1)");
  expect(en.html).toContain("Cancel the claim");
  expectWellFormed(en.html, UNTRANSLATED_KEY);

  const theirPage = await renderPage(pages, "fr", other.cookie, "/association/retraits");
  expect(theirPage.html).toContain(theirs.pickupCode);
  expect(theirPage.html).not.toContain(reserved.pickupCode);
  // Another charity's claim id in ?reserve= shows nothing of it.
  const peek = await renderPage(pages, "fr", other.cookie, `/association/retraits?reserve=${reserved.id}`);
  expect(peek.html).not.toContain(reserved.pickupCode);
  expect(peek.html).not.toContain("Réservation enregistrée");
});

test("cancelling a reservation gives its quantity back to the lot and tells the donor; another charity's claim is a 404", async () => {
  const donor = await createDonor();
  const charity = await openCharity();
  const other = await openCharity();
  const lot = await createLot({ donorId: donor.producerId, createdById: donor.user.id, productName: "Carottes du jour", claimedMilli: 5_000 });
  const claim = await createClaim({ lotId: lot.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 5_000 });

  const refused = asFailure(await pickupsAction({ request: post("/association/retraits", { intent: "cancel", claimId: claim.id }, other.cookie), params: {}, context: {} }));
  expect(refused.init?.status).toBe(404);
  expect(await lotState(lot.id)).toMatchObject({ claimedMilli: 5_000 });
  const malformed = asFailure(await pickupsAction({ request: post("/association/retraits", { intent: "cancel", claimId: "x y" }, charity.cookie), params: {}, context: {} }));
  expect(malformed.init?.status).toBe(404);

  const { html, status } = await renderPage(pages, "fr", charity.cookie, "/association/retraits", { method: "POST", body: new URLSearchParams({ intent: "cancel", claimId: claim.id }) });

  expect(status).toBe(200);
  expect(html).toMatch(/role="status"[^>]*>Réservation annulée : 5 kg reviennent au lot, et le donateur est prévenu\./);
  expect(html).toContain("Annulés (1)");
  expect(await db().donationClaim.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true } })).toEqual({ status: "CANCELLED" });
  expect(await lotState(lot.id)).toMatchObject({ claimedMilli: 0 });
  const emails = await db().outboxEmail.findMany({ where: { to: donor.user.email }, select: { subject: true, text: true } });
  expect(emails.map((email) => email.subject)).toContain(`${(await db().organisation.findUniqueOrThrow({ where: { id: charity.id } })).name} a annulé sa réservation de Carottes du jour`);

  const again = asFailure(await pickupsAction({ request: post("/association/retraits", { intent: "cancel", claimId: claim.id }, charity.cookie), params: {}, context: {} }));
  expect(again.init?.status).toBe(409);
  expect(again.data.message).toBe(translate("fr", "error.claim_closed"));
  expect(await lotState(lot.id)).toMatchObject({ claimedMilli: 0 });
});

test("a reservation whose pickup window is over can no longer be cancelled", async () => {
  const donor = await createDonor();
  const charity = await openCharity();
  const start = new Date(Date.now() - 10 * HOUR);
  const lot = await createLot({ donorId: donor.producerId, createdById: donor.user.id, claimedMilli: 2_000, pickupStart: start, pickupEnd: new Date(start.getTime() + 8 * HOUR) });
  const claim = await createClaim({ lotId: lot.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 2_000 });

  const answer = asFailure(await pickupsAction({ request: post("/association/retraits", { intent: "cancel", claimId: claim.id }, charity.cookie), params: {}, context: {} }));

  expect(answer.init?.status).toBe(409);
  expect(answer.data.message).toBe(translate("fr", "claiming.cancel.window_ended"));
  expect(await lotState(lot.id)).toMatchObject({ claimedMilli: 2_000 });
});

test("two cancels of one reservation at once give its quantity back once", async () => {
  const donor = await createDonor();
  const charity = await openCharity();
  const lot = await createLot({ donorId: donor.producerId, createdById: donor.user.id, claimedMilli: 12_000 });
  const claim = await createClaim({ lotId: lot.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 4_000 });
  await createClaim({ lotId: lot.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 8_000 });

  const results = await Promise.allSettled([
    cancelClaim({ claimId: claim.id, charityId: charity.id, now: new Date() }),
    cancelClaim({ claimId: claim.id, charityId: charity.id, now: new Date() }),
  ]);

  expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  const rejected = results.filter((result) => result.status === "rejected");
  expect(rejected).toHaveLength(1);
  expect(rejected.map((result) => (isDomainError(result.reason) ? result.reason.code : String(result.reason)))).toEqual(["claim_closed"]);
  expect(await lotState(lot.id)).toMatchObject({ claimedMilli: 8_000 });
});

test("received donations by calendar year: each pickup with its details, totals per unit, and the same in CSV", async () => {
  const donor = await createDonor();
  const charity = await openCharity();
  const kgLot = await createLot({ donorId: donor.producerId, createdById: donor.user.id, productName: "Maquereaux", lotNumber: "MAQ-12", contributionCentsPerUnit: 150, storage: "CHILLED" });
  const pieceLot = await createLot({ donorId: donor.producerId, createdById: donor.user.id, productName: "Pains de campagne", unit: "PIECE", quantityMilli: 40_000, lotNumber: null });
  const june = new Date("2025-06-10T08:30:00Z");
  await createClaim({ lotId: kgLot.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 2_500, status: "COLLECTED", at: june, temperatureDeciC: 30, contributionCents: 375 });
  await createClaim({ lotId: kgLot.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 3_000, status: "COLLECTED", at: new Date("2025-09-01T12:00:00Z"), temperatureDeciC: 20, contributionCents: 450 });
  await createClaim({ lotId: pieceLot.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 12_000, status: "COLLECTED", at: new Date("2025-12-31T22:30:00Z") });
  // Paris new year: 2024-12-31 23:30 UTC is already 2025 in Dieppe; 2025-12-31 23:30 UTC is 2026.
  await createClaim({ lotId: kgLot.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 1_000, status: "COLLECTED", at: new Date("2024-12-31T23:30:00Z") });
  await createClaim({ lotId: kgLot.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 7_000, status: "COLLECTED", at: new Date("2025-12-31T23:30:00Z") });
  await createClaim({ lotId: kgLot.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 4_000, status: "RESERVED" });

  const { html, status } = await renderPage(pages, "fr", charity.cookie, "/association/recus?annee=2025");

  expect(status).toBe(200);
  expect(html).toContain("Total 2025");
  expect(html).toMatch(/data-total="KG">6,5</);
  expect(html).toMatch(/data-total="PIECE">12</);
  expect(html).toMatch(/data-total="LITRE">0</);
  expect(html).toMatch(/8,25\s€/);
  expect(html).toContain("mardi 10 juin à 10:30");
  expect(html).toContain("Maquereaux");
  expect(html).toContain("Pains de campagne");
  expect(html).toContain("12 pièce(s)");
  expect(html).toContain("MAQ-12");
  expect(html).toContain("3 °C");
  expect(html).toContain("/dons/bordereau/");
  expect(html).toContain('href="/association/recus.csv?annee=2025"');
  expectWellFormed(html, UNTRANSLATED_KEY);

  const response = await receivedCsvLoader({ request: get("/association/recus.csv?annee=2025", charity.cookie), params: {}, context: {} });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split("\r\n");
  expect(lines[0]).toBe("Date du retrait;Produit;Quantité;Unité;Donateur;N° de lot;Température (°C);Contribution (€);Bordereau");
  expect(lines).toHaveLength(1 + 4 + 4);
  expect(lines[1]).toMatch(/^2025-01-01 00:30;Maquereaux;1;kg;/);
  expect(lines[2]).toMatch(/^2025-06-10 10:30;Maquereaux;2,5;kg;[^;]+;MAQ-12;3;3,75;\/dons\/bordereau\//);
  expect(lines[4]).toMatch(/^2025-12-31 23:30;Pains de campagne;12;pièce;[^;]+;;;;/);
  expect(lines.slice(5)).toEqual(["Total;;6,5;kg;;;;;", "Total;;12;pièce;;;;;", "Total;;0;litre;;;;;", "Total;Contributions solidaires;;;;;;8,25;"]);

  const other = await openCharity();
  const theirs = await receivedCsvLoader({ request: get("/association/recus.csv?annee=2025", other.cookie), params: {}, context: {} });
  expect(await theirs.text()).not.toContain("Maquereaux");

  const bad = await receivedCsvLoader({ request: get("/association/recus.csv?annee=abc", charity.cookie), params: {}, context: {} });
  expect(bad.status).toBe(400);
  expect(await bad.text()).toContain("L'année doit être un nombre entier");
  const badPage = await renderPage(pages, "fr", charity.cookie, "/association/recus?annee=1850");
  expect(badPage.status).toBe(400);
  expect(badPage.html).toMatch(/role="alert"[^>]*>L&#x27;année doit être un nombre entier/);
});

test("the API cancels a reservation too: 200 for its charity, 404 for another, 401 for a visitor, 409 the second time", async () => {
  const donor = await createDonor();
  const charity = await openCharity();
  const other = await openCharity();
  const lot = await createLot({ donorId: donor.producerId, createdById: donor.user.id, claimedMilli: 6_500 });
  const claim = await createClaim({ lotId: lot.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 6_500 });
  const cancel = (cookie?: string) =>
    apiCancelAction({ request: new Request(`http://localhost/api/v1/claims/${claim.id}/cancel`, { method: "POST", headers: cookie ? { cookie } : {} }), params: { id: claim.id }, context: {} });

  expect((await cancel()).status).toBe(401);
  const theirs = await cancel(other.cookie);
  expect(theirs.status).toBe(404);
  expect(await lotState(lot.id)).toMatchObject({ claimedMilli: 6_500 });

  const done = await cancel(charity.cookie);
  expect(done.status).toBe(200);
  expect(cancelledClaimSchema.parse(await done.json())).toEqual({ id: claim.id, lotId: lot.id, quantity: 6.5, unit: "kg", status: "cancelled" });
  expect(await lotState(lot.id)).toMatchObject({ claimedMilli: 0 });

  const again = await cancel(charity.cookie);
  expect(again.status).toBe(409);
  expect(await again.json()).toMatchObject({ error: "claim_closed" });
});

test("each charity page costs the same few statements with 1 or 20 more lots and claims", async () => {
  const donor = await createDonor();
  const charity = await openCharity();
  const first = await createLot({ donorId: donor.producerId, createdById: donor.user.id, claimedMilli: 1_000 });
  await createClaim({ lotId: first.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 1_000, status: "COLLECTED", at: new Date("2025-03-01T10:00:00Z") });
  const cost = async () => {
    const counts: number[] = [];
    for (const [loader, path] of [[lotsLoader, "/association/lots"], [pickupsLoader, "/association/retraits"], [receivedLoader, "/association/recus?annee=2025"]] as const) {
      const before = statementsIssued();
      await loader({ request: get(path, charity.cookie), params: {}, context: {} });
      counts.push(statementsIssued() - before);
    }
    return counts;
  };
  const few = await cost();
  for (let index = 0; index < 20; index += 1) {
    const lot = await createLot({ donorId: donor.producerId, createdById: donor.user.id, claimedMilli: 2_000 });
    await createClaim({ lotId: lot.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 1_000, status: "COLLECTED", at: new Date("2025-04-01T10:00:00Z") });
    await createClaim({ lotId: lot.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 1_000 });
  }
  const many = await cost();
  expect(many).toEqual(few);
  for (const count of few) expect(count).toBeLessThanOrEqual(4);
});
