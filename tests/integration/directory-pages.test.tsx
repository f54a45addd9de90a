import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import Directory, { loader as directoryLoader } from "~/routes/annuaire";
import PickupPointPage, { loader as pointLoader, meta as pointMeta } from "~/routes/points-de-retrait.$id";
import { action as pointsAdminAction } from "~/routes/admin.points-de-retrait";
import { action as organisationAction } from "~/routes/producteur.organisation";
import ProducerPage, { loader as producerLoader, meta as producerMeta } from "~/routes/producteurs.$slug";
import { loader as robotsLoader } from "~/routes/robots[.]txt";
import { loader as sitemapLoader } from "~/routes/sitemap[.]xml";
import { createMemberUser, createProducerUser, ensureCommune } from "../factories";
import { createLabel } from "../factories-label-public";
import { createActor, createDistributionAt, createPoint, createProduct, ensureNamedCategory } from "../factories-directory";
import { expectWellFormed, renderPage, type PageRoute, readableText } from "../render-page";
import { get, statusOf } from "../route-requests";

/**
 * The directory's public pages (issue 12): a producer's page, a pickup point's page, what search
 * engines read of them (JSON-LD, Open Graph, sitemap.xml, robots.txt), and the profile fields a
 * producer fills in from their space.
 */

const pages: PageRoute[] = [
  { path: "annuaire", loader: directoryLoader, Component: Directory },
  { path: "producteurs/:slug", loader: producerLoader, Component: ProducerPage },
  { path: "points-de-retrait/:id", loader: pointLoader, Component: PickupPointPage },
];
const UNTRANSLATED_KEY = /directory\.[a-z]+\.?[a-zA-Z]/;


async function show(url: string, locale: "fr" | "en" = "fr") {
  const { html, status } = await renderPage(pages, locale, "", url);
  expect(status).toBe(200);
  expectWellFormed(html, UNTRANSLATED_KEY);
  return { html, text: readableText(html) };
}


async function fisherWithMarkets() {
  const sea = await ensureNamedCategory("coquillages", "Coquillages & céphalopodes", "Shellfish & cephalopods", 6);
  const fisher = await createActor({
    name: `Le Pourquoi-Pas ${randomUUID().slice(0, 4)}`,
    producerKind: "FISHER",
    organic: false,
    description: "Pêche côtière à la drague depuis trois générations.",
    openingHours: "Vente au quai du mardi au samedi, 7 h – 12 h",
    visits: "Visite du bateau au retour de pêche, 6 personnes au plus.",
    visitBooking: "par téléphone la veille",
    contactEmail: "bord@pourquoi-pas.test",
    contactPhone: "02 35 00 00 00",
  });
  const scallops = await createProduct(fisher.id, "Coquilles Saint-Jacques", sea, { priceCents: 1890 });
  await createProduct(fisher.id, "Vieux produit retiré", sea, { archived: true });
  const quay = await createPoint({ name: `Quai Henri IV ${randomUUID().slice(0, 4)}`, accessibilityNotes: "De plain-pied, place PMR à 20 m." });
  const now = new Date();
  const coming = await createDistributionAt(quay, now, 48, [scallops]);
  const past = await createDistributionAt(quay, now, -72, [scallops]);
  const cancelled = await createDistributionAt(quay, now, 96, [scallops], "CANCELLED");
  // A distribution at the same point where this fisher sells nothing is not theirs.
  const other = await createDistributionAt(quay, now, 120, []);
  return { fisher, quay, coming, past, cancelled, other };
}

