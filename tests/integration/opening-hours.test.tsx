import { expect, test } from "vitest";
import { db } from "~/db.server";
import OrganisationPage, { action as organisationAction, loader as organisationLoader } from "~/routes/producteur.organisation";
import ProducerPage, { loader as producerLoader, meta as producerMeta } from "~/routes/producteurs.$slug";
import { createProducerUser } from "../factories";
import { expectWellFormed, renderPage, type PageRoute, readableText } from "../render-page";
import { asFailure, get } from "../route-requests";

/**
 * A producer's opening hours as a week table (issue 12): filled day by day from their organisation
 * page, shown on their public page and given to search engines as openingHoursSpecification.
 */

const pages: PageRoute[] = [
  { path: "producteurs/:slug", loader: producerLoader, Component: ProducerPage },
  { path: "producteur/organisation", loader: organisationLoader, action: organisationAction, Component: OrganisationPage },
];
const UNTRANSLATED_KEY = /(?<![/\w])directory\.[a-z]+\.[a-zA-Z]/;


async function verifiedProducer() {
  const producer = await createProducerUser();
  await db().organisation.update({ where: { id: producer.producerId }, data: { siret: "12000101100010", name: "Ferme des horaires", address: "1 rue", contactEmail: "ferme@test.fr" } });
  const { slug } = await db().organisation.findUniqueOrThrow({ where: { id: producer.producerId }, select: { slug: true } });
  const form = { intent: "profile", name: "Ferme des horaires", siret: "12000101100010", producerKind: "MARKET_GARDENER", communeInsee: "76217", address: "1 rue", contactEmail: "ferme@test.fr" };
  const save = (fields: Record<string, string>) =>
    organisationAction({ request: new Request("http://localhost/producteur/organisation", { method: "POST", body: new URLSearchParams({ ...form, ...fields }), headers: { cookie: producer.cookie } }), params: {}, context: {} });
  return { ...producer, slug, save };
}

const week = {
  "hours-2-1-opens": "09:00", "hours-2-1-closes": "12:30", "hours-2-2-opens": "14:00", "hours-2-2-closes": "18:30",
  "hours-6-1-opens": "08:00", "hours-6-1-closes": "12:00",
};

test("a producer fills their week day by day; their page shows each day, closed ones too, and search engines read openingHoursSpecification", async () => {
  const producer = await verifiedProducer();
  expect(await producer.save({ ...week, openingHours: "Fermé la première semaine d'août." })).toMatchObject({ ok: true });
  expect((await db().organisation.findUniqueOrThrow({ where: { id: producer.producerId }, select: { openingHoursWeek: true } })).openingHoursWeek).toEqual([
    { day: 2, opens: "09:00", closes: "12:30" },
    { day: 2, opens: "14:00", closes: "18:30" },
    { day: 6, opens: "08:00", closes: "12:00" },
  ]);

  const { html, status } = await renderPage(pages, "fr", "", `/producteurs/${producer.slug}`);
  expect(status).toBe(200);
  expectWellFormed(html, UNTRANSLATED_KEY);
  const text = readableText(html);
  expect(text).toContain("Lundi Fermé");
  expect(text).toContain("Mardi 09:00 – 12:30, 14:00 – 18:30");
  expect(text).toContain("Samedi 08:00 – 12:00");
  expect(text).toContain("Fermé la première semaine d'août.");
  const english = readableText((await renderPage(pages, "en", "", `/producteurs/${producer.slug}`)).html);
  expect(english).toContain("Tuesday 09:00 – 12:30, 14:00 – 18:30");

  const data = await producerLoader({ request: get(`/producteurs/${producer.slug}`), params: { slug: producer.slug }, context: {} });
  const tags = producerMeta({ data, params: {}, location: { pathname: "", search: "", hash: "", state: null, key: "" }, matches: [] } as never) as Array<Record<string, unknown>>;
  const jsonLd = JSON.parse(JSON.stringify(tags.find((tag) => "script:ld+json" in tag)?.["script:ld+json"]));
  expect(jsonLd.openingHoursSpecification).toEqual([
    { "@type": "OpeningHoursSpecification", dayOfWeek: "https://schema.org/Tuesday", opens: "09:00", closes: "12:30" },
    { "@type": "OpeningHoursSpecification", dayOfWeek: "https://schema.org/Tuesday", opens: "14:00", closes: "18:30" },
    { "@type": "OpeningHoursSpecification", dayOfWeek: "https://schema.org/Saturday", opens: "08:00", closes: "12:00" },
  ]);

  // Their organisation page shows the week as saved, each time input labelled.
  const own = await renderPage(pages, "fr", producer.cookie, "/producteur/organisation");
  expect(own.html).toMatch(/<label for="field-hours-2-2-closes"[^>]*>Mardi, plage 2 : fermeture<\/label><input id="field-hours-2-2-closes" name="hours-2-2-closes" type="time"[^>]* value="18:30"/);
});

test("a table that does not hold is refused with each wrong time named, with the other fields' errors, and changes nothing", async () => {
  const producer = await verifiedProducer();
  await producer.save(week);
  const refused = asFailure(await producer.save({ name: "", "hours-1-1-opens": "18:00", "hours-1-1-closes": "09:00", "hours-2-1-opens": "09:00", "hours-2-1-closes": "12:30", "hours-2-2-opens": "12:00", "hours-2-2-closes": "18:00", "hours-5-1-opens": "10:00" }));
  expect(refused.init?.status).toBe(400);
  expect(refused.data.fieldErrors).toMatchObject({
    name: expect.any(String),
    "hours-1-1-closes": "La fermeture doit venir après l'ouverture.",
    "hours-2-2-opens": "La seconde plage commence après la fermeture de la première.",
    "hours-5-1-closes": "Indiquez l'heure d'ouverture et l'heure de fermeture de cette plage.",
  });
  expect((await db().organisation.findUniqueOrThrow({ where: { id: producer.producerId }, select: { openingHoursWeek: true } })).openingHoursWeek).toHaveLength(3);
  // Emptied: the page no longer shows a table.
  expect(await producer.save({})).toMatchObject({ ok: true });
  const { html } = await renderPage(pages, "fr", "", `/producteurs/${producer.slug}`);
  expect(html).not.toContain('data-testid="opening-hours"');
});
