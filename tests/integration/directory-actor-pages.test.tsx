import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db, statementsIssued } from "~/db.server";
import EssActorPage, { loader as actorLoader, meta as actorMeta } from "~/routes/acteurs.$slug";
import AgendaEventPage, { loader as eventLoader } from "~/routes/agenda.$id";
import Agenda, { loader as agendaLoader } from "~/routes/agenda._index";
import Directory, { loader as directoryLoader } from "~/routes/annuaire";
import { loader as openDataLoader } from "~/routes/annuaire_.donnees[.]json";
import { action as settingsAction } from "~/routes/association.reglages";
import CharityPage, { loader as charityLoader, meta as charityMeta } from "~/routes/associations.$slug";
import { loader as sitemapLoader } from "~/routes/sitemap[.]xml";
import { createUser, signedInCookie } from "../factories";
import { createActor, ensureDirectoryCommune, referenceCommune } from "../factories-directory";
import { expectWellFormed, renderPage, type PageRoute, readableText } from "../render-page";
import { get, statusOf } from "../route-requests";

/**
 * The public pages of the directory's other actors (issue 12, second round): an ESS actor the
 * territory published (/acteurs/:slug) and a charity that chose to appear (/associations/:slug),
 * linked from the directory's results, the agenda's events they hold, the sitemap and the open data.
 */

const pages: PageRoute[] = [
  { path: "annuaire", loader: directoryLoader, Component: Directory },
  { path: "acteurs/:slug", loader: actorLoader, Component: EssActorPage },
  { path: "associations/:slug", loader: charityLoader, Component: CharityPage },
  { path: "agenda", loader: agendaLoader, Component: Agenda },
  { path: "agenda/:id", loader: eventLoader, Component: AgendaEventPage },
];
// A key shown untranslated; « /agenda.ics » is an address, not a key.
const UNTRANSLATED_KEY = /(?<![/\w])(directory|essKind|agenda)\.[a-z]+\.?[a-zA-Z]/;


async function show(url: string, locale: "fr" | "en" = "fr") {
  const { html, status } = await renderPage(pages, locale, "", url);
  expect(status).toBe(200);
  expectWellFormed(html, UNTRANSLATED_KEY);
  return { html, text: readableText(html) };
}


const noMatch = { params: {}, location: { pathname: "", search: "", hash: "", state: null, key: "" }, matches: [] };

function jsonLdOf(tags: ReadonlyArray<Record<string, unknown>>) {
  const tag = tags.find((entry) => "script:ld+json" in entry);
  return JSON.parse(JSON.stringify(tag?.["script:ld+json"]));
}

async function essActor(options: { name?: string; published?: boolean } = {}) {
  const communeInsee = await ensureDirectoryCommune("arques");
  const commune = referenceCommune("arques");
  const id = randomUUID();
  const slug = `jardin-du-pollet-${id.slice(0, 6)}`;
  const name = options.name ?? `Jardin partagé du Pollet ${id.slice(0, 4)}`;
  await db().essActor.create({
    data: {
      id, slug, name, kind: "COMMUNITY_GARDEN", communeInsee, address: "12 rue des Jardins", lat: commune.lat + 0.002, lon: commune.lon,
      offer: "Parcelles à cultiver, ateliers de compost le samedi matin.", contactEmail: "jardin@pollet.test", contactPhone: "02 35 11 22 33",
      website: "https://jardin-pollet.test/", published: options.published ?? true,
    },
  });
  return { id, slug, name };
}

async function charity(options: { inDirectory?: boolean; publicContact?: boolean; verified?: boolean; refused?: boolean } = {}) {
  const made = await createActor({
    name: `Épicerie solidaire ${randomUUID().slice(0, 4)}`,
    kind: "CHARITY",
    producerKind: null,
    description: "Une épicerie où chacun paie selon ses moyens, ouverte le mardi et le vendredi.",
    inDirectory: options.inDirectory ?? true,
    verified: options.verified,
    refused: options.refused,
    contactEmail: "contact@epicerie.test",
    contactPhone: "02 35 44 55 66",
  });
  if (options.publicContact) await db().charitySettings.update({ where: { organisationId: made.id }, data: { publicContact: true } });
  // A member of the charity: nothing of them is ever public.
  const member = await createUser({ name: "Bénévole Secrète", email: `benevole-${randomUUID().slice(0, 8)}@prive.test` });
  await db().membership.create({ data: { userId: member.id, organisationId: made.id, role: "CHARITY" } });
  return { ...made, member };
}

async function eventHeldBy(holder: { essActorId: string } | { organisationId: string }, title: string) {
  const communeInsee = await ensureDirectoryCommune("dieppe");
  const id = randomUUID();
  const startsAt = new Date(Date.now() + 4 * 86_400_000);
  await db().event.create({ data: { id, title, kind: "OPEN_DAY", startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), placeName: "Sur place", communeInsee, lat: 49.92, lon: 1.08, ...holder } });
  return id;
}

