import { expect, test } from "vitest";
import { db } from "~/db.server";
import type { Locale } from "~/i18n/messages";
import ReviewOrganisations, { action as reviewAction, loader as reviewLoader } from "~/routes/admin.organisations";
import BecomeProducer, { action as createAction, loader as createLoader } from "~/routes/devenir-producteur";
import OrganisedDistributions, { action as cancelAction, loader as listLoader } from "~/routes/gestion.distributions._index";
import NewSeries, { action as seriesAction, loader as seriesLoader } from "~/routes/gestion.distributions.nouvelle";
import InvitationPage, { action as acceptAction, loader as invitationLoader } from "~/routes/invitation.$token";
import OrganisationPage, { action as organisationAction, loader as organisationLoader } from "~/routes/producteur.organisation";
import { createMemberUser, createProducerUser, createUser, ensureCommune, signedInCookie, uniqueEmail } from "../factories";
import { expectWellFormed, renderPage, type PageRoute } from "../render-page";
import { lastLinkTokenTo } from "../mailbox";

/**
 * The joining and distribution pages rendered on the server with their real loaders and actions:
 * the first HTML a phone receives. Every field labelled, one h1, no message key left untranslated,
 * refusals in an alert and beside their field.
 */

const pages: PageRoute[] = [
  { path: "devenir-producteur", loader: createLoader, action: createAction, Component: BecomeProducer },
  { path: "producteur/organisation", loader: organisationLoader, action: organisationAction, Component: OrganisationPage },
  { path: "admin/organisations", loader: reviewLoader, action: reviewAction, Component: ReviewOrganisations },
  { path: "invitation/:token", loader: invitationLoader, action: acceptAction, Component: InvitationPage },
  { path: "gestion/distributions", loader: listLoader, action: cancelAction, Component: OrganisedDistributions },
  { path: "gestion/distributions/nouvelle", loader: seriesLoader, action: seriesAction, Component: NewSeries },
];

function render(locale: Locale, cookie: string, url: string, init?: RequestInit) {
  return renderPage(pages, locale, cookie, url, init);
}

/** A message key of these pages' areas, left untranslated. */
const UNTRANSLATED_KEY = /(organisations|series)\.[a-z]+\.[a-zA-Z]/;

test("become a producer: the form in French and English, every field labelled", async () => {
  const user = await createUser({ email: uniqueEmail("candidat") });
  const cookie = await signedInCookie(user.id);
  const fr = await render("fr", cookie, "/devenir-producteur");
  expect(fr.status).toBe(200);
  expect(fr.html).toContain("Devenir producteur");
  expect(fr.html).toContain("Arques-la-Bataille");
  expectWellFormed(fr.html, UNTRANSLATED_KEY);
  const en = await render("en", cookie, "/devenir-producteur");
  expect(en.html).toContain("Become a producer");
  expectWellFormed(en.html, UNTRANSLATED_KEY);
});