test("a producer's page: story, what they sell, where and when to collect it (linked to the catalogue), certifications, hours, visits, contact", async () => {
  const { fisher, quay, coming, past, cancelled, other } = await fisherWithMarkets();
  const { html, text } = await show(`/producteurs/${fisher.slug}`);
  expect(text).toContain(fisher.name);
  expect(text).toContain("Pêche côtière à la drague depuis trois générations.");
  expect(text).toContain("Coquilles Saint-Jacques");
  expect(text).not.toContain("Vieux produit retiré");
  expect(html).toContain(`href="/distributions/${coming.id}"`);
  expect(html).toContain(`href="/points-de-retrait/${quay}"`);
  for (const notTheirs of [past, cancelled, other]) expect(html).not.toContain(`/distributions/${notTheirs.id}`);
  expect(text).toContain("Pas de certification déclarée.");
  expect(text).toContain("Vente au quai du mardi au samedi, 7 h – 12 h");
  expect(text).toContain("Visite du bateau au retour de pêche, 6 personnes au plus.");
  expect(text).toContain("Pour réserver : par téléphone la veille");
  expect(html).toContain('href="mailto:bord@pourquoi-pas.test"');
  expect(html).toContain('href="tel:0235000000"');

  const english = await show(`/producteurs/${fisher.slug}`, "en");
  expect(english.text).toContain("Where and when to collect our products");
  expect(english.text).toContain("Shellfish & cephalopods");
});

test("an organic producer's page names the control body", async () => {
  const farm = await createActor({ name: "Les Jardins bio", organic: true, controlBody: "FR-BIO-09" });
  const { text } = await show(`/producteurs/${farm.slug}`);
  expect(text).toContain("Agriculture biologique, certifiée par l'organisme FR-BIO-09");
});

test("no public page for an organisation the territory has not verified, has refused, or for a charity; an unknown slug is 404", async () => {
  const pending = await createActor({ name: "Ferme en attente", verified: false });
  const refused = await createActor({ name: "Ferme refusée", refused: true });
  const charity = await createActor({ name: "Épicerie solidaire", kind: "CHARITY", producerKind: null, inDirectory: true });
  for (const slug of [pending.slug, refused.slug, charity.slug, "personne"]) {
    expect(await statusOf(() => producerLoader({ request: get(`/producteurs/${slug}`), params: { slug }, context: {} }))).toBe(404);
  }
  const pendingPoint = await createPoint({ name: "Point d'une ferme en attente", organisationId: pending.id });
  expect(await statusOf(() => pointLoader({ request: get(`/points-de-retrait/${pendingPoint}`), params: { id: pendingPoint }, context: {} }))).toBe(404);
  expect(await statusOf(() => pointLoader({ request: get("/points-de-retrait/x"), params: { id: randomUUID() }, context: {} }))).toBe(404);
});

test("the producer's JSON-LD is a LocalBusiness naming them, their address and their products offered in euros; Open Graph names them with their photo", async () => {
  const { fisher } = await fisherWithMarkets();
  const photoId = randomUUID();
  await db().storedFile.create({ data: { id: photoId, organisationId: fisher.id, purpose: "ORGANISATION_PHOTO", storageKey: `test/${photoId}`, contentType: "image/webp", byteSize: 10, width: 1024, height: 768 } });
  const data = await producerLoader({ request: get(`/producteurs/${fisher.slug}`), params: { slug: fisher.slug }, context: {} });
  const tags = producerMeta({ data, params: {}, location: { pathname: "", search: "", hash: "", state: null, key: "" }, matches: [] } as never);
  const ldTag = tags.find((tag) => "script:ld+json" in tag) as { "script:ld+json": unknown };
  const jsonLd = JSON.parse(JSON.stringify(ldTag["script:ld+json"]));
  expect(jsonLd["@context"]).toBe("https://schema.org");
  expect(jsonLd["@type"]).toBe("LocalBusiness");
  expect(jsonLd.name).toBe(fisher.name);
  expect(jsonLd.url).toBe(`http://localhost:3000/producteurs/${fisher.slug}`);
  expect(jsonLd.address).toMatchObject({ "@type": "PostalAddress", addressLocality: "Dieppe", postalCode: "76200", addressCountry: "FR" });
  // The price of their next distribution open for orders (450 cents there), not the product's list price of 18.90 € (decision 033).
  expect(jsonLd.makesOffer).toEqual([
    expect.objectContaining({ "@type": "Offer", price: "4.50", priceCurrency: "EUR", itemOffered: expect.objectContaining({ "@type": "Product", name: "Coquilles Saint-Jacques" }) }),
  ]);
  expect(tags).toContainEqual({ property: "og:title", content: fisher.name });
  expect(tags).toContainEqual({ property: "og:image", content: `http://localhost:3000/photos/${photoId}?w=1024` });
  expect(tags).toContainEqual({ property: "og:description", content: "Pêche côtière à la drague depuis trois générations." });
});