test("an ESS actor's page: name, kind, commune, what they offer, contact, position on the map, coming events linked to the agenda", async () => {
  const actor = await essActor();
  const eventId = await eventHeldBy({ essActorId: actor.id }, "Troc de graines au jardin");
  const { html, text } = await show(`/acteurs/${actor.slug}`);
  expect(text).toContain(actor.name);
  expect(text).toContain("Jardin partagé · Arques-la-Bataille");
  expect(text).toContain("Parcelles à cultiver, ateliers de compost le samedi matin.");
  expect(text).toContain("12 rue des Jardins, 76880 Arques-la-Bataille");
  expect(html).toContain('href="mailto:jardin@pollet.test"');
  expect(html).toContain('href="tel:0235112233"');
  expect(html).toContain('href="https://jardin-pollet.test/"');
  expect(html).toMatch(new RegExp(`role="region" aria-label="Carte : ${actor.name}`));
  expect(text).toContain("Troc de graines au jardin");
  expect(html).toContain(`href="/agenda/${eventId}"`);

  const english = await show(`/acteurs/${actor.slug}`, "en");
  expect(english.text).toContain("Community garden · Arques-la-Bataille");
  expect(english.text).toContain("What they offer");
});

test("an ESS actor's JSON-LD is an Organization at its place, with its contact; Open Graph names it", async () => {
  const actor = await essActor();
  const data = await actorLoader({ request: get(`/acteurs/${actor.slug}`), params: { slug: actor.slug }, context: {} });
  const tags = actorMeta({ data, ...noMatch } as never) as Array<Record<string, unknown>>;
  const jsonLd = jsonLdOf(tags);
  expect(jsonLd).toMatchObject({
    "@context": "https://schema.org",
    "@type": "Organization",
    name: actor.name,
    url: `http://localhost:3000/acteurs/${actor.slug}`,
    email: "jardin@pollet.test",
    telephone: "02 35 11 22 33",
    sameAs: ["https://jardin-pollet.test/"],
    address: { "@type": "PostalAddress", addressLocality: "Arques-la-Bataille", postalCode: "76880", addressCountry: "FR" },
    location: { "@type": "Place", geo: { "@type": "GeoCoordinates" } },
  });
  expect(tags).toContainEqual({ property: "og:title", content: actor.name });
  expect(tags).toContainEqual({ property: "og:url", content: `http://localhost:3000/acteurs/${actor.slug}` });
});

test("a charity's page: name, what it does, commune; its contact only once it chose to show it; never its members", async () => {
  const discreet = await charity();
  const { html, text } = await show(`/associations/${discreet.slug}`);
  expect(text).toContain(discreet.name);
  expect(text).toContain("Association · Dieppe");
  expect(text).toContain("Une épicerie où chacun paie selon ses moyens, ouverte le mardi et le vendredi.");
  expect(text).toContain("L'association n'a pas choisi de montrer ses coordonnées ici.");
  for (const secret of ["contact@epicerie.test", "02 35 44 55 66", "1 rue des Tests", discreet.member.email, "Bénévole Secrète"]) expect(html).not.toContain(secret);
  const discreetLd = jsonLdOf(charityMeta({ data: await charityLoader({ request: get("/"), params: { slug: discreet.slug }, context: {} }), ...noMatch } as never) as Array<Record<string, unknown>>);
  expect(discreetLd).toMatchObject({ "@type": "Organization", name: discreet.name, address: { addressLocality: "Dieppe" } });
  expect(JSON.stringify(discreetLd)).not.toMatch(/epicerie\.test|44 55 66|rue des Tests/);

  const open = await charity({ publicContact: true });
  const shown = await show(`/associations/${open.slug}`);
  expect(shown.html).toContain('href="mailto:contact@epicerie.test"');
  expect(shown.html).toContain('href="tel:0235445566"');
  expect(shown.text).toContain("1 rue des Tests, 76200 Dieppe");
  expect(shown.html).not.toContain(open.member.email);
  const openLd = jsonLdOf(charityMeta({ data: await charityLoader({ request: get("/"), params: { slug: open.slug }, context: {} }), ...noMatch } as never) as Array<Record<string, unknown>>);
  expect(openLd).toMatchObject({ email: "contact@epicerie.test", telephone: "02 35 44 55 66", address: { streetAddress: "1 rue des Tests" } });
});

test("404 for an unpublished ESS actor, a charity that did not choose to appear, an unverified or refused one, a producer's slug and an unknown one", async () => {
  const hidden = await essActor({ published: false });
  expect(await statusOf(() => actorLoader({ request: get("/"), params: { slug: hidden.slug }, context: {} }))).toBe(404);
  expect(await statusOf(() => actorLoader({ request: get("/"), params: { slug: "personne" }, context: {} }))).toBe(404);
  const notAppearing = await charity({ inDirectory: false, publicContact: true });
  const unverified = await charity({ verified: false });
  const refused = await charity({ refused: true });
  const producer = await createActor({ name: "Ferme pas une association" });
  for (const slug of [notAppearing.slug, unverified.slug, refused.slug, producer.slug, "personne"]) {
    expect(await statusOf(() => charityLoader({ request: get("/"), params: { slug }, context: {} }))).toBe(404);
  }
});

