import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, expect, test } from "vitest";
import { db } from "~/db.server";
import { listOffers } from "~/domain/catalog/list-offers.server";
import { productInputContext } from "~/domain/catalog/product-input-context.server";
import { action as reviewAction, loader as reviewLoader } from "~/routes/admin.organisations";
import { action as createAction, loader as createLoader } from "~/routes/devenir-producteur";
import { action as acceptAction, loader as invitationLoader } from "~/routes/invitation.$token";
import { action as organisationAction, loader as organisationLoader } from "~/routes/producteur.organisation";
import { createDistribution, createMemberUser, createOffer, createProducerUser, createUser, signedInCookie, uniqueEmail } from "../factories";
import { lastLinkTokenTo } from "../mailbox";
import { asFailure, type Done, get, post, statusOf } from "../route-requests";

/**
 * Joining: a producer registers, the territory verifies or refuses it with a reason, members
 * invite others. Through the page modules themselves, on the real database.
 */

// This file's photos go to a folder of their own (the storage reads DATA_DIR on first use).
const dataDir = mkdtempSync(path.join(tmpdir(), "terre-et-mer-organisations-"));
process.env.DATA_DIR = dataDir;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// A real SIRET (INSEE's head office) — Luhn-valid.
const SIRET = "120 001 011 00010";

function profile(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: `Ferme des Falaises ${randomUUID().slice(0, 6)}`,
    siret: SIRET,
    producerKind: "MARKET_GARDENER",
    communeInsee: "76008", // Arques-la-Bataille
    address: "12 route de Dieppe",
    lat: "",
    lon: "",
    description: "Légumes de saison, en plein champ.",
    organic: "on",
    organicControlBody: "FR-BIO-01",
    contactEmail: "Contact@Ferme-Falaises.example",
    contactPhone: "02 35 84 00 00",
    ...overrides,
  };
}

async function outboxTo(email: string) {
  return db().outboxEmail.findMany({ where: { to: email }, select: { subject: true, text: true, locale: true }, orderBy: { createdAt: "asc" } });
}

async function register(fields: Record<string, string> = profile()) {
  const user = await createUser({ email: uniqueEmail("candidat") });
  const cookie = await signedInCookie(user.id);
  const result = await createAction({ request: post("/devenir-producteur", fields, cookie), params: {}, context: {} });
  const organisation = await db().organisation.findFirstOrThrow({ where: { createdById: user.id }, select: { id: true, slug: true, name: true } });
  return { user, cookie, result, organisation };
}

test("a signed-in person registers their farm: pending, they are its producer, admins are emailed in the same transaction", async () => {
  const admin = await createMemberUser("ADMIN");
  const fields = profile();
  const { user, result, organisation } = await register(fields);

  expect(result).toBeInstanceOf(Response);
  expect((result as Response).headers.get("location")).toBe("/producteur/organisation?creee=1");
  const saved = await db().organisation.findUniqueOrThrow({
    where: { id: organisation.id },
    select: { kind: true, verifiedAt: true, refusedAt: true, siret: true, communeInsee: true, lat: true, lon: true, organicCertified: true, organicControlBody: true, contactEmail: true, contactPhone: true, slug: true },
  });
  expect(saved).toMatchObject({ kind: "PRODUCER", verifiedAt: null, refusedAt: null, siret: "12000101100010", communeInsee: "76008", organicCertified: true, organicControlBody: "FR-BIO-01", contactEmail: "contact@ferme-falaises.example" });
  // No position given: the commune's centre (Arques-la-Bataille).
  expect(saved.lat).toBeCloseTo(49.88, 1);
  expect(saved.lon).toBeCloseTo(1.13, 1);
  expect(saved.slug).toMatch(/^ferme-des-falaises-/);
  expect(await db().membership.findMany({ where: { organisationId: organisation.id }, select: { userId: true, role: true } })).toEqual([{ userId: user.id, role: "PRODUCER" }]);

  const emails = await outboxTo(admin.user.email);
  expect(emails.filter((email) => email.subject.includes(fields.name ?? ""))).toHaveLength(1);
  expect(emails[0]?.text).toContain("attend votre vérification");
});

