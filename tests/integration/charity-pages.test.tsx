import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db, statementsIssued } from "~/db.server";
import type { Locale } from "~/i18n/messages";
import ReviewOrganisations, { action as reviewAction, loader as reviewLoader } from "~/routes/admin.organisations";
import CharityHome, { loader as homeLoader } from "~/routes/association._index";
import CharitySettingsPage, { action as settingsAction, loader as settingsLoader } from "~/routes/association.reglages";
import BecomeCharity, { action as applyAction, loader as applyLoader } from "~/routes/devenir-association";
import { createMemberUser, createProducerUser, createUser, ensureCommune, signedInCookie, uniqueEmail } from "../factories";
import { charityApplication, settingsForm, settingsRow, uniqueCategory } from "../factories-donations-charity";
import { createCharity, createClaim, createLot } from "../factories-donations";
import { expectWellFormed, renderPage, type PageRoute } from "../render-page";
import { asFailure, type Done, get, post, statusOf } from "../route-requests";

/**
 * Charities apply, the territory verifies them and grants their approvals, and they keep their
 * settings: through the page modules themselves, on the real database.
 */

const pages: PageRoute[] = [
  { path: "devenir-association", loader: applyLoader, action: applyAction, Component: BecomeCharity },
  { path: "association", loader: homeLoader, Component: CharityHome },
  { path: "association/reglages", loader: settingsLoader, action: settingsAction, Component: CharitySettingsPage },
  { path: "admin/organisations", loader: reviewLoader, action: reviewAction, Component: ReviewOrganisations },
];

function render(locale: Locale, cookie: string, url: string, init?: RequestInit) {
  return renderPage(pages, locale, cookie, url, init);
}

/** A message key of these pages' areas, left untranslated. */
const UNTRANSLATED_KEY = /(charity|organisations|donations)\.[a-z]+\.[a-zA-Z]/;

/** Whether the page shows this checkbox ticked. */
function ticked(html: string, name: string, value: string): boolean {
  const box = [...html.matchAll(/<input type="checkbox"[^>]*>/g)].map((match) => match[0]).find((input) => input.includes(`name="${name}"`) && input.includes(`value="${value}"`));
  if (!box) throw new Error(`no checkbox ${name}=${value}`);
  return box.includes('checked=""');
}

async function outboxTo(email: string) {
  return db().outboxEmail.findMany({ where: { to: email }, select: { subject: true, text: true, locale: true }, orderBy: { createdAt: "asc" } });
}

async function applicant() {
  const user = await createUser({ email: uniqueEmail("benevole"), name: "Brigitte Bénévole" });
  return { user, cookie: await signedInCookie(user.id) };
}

async function apply(fields: Record<string, string> = charityApplication()) {
  const { user, cookie } = await applicant();
  const result = await statusOrValue(() => applyAction({ request: post("/devenir-association", fields, cookie), params: {}, context: {} }));
  const organisation = await db().organisation.findFirst({ where: { createdById: user.id }, select: { id: true, name: true } });
  return { user, cookie, result, organisation };
}

/** A redirect (thrown or returned) as its status and location; anything else as is. */
async function statusOrValue(run: () => Promise<unknown>): Promise<{ status: number; location: string | null } | unknown> {
  try {
    const result = await run();
    return result instanceof Response ? { status: result.status, location: result.headers.get("location") } : result;
  } catch (error) {
    if (error instanceof Response) return { status: error.status, location: error.headers.get("location") };
    throw error;
  }
}