test("a pickup point's page: address, accessibility, the distributions held there with who sells, linked; JSON-LD Place", async () => {
  const { fisher, quay, coming, past, cancelled } = await fisherWithMarkets();
  const { html, text } = await show(`/points-de-retrait/${quay}`);
  expect(text).toContain("Quai Henri IV, 76200 Dieppe");
  expect(text).toContain("De plain-pied, place PMR à 20 m.");
  expect(html).toContain(`href="/distributions/${coming.id}"`);
  expect(text).toContain(`Avec : ${fisher.name}`);
  expect(html).not.toContain(`/distributions/${past.id}`);
  expect(html).not.toContain(`/distributions/${cancelled.id}`);
  expect(html).toMatch(/role="region" aria-label="Carte : Quai Henri IV/);

  const data = await pointLoader({ request: get(`/points-de-retrait/${quay}`), params: { id: quay }, context: {} });
  const tags = pointMeta({ data, params: {}, location: { pathname: "", search: "", hash: "", state: null, key: "" }, matches: [] } as never);
  const jsonLd = JSON.parse(JSON.stringify((tags.find((tag) => "script:ld+json" in tag) as { "script:ld+json": unknown })["script:ld+json"]));
  expect(jsonLd).toMatchObject({ "@type": "Place", name: data.point.name, geo: { "@type": "GeoCoordinates" }, address: { addressLocality: "Dieppe" } });
});

test("the directory page: a GET form with every field labelled, the count announced, results linked, markers that are links", async () => {
  const { fisher } = await fisherWithMarkets();
  const { html } = await show(`/annuaire?q=${encodeURIComponent(fisher.name)}`);
  expect(html).toMatch(/<form[^>]*method="get"[^>]*action="\/annuaire"/);
  expect(html).toMatch(/<p role="status"[^>]*>1 résultat<\/p>/);
  expect(html).toContain(`href="/producteurs/${fisher.slug}"`);
  expect(html).toMatch(new RegExp(`<a href="/producteurs/${fisher.slug}" aria-label="${fisher.name}, Dieppe : voir la page"`));
  expect(html).toContain(`value="${fisher.name}"`);
  // The directory as open data, linked from it with its licence.
  expect(html).toContain('href="/annuaire/donnees.csv"');
  expect(html).toContain('href="/annuaire/donnees.json"');
  expect(html).toMatch(/<a href="https:\/\/www.etalab.gouv.fr\/licence-ouverte-open-licence\/" rel="license"/);
});

test("a producer fills in opening hours, visits and booking from their space; the public page shows them; too long is refused and changes nothing", async () => {
  const producer = await createProducerUser();
  await db().organisation.update({ where: { id: producer.producerId }, data: { siret: "12000101100010", name: "Ferme des tests", address: "1 rue", contactEmail: "ferme@test.fr" } });
  const slug = (await db().organisation.findUniqueOrThrow({ where: { id: producer.producerId }, select: { slug: true } })).slug;
  const form = { intent: "profile", name: "Ferme des tests", siret: "12000101100010", producerKind: "MARKET_GARDENER", communeInsee: "76217", address: "1 rue", contactEmail: "ferme@test.fr" };
  const save = (fields: Record<string, string>) =>
    organisationAction({ request: new Request("http://localhost/producteur/organisation", { method: "POST", body: new URLSearchParams({ ...form, ...fields }), headers: { cookie: producer.cookie } }), params: {}, context: {} });

  await save({ openingHours: "Mercredi 16 h – 19 h", visits: "Visite des serres le samedi", visitBooking: "par courriel" });
  const { text } = await show(`/producteurs/${slug}`);
  expect(text).toContain("Mercredi 16 h – 19 h");
  expect(text).toContain("Visite des serres le samedi");
  expect(text).toContain("Pour réserver : par courriel");

  const refused = (await save({ openingHours: "x".repeat(501), visits: "Autre chose" })) as { init?: { status: number }; data?: { fieldErrors: Record<string, string> } };
  expect(refused.init?.status).toBe(400);
  expect(refused.data?.fieldErrors.openingHours).toBe("Les horaires tiennent en 500 caractères au plus.");
  expect(await db().organisation.findUniqueOrThrow({ where: { id: producer.producerId }, select: { openingHours: true, visits: true } })).toEqual({ openingHours: "Mercredi 16 h – 19 h", visits: "Visite des serres le samedi" });
});

test("sitemap.xml lists the public pages — home, directory, label, verified producers, points — and nothing unverified; robots.txt names it", async () => {
  const verified = await createActor({ name: "Ferme du plan du site" });
  const pending = await createActor({ name: "Ferme cachée", verified: false });
  const refused = await createActor({ name: "Ferme refusée du plan", refused: true });
  const point = await createPoint({ name: "Point du plan" });
  const pendingPoint = await createPoint({ name: "Point caché", organisationId: pending.id });
  const response = await sitemapLoader();
  expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
  const xml = await response.text();
  expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
  for (const path of ["/", "/annuaire", "/label", "/agenda", `/producteurs/${verified.slug}`, `/points-de-retrait/${point}`]) {
    expect(xml).toContain(`<loc>http://localhost:3000${path}</loc>`);
  }
  for (const hidden of [pending.slug, refused.slug, pendingPoint]) expect(xml).not.toContain(hidden);

  const robots = await (robotsLoader() as Response).text();
  expect(robots).toContain("User-agent: *\nAllow: /\n");
  for (const closed of ["/producteur/", "/admin/", "/api/", "/association/", "/gestion/", "/panier/", "/commandes"]) expect(robots).toContain(`Disallow: ${closed}\n`);
  expect(robots).not.toMatch(/Disallow: \/annuaire|Disallow: \/producteurs\/|Disallow: \/points-de-retrait/);
  expect(robots).toContain("Sitemap: http://localhost:3000/sitemap.xml");
});

test("the sitemap costs one statement whatever the number of producers", async () => {
  const { statementsIssued } = await import("~/db.server");
  const before = statementsIssued();
  await sitemapLoader();
  const used = statementsIssued() - before;
  for (let index = 0; index < 30; index += 1) await createActor({ name: `Ferme nombreuse ${index}` });
  const again = statementsIssued();
  await sitemapLoader();
  expect(statementsIssued() - again).toBe(used);
  expect(used).toBe(1);
});


test("a producer's page shows each product's label valid now with its number, linked to its verification; an expired or suspended one shows nowhere", async () => {
  const now = new Date();
  const day = 24 * 3600_000;
  const category = await ensureNamedCategory("miel", "Miel", "Honey", 9);
  const beekeeper = await createActor({ name: `Miellerie ${randomUUID().slice(0, 4)}` });
  const granted = await createLabel({ productId: await createProduct(beekeeper.id, "Miel de colza", category), status: "GRANTED", validFrom: new Date(now.getTime() - day), validUntil: new Date(now.getTime() + 200 * day) });
  const expired = await createLabel({ productId: await createProduct(beekeeper.id, "Miel de tilleul", category), status: "GRANTED", validFrom: new Date(now.getTime() - 400 * day), validUntil: new Date(now.getTime() - 1000) });
  const suspended = await createLabel({ productId: await createProduct(beekeeper.id, "Miel de bruyère", category), status: "SUSPENDED", validFrom: new Date(now.getTime() - day), validUntil: new Date(now.getTime() + 200 * day) });
  const { html, text } = await show(`/producteurs/${beekeeper.slug}`);
  expect(text).toContain("Label « Produit local Dieppe Maritime »");
  expect(text).toContain(`Miel de colza — Label n° ${granted.number}`);
  expect(html).toContain(`href="/label/${granted.number}"`);
  expect(html).toContain(`aria-label="Vérifier le label n° ${granted.number}"`);
  expect(text).not.toContain(expired.number);
  expect(text).not.toContain(suspended.number);

  const { html: list } = await show(`/annuaire?q=${encodeURIComponent(beekeeper.name)}&label=1`);
  expect(list).toMatch(/<p role="status"[^>]*>1 résultat<\/p>/);
  expect(list).toContain("Produit local Dieppe Maritime</span>");
  expect(list.match(/<input[^>]*name="label"[^>]*>/)?.[0]).toMatch(/checked=""/);
});

test("the territory writes a point's accessibility where it manages the points; its public page shows it; too long is refused and changes nothing", async () => {
  const admin = await createMemberUser("ADMIN");
  const point = await createPoint({ name: `Salle des fêtes ${randomUUID().slice(0, 4)}` });
  const save = (accessibilityNotes: string) =>
    pointsAdminAction({ request: new Request("http://localhost/admin/points-de-retrait", { method: "POST", body: new URLSearchParams({ pointId: point, accessibilityNotes }), headers: { cookie: admin.cookie } }), params: {}, context: {} });

  const { text: before } = await show(`/points-de-retrait/${point}`);
  expect(before).toContain("Pas encore d'information sur l'accessibilité de ce lieu.");
  expect(await save("  Rampe d'accès côté parking, boucle magnétique à l'accueil.  ")).toMatchObject({ ok: true, pointId: point });
  const { text } = await show(`/points-de-retrait/${point}`);
  expect(text).toContain("Rampe d'accès côté parking, boucle magnétique à l'accueil.");

  const refused = (await save("x".repeat(1001))) as { init?: { status: number }; data?: { pointId: string; fieldErrors: Record<string, string> } };
  expect(refused.init?.status).toBe(400);
  expect(refused.data?.pointId).toBe(point);
  expect(refused.data?.fieldErrors.accessibilityNotes).toBe("L'accessibilité tient en 1 000 caractères au plus.");
  expect((await db().pickupPoint.findUniqueOrThrow({ where: { id: point }, select: { accessibilityNotes: true } })).accessibilityNotes).toBe("Rampe d'accès côté parking, boucle magnétique à l'accueil.");
});

test("a producer's page lists their coming visits and open days, linked to the agenda; past ones are not listed", async () => {
  const { fisher } = await fisherWithMarkets();
  const communeInsee = await ensureCommune();
  const day = 24 * 3_600_000;
  const place = { placeName: "Quai Henri IV", address: "Quai Henri IV", communeInsee, lat: 49.92, lon: 1.08, registrationText: "Sur réservation", organisationId: fisher.id };
  const coming = randomUUID();
  await db().event.create({ data: { id: coming, title: "Visite du Pourquoi-Pas au retour de pêche", kind: "BOAT_VISIT", startsAt: new Date(Date.now() + 3 * day), endsAt: new Date(Date.now() + 3 * day + 3_600_000), ...place } });
  await db().event.create({ data: { id: randomUUID(), title: "Visite de l'an dernier", kind: "BOAT_VISIT", startsAt: new Date(Date.now() - 300 * day), endsAt: new Date(Date.now() - 300 * day + 3_600_000), ...place } });
  const { html, text } = await show(`/producteurs/${fisher.slug}`);
  expect(text).toContain("Visite du Pourquoi-Pas au retour de pêche");
  expect(html).toContain(`href="/agenda/${coming}"`);
  expect(text).not.toContain("Visite de l'an dernier");
});

test("with the label filter, a pickup point kept because a labelled product is on sale there says so; without the filter it says nothing of the label", async () => {
  const now = new Date();
  const day = 24 * 3600_000;
  const category = await ensureNamedCategory("miel", "Miel", "Honey", 9);
  const beekeeper = await createActor({ name: `Rucher ${randomUUID().slice(0, 4)}` });
  const honey = await createProduct(beekeeper.id, "Miel de sarrasin", category);
  await createLabel({ productId: honey, status: "GRANTED", validFrom: new Date(now.getTime() - day), validUntil: new Date(now.getTime() + 200 * day) });
  const market = await createPoint({ name: `Halle au miel ${randomUUID().slice(0, 4)}` });
  await createDistributionAt(market, now, 30, [honey]);

  const { text } = await show(`/annuaire?q=${encodeURIComponent("miel de sarrasin")}&label=1`);
  expect(text).toMatch(/Halle au miel \S+ .*Produits labellisés en vente ici/);
  const { text: english } = await show(`/annuaire?q=${encodeURIComponent("miel de sarrasin")}&label=1`, "en");
  expect(english).toContain("Labelled products on sale here");
  const { text: unfiltered } = await show(`/annuaire?q=${encodeURIComponent("miel de sarrasin")}`);
  expect(unfiltered).toContain("Halle au miel");
  expect(unfiltered).not.toContain("Produits labellisés en vente ici");
});