test("the same name twice gets two slugs; a second registration by the same person is refused", async () => {
  const name = `Les Vergers ${randomUUID().slice(0, 6)}`;
  const first = await register(profile({ name }));
  const second = await register(profile({ name }));
  expect(first.organisation.slug).not.toBe(second.organisation.slug);
  expect(second.organisation.slug).toBe(`${first.organisation.slug}-2`);

  const again = asFailure(await createAction({ request: post("/devenir-producteur", profile(), first.cookie), params: {}, context: {} }));
  expect(again.init?.status).toBe(403);
  expect(await db().organisation.count({ where: { createdById: first.user.id } })).toBe(1);
  const page = await createLoader({ request: get("/devenir-producteur", first.cookie), params: {}, context: {} });
  expect(page.alreadyProducer).toBe(true);
});

const badProfiles: Array<{ case: string; fields: Record<string, string>; field: string; message: string }> = [
  { case: "a SIRET with a wrong check digit", fields: { siret: "12000101100011" }, field: "siret", message: "SIRET : ce numéro n'existe pas (la clé de contrôle ne correspond pas). Vérifiez-le sur votre avis de situation INSEE." },
  { case: "a SIRET of 13 digits", fields: { siret: "1200010110001" }, field: "siret", message: "SIRET : saisissez les 14 chiffres (espaces permis)." },
  { case: "a SIRET with letters", fields: { siret: "1200010110001A" }, field: "siret", message: "SIRET : saisissez les 14 chiffres (espaces permis)." },
  { case: "an empty SIRET", fields: { siret: "" }, field: "siret", message: "SIRET : saisissez les 14 chiffres (espaces permis)." },
  { case: "organic without control body", fields: { organic: "on", organicControlBody: "" }, field: "organicControlBody", message: "Organisme certificateur : obligatoire pour une certification bio (code au format FR-BIO-01)." },
  { case: "a malformed control body", fields: { organicControlBody: "BIO-01" }, field: "organicControlBody", message: "Organisme certificateur : code au format FR-BIO-01." },
  { case: "an unknown commune", fields: { communeInsee: "75056" }, field: "communeInsee", message: "Commune : choisissez une commune de Dieppe-Maritime dans la liste." },
  { case: "a position in Paris", fields: { lat: "48.85", lon: "2.35" }, field: "lat", message: "Position : ce point est hors du territoire de Dieppe-Maritime." },
  { case: "a latitude without longitude", fields: { lat: "49.9", lon: "" }, field: "lon", message: "Position : donnez la latitude et la longitude, ou aucune des deux." },
  { case: "a latitude that is not a number", fields: { lat: "nord", lon: "1.1" }, field: "lat", message: "Position : la latitude et la longitude sont des nombres (exemple : 49.92 et 1.08)." },
  { case: "an empty name", fields: { name: "  " }, field: "name", message: "Nom de l'organisation : saisissez au moins 2 caractères." },
  { case: "a name of 1,000 characters", fields: { name: "x".repeat(1000) }, field: "name", message: "Nom de l'organisation : 120 caractères au plus." },
  { case: "an unknown kind", fields: { producerKind: "ASTRONAUT" }, field: "producerKind", message: "Activité : choisissez dans la liste." },
  { case: "a bad phone number", fields: { contactPhone: "12" }, field: "contactPhone", message: "Téléphone : numéro français à 10 chiffres (exemple : 02 35 84 00 00 ou +33 2 35 84 00 00)." },
  { case: "a bad contact email", fields: { contactEmail: "pas-un-email" }, field: "contactEmail", message: "Saisissez une adresse e-mail valide (exemple : nom@domaine.fr)." },
];

test.each(badProfiles)("registering with $case: 400, the field named in French, nothing created", async ({ fields, field, message }) => {
  const user = await createUser({ email: uniqueEmail("candidat") });
  const cookie = await signedInCookie(user.id);
  const result = asFailure(await createAction({ request: post("/devenir-producteur", profile(fields), cookie), params: {}, context: {} }));
  expect(result.init?.status).toBe(400);
  expect(result.data.fieldErrors[field]).toBe(message);
  expect(await db().organisation.count({ where: { createdById: user.id } })).toBe(0);
  expect(await db().membership.count({ where: { userId: user.id } })).toBe(0);
});