test("a volunteer applies for their charity: pending, they act for it, settings with defaults, the admins are emailed", async () => {
  await ensureCommune();
  const admin = await createMemberUser("ADMIN");
  const fields = charityApplication();
  const { user, result, organisation } = await apply(fields);
  expect(result).toEqual({ status: 302, location: "/association?demande=1" });
  const saved = await db().organisation.findUniqueOrThrow({
    where: { id: organisation?.id ?? "" },
    select: { kind: true, name: true, rna: true, siret: true, verifiedAt: true, communeInsee: true, contactEmail: true, contactPhone: true, lat: true, memberships: { select: { userId: true, role: true } }, charitySettings: { select: { storesAmbient: true, collectionWeekdays: true, approvedRawFishery: true, processingWorkshop: true } } },
  });
  expect(saved).toMatchObject({ kind: "CHARITY", name: fields.name, rna: "W763001234", siret: null, verifiedAt: null, communeInsee: "76217", contactEmail: "contact@epicerie-pollet.example", contactPhone: "02 35 84 12 34" });
  expect(saved.lat).not.toBeNull();
  expect(saved.memberships).toEqual([{ userId: user.id, role: "CHARITY" }]);
  expect(saved.charitySettings).toEqual({ storesAmbient: true, collectionWeekdays: [1, 2, 3, 4, 5], approvedRawFishery: false, processingWorkshop: false });
  const toAdmin = await outboxTo(admin.user.email);
  expect(toAdmin.map((email) => email.subject)).toContain(`Nouvelle association à vérifier : ${fields.name}`);
  const email = toAdmin.find((one) => one.subject.includes(fields.name ?? ""));
  expect(email?.text).toContain("RNA ou SIRET");
  expect(email?.text).toContain("/admin/organisations");
});

test("a charity with a SIRET and no RNA applies too; the home page then says it awaits verification", async () => {
  const { cookie, result, organisation } = await apply(charityApplication({ rna: "", siret: "120 001 011 00010" }));
  expect(result).toMatchObject({ status: 302 });
  expect(await db().organisation.findUniqueOrThrow({ where: { id: organisation?.id ?? "" }, select: { rna: true, siret: true } })).toEqual({ rna: null, siret: "12000101100010" });
  const home = await render("fr", cookie, "/association?demande=1");
  expect(home.status).toBe(200);
  expect(home.html).toContain("Votre demande est envoyée");
  expect(home.html).toContain("En attente de vérification");
  expect(home.html).not.toContain("Lots à réserver");
  expectWellFormed(home.html, UNTRANSLATED_KEY);
});

const badApplications: Array<{ case: string; fields: Record<string, string>; field: string; message: string }> = [
  { case: "an RNA without its W", fields: { rna: "763001234" }, field: "rna", message: "Numéro RNA : W suivi de 9 chiffres (exemple : W763001234), tel qu'il figure sur le récépissé de déclaration." },
  { case: "an RNA one digit short", fields: { rna: "W76300123" }, field: "rna", message: "Numéro RNA : W suivi de 9 chiffres (exemple : W763001234), tel qu'il figure sur le récépissé de déclaration." },
  { case: "neither RNA nor SIRET", fields: { rna: " ", siret: "" }, field: "rna", message: "Numéro RNA ou SIRET : indiquez au moins l'un des deux." },
  { case: "a SIRET whose check digit is wrong", fields: { rna: "", siret: "12000101100011" }, field: "siret", message: "SIRET : ce numéro n'existe pas (la clé de contrôle ne correspond pas). Vérifiez-le sur votre avis de situation INSEE." },
  { case: "a SIRET of 13 digits", fields: { siret: "1200010110001" }, field: "siret", message: "SIRET : saisissez les 14 chiffres (espaces permis)." },
  { case: "an empty name", fields: { name: "" }, field: "name", message: "Nom de l'organisation : saisissez au moins 2 caractères." },
  { case: "a name of 121 characters", fields: { name: "A".repeat(121) }, field: "name", message: "Nom de l'organisation : 120 caractères au plus." },
  { case: "a commune outside the territory", fields: { communeInsee: "75056" }, field: "communeInsee", message: "Commune : choisissez une commune de Dieppe-Maritime dans la liste." },
  { case: "no address", fields: { address: "" }, field: "address", message: "Adresse : saisissez au moins 3 caractères." },
  { case: "a description of 1,001 characters", fields: { description: "x".repeat(1001) }, field: "description", message: "Présentation : 1 000 caractères au plus." },
  { case: "a broken email", fields: { contactEmail: "pas-un-email" }, field: "contactEmail", message: "Saisissez une adresse e-mail valide (exemple : nom@domaine.fr)." },
  { case: "a phone of letters", fields: { contactPhone: "appelez-nous" }, field: "contactPhone", message: "Téléphone : numéro français à 10 chiffres (exemple : 02 35 84 00 00 ou +33 2 35 84 00 00)." },
];

test.each(badApplications)("an application with $case is refused (400, the field named) and creates nothing", async ({ fields, field, message }) => {
  const { result, organisation } = await apply(charityApplication(fields));
  const failure = asFailure(result);
  expect(failure.init?.status).toBe(400);
  expect(failure.data.message).toBe("Certaines informations sont invalides : vérifiez les champs signalés.");
  expect(failure.data.fieldErrors[field]).toBe(message);
  expect(organisation).toBeNull();
});