test("the directory's results link to the ESS actor's and the charity's pages", async () => {
  const actor = await essActor({ name: `Jardin lié ${randomUUID().slice(0, 6)}` });
  const { html } = await show(`/annuaire?q=${encodeURIComponent(actor.name)}`);
  expect(html).toContain(`href="/acteurs/${actor.slug}"`);
  const appearing = await charity();
  const list = await show(`/annuaire?q=${encodeURIComponent(appearing.name)}`);
  expect(list.html).toContain(`href="/associations/${appearing.slug}"`);
});

test("an event's page links to the ESS actor or the charity holding it; a charity not appearing is named without a link", async () => {
  const actor = await essActor();
  const byActor = await eventHeldBy({ essActorId: actor.id }, "Portes ouvertes du jardin");
  expect((await show(`/agenda/${byActor}`)).html).toContain(`href="/acteurs/${actor.slug}"`);
  const appearing = await charity();
  const byCharity = await eventHeldBy({ organisationId: appearing.id }, "Collecte solidaire");
  expect((await show(`/agenda/${byCharity}`)).html).toContain(`href="/associations/${appearing.slug}"`);
  const discreet = await charity({ inDirectory: false });
  const byDiscreet = await eventHeldBy({ organisationId: discreet.id }, "Repas partagé");
  const { html, text } = await show(`/agenda/${byDiscreet}`);
  expect(text).toContain(discreet.name);
  expect(html).not.toContain(discreet.slug);
  // The agenda's list links each holder that has a page, too.
  const list = await show("/agenda");
  expect(list.html).toContain(`href="/acteurs/${actor.slug}"`);
  expect(list.html).toContain(`href="/associations/${appearing.slug}"`);
  expect(list.text).toContain(discreet.name);
  expect(list.html).not.toContain(discreet.slug);
});

test("sitemap.xml and the open data name the published ESS actors' and appearing charities' pages, nothing hidden", async () => {
  const actor = await essActor();
  const hidden = await essActor({ published: false });
  const appearing = await charity();
  const discreet = await charity({ inDirectory: false });
  const xml = await (await sitemapLoader()).text();
  expect(xml).toContain(`<loc>http://localhost:3000/acteurs/${actor.slug}</loc>`);
  expect(xml).toContain(`<loc>http://localhost:3000/associations/${appearing.slug}</loc>`);
  for (const secret of [hidden.slug, discreet.slug]) expect(xml).not.toContain(secret);

  const openData = (await (await openDataLoader()).json()) as { actors: Array<{ name: string; url: string | null }> };
  const urlOf = (name: string) => openData.actors.find((entry) => entry.name === name)?.url;
  expect(urlOf(actor.name)).toBe(`http://localhost:3000/acteurs/${actor.slug}`);
  expect(urlOf(appearing.name)).toBe(`http://localhost:3000/associations/${appearing.slug}`);
});

test("each page costs two statements whatever the number of their events", async () => {
  const actor = await essActor();
  const appearing = await charity({ publicContact: true });
  const cost = async (call: () => Promise<unknown>) => {
    const before = statementsIssued();
    await call();
    return statementsIssued() - before;
  };
  const readActor = () => actorLoader({ request: get("/"), params: { slug: actor.slug }, context: {} });
  const readCharity = () => charityLoader({ request: get("/"), params: { slug: appearing.slug }, context: {} });
  expect(await cost(readActor)).toBe(2);
  expect(await cost(readCharity)).toBe(2);
  for (let index = 0; index < 6; index += 1) {
    await eventHeldBy({ essActorId: actor.id }, `Atelier ${index}`);
    await eventHeldBy({ organisationId: appearing.id }, `Distribution ${index}`);
  }
  expect(await cost(readActor)).toBe(2);
  expect(await cost(readCharity)).toBe(2);
});

test("a charity chooses in its settings to show its contact on its public page, and can take it back", async () => {
  const appearing = await charity();
  const cookie = await signedInCookie(appearing.member.id);
  const save = (extra: Record<string, string>) => {
    const body = new URLSearchParams({ storesAmbient: "on", collectionFrom: "09:00", collectionTo: "18:00", inDirectory: "on", ...extra });
    body.append("collectionWeekdays", "2");
    return settingsAction({ request: new Request("http://localhost/association/reglages", { method: "POST", body, headers: { cookie } }), params: {}, context: {} });
  };
  expect((await show(`/associations/${appearing.slug}`)).html).not.toContain("contact@epicerie.test");
  expect(await save({ publicContact: "on" })).toMatchObject({ ok: true });
  expect((await show(`/associations/${appearing.slug}`)).html).toContain('href="mailto:contact@epicerie.test"');
  expect(await save({})).toMatchObject({ ok: true });
  expect((await show(`/associations/${appearing.slug}`)).html).not.toContain("contact@epicerie.test");
});