test("the same refusal in English for an English-speaking visitor", async () => {
  const user = await createUser({ email: uniqueEmail("candidate"), locale: "en" });
  const cookie = await signedInCookie(user.id);
  const result = asFailure(await createAction({ request: post("/devenir-producteur", profile({ siret: "12000101100011", organicControlBody: "" }), cookie), params: {}, context: {} }));
  expect(result.init?.status).toBe(400);
  expect(result.data.fieldErrors.siret).toBe("SIRET: this number does not exist (its check digit does not match). Check it on your INSEE registration notice.");
  expect(result.data.fieldErrors.organicControlBody).toBe("Control body: required for an organic certification (code in the FR-BIO-01 format).");
});

test("an admin verifies: members are emailed in their language, once; the catalogue shows the producer only from then on", async () => {
  const admin = await createMemberUser("ADMIN");
  const { user, organisation } = await register();
  const english = await createUser({ email: uniqueEmail("member"), locale: "en" });
  await db().membership.create({ data: { userId: english.id, organisationId: organisation.id, role: "PRODUCER" } });
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, producerId: organisation.id });
  expect((await listOffers(distribution.id)).map((item) => item.id)).not.toContain(offer.id);

  const list = await reviewLoader({ request: get("/admin/organisations", admin.cookie), params: {}, context: {} });
  const mine = list.organisations.find((item) => item.id === organisation.id);
  expect(mine?.status).toBe("pending");
  // Pending ones first.
  expect(list.organisations.findIndex((item) => item.status !== "pending")).not.toBe(0);

  const done = (await reviewAction({ request: post("/admin/organisations", { intent: "verify", organisationId: organisation.id }, admin.cookie), params: {}, context: {} })) as Done;
  expect(done.ok).toBe(true);
  expect((await db().organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { verifiedAt: true } })).verifiedAt).not.toBeNull();
  expect((await listOffers(distribution.id)).map((item) => item.id)).toContain(offer.id);

  await reviewAction({ request: post("/admin/organisations", { intent: "verify", organisationId: organisation.id }, admin.cookie), params: {}, context: {} });
  const french = await outboxTo(user.email);
  const inEnglish = await outboxTo(english.email);
  expect(french.map((email) => email.subject)).toEqual([`${organisation.name} est vérifié sur Terre & Mer`]);
  expect(inEnglish.map((email) => [email.subject, email.locale])).toEqual([[`${organisation.name} is verified on Terre & Mer`, "en"]]);
});

test("an admin refuses with a reason; without one it is a 400 naming the field; the members read the reason", async () => {
  const admin = await createMemberUser("ADMIN");
  const { user, organisation, cookie } = await register();

  const empty = asFailure(await reviewAction({ request: post("/admin/organisations", { intent: "refuse", organisationId: organisation.id, reason: " " }, admin.cookie), params: {}, context: {} }));
  expect(empty.init?.status).toBe(400);
  expect(empty.data.fieldErrors.reason).toBe("Raison du refus : expliquez-la en quelques mots (5 caractères au moins).");
  expect((await db().organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { refusedAt: true } })).refusedAt).toBeNull();

  const reason = "Le SIRET ne correspond pas à une exploitation agricole.";
  await reviewAction({ request: post("/admin/organisations", { intent: "refuse", organisationId: organisation.id, reason }, admin.cookie), params: {}, context: {} });
  const refused = await db().organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { refusedAt: true, refusalReason: true, verifiedAt: true } });
  expect(refused).toMatchObject({ refusalReason: reason, verifiedAt: null });
  expect(refused.refusedAt).not.toBeNull();
  const emails = await outboxTo(user.email);
  expect(emails).toHaveLength(1);
  expect(emails[0]?.subject).toBe(`${organisation.name} : vérification refusée`);
  expect(emails[0]?.text).toContain(reason);

  const page = await organisationLoader({ request: get("/producteur/organisation", cookie), params: {}, context: {} });
  expect(page.organisation.status).toBe("refused");
  expect(page.organisation.refusalReason).toBe(reason);
});