test("a refusal is in English for an English reader, and the form keeps what was typed", async () => {
  const { cookie, user } = await applicant();
  const refused = asFailure(await applyAction({ request: new Request("http://localhost/devenir-association", { method: "POST", body: new URLSearchParams(charityApplication({ rna: "", siret: "" })), headers: { cookie, "accept-language": "en-GB,en;q=0.8" } }), params: {}, context: {} }));
  // The account's own language (French) wins over the browser's; the language cookie wins over both.
  expect(refused.data.fieldErrors.rna).toBe("Numéro RNA ou SIRET : indiquez au moins l'un des deux.");
  const english = asFailure(await applyAction({ request: new Request("http://localhost/devenir-association", { method: "POST", body: new URLSearchParams(charityApplication({ rna: "", siret: "" })), headers: { cookie: `${cookie}; tm_lang=en` } }), params: {}, context: {} }));
  expect(english.data.fieldErrors.rna).toBe("RNA or SIRET number: give at least one of the two.");
  expect(await db().organisation.count({ where: { createdById: user.id } })).toBe(0);

  const page = await render("fr", cookie, "/devenir-association", { method: "POST", body: new URLSearchParams(charityApplication({ name: "Les Restos du Cœur de Dieppe", rna: "W12" })) });
  expect(page.status).toBe(400);
  expect(page.html).toMatch(/role="alert"[^>]*>Certaines informations sont invalides/);
  expect(page.html).toMatch(/id="field-rna-error"[^>]*>Numéro RNA : W suivi de 9 chiffres/);
  expect(page.html).toContain('value="Les Restos du Cœur de Dieppe"');
  expectWellFormed(page.html, UNTRANSLATED_KEY);
});

test("someone already in a charity is sent to its space, by the page and by a second submission; a visitor goes to log in", async () => {
  const { cookie, user, organisation } = await apply();
  expect(await statusOrValue(() => applyLoader({ request: get("/devenir-association", cookie), params: {}, context: {} }))).toEqual({ status: 302, location: "/association" });
  expect(await statusOrValue(() => applyAction({ request: post("/devenir-association", charityApplication(), cookie), params: {}, context: {} }))).toEqual({ status: 302, location: "/association" });
  expect(await db().organisation.count({ where: { createdById: user.id } })).toBe(1);
  expect(organisation).not.toBeNull();

  const member = await createCharity();
  expect(await statusOrValue(() => applyLoader({ request: get("/devenir-association", member.cookie), params: {}, context: {} }))).toEqual({ status: 302, location: "/association" });
  const visitor = (await statusOrValue(() => applyLoader({ request: get("/devenir-association"), params: {}, context: {} }))) as { status: number; location: string };
  expect(visitor.status).toBe(302);
  expect(visitor.location).toBe("/connexion?redirectTo=%2Fdevenir-association");
});

test("two submissions of the same person at once make one charity", async () => {
  const { user, cookie } = await applicant();
  const fields = charityApplication();
  const results = await Promise.all([1, 2].map(() => statusOrValue(() => applyAction({ request: post("/devenir-association", fields, cookie), params: {}, context: {} }))));
  expect(results.map((result) => (result as { status: number }).status)).toEqual([302, 302]);
  expect(await db().organisation.count({ where: { createdById: user.id } })).toBe(1);
});

test("the application form renders in French and English, every field labelled", async () => {
  const { cookie } = await applicant();
  const fr = await render("fr", cookie, "/devenir-association");
  expect(fr.status).toBe(200);
  expect(fr.html).toContain("Association : recevoir des dons");
  expect(fr.html).toContain("Numéro RNA");
  expect(fr.html).toContain("Arques-la-Bataille");
  expectWellFormed(fr.html, UNTRANSLATED_KEY);
  const en = await render("en", cookie, "/devenir-association");
  expect(en.html).toContain("Charity: receive donations");
  expectWellFormed(en.html, UNTRANSLATED_KEY);
});