test("a refused registration shows the alert and each message beside its field", async () => {
  const user = await createUser({ email: uniqueEmail("candidat") });
  const cookie = await signedInCookie(user.id);
  const body = new URLSearchParams({ name: "Ferme", siret: "12000101100011", producerKind: "FISHER", communeInsee: "76217", address: "Quai", organic: "on", organicControlBody: "", contactEmail: "a@b.fr" });
  const { html, status } = await render("fr", cookie, "/devenir-producteur", { method: "POST", body });
  expect(status).toBe(400);
  expect(html).toMatch(/role="alert"[^>]*>Certaines informations sont invalides/);
  expect(html).toMatch(/id="field-siret-error"[^>]*>SIRET : ce numéro n&#x27;existe pas/);
  expect(html).toMatch(/id="field-organicControlBody"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-organicControlBody"/);
  expectWellFormed(html, UNTRANSLATED_KEY);
});

test("the organisation page: status, profile, photos, members and invitation, all labelled", async () => {
  const producer = await createProducerUser({ verified: false });
  await db().organisation.update({ where: { id: producer.producerId }, data: { refusedAt: new Date(), refusalReason: "SIRET illisible" } });
  const { html, status } = await render("fr", producer.cookie, "/producteur/organisation");
  expect(status).toBe(200);
  expect(html).toContain("Refusée : corrigez votre profil");
  expect(html).toContain("Raison donnée par le territoire : SIRET illisible");
  expect(html).toContain("Enregistrer et soumettre de nouveau");
  expect(html).toContain("Inviter un membre");
  expect(html).toContain('type="file"');
  expectWellFormed(html, UNTRANSLATED_KEY);
});

test("the admin review page lists producers with verify and refuse, labelled", async () => {
  const admin = await createMemberUser("ADMIN");
  await createProducerUser({ verified: false });
  const { html, status } = await render("fr", admin.cookie, "/admin/organisations");
  expect(status).toBe(200);
  expect(html).toContain("Producteurs à vérifier");
  expect(html).toContain("Raison du refus");
  expectWellFormed(html, UNTRANSLATED_KEY);
});

test("the series form, its preview and the organiser's list render in both languages", async () => {
  const producer = await createProducerUser();
  const communeInsee = await ensureCommune();
  const pickupPointId = crypto.randomUUID();
  await db().pickupPoint.create({ data: { id: pickupPointId, name: "Quai de la Marne", kind: "PORT", communeInsee, address: "Quai", lat: 49.926, lon: 1.08 } });
  const form = await render("fr", producer.cookie, "/gestion/distributions/nouvelle");
  expect(form.status).toBe(200);
  expect(form.html).toContain("Quai de la Marne");
  expectWellFormed(form.html, UNTRANSLATED_KEY);

  const body = new URLSearchParams({ intent: "preview", pickupPointId, weekday: "5", startTime: "17:00", endTime: "19:00", cutoffDaysBefore: "2", cutoffTime: "20:00", opensDaysBefore: "7", slotMinutes: "30", slotCapacity: "20", firstDate: "2027-03-15", lastDate: "2027-04-11" });
  const preview = await render("fr", producer.cookie, "/gestion/distributions/nouvelle", { method: "POST", body });
  expect(preview.html).toContain("4 date(s)");
  expect(preview.html).toContain("<strong>Vendredi 19 mars</strong>, 17:00–19:00 · 4 créneau(x)");
  expect(preview.html).toContain("<strong>Vendredi 2 avril</strong>, 17:00–19:00");
  // Without JavaScript too, the form keeps what was typed under the preview.
  expect(preview.html).toContain('value="2027-04-11"');

  body.set("intent", "create");
  await seriesAction({ request: new Request("http://localhost/gestion/distributions/nouvelle", { method: "POST", body, headers: { cookie: producer.cookie } }), params: {}, context: {} });
  const list = await render("en", producer.cookie, "/gestion/distributions");
  expect(list.status).toBe(200);
  expect(list.html).toContain("Friday, 17:00–19:00, Quai de la Marne");
  expect(list.html).toContain("Cancel this date");
  expectWellFormed(list.html, UNTRANSLATED_KEY);
});

test("an invitation page for a visitor offers to log in or sign up and come back", async () => {
  const producer = await createProducerUser();
  const email = uniqueEmail("invite");
  await organisationAction({ request: new Request("http://localhost/producteur/organisation", { method: "POST", body: new URLSearchParams({ intent: "invite", email }), headers: { cookie: producer.cookie } }), params: {}, context: {} });
  const token = await lastLinkTokenTo(email, "/invitation/");
  const { html, status } = await render("fr", "", `/invitation/${token}`);
  expect(status).toBe(200);
  expect(html).toContain(`/connexion?redirectTo=%2Finvitation%2F${token}`);
  expect(html).toContain(email);
  expectWellFormed(html, UNTRANSLATED_KEY);
});