test("a refused producer corrects its profile and saves it: pending again, and the admins are told it was resubmitted", async () => {
  const admin = await createMemberUser("ADMIN");
  const { organisation, cookie } = await register();
  await reviewAction({ request: post("/admin/organisations", { intent: "refuse", organisationId: organisation.id, reason: "Certificat bio illisible." }, admin.cookie), params: {}, context: {} });

  const bad = asFailure(await organisationAction({ request: post("/producteur/organisation", { intent: "profile", ...profile({ name: organisation.name, organicControlBody: "FR-BIO" }) }, cookie), params: {}, context: {} }));
  expect(bad.init?.status).toBe(400);
  expect((await db().organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { refusedAt: true } })).refusedAt).not.toBeNull();

  const saved = (await organisationAction({ request: post("/producteur/organisation", { intent: "profile", ...profile({ name: organisation.name, organicControlBody: "fr-bio-15" }) }, cookie), params: {}, context: {} })) as Done;
  expect(saved.message).toBe("Profil enregistré et soumis de nouveau au territoire.");
  const state = await db().organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { refusedAt: true, refusalReason: true, verifiedAt: true, organicControlBody: true } });
  expect(state).toEqual({ refusedAt: null, refusalReason: null, verifiedAt: null, organicControlBody: "FR-BIO-15" });
  const toAdmin = await outboxTo(admin.user.email);
  expect(toAdmin.filter((email) => email.subject === `Producteur corrigé à vérifier : ${organisation.name}`)).toHaveLength(1);

  const page = await organisationLoader({ request: get("/producteur/organisation", cookie), params: {}, context: {} });
  expect(page.organisation.status).toBe("pending");
});

test("the review page and its actions are for admins only: a producer, a consumer and a charity get 403 and change nothing", async () => {
  const { organisation } = await register();
  const producer = await createProducerUser();
  const consumer = await createUser();
  const charity = await createMemberUser("CHARITY");
  for (const cookie of [producer.cookie, await signedInCookie(consumer.id), charity.cookie]) {
    expect(await statusOf(() => reviewLoader({ request: get("/admin/organisations", cookie), params: {}, context: {} }))).toBe(403);
    expect(await statusOf(() => reviewAction({ request: post("/admin/organisations", { intent: "verify", organisationId: organisation.id }, cookie), params: {}, context: {} }))).toBe(403);
    expect(await statusOf(() => reviewAction({ request: post("/admin/organisations", { intent: "refuse", organisationId: organisation.id, reason: "Pas de raison valable" }, cookie), params: {}, context: {} }))).toBe(403);
  }
  expect(await db().organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { verifiedAt: true, refusedAt: true } })).toEqual({ verifiedAt: null, refusedAt: null });
  // Anonymous: to the login page.
  const anonymous = await statusOf(() => reviewLoader({ request: get("/admin/organisations"), params: {}, context: {} }));
  expect(anonymous).toBe(302);
});

test("an unknown organisation to verify is a 404; a malformed id a 400", async () => {
  const admin = await createMemberUser("ADMIN");
  const unknown = asFailure(await reviewAction({ request: post("/admin/organisations", { intent: "verify", organisationId: randomUUID() }, admin.cookie), params: {}, context: {} }));
  expect(unknown.init?.status).toBe(404);
  const malformed = asFailure(await reviewAction({ request: post("/admin/organisations", { intent: "verify", organisationId: "x".repeat(500) }, admin.cookie), params: {}, context: {} }));
  expect(malformed.init?.status).toBe(400);
});

/** A registered farm the territory has verified: only those invite. */
async function registerVerified() {
  const registered = await register();
  await db().organisation.update({ where: { id: registered.organisation.id }, data: { verifiedAt: new Date() } });
  return registered;
}

/** Invites, then reads the link as the invitee does: in the email that reached them (decision 015). */
async function inviteAndReadToken(cookie: string, email: string): Promise<string> {
  const sent = (await organisationAction({ request: post("/producteur/organisation", { intent: "invite", email }, cookie), params: {}, context: {} })) as Done;
  expect(sent.ok).toBe(true);
  return lastLinkTokenTo(email.toLowerCase(), "/invitation/");
}

function invite(cookie: string, email: string) {
  return organisationAction({ request: post("/producteur/organisation", { intent: "invite", email }, cookie), params: {}, context: {} });
}