test("the admin lists the charity with its kind and RNA, verifies it, and its member is told about the charity space", async () => {
  const admin = await createMemberUser("ADMIN");
  const { user, organisation, cookie } = await apply();
  const id = organisation?.id ?? "";
  const list = await reviewLoader({ request: get("/admin/organisations", admin.cookie), params: {}, context: {} });
  expect(list.organisations.find((item) => item.id === id)).toMatchObject({ kind: "CHARITY", rna: "W763001234", status: "pending" });

  const page = await render("fr", admin.cookie, "/admin/organisations");
  expect(page.html).toContain("Association (dons)");
  expect(page.html).toContain("W763001234");
  expectWellFormed(page.html, UNTRANSLATED_KEY);

  const done = (await reviewAction({ request: post("/admin/organisations", { intent: "verify", organisationId: id }, admin.cookie), params: {}, context: {} })) as Done;
  expect(done.ok).toBe(true);
  expect((await db().organisation.findUniqueOrThrow({ where: { id }, select: { verifiedAt: true } })).verifiedAt).not.toBeNull();
  const emails = await outboxTo(user.email);
  expect(emails.map((email) => email.subject)).toEqual([`${organisation?.name} est vérifiée sur Terre & Mer`]);
  expect(emails[0]?.text).toContain("espace association");
  expect(emails[0]?.text).toContain("/association");
  expect(emails[0]?.text).not.toContain("/producteur");
  expect(emails[0]?.text).not.toContain("vendre");

  const home = await render("fr", cookie, "/association");
  expect(home.html).toContain("Association vérifiée");
  // Once verified, the approvals form appears for it on the admin page.
  const after = await render("fr", admin.cookie, "/admin/organisations");
  expect(after.html).toContain(`Enregistrer les agréments de ${organisation?.name}`);
  expectWellFormed(after.html, UNTRANSLATED_KEY);
});

test("the admin refuses a charity with a reason: its member reads the reason, and the home page shows it", async () => {
  const admin = await createMemberUser("ADMIN");
  const { user, organisation, cookie } = await apply();
  const reason = "Le numéro RNA ne correspond pas à cette association.";
  await reviewAction({ request: post("/admin/organisations", { intent: "refuse", organisationId: organisation?.id ?? "", reason }, admin.cookie), params: {}, context: {} });
  const emails = await outboxTo(user.email);
  expect(emails).toHaveLength(1);
  expect(emails[0]?.subject).toBe(`${organisation?.name} : vérification refusée`);
  expect(emails[0]?.text).toContain(reason);
  expect(emails[0]?.text).toContain("/association");
  expect(emails[0]?.text).not.toContain("/producteur");
  const home = await render("fr", cookie, "/association");
  expect(home.html).toContain("Demande refusée par le territoire.");
  expect(home.html).toContain(`Raison donnée : ${reason.replaceAll("'", "&#x27;")}`);
  expectWellFormed(home.html, UNTRANSLATED_KEY);
});

test("the admin grants the two approvals to a verified charity; the charity reads them, and its own saves keep them", async () => {
  const admin = await createMemberUser("ADMIN");
  const charity = await createCharity();
  const done = (await reviewAction({ request: post("/admin/organisations", { intent: "approvals", organisationId: charity.id, approvedRawFishery: "on", processingWorkshop: "on" }, admin.cookie), params: {}, context: {} })) as Done;
  expect(done).toMatchObject({ ok: true, message: "Agréments enregistrés." });
  expect(await settingsRow(charity.id)).toMatchObject({ approvedRawFishery: true, processingWorkshop: true });

  const page = await render("fr", charity.cookie, "/association/reglages");
  expect(page.html).toMatch(/Agréée pour les produits de la pêche bruts<\/dt><dd[^>]*>Oui/);
  expect(page.html).toMatch(/Atelier de transformation \(paniers de la mer\)<\/dt><dd[^>]*>Oui/);

  // The charity cannot grant itself anything: its form has no such field, and a forged one is ignored.
  const forged = settingsForm({ approvedRawFishery: "", processingWorkshop: "" });
  await settingsAction({ request: post("/association/reglages", forged, charity.cookie), params: {}, context: {} });
  expect(await settingsRow(charity.id)).toMatchObject({ approvedRawFishery: true, processingWorkshop: true, storesChilled: true });

  // Unticked boxes withdraw them.
  await reviewAction({ request: post("/admin/organisations", { intent: "approvals", organisationId: charity.id }, admin.cookie), params: {}, context: {} });
  expect(await settingsRow(charity.id)).toMatchObject({ approvedRawFishery: false, processingWorkshop: false });
});

