import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, expect, test } from "vitest";
import { db, statementsIssued } from "~/db.server";
import { claimLot } from "~/domain/donations/claim-lot.server";
import { isDomainError } from "~/domain/errors";
import type { Locale } from "~/i18n/messages";
import DonorLotPage, { action as lotAction, loader as lotLoader } from "~/routes/producteur.dons.$id";
import DonorLots, { loader as listLoader } from "~/routes/producteur.dons._index";
import DonateUnsold, { action as unsoldAction, loader as unsoldLoader } from "~/routes/producteur.dons.invendus";
import PublishLot, { action as publishAction, loader as publishLoader } from "~/routes/producteur.dons.nouveau";
import { createUser, signedInCookie } from "../factories";
import { COLD_STORAGE, createCharity, createClaim, createEndedOffer, createFarmDonor, createLot, createSameDayLot, ensureDonationCategory, isoDateIn, parisDateIn, parisLocalIn } from "../factories-donations";
import { renderPage, unlabelledFields, type PageRoute } from "../render-page";
import { asFailure, get, post, statusOf } from "../route-requests";

/**
 * The donor's pages, with their real loaders and actions: publishing a lot from the form (every
 * rule and every bad field answered on its field, nothing written), the list of lots and claims
 * without pickup codes, the hand-over with the charity's code and the temperature, the photo,
 * withdrawing, and another producer meeting 404 on every URL of a lot that is not theirs.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), "terre-et-mer-lot-photos-"));
process.env.DATA_DIR = dataDir;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const pages: PageRoute[] = [
  { path: "producteur/dons", loader: listLoader, Component: DonorLots },
  { path: "producteur/dons/nouveau", loader: publishLoader, action: publishAction, Component: PublishLot },
  { path: "producteur/dons/invendus", loader: unsoldLoader, action: unsoldAction, Component: DonateUnsold },
  { path: "producteur/dons/:id", loader: lotLoader, action: lotAction, Component: DonorLotPage },
];

function render(locale: Locale, cookie: string, url: string, init?: RequestInit) {
  return renderPage(pages, locale, cookie, url, init);
}

function goodForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    productName: "Sole commune",
    description: "Petites soles du chalut, vidées.",
    categoryId: "poissons",
    quantity: "12,5",
    unit: "kg",
    storage: "chilled",
    useBy: parisDateIn(5),
    bestBefore: "",
    lotNumber: "DP-1127-01",
    rawFishery: "on",
    pickupPlace: "",
    pickupStart: parisLocalIn(0),
    pickupEnd: parisLocalIn(26),
    costPrice: "4,50",
    ...overrides,
  };
}

function publish(fields: Record<string, string>, cookie: string) {
  return publishAction({ request: post("/producteur/dons/nouveau", fields, cookie), params: {}, context: {} });
}

function lotCount(donorId: string) {
  return db().donationLot.count({ where: { donorId } });
}

function lotPost(lotId: string, fields: Record<string, string>, cookie: string) {
  return lotAction({ request: post(`/producteur/dons/${lotId}`, fields, cookie), params: { id: lotId }, context: {} });
}

test("the publish form: every field labelled, the 48 h rule and the valuation said, the farm's address by default", async () => {
  const donor = await createFarmDonor({ address: "Ferme des Falaises, 76550 Offranville" });
  await ensureDonationCategory("poissons", "Poissons", "Fish");
  const { html, status } = await render("fr", donor.cookie, "/producteur/dons/nouveau");
  expect(status).toBe(200);
  expect(html.match(/<h1/g)).toHaveLength(1);
  expect(html).toContain("Publier un lot");
  expect(unlabelledFields(html)).toEqual([]);
  expect(html).toContain("il doit rester au moins 48 h au retrait");
  expect(html).toContain("base de la valorisation de vos dons dans le récapitulatif fiscal");
  expect(html).toContain('value="Ferme des Falaises, 76550 Offranville"');
  expect(html).toContain('type="datetime-local"');
  expect(html).toContain("conservé à −18 °C ou moins");
  expect(html).toContain('<option value="poissons">Poissons</option>');
  expect(html).not.toMatch(/donor\.[a-z]/);
});

test("publishing from the form: the lot as typed — Paris times, cents, thousandths — then its page", async () => {
  const donor = await createFarmDonor({ address: "Ferme des Falaises, 76550 Offranville" });
  await ensureDonationCategory("poissons", "Poissons", "Fish");
  const fields = goodForm({ pickupStart: "2030-11-29T09:00", pickupEnd: "2030-11-30T18:30", useBy: "2030-12-05" });
  const answer = await publish(fields, donor.cookie);
  expect(answer).toBeInstanceOf(Response);
  const location = (answer as Response).headers.get("location")!;
  expect(location).toMatch(/^\/producteur\/dons\/[0-9a-f-]+\?publie=1$/);
  const lotId = location.split("/")[3]!.split("?")[0]!;
  expect(await db().donationLot.findUniqueOrThrow({ where: { id: lotId } })).toMatchObject({
    donorId: donor.producerId,
    createdById: donor.user.id,
    productName: "Sole commune",
    description: "Petites soles du chalut, vidées.",
    categoryId: "poissons",
    unit: "KG",
    quantityMilli: 12_500,
    storage: "CHILLED",
    useBy: fields.useBy,
    bestBefore: null,
    lotNumber: "DP-1127-01",
    rawFishery: true,
    pickupPlace: "Ferme des Falaises, 76550 Offranville",
    pickupStart: new Date("2030-11-29T08:00:00Z"),
    pickupEnd: new Date("2030-11-30T17:30:00Z"),
    costPriceCents: 450,
    status: "OPEN",
  });

  const page = await render("fr", donor.cookie, `/producteur/dons/${lotId}?publie=1`);
  expect(page.status).toBe(200);
  expect(page.html).toContain("Lot publié : les associations concernées sont prévenues.");
  expect(page.html).toContain("12,5 kg");
  expect(page.html).toContain("4,50");
  expect(page.html).toContain("vendredi 29 novembre à 09:00");
  expect(page.html).toContain("Retirer le lot");
  expect(unlabelledFields(page.html)).toEqual([]);
});

test("each broken publication rule is shown on its field, in an alert, with what was typed; nothing is written", async () => {
  const donor = await createFarmDonor();
  const cases: Array<{ fields: Record<string, string>; field: string; message: string }> = [
    { fields: { storage: "frozen", useBy: "", bestBefore: parisDateIn(60) }, field: "frozenAtMinus18", message: "Lot surgelé : confirmez qu'il est conservé à −18 °C ou moins." },
    { fields: { bestBefore: parisDateIn(9) }, field: "bestBefore", message: "DLC et DDM : indiquez l'une ou l'autre, pas les deux." },
    { fields: { useBy: parisDateIn(0) }, field: "useBy", message: "DLC : rien n'est donné après sa date limite de consommation. Ce produit n'est consommable que jusqu'à la fin du" },
    { fields: { pickupEnd: parisLocalIn(-1) }, field: "pickupEnd", message: "Fenêtre de retrait : la fin doit être après le début." },
    { fields: { pickupStart: parisLocalIn(-30), pickupEnd: parisLocalIn(-2) }, field: "pickupEnd", message: "Fenêtre de retrait : elle est déjà terminée." },
    { fields: { pickupEnd: parisLocalIn(24 * 15) }, field: "pickupEnd", message: "Fenêtre de retrait : 14 jours au plus entre le début et la fin." },
    { fields: { categoryId: "categorie-inconnue" }, field: "categoryId", message: "Catégorie inconnue." },
  ];
  for (const { fields, field, message } of cases) {
    const answer = asFailure(await publish(goodForm({ categoryId: "", ...fields }), donor.cookie));
    expect(answer.init?.status, field).toBe(400);
    expect(answer.data.fieldErrors[field]?.startsWith(message), `${field}: ${answer.data.fieldErrors[field]}`).toBe(true);
    expect(answer.data.message.startsWith(message)).toBe(true);
  }
  expect(await lotCount(donor.producerId)).toBe(0);

  const body = new URLSearchParams(goodForm({ categoryId: "", storage: "frozen", useBy: "", bestBefore: parisDateIn(60), productName: "Filets de lieu" }));
  const { html, status } = await render("fr", donor.cookie, "/producteur/dons/nouveau", { method: "POST", body });
  expect(status).toBe(400);
  expect(html).toContain('role="alert"');
  expect(html).toMatch(/aria-invalid="true"[^>]*aria-describedby="field-frozenAtMinus18-error"/);
  expect(html).toContain('value="Filets de lieu"');
  expect(await lotCount(donor.producerId)).toBe(0);
});

test.each([
  { name: "an empty form", fields: Object.fromEntries(Object.keys(goodForm()).map((key) => [key, ""])), field: "productName", message: "Saisissez le nom du produit (120 caractères au plus)." },
  { name: "a product name of 121 characters", fields: { productName: "S".repeat(121) }, field: "productName", message: "Saisissez le nom du produit (120 caractères au plus)." },
  { name: "a description of 2,001 characters", fields: { description: "d".repeat(2001) }, field: "description", message: "La description est trop longue (2 000 caractères au plus)." },
  { name: "a negative quantity", fields: { quantity: "-3" }, field: "quantity", message: "La quantité doit être supérieure à 0." },
  { name: "a huge quantity", fields: { quantity: "1000000000000" }, field: "quantity", message: "La quantité ne peut pas dépasser 100 000." },
  { name: "a quantity in words", fields: { quantity: "douze" }, field: "quantity", message: "La quantité doit être un nombre, par exemple 2.5." },
  { name: "a quantity with 4 decimals", fields: { quantity: "2,1234" }, field: "quantity", message: "La quantité a au plus 3 décimales (par exemple 2.125)." },
  { name: "an unknown unit", fields: { unit: "tonne" }, field: "unit", message: "Unité : choisissez kg, pièce ou litre." },
  { name: "no storage", fields: { storage: "" }, field: "storage", message: "Conservation : choisissez ambiant, réfrigéré ou surgelé." },
  { name: "a use-by date that is not one", fields: { useBy: "2026-02-30" }, field: "useBy", message: "DLC : saisissez une date valide, par exemple 01/12/2026." },
  { name: "a best-before date in words", fields: { useBy: "", bestBefore: "bientôt" }, field: "bestBefore", message: "DDM : saisissez une date valide, par exemple 01/12/2026." },
  { name: "a lot number of 61 characters", fields: { lotNumber: "L".repeat(61) }, field: "lotNumber", message: "Le numéro de lot est trop long (60 caractères au plus)." },
  { name: "a raw-fishery box with a strange value", fields: { rawFishery: "peut-être" }, field: "rawFishery", message: "Cette case se coche ou se laisse vide." },
  { name: "a pickup place of 201 characters", fields: { pickupPlace: "Q".repeat(201) }, field: "pickupPlace", message: "Le lieu de retrait est trop long (200 caractères au plus)." },
  { name: "a pickup start in words", fields: { pickupStart: "demain matin" }, field: "pickupStart", message: "Saisissez le début du retrait : une date et une heure, par exemple 27/11/2026 17:00." },
  { name: "a pickup end at 25:00", fields: { pickupEnd: "2030-11-30T25:00" }, field: "pickupEnd", message: "Saisissez la fin du retrait : une date et une heure, par exemple 28/11/2026 19:00." },
  { name: "a negative cost price", fields: { costPrice: "-4" }, field: "costPrice", message: "Prix de revient : saisissez un montant en euros par unité, par exemple 3,20 (de 0 à 10 000 €)." },
  { name: "a huge cost price", fields: { costPrice: "99999999" }, field: "costPrice", message: "Prix de revient : saisissez un montant en euros par unité, par exemple 3,20 (de 0 à 10 000 €)." },
  { name: "a cost price in words", fields: { costPrice: "pas cher" }, field: "costPrice", message: "Prix de revient : saisissez un montant en euros par unité, par exemple 3,20 (de 0 à 10 000 €)." },
])("the publish form refuses $name: 400, the message on its field, nothing written", async ({ fields, field, message }) => {
  const donor = await createFarmDonor();
  const answer = asFailure(await publish(goodForm(fields), donor.cookie));
  expect(answer.init?.status).toBe(400);
  expect(answer.data.fieldErrors[field]?.startsWith(message), `${field}: ${answer.data.fieldErrors[field]}`).toBe(true);
  expect(await lotCount(donor.producerId)).toBe(0);
});

test("the publish form answers in English with the English cookie; an unverified producer is refused; a visitor is sent to log in", async () => {
  const donor = await createFarmDonor();
  const english = asFailure(await publish(goodForm({ costPrice: "-1", storage: "" }), `${donor.cookie}; tm_lang=en`));
  expect(english.init?.status).toBe(400);
  expect(english.data.fieldErrors.costPrice).toBe("Cost price: enter an amount in euros per unit, e.g. 3.20 (from 0 to €10,000).");
  expect(english.data.fieldErrors.storage).toBe("Storage: choose ambient, chilled or frozen.");

  const unverified = await createFarmDonor({ verified: false });
  expect(await statusOf(() => publishLoader({ request: get("/producteur/dons/nouveau", unverified.cookie), params: {}, context: {} }))).toBe(403);
  expect(await statusOf(() => publish(goodForm(), unverified.cookie))).toBe(403);
  expect(await lotCount(unverified.producerId)).toBe(0);
  const consumer = await createUser();
  const consumerCookie = await signedInCookie(consumer.id);
  expect(await statusOf(() => publish(goodForm(), consumerCookie))).toBe(403);
  expect(await statusOf(() => publishLoader({ request: get("/producteur/dons/nouveau"), params: {}, context: {} }))).toBe(302);
});

test("the list: open lots first, claimed / total, each claim's charity and status, never a pickup code; a fixed number of statements", async () => {
  const donor = await createFarmDonor();
  const charity = await createCharity({ name: "Secours Populaire — antenne du Pollet", settings: COLD_STORAGE });
  const expired = await createSameDayLot({ donorId: donor.producerId, createdById: donor.user.id, productName: "Merlan ancien", pickupStart: new Date(Date.now() - 48 * 3600_000), pickupEnd: new Date(Date.now() - 24 * 3600_000) });
  const open = await createSameDayLot({ donorId: donor.producerId, createdById: donor.user.id, productName: "Sole du jour", claimedMilli: 5000 });
  const claim = await createClaim({ lotId: open.id, charityId: charity.id, claimedById: charity.user.id, pickupCode: "482913" });
  for (let index = 0; index < 5; index += 1) await createSameDayLot({ donorId: donor.producerId, createdById: donor.user.id, productName: `Lot ${index}`, status: "WITHDRAWN" });

  const before = statementsIssued();
  const { html, status } = await render("fr", donor.cookie, "/producteur/dons");
  const statements = statementsIssued() - before;
  expect(status).toBe(200);
  expect(statements).toBeLessThanOrEqual(4);
  expect(html.indexOf("Sole du jour")).toBeLessThan(html.indexOf("Merlan ancien"));
  expect(html).toContain("5 kg sur 15 kg");
  expect(html).toContain("Secours Populaire — antenne du Pollet");
  expect(html).toContain("Réservé");
  expect(html).toContain("Expiré");
  expect(html).toContain("Retiré");
  expect(html).not.toContain(claim.pickupCode);
  expect(html).toContain('href="/producteur/dons/nouveau"');
  expect(html).toContain('href="/producteur/dons/invendus"');
  expect(html).toContain('href="/producteur/dons/recapitulatif"');
  expect(html).toContain(`href="/producteur/dons/${expired.id}"`);

  const lotPage = await render("fr", donor.cookie, `/producteur/dons/${open.id}`);
  expect(lotPage.html).not.toContain(claim.pickupCode);
  expect(lotPage.html).toContain('inputMode="numeric"');
  expect(lotPage.html).toContain("Code de retrait — Secours Populaire — antenne du Pollet");
  expect(unlabelledFields(lotPage.html)).toEqual([]);
});

test("the hand-over: the right code and temperature collect the claim, the page says when and links the slip", async () => {
  const donor = await createFarmDonor();
  const charity = await createCharity({ name: "Croix-Rouge de Dieppe", settings: COLD_STORAGE });
  const lot = await createSameDayLot({ donorId: donor.producerId, createdById: donor.user.id, storage: "CHILLED", useBy: isoDateIn(6), claimedMilli: 5000 });
  const claim = await createClaim({ lotId: lot.id, charityId: charity.id, claimedById: charity.user.id });

  const answer = await lotPost(lot.id, { intent: "pickup", claimId: claim.id, pickupCode: claim.pickupCode, temperatureC: "3,5" }, donor.cookie);
  expect(answer).toBeInstanceOf(Response);
  expect((answer as Response).headers.get("location")).toBe(`/producteur/dons/${lot.id}?remis=${claim.id}`);
  expect(await db().donationClaim.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true, temperatureDeciC: true, collectedById: true } })).toEqual({
    status: "COLLECTED",
    temperatureDeciC: 35,
    collectedById: donor.user.id,
  });

  const { html } = await render("fr", donor.cookie, `/producteur/dons/${lot.id}?remis=${claim.id}`);
  expect(html).toContain("Remise enregistrée");
  expect(html).toMatch(/Remis le \d{1,2} [a-zéû]+ \d{4} à \d{2}:\d{2}, 3,5 °C/);
  expect(html).toContain(`href="/dons/bordereau/${claim.id}.pdf"`);
  expect(html).toContain("Bordereau (PDF)");
  expect(html).toContain(`href="/dons/bordereau/${claim.id}"`);
  expect(html).not.toContain(`name="claimId" value="${claim.id}"`);
});

test("the hand-over refuses a wrong code, a missing temperature for chilled food, a bad temperature, and another lot's claim; nothing changes", async () => {
  const donor = await createFarmDonor();
  const charity = await createCharity({ settings: COLD_STORAGE });
  const lot = await createSameDayLot({ donorId: donor.producerId, createdById: donor.user.id, storage: "CHILLED", useBy: isoDateIn(6), claimedMilli: 5000 });
  const claim = await createClaim({ lotId: lot.id, charityId: charity.id, claimedById: charity.user.id });
  const otherLot = await createSameDayLot({ donorId: donor.producerId, createdById: donor.user.id, claimedMilli: 5000 });
  const otherClaim = await createClaim({ lotId: otherLot.id, charityId: charity.id, claimedById: charity.user.id });
  const wrong = claim.pickupCode === "000000" ? "111111" : "000000";

  const cases: Array<{ fields: Record<string, string>; status: number; field?: string; message: string }> = [
    { fields: { pickupCode: wrong, temperatureC: "3" }, status: 400, message: "Ce code de retrait ne correspond pas à cette réservation." },
    { fields: { pickupCode: claim.pickupCode, temperatureC: "" }, status: 400, field: "temperatureC", message: "Relevez la température à la remise : elle est obligatoire pour un produit réfrigéré ou surgelé." },
    { fields: { pickupCode: claim.pickupCode, temperatureC: "9" }, status: 400, field: "temperatureC", message: "La chaîne du froid est rompue : un produit réfrigéré se remet entre 0 et 4 °C." },
    { fields: { pickupCode: claim.pickupCode, temperatureC: "froid" }, status: 400, field: "temperatureC", message: "La température doit être un nombre de degrés Celsius entre −40 et 20, par exemple 3.5." },
    { fields: { pickupCode: "12345", temperatureC: "3" }, status: 400, field: "pickupCode", message: "Le code de retrait est fait de 6 chiffres, par exemple 048213." },
    { fields: { pickupCode: "", temperatureC: "3" }, status: 400, field: "pickupCode", message: "Le code de retrait est fait de 6 chiffres, par exemple 048213." },
  ];
  for (const { fields, status, field, message } of cases) {
    const answer = asFailure(await lotPost(lot.id, { intent: "pickup", claimId: claim.id, ...fields }, donor.cookie));
    expect(answer.init?.status, message).toBe(status);
    expect(answer.data.message).toBe(message);
    if (field) expect(answer.data.fieldErrors[field]).toBe(message);
  }
  const elsewhere = asFailure(await lotPost(lot.id, { intent: "pickup", claimId: otherClaim.id, pickupCode: otherClaim.pickupCode }, donor.cookie));
  expect(elsewhere.init?.status).toBe(404);
  const unknownIntent = asFailure(await lotPost(lot.id, { intent: "effacer" }, donor.cookie));
  expect(unknownIntent.init?.status).toBe(400);

  const body = new URLSearchParams({ intent: "pickup", claimId: claim.id, pickupCode: claim.pickupCode, temperatureC: "" });
  const { html, status } = await render("fr", donor.cookie, `/producteur/dons/${lot.id}`, { method: "POST", body });
  expect(status).toBe(400);
  expect(html).toContain('role="alert"');
  expect(html).toMatch(new RegExp(`id="temperature-${claim.id}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="temperature-${claim.id}"`));

  for (const id of [claim.id, otherClaim.id]) {
    expect(await db().donationClaim.findUniqueOrThrow({ where: { id }, select: { status: true, temperatureDeciC: true } })).toEqual({ status: "RESERVED", temperatureDeciC: null });
  }
});

test("withdrawing a lot: nothing new can be claimed, reservations stay valid and are handed over; a second withdrawal says it is done", async () => {
  const donor = await createFarmDonor();
  const [charity, latecomer] = await Promise.all([createCharity(), createCharity()]);
  const lot = await createLot({ donorId: donor.producerId, createdById: donor.user.id });
  const claimed = await claimLot({ input: { quantity: 4 }, lotId: lot.id, charity, claimedById: charity.user.id, now: new Date() });

  const answer = await lotPost(lot.id, { intent: "withdraw" }, donor.cookie);
  expect((answer as Response).headers.get("location")).toBe(`/producteur/dons/${lot.id}?retire=1`);
  expect(await db().donationLot.findUniqueOrThrow({ where: { id: lot.id }, select: { status: true, claimedMilli: true } })).toEqual({ status: "WITHDRAWN", claimedMilli: 4000 });
  expect(await db().donationClaim.findUniqueOrThrow({ where: { id: claimed.id }, select: { status: true } })).toEqual({ status: "RESERVED" });

  const refused = await claimLot({ input: { quantity: 1 }, lotId: lot.id, charity: latecomer, claimedById: latecomer.user.id, now: new Date() }).catch((error: unknown) => error);
  expect(isDomainError(refused) && refused.code).toBe("lot_closed");

  // The charity already on its way still collects what it reserved.
  await lotPost(lot.id, { intent: "pickup", claimId: claimed.id, pickupCode: claimed.pickupCode, temperatureC: "" }, donor.cookie);
  expect(await db().donationClaim.findUniqueOrThrow({ where: { id: claimed.id }, select: { status: true } })).toEqual({ status: "COLLECTED" });

  const again = asFailure(await lotPost(lot.id, { intent: "withdraw" }, donor.cookie));
  expect(again.init?.status).toBe(409);
  expect(again.data.message).toBe("Ce lot est déjà retiré.");

  const { html } = await render("fr", donor.cookie, `/producteur/dons/${lot.id}?retire=1`);
  expect(html).toContain("Lot retiré : plus personne ne peut le réserver.");
  expect(html).toContain("Retiré");
  expect(html).not.toContain('value="withdraw"');
});

async function png(width: number, height: number): Promise<Uint8Array> {
  return new Uint8Array(await sharp({ create: { width, height, channels: 3, background: { r: 20, g: 90, b: 160 } } }).png().toBuffer());
}

function uploadPhoto(lotId: string, cookie: string, bytes: Uint8Array, type = "image/png") {
  const form = new FormData();
  form.append("photo", new Blob([Buffer.from(bytes)], { type }), "lot.png");
  return lotAction({ request: new Request(`http://localhost/producteur/dons/${lotId}`, { method: "POST", body: form, headers: { cookie } }), params: { id: lotId }, context: {} });
}

test("a lot's photo goes through the product photos' machinery: resized, shown on the lot's page; a non-image is refused", async () => {
  const donor = await createFarmDonor();
  const lot = await createSameDayLot({ donorId: donor.producerId, createdById: donor.user.id });
  const answer = await uploadPhoto(lot.id, donor.cookie, await png(1600, 1200));
  expect((answer as Response).headers.get("location")).toBe(`/producteur/dons/${lot.id}?photo=1`);
  const { photoId } = await db().donationLot.findUniqueOrThrow({ where: { id: lot.id }, select: { photoId: true } });
  expect(await db().storedFile.findUniqueOrThrow({ where: { id: photoId! }, select: { width: true, height: true, contentType: true, organisationId: true } })).toEqual({
    width: 1024,
    height: 768,
    contentType: "image/webp",
    organisationId: donor.producerId,
  });
  const { html } = await render("fr", donor.cookie, `/producteur/dons/${lot.id}?photo=1`);
  expect(html).toContain(`src="/photos/${photoId}?w=640"`);
  expect(html).toContain("Photo enregistrée.");

  const refused = asFailure(await uploadPhoto(lot.id, donor.cookie, new TextEncoder().encode("<html>pas une image</html>"), "image/jpeg"));
  expect(refused.init?.status).toBe(415);
  expect(refused.data.message).toBe("Ce fichier n'est pas une image JPEG, PNG ou WebP.");
  expect((await db().donationLot.findUniqueOrThrow({ where: { id: lot.id }, select: { photoId: true } })).photoId).toBe(photoId);
});

test("a lot made from unsold stock keeps its product's photo; replacing it on the lot leaves the product's photo alone", async () => {
  const donor = await createFarmDonor();
  await uploadPhotoForProduct(donor.producerId);
  const productPhoto = await db().storedFile.findFirstOrThrow({ where: { organisationId: donor.producerId }, select: { id: true } });
  const offer = await createEndedOffer({ producerId: donor.producerId, productName: "Sole commune", sea: true, photoId: productPhoto.id });
  const fields = { pickupPlace: "", pickupStart: parisLocalIn(0), pickupEnd: parisLocalIn(20), [`give.${offer.offerId}`]: "on", [`quantity.${offer.offerId}`]: "15", [`costPrice.${offer.offerId}`]: "4", [`storage.${offer.offerId}`]: "chilled" };
  await unsoldAction({ request: post("/producteur/dons/invendus", fields, donor.cookie), params: {}, context: {} });
  const lot = await db().donationLot.findUniqueOrThrow({ where: { offerId: offer.offerId }, select: { id: true, photoId: true } });
  expect(lot.photoId).toBe(productPhoto.id);

  await uploadPhoto(lot.id, donor.cookie, await png(300, 200));
  expect((await db().product.findUniqueOrThrow({ where: { id: offer.productId }, select: { photoId: true } })).photoId).toBe(productPhoto.id);
  expect(await db().storedFile.count({ where: { id: productPhoto.id } })).toBe(1);
});

async function uploadPhotoForProduct(producerId: string) {
  await db().storedFile.create({
    data: { id: crypto.randomUUID(), organisationId: producerId, purpose: "PRODUCT_PHOTO", storageKey: `photos/test-${crypto.randomUUID()}.webp`, contentType: "image/webp", byteSize: 10, width: 10, height: 10 },
  });
}

test("another producer gets 404 on every URL and action of a lot that is not theirs, and changes nothing", async () => {
  const donor = await createFarmDonor();
  const intruder = await createFarmDonor();
  const charity = await createCharity({ settings: COLD_STORAGE });
  const lot = await createSameDayLot({ donorId: donor.producerId, createdById: donor.user.id, productName: "Sole confidentielle", claimedMilli: 5000 });
  const claim = await createClaim({ lotId: lot.id, charityId: charity.id, claimedById: charity.user.id });
  const params = { id: lot.id };

  expect(await statusOf(() => lotLoader({ request: get(`/producteur/dons/${lot.id}`, intruder.cookie), params, context: {} }))).toBe(404);
  const probes: Array<Record<string, string>> = [{ intent: "pickup", claimId: claim.id, pickupCode: claim.pickupCode }, { intent: "withdraw" }, { intent: "" }];
  for (const fields of probes) {
    expect(await statusOf(() => lotPost(lot.id, fields, intruder.cookie))).toBe(404);
  }
  expect(await statusOf(() => uploadPhoto(lot.id, intruder.cookie, new Uint8Array([1, 2, 3])))).toBe(404);
  expect(await statusOf(() => lotLoader({ request: get("/producteur/dons/x'--", intruder.cookie), params: { id: "x'--" }, context: {} }))).toBe(404);
  const list = await render("fr", intruder.cookie, "/producteur/dons");
  expect(list.html).not.toContain("Sole confidentielle");

  expect(await db().donationLot.findUniqueOrThrow({ where: { id: lot.id }, select: { status: true, photoId: true } })).toEqual({ status: "OPEN", photoId: null });
  expect((await db().donationClaim.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true } })).status).toBe("RESERVED");
  expect(await statusOf(() => lotLoader({ request: get(`/producteur/dons/${lot.id}`), params, context: {} }))).toBe(302);
});

test("the unsold page: one card per offer, every field labelled with its product, a refused row marked on its field", async () => {
  const donor = await createFarmDonor();
  const sole = await createEndedOffer({ producerId: donor.producerId, productName: "Sole commune", stock: 20, ordered: 5, sea: true });
  const leeks = await createEndedOffer({ producerId: donor.producerId, productName: "Poireaux", unit: "BUNCH", stock: 12, ordered: 2 });
  const { html, status } = await render("fr", donor.cookie, "/producteur/dons/invendus");
  expect(status).toBe(200);
  expect(html.match(/<h1/g)).toHaveLength(1);
  expect(unlabelledFields(html)).toEqual([]);
  expect(html).toMatch(/Quantité à donner<span class="sr-only"> — Sole commune \([a-z]+ \d{1,2} [a-zéû]+\)<\/span>/);
  expect(html).toMatch(/Quantité à donner<span class="sr-only"> — Poireaux \(/);
  expect(html).toContain(`id="quantity-${sole.offerId}"`);
  expect(html).toMatch(new RegExp(`id="quantity-${sole.offerId}"[^>]*value="15"`));
  expect(html).toMatch(new RegExp(`id="quantity-${leeks.offerId}"[^>]*value="10"`));
  expect(html).toContain("invendu : 15 kg");
  expect(html).toContain("invendu : 10 pièces");
  expect(html).toMatch(new RegExp(`id="rawFishery-${sole.offerId}"[^>]*checked=""`));
  expect(html).not.toMatch(new RegExp(`id="rawFishery-${leeks.offerId}"[^>]*checked=""`));
  // One button gives the selection; the details are folded, already filled in.
  expect(html).toContain("Donner la sélection (0)");
  expect(html).toMatch(new RegExp(`<details class="mt-1"><summary[^>]*>Détails : dates, conservation, n° de lot<span class="sr-only"> — Sole commune`));
  expect(html).toMatch(new RegExp(`id="useBy-${sole.offerId}"[^>]*value="\\d{4}-\\d{2}-\\d{2}"`));
  expect(html).toMatch(new RegExp(`id="useBy-${leeks.offerId}"[^>]*value=""`));
  expect(html).not.toMatch(/donor\.[a-z]|quay\.[a-z]/);

  const body = new URLSearchParams({ pickupPlace: "Quai", pickupStart: parisLocalIn(0), pickupEnd: parisLocalIn(20), [`give.${sole.offerId}`]: "on", [`quantity.${sole.offerId}`]: "16", [`costPrice.${sole.offerId}`]: "4", [`storage.${sole.offerId}`]: "chilled" });
  const refused = await render("fr", donor.cookie, "/producteur/dons/invendus", { method: "POST", body });
  expect(refused.status).toBe(400);
  expect(refused.html).toContain('role="alert"');
  expect(refused.html).toContain("Sole commune : Quantité : au plus ce qui reste invendu, soit 15.");
  expect(refused.html).toMatch(new RegExp(`id="quantity-${sole.offerId}"[^>]*aria-invalid="true"[^>]*value="16"`));
  // The ticked row stays ticked and counted: nothing typed is lost.
  expect(refused.html).toMatch(new RegExp(`id="give-${sole.offerId}"[^>]*checked=""`));
  expect(refused.html).toContain("Donner la sélection (1)");
});

test("the donor's pages read in English, with no message key left untranslated", async () => {
  const donor = await createFarmDonor();
  const charity = await createCharity({ name: "Food Bank", settings: COLD_STORAGE });
  const lot = await createSameDayLot({ donorId: donor.producerId, createdById: donor.user.id, storage: "CHILLED", useBy: isoDateIn(6), claimedMilli: 5000 });
  await createClaim({ lotId: lot.id, charityId: charity.id, claimedById: charity.user.id });
  await createEndedOffer({ producerId: donor.producerId, productName: "Sole", sea: true });
  for (const url of ["/producteur/dons", `/producteur/dons/${lot.id}`, "/producteur/dons/nouveau", "/producteur/dons/invendus"]) {
    const { html, status } = await render("en", donor.cookie, url);
    expect(status, url).toBe(200);
    expect(html, url).not.toMatch(/donor\.[a-z]|donations\.[a-z]/);
  }
  const lotPage = await render("en", donor.cookie, `/producteur/dons/${lot.id}`);
  expect(lotPage.html).toContain("Pickup code — Food Bank");
  expect(lotPage.html).toContain("Temperature at hand-over (°C) — Food Bank");
  expect(lotPage.html).toContain("Withdraw the lot");
});