test("a farm the territory has not verified, or has refused, invites no one: 403 with a clear message, nothing stored or sent", async () => {
  const { organisation, cookie } = await register();
  const email = uniqueEmail("premature");
  const pending = asFailure(await invite(cookie, email));
  expect(pending.init?.status).toBe(403);
  expect(pending.data.message).toBe("Votre organisation n'est pas encore vérifiée par le territoire : vous pourrez inviter des membres dès qu'elle le sera.");
  await db().organisation.update({ where: { id: organisation.id }, data: { refusedAt: new Date(), refusalReason: "SIRET d'une autre entreprise" } });
  expect(asFailure(await invite(cookie, email)).init?.status).toBe(403);
  expect(await db().organisationInvitation.count({ where: { organisationId: organisation.id } })).toBe(0);
  expect(await outboxTo(email)).toHaveLength(0);
  // The page offers no invitation form until then, and says why.
  const page = await organisationLoader({ request: get("/producteur/organisation", cookie), params: {}, context: {} });
  expect(page.organisation.canInvite).toBe(false);
});

test("one address gets at most 3 invitations a day, from every farm together; one member sends at most 20 a day", async () => {
  const target = uniqueEmail("sollicite");
  const farms = await Promise.all([registerVerified(), registerVerified()]);
  const outcomes: number[] = [];
  for (const farm of [farms[0], farms[1], farms[0], farms[1]]) {
    const result = await invite(farm.cookie, target);
    outcomes.push(asFailure(result).init?.status ?? 200);
  }
  expect(outcomes).toEqual([200, 200, 200, 429]);
  expect(await db().organisationInvitation.count({ where: { email: target } })).toBe(3);
  const refused = asFailure(await invite(farms[0].cookie, target));
  expect(refused.data.message).toMatch(/^Trop de tentatives\. Réessayez dans \d+ minutes\.$/);

  const sender = await registerVerified();
  for (let index = 0; index < 20; index += 1) expect(await invite(sender.cookie, uniqueEmail("recrue"))).toMatchObject({ ok: true });
  expect(asFailure(await invite(sender.cookie, uniqueEmail("recrue"))).init?.status).toBe(429);
  expect(await db().organisationInvitation.count({ where: { organisationId: sender.organisation.id } })).toBe(20);
});

test("a member invites someone; the invitee signs in with that address and joins once; the link then no longer works", async () => {
  const { organisation, cookie } = await registerVerified();
  const email = uniqueEmail("associe");
  const token = await inviteAndReadToken(cookie, email.toUpperCase());
  // Only the hash is stored.
  expect(await db().organisationInvitation.count({ where: { organisationId: organisation.id, tokenHash: token } })).toBe(0);
  expect(await db().organisationInvitation.count({ where: { organisationId: organisation.id, email } })).toBe(1);

  // Someone who signs up first with that address and comes back.
  const invitee = await createUser({ email });
  const inviteeCookie = await signedInCookie(invitee.id);
  const page = await invitationLoader({ request: get(`/invitation/${token}`, inviteeCookie), params: { token }, context: {} });
  expect(page.invitation.organisationName).toBe(organisation.name);

  const accepted = await acceptAction({ request: post(`/invitation/${token}`, {}, inviteeCookie), params: { token }, context: {} });
  expect((accepted as Response).headers.get("location")).toBe("/producteur");
  expect(await db().membership.findMany({ where: { userId: invitee.id }, select: { organisationId: true, role: true } })).toEqual([{ organisationId: organisation.id, role: "PRODUCER" }]);

  const again = asFailure(await acceptAction({ request: post(`/invitation/${token}`, {}, inviteeCookie), params: { token }, context: {} }));
  expect(again.init?.status).toBe(400);
  expect(again.data.message).toBe("Cette invitation n'est plus valable. Demandez-en une nouvelle à votre organisation.");
  expect(await statusOf(() => invitationLoader({ request: get(`/invitation/${token}`, inviteeCookie), params: { token }, context: {} }))).toBe(400);
  expect(await db().membership.count({ where: { userId: invitee.id } })).toBe(1);
});

test("two accepts of one invitation at the same instant make one membership", async () => {
  const { cookie } = await registerVerified();
  const email = uniqueEmail("double");
  const token = await inviteAndReadToken(cookie, email);
  const invitee = await createUser({ email });
  const inviteeCookie = await signedInCookie(invitee.id);
  const results = await Promise.all(
    Array.from({ length: 4 }, () => acceptAction({ request: post(`/invitation/${token}`, {}, inviteeCookie), params: { token }, context: {} })),
  );
  expect(results.filter((result) => result instanceof Response)).toHaveLength(1);
  expect(results.filter((result) => !(result instanceof Response)).map((result) => asFailure(result).init?.status)).toEqual([400, 400, 400]);
  expect(await db().membership.count({ where: { userId: invitee.id } })).toBe(1);
});