test("approvals: only admins (403 for the charity itself, a producer, a consumer); a producer's or an unknown id is a 404; a pending charity a 400", async () => {
  const admin = await createMemberUser("ADMIN");
  const charity = await createCharity();
  const producer = await createProducerUser();
  const consumer = await createUser();
  const grant = (organisationId: string, cookie: string, extra: Record<string, string> = {}) =>
    reviewAction({ request: post("/admin/organisations", { intent: "approvals", organisationId, approvedRawFishery: "on", processingWorkshop: "on", ...extra }, cookie), params: {}, context: {} });

  for (const cookie of [charity.cookie, producer.cookie, await signedInCookie(consumer.id)]) {
    expect(await statusOf(() => grant(charity.id, cookie))).toBe(403);
  }
  expect(await statusOf(() => grant(charity.id, ""))).toBe(302);
  expect(await settingsRow(charity.id)).toBeNull();

  const onProducer = asFailure(await grant(producer.producerId, admin.cookie));
  expect(onProducer.init?.status).toBe(404);
  expect(await settingsRow(producer.producerId)).toBeNull();
  expect(asFailure(await grant(randomUUID(), admin.cookie)).init?.status).toBe(404);
  expect(asFailure(await grant("x".repeat(500), admin.cookie)).init?.status).toBe(400);

  const badBox = asFailure(await grant(charity.id, admin.cookie, { processingWorkshop: "peut-être" }));
  expect(badBox.init?.status).toBe(400);
  expect(badBox.data.fieldErrors.processingWorkshop).toBe("Atelier de transformation : cochez ou décochez la case.");

  const pending = await createCharity({ verified: false });
  const refused = asFailure(await grant(pending.id, admin.cookie));
  expect(refused.init?.status).toBe(400);
  expect(refused.data.message).toBe("Agréments : vérifiez d'abord l'association ; ils ne s'accordent qu'à une association vérifiée.");
  expect(await settingsRow(charity.id)).toBeNull();
  expect(await settingsRow(pending.id)).toBeNull();
});

test("settings are saved and read back, comma decimals and all; an unverified charity may already fill them", async () => {
  const charity = await createCharity({ verified: false });
  const fish = await uniqueCategory();
  const saved = (await settingsAction({ request: post("/association/reglages", settingsForm({ acceptedCategoryIds: [fish] }), charity.cookie), params: {}, context: {} })) as Done;
  expect(saved).toEqual({ ok: true, message: "Réglages enregistrés." });
  const page = await settingsLoader({ request: get("/association/reglages", charity.cookie), params: {}, context: {} });
  expect(page.settings).toEqual({
    acceptedCategoryIds: [fish],
    storesAmbient: true,
    storesChilled: true,
    storesFrozen: false,
    minQuantityMilli: 2500,
    maxQuantityMilli: 40000,
    collectionWeekdays: [2, 5],
    collectionFrom: "08:30",
    collectionTo: "12:00",
    redistributesSameDay: true,
    inDirectory: true,
    publicContact: false,
    approvedRawFishery: false,
    processingWorkshop: false,
  });
  expect(page.categories.map((category) => category.id)).toContain(fish);

  const html = (await render("fr", charity.cookie, "/association/reglages")).html;
  expect(html).toContain('value="2,5"');
  expect(html).toContain('value="08:30"');
  expect(ticked(html, "acceptedCategoryIds", fish)).toBe(true);
  expect(ticked(html, "collectionWeekdays", "5")).toBe(true);
  expect(ticked(html, "collectionWeekdays", "1")).toBe(false);
  expect(ticked(html, "storesFrozen", "on")).toBe(false);
  expect(html).toMatch(/value="5"\/><span>Vendredi<\/span>/);
  expectWellFormed(html, UNTRANSLATED_KEY);
  const english = (await render("en", charity.cookie, "/association/reglages")).html;
  expect(english).toContain('value="2.5"');
  expect(english).toContain("Charity settings");
  expectWellFormed(english, UNTRANSLATED_KEY);

  // Untick everything optional: no limits, all categories, not in the directory.
  await settingsAction({ request: post("/association/reglages", settingsForm({ minQuantity: "", maxQuantity: "", inDirectory: undefined }), charity.cookie), params: {}, context: {} });
  expect(await settingsRow(charity.id)).toMatchObject({ acceptedCategoryIds: [], minQuantityMilli: null, maxQuantityMilli: null, inDirectory: false });
});