test("an expired, an unknown or a malformed invitation is refused; someone signed in with another address cannot use it", async () => {
  const { organisation, cookie } = await registerVerified();
  const email = uniqueEmail("tardif");
  const token = await inviteAndReadToken(cookie, email);
  const stranger = await createUser();
  const strangerCookie = await signedInCookie(stranger.id);
  const forbidden = asFailure(await acceptAction({ request: post(`/invitation/${token}`, {}, strangerCookie), params: { token }, context: {} }));
  expect(forbidden.init?.status).toBe(403);
  expect(await db().membership.count({ where: { userId: stranger.id } })).toBe(0);

  // Eight days later, the link has expired.
  await db().organisationInvitation.updateMany({ where: { organisationId: organisation.id, email }, data: { expiresAt: new Date(Date.now() - 24 * 3600_000) } });
  const invitee = await createUser({ email });
  const inviteeCookie = await signedInCookie(invitee.id);
  const expired = asFailure(await acceptAction({ request: post(`/invitation/${token}`, {}, inviteeCookie), params: { token }, context: {} }));
  expect(expired.init?.status).toBe(400);
  expect(await db().membership.count({ where: { userId: invitee.id } })).toBe(0);

  for (const unknown of ["A".repeat(43), "../../etc/passwd", ""]) {
    expect(await statusOf(() => invitationLoader({ request: get(`/invitation/x`, inviteeCookie), params: { token: unknown }, context: {} }))).toBe(400);
    const refused = asFailure(await acceptAction({ request: post(`/invitation/x`, {}, inviteeCookie), params: { token: unknown }, context: {} }));
    expect(refused.init?.status).toBe(400);
  }
});

test("inviting with a bad address is a 400 naming the field, and sends nothing", async () => {
  const { organisation, cookie } = await registerVerified();
  for (const email of ["", "pas-une-adresse", `${"x".repeat(250)}@example.test`]) {
    const result = asFailure(await organisationAction({ request: post("/producteur/organisation", { intent: "invite", email }, cookie), params: {}, context: {} }));
    expect(result.init?.status).toBe(400);
    expect(result.data.fieldErrors.email).toMatch(/adresse e-mail/);
  }
  expect(await db().organisationInvitation.count({ where: { organisationId: organisation.id } })).toBe(0);
});

async function jpeg(width: number, height: number): Promise<Uint8Array> {
  return new Uint8Array(await sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } }).jpeg({ quality: 85 }).toBuffer());
}

function uploadPhoto(cookie: string, file: { bytes: Uint8Array; name: string; type: string }) {
  const form = new FormData();
  form.append("photo", new Blob([Buffer.from(file.bytes)], { type: file.type }), file.name);
  return organisationAction({ request: new Request("http://localhost/producteur/organisation", { method: "POST", body: form, headers: { cookie } }), params: {}, context: {} });
}

test("a member adds photos of the farm (resized WebP, stored outside public/) and removes one; another producer cannot remove them", async () => {
  const { organisation, cookie } = await register();
  const added = (await uploadPhoto(cookie, { bytes: await jpeg(1600, 1200), name: "ferme.JPG", type: "image/jpeg" })) as Done;
  expect(added.message).toBe("Photo ajoutée.");
  const [photo] = await db().storedFile.findMany({ where: { organisationId: organisation.id }, select: { id: true, purpose: true, contentType: true, width: true, height: true, storageKey: true } });
  expect(photo).toMatchObject({ purpose: "ORGANISATION_PHOTO", contentType: "image/webp", width: 1024, height: 768 });
  expect(photo?.storageKey).toMatch(/^photos\/[0-9a-f-]{36}\.webp$/);
  expect(existsSync(path.join(dataDir, "files", photo?.storageKey ?? "none"))).toBe(true);
  const page = await organisationLoader({ request: get("/producteur/organisation", cookie), params: {}, context: {} });
  expect(page.organisation.photos.map((item) => item.id)).toEqual([photo?.id]);

  const other = await createProducerUser();
  const refused = asFailure(await organisationAction({ request: post("/producteur/organisation", { intent: "remove-photo", photoId: photo?.id ?? "" }, other.cookie), params: {}, context: {} }));
  expect(refused.init?.status).toBe(404);
  expect(await db().storedFile.count({ where: { organisationId: organisation.id } })).toBe(1);

  const removed = (await organisationAction({ request: post("/producteur/organisation", { intent: "remove-photo", photoId: photo?.id ?? "" }, cookie), params: {}, context: {} })) as Done;
  expect(removed.message).toBe("Photo retirée.");
  expect(await db().storedFile.count({ where: { organisationId: organisation.id } })).toBe(0);
  expect(existsSync(path.join(dataDir, "files", photo?.storageKey ?? "none"))).toBe(false);
});

test("upload abuse on the organisation photos: an HTML page named .jpg, an oversize file, no file, a seventh photo — each refused with a clear message", async () => {
  const { organisation, cookie } = await register();
  const html = asFailure(await uploadPhoto(cookie, { bytes: new TextEncoder().encode("<html><script>alert(1)</script></html>"), name: "photo.jpg", type: "image/jpeg" }));
  expect(html.init?.status).toBe(415);
  expect(html.data.fieldErrors.photo).toBe("Ce fichier n'est pas une image JPEG, PNG ou WebP.");
  const huge = new Uint8Array(6 * 1024 * 1024);
  huge.set([0xff, 0xd8, 0xff]);
  const oversize = asFailure(await uploadPhoto(cookie, { bytes: huge, name: "grosse.jpg", type: "image/jpeg" }));
  expect(oversize.init?.status).toBe(413);
  expect(oversize.data.fieldErrors.photo).toBe("Ce fichier est trop lourd : 5 Mo au plus.");
  const empty = asFailure(await uploadPhoto(cookie, { bytes: new Uint8Array(0), name: "", type: "application/octet-stream" }));
  expect(empty.init?.status).toBe(400);
  expect(empty.data.fieldErrors.photo).toBe("Photo : choisissez un fichier image (JPEG, PNG ou WebP).");
  expect(await db().storedFile.count({ where: { organisationId: organisation.id } })).toBe(0);

  const small = await jpeg(40, 30);
  for (let index = 0; index < 6; index += 1) await uploadPhoto(cookie, { bytes: small, name: `p${index}.jpg`, type: "image/jpeg" });
  const seventh = asFailure(await uploadPhoto(cookie, { bytes: small, name: "p7.jpg", type: "image/jpeg" }));
  expect(seventh.init?.status).toBe(400);
  expect(seventh.data.fieldErrors.photo).toBe("Photo : 6 photos au plus ; retirez-en une avant d'en ajouter.");
  expect(await db().storedFile.findMany({ where: { organisationId: organisation.id }, select: { position: true }, orderBy: { position: "asc" } })).toEqual([0, 1, 2, 3, 4, 5].map((position) => ({ position })));
});

test("the organisation page is for its members: a consumer or a charity gets 403, a visitor goes to log in; becoming a producer needs an account", async () => {
  const consumer = await signedInCookie((await createUser()).id);
  const charity = await createMemberUser("CHARITY");
  for (const cookie of [consumer, charity.cookie]) {
    expect(await statusOf(() => organisationLoader({ request: get("/producteur/organisation", cookie), params: {}, context: {} }))).toBe(403);
    expect(await statusOf(() => organisationAction({ request: post("/producteur/organisation", { intent: "invite", email: uniqueEmail() }, cookie), params: {}, context: {} }))).toBe(403);
  }
  expect(await statusOf(() => organisationLoader({ request: get("/producteur/organisation"), params: {}, context: {} }))).toBe(302);
  expect(await statusOf(() => createLoader({ request: get("/devenir-producteur"), params: {}, context: {} }))).toBe(302);
  expect(await statusOf(() => createAction({ request: post("/devenir-producteur", profile()), params: {}, context: {} }))).toBe(302);
});