const badSettings: Array<{ case: string; fields: Record<string, string | string[] | undefined>; field: string; message: string }> = [
  { case: "no storage ticked", fields: { storesAmbient: undefined, storesChilled: undefined }, field: "storage", message: "Stockage : cochez au moins un type de stockage." },
  { case: "a storage box with a strange value", fields: { storesFrozen: "glacé" }, field: "storesFrozen", message: "Stockage : cochez ou décochez les cases proposées." },
  { case: "a negative minimum", fields: { minQuantity: "-2" }, field: "minQuantity", message: "Quantité minimale : supérieure à 0 (ou laissez vide)." },
  { case: "a minimum in words", fields: { minQuantity: "deux kilos" }, field: "minQuantity", message: "Quantité minimale : un nombre, par exemple 2,5 (ou laissez vide)." },
  { case: "a huge maximum", fields: { maxQuantity: "99999999999" }, field: "maxQuantity", message: "Quantité maximale : 100 000 au plus." },
  { case: "a maximum with 4 decimals", fields: { maxQuantity: "1,2345" }, field: "maxQuantity", message: "Quantité maximale : 3 décimales au plus (par exemple 2,125)." },
  { case: "a maximum below the minimum", fields: { minQuantity: "10", maxQuantity: "5,5" }, field: "maxQuantity", message: "Quantité maximale : elle ne peut pas être inférieure à la quantité minimale." },
  { case: "no weekday", fields: { collectionWeekdays: [] }, field: "collectionWeekdays", message: "Jours de collecte : cochez au moins un jour." },
  { case: "an eighth weekday", fields: { collectionWeekdays: ["2", "8"] }, field: "collectionWeekdays", message: "Jours de collecte : choisissez parmi les jours de la semaine." },
  { case: "a start time of 25:00", fields: { collectionFrom: "25:00" }, field: "collectionFrom", message: "Heure de début de collecte : une heure au format HH:MM, par exemple 09:00." },
  { case: "no end time", fields: { collectionTo: "" }, field: "collectionTo", message: "Heure de fin de collecte : une heure au format HH:MM, par exemple 18:00." },
  { case: "an end before the start", fields: { collectionFrom: "14:00", collectionTo: "09:00" }, field: "collectionTo", message: "Heure de fin de collecte : elle doit être après l'heure de début." },
  { case: "an unknown category", fields: { acceptedCategoryIds: ["categorie-inconnue"] }, field: "acceptedCategoryIds", message: "Catégories acceptées : choisissez dans la liste." },
  { case: "a category id of 500 characters", fields: { acceptedCategoryIds: ["x".repeat(500)] }, field: "acceptedCategoryIds", message: "Catégories acceptées : choisissez dans la liste." },
  { case: "a strange same-day box", fields: { redistributesSameDay: "toujours" }, field: "redistributesSameDay", message: "Redistribution le jour même : cochez ou décochez la case." },
  { case: "a strange directory box", fields: { inDirectory: "<script>" }, field: "inDirectory", message: "Annuaire public : cochez ou décochez la case." },
];

test.each(badSettings)("settings with $case are refused (400, the field named) and nothing changes", async ({ fields, field, message }) => {
  const charity = await createCharity({ settings: { storesFrozen: true, collectionWeekdays: [3], minQuantityMilli: 1000 } });
  const before = await settingsRow(charity.id);
  const result = asFailure(await settingsAction({ request: post("/association/reglages", settingsForm(fields), charity.cookie), params: {}, context: {} }));
  expect(result.init?.status).toBe(400);
  expect(result.data.fieldErrors[field]).toBe(message);
  expect(await settingsRow(charity.id)).toEqual(before);
});

test("a refused settings form shows the alert, the message beside its field, and keeps what was typed", async () => {
  const charity = await createCharity();
  const { html, status } = await render("fr", charity.cookie, "/association/reglages", { method: "POST", body: settingsForm({ minQuantity: "12,5", maxQuantity: "3", collectionWeekdays: ["6"] }) });
  expect(status).toBe(400);
  expect(html).toMatch(/role="alert"[^>]*>Certaines informations sont invalides/);
  expect(html).toMatch(/id="field-maxQuantity-error"[^>]*>Quantité maximale : elle ne peut pas être inférieure/);
  expect(html).toContain('value="12,5"');
  expect(ticked(html, "collectionWeekdays", "6")).toBe(true);
  expectWellFormed(html, UNTRANSLATED_KEY);
});