test("a verified farm that changes its name and organic control body goes back to review: still on sale, admins told and shown what changed, no new organic product until they verify again", async () => {
  const admin = await createMemberUser("ADMIN");
  const fields = profile();
  const { organisation, cookie } = await register(fields);
  await reviewAction({ request: post("/admin/organisations", { intent: "verify", organisationId: organisation.id }, admin.cookie), params: {}, context: {} });
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, producerId: organisation.id, organic: true });
  const adminEmailsBefore = (await outboxTo(admin.user.email)).length;

  // The description alone is not the identity: nothing to review.
  await organisationAction({ request: post("/producteur/organisation", { intent: "profile", ...fields, description: "Aussi des fraises." }, cookie), params: {}, context: {} });
  expect(await db().organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { reviewRequestedAt: true } })).toEqual({ reviewRequestedAt: null });

  const renamed = `Ferme Bio du Val ${randomUUID().slice(0, 4)}`;
  const saved = await organisationAction({ request: post("/producteur/organisation", { intent: "profile", ...fields, name: renamed, organicControlBody: "FR-BIO-16" }, cookie), params: {}, context: {} });
  expect(saved).toMatchObject({ ok: true });
  const after = await db().organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { verifiedAt: true, reviewRequestedAt: true, name: true } });
  expect(after.verifiedAt).not.toBeNull();
  expect(after.reviewRequestedAt).not.toBeNull();
  expect(after.name).toBe(renamed);
  // Its current offers stay on sale until the decision.
  expect((await listOffers(distribution.id)).map((item) => item.id)).toContain(offer.id);

  // The admins are emailed what changed, and see it first among the verified ones on their page.
  const toAdmin = (await outboxTo(admin.user.email)).slice(adminEmailsBefore);
  expect(toAdmin.map((email) => email.subject)).toEqual([`Identité modifiée, à revoir : ${renamed}`]);
  expect(toAdmin[0]?.text).toContain(`Nom : « ${fields.name} » → « ${renamed} »`);
  expect(toAdmin[0]?.text).toContain("Organisme certificateur bio : « FR-BIO-01 » → « FR-BIO-16 »");
  const list = await reviewLoader({ request: get("/admin/organisations", admin.cookie), params: {}, context: {} });
  const shown = list.organisations.find((item) => item.id === organisation.id);
  expect(shown?.reviewRequestedAt).not.toBeNull();
  expect(shown?.changes).toEqual([`Nom : « ${fields.name} » → « ${renamed} »`, "Organisme certificateur bio : « FR-BIO-01 » → « FR-BIO-16 »"]);
  expect(list.organisations.findIndex((item) => item.id === organisation.id)).toBeLessThan(list.organisations.findIndex((item) => item.status === "verified" && !item.reviewRequestedAt));

  // No product becomes organic through the unreviewed control body.
  expect((await productInputContext(organisation.id)).organicControlBody).toBeNull();

  // The territory verifies again: settled.
  await reviewAction({ request: post("/admin/organisations", { intent: "verify", organisationId: organisation.id }, admin.cookie), params: {}, context: {} });
  expect(await db().organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { reviewRequestedAt: true, identityChanges: true } })).toEqual({ reviewRequestedAt: null, identityChanges: null });
  expect((await productInputContext(organisation.id)).organicControlBody).toBe("FR-BIO-16");
});

test("a verified farm that changes its SIRET or kind goes back to review; a refusal then takes it off the shelves", async () => {
  const admin = await createMemberUser("ADMIN");
  const fields = profile();
  const { organisation, cookie } = await register(fields);
  await reviewAction({ request: post("/admin/organisations", { intent: "verify", organisationId: organisation.id }, admin.cookie), params: {}, context: {} });
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, producerId: organisation.id });

  await organisationAction({ request: post("/producteur/organisation", { intent: "profile", ...fields, siret: "356 000 000 00048", producerKind: "FISHER" }, cookie), params: {}, context: {} });
  const changed = await db().organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { reviewRequestedAt: true, identityChanges: true } });
  expect(changed.reviewRequestedAt).not.toBeNull();
  expect(changed.identityChanges).toEqual([
    { field: "siret", before: "12000101100010", after: "35600000000048" },
    { field: "producerKind", before: "MARKET_GARDENER", after: "FISHER" },
  ]);
  const page = await organisationLoader({ request: get("/producteur/organisation", cookie), params: {}, context: {} });
  expect(page.organisation.reviewRequestedAt).not.toBeNull();

  await reviewAction({ request: post("/admin/organisations", { intent: "refuse", organisationId: organisation.id, reason: "Ce SIRET est celui d'une autre entreprise." }, admin.cookie), params: {}, context: {} });
  expect((await listOffers(distribution.id)).map((item) => item.id)).not.toContain(offer.id);
  expect(await db().organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { reviewRequestedAt: true, verifiedAt: true } })).toEqual({ reviewRequestedAt: null, verifiedAt: null });
});