test("a member only ever changes their own charity's settings; a producer gets 403, a visitor the login page", async () => {
  const mine = await createCharity();
  const other = await createCharity({ settings: { storesFrozen: true } });
  const otherBefore = await settingsRow(other.id);
  // Whatever id a forged form carries, the page acts for the session's charity.
  const body = settingsForm({ organisationId: other.id, charityId: other.id });
  await settingsAction({ request: post(`/association/reglages?id=${other.id}`, body, mine.cookie), params: { id: other.id }, context: {} });
  expect(await settingsRow(other.id)).toEqual(otherBefore);
  expect(await settingsRow(mine.id)).toMatchObject({ storesChilled: true, collectionWeekdays: [2, 5] });

  const producer = await createProducerUser();
  expect(await statusOf(() => settingsLoader({ request: get("/association/reglages", producer.cookie), params: {}, context: {} }))).toBe(403);
  expect(await statusOf(() => settingsAction({ request: post("/association/reglages", settingsForm(), producer.cookie), params: {}, context: {} }))).toBe(403);
  expect(await settingsRow(producer.producerId)).toBeNull();
  expect(await statusOf(() => settingsAction({ request: post("/association/reglages", settingsForm()), params: {}, context: {} }))).toBe(302);
  expect(await statusOf(() => homeLoader({ request: get("/association"), params: {}, context: {} }))).toBe(302);
  expect(await statusOf(() => homeLoader({ request: get("/association", producer.cookie), params: {}, context: {} }))).toBe(403);
});

test("a verified charity's home: the lots it may claim now, its coming pickups and the next one's code, in few statements", async () => {
  const category = await uniqueCategory();
  const charity = await createCharity({ settings: { acceptedCategoryIds: [category] } });
  const other = await createCharity();
  const donor = await createProducerUser();
  const HOUR = 3600_000;
  await createLot({ donorId: donor.producerId, createdById: donor.user.id, categoryId: category });
  await createLot({ donorId: donor.producerId, createdById: donor.user.id, categoryId: category });
  await createLot({ donorId: donor.producerId, createdById: donor.user.id, categoryId: null }); // not its category
  const soon = await createLot({ donorId: donor.producerId, createdById: donor.user.id, categoryId: category, productName: "Soles de Dieppe", claimedMilli: 15_000, pickupStart: new Date(Date.now() + 24 * HOUR), pickupEnd: new Date(Date.now() + 26 * HOUR) });
  const later = await createLot({ donorId: donor.producerId, createdById: donor.user.id, categoryId: category, productName: "Carottes", claimedMilli: 15_000, pickupStart: new Date(Date.now() + 72 * HOUR) });
  await createClaim({ lotId: later.id, charityId: charity.id, claimedById: charity.user.id, pickupCode: "111111" });
  await createClaim({ lotId: soon.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 10_000, pickupCode: "048213" });
  await createClaim({ lotId: soon.id, charityId: other.id, claimedById: other.user.id, pickupCode: "999999" });

  const before = statementsIssued();
  const data = await homeLoader({ request: get("/association", charity.cookie), params: {}, context: {} });
  // Session, charity, its state, settings, lots, claims: the same whatever the number of lots.
  expect(statementsIssued() - before).toBeLessThanOrEqual(6);
  expect(data).toMatchObject({ status: "verified", claimable: 2, upcoming: 2, next: { productName: "Soles de Dieppe", quantity: 10, unit: "kg", pickupCode: "048213", pickupPlace: "Quai Henri IV, Dieppe" } });

  const { html } = await render("fr", charity.cookie, "/association");
  expect(html).toContain("2 lot(s) correspondent à vos réglages");
  expect(html).toContain("2 retrait(s) réservé(s) à venir.");
  expect(html).toContain("Soles de Dieppe · 10 kg");
  expect(html).toContain("048213");
  // Another charity's code on the same lot is never shown.
  expect(html).not.toContain("999999");
  expect(html).toContain('href="/association/lots"');
  expect(html).toContain('href="/association/reglages"');
  expectWellFormed(html, UNTRANSLATED_KEY);
});
