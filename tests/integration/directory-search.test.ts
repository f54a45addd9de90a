import { beforeAll, expect, test } from "vitest";
import { MAP_MARKER_CAP } from "~/domain/directory/search-directory.server";
import { forgetSharedDirectorySearches } from "~/domain/directory/shared-directory-search.server";
import { db, statementsIssued } from "~/db.server";
import { loader } from "~/routes/annuaire";
import { useOwnMigratedDatabase } from "../setup/fresh-database";
import { greatCircleKm } from "~/domain/label/label-criteria";
import { createActor, createDistributionAt, createEssActor, createPoint, createProduct, ensureNamedCategory, referenceCommune } from "../factories-directory";
import { createLabel } from "../factories-label-public";
import { get } from "../route-requests";

/**
 * /annuaire (issue 12): search by name and by what is sold, accents and case ignored, each filter,
 * the URL as the search's only state, nothing unverified, and a fixed number of statements. The
 * search reads whole tables: this file has a database of its own, so counts are exact.
 */
useOwnMigratedDatabase("directory_search");

type Page = Awaited<ReturnType<typeof loader>>;

async function search(query: string): Promise<Page> {
  return loader({ request: get(`/annuaire${query}`), params: {}, context: {} });
}

function names(page: Page): string[] {
  return page.results.map((result) => result.name);
}

let seaCategory: string;
let drinksCategory: string;
let dairyCategory: string;

beforeAll(async () => {
  seaCategory = await ensureNamedCategory("coquillages", "Coquillages & céphalopodes", "Shellfish & cephalopods", 6);
  drinksCategory = await ensureNamedCategory("boissons", "Boissons", "Drinks", 8);
  dairyCategory = await ensureNamedCategory("cremerie", "Crèmerie & œufs", "Dairy & eggs", 3);

  const fisher = await createActor({ name: "Le Pourquoi-Pas", producerKind: "FISHER" });
  await createProduct(fisher.id, "Coquilles Saint-Jacques", seaCategory);
  const cider = await createActor({ name: "Cidrerie du Manoir d'Ancourt", producerKind: "CIDER_MAKER", commune: "ancourt", organic: true });
  await createProduct(cider.id, "Cidre brut fermier", drinksCategory);
  const dairy = await createActor({ name: "Ferme laitière de Sauqueville", producerKind: "DAIRY", commune: "arques" });
  await createProduct(dairy.id, "Crème fraîche épaisse", dairyCategory);
  await createProduct(dairy.id, "Cidre de la ferme (ancien)", drinksCategory, { archived: true });
  await createActor({ name: "AMAP Les Paniers de la Scie", kind: "AMAP", producerKind: null, commune: "arques" });
  await createActor({ name: "Secours populaire de Dieppe", kind: "CHARITY", producerKind: null, inDirectory: true });
  await createActor({ name: "Restos discrets de Dieppe", kind: "CHARITY", producerKind: null, inDirectory: false });

  // Never public: not verified yet, refused, a point run by an unverified farm.
  const pending = await createActor({ name: "Cidrerie en attente", producerKind: "CIDER_MAKER", verified: false });
  await createProduct(pending.id, "Cidre doux", drinksCategory);
  await createActor({ name: "Cidrerie refusée", producerKind: "CIDER_MAKER", refused: true });
  await createPoint({ name: "Point de la ferme en attente", organisationId: pending.id });

  const quay = await createPoint({ name: "Quai Henri IV — étal", commune: "dieppe" });
  const fisherProduct = await db().product.findFirstOrThrow({ where: { producerId: fisher.id }, select: { id: true } });
  await createDistributionAt(quay, new Date(), 48, [fisherProduct.id]);
});

test("a name is found whatever its accents and capitals", async () => {
  expect(names(await search("?q=CIDRERIE%20ANCOURT"))).toEqual(["Cidrerie du Manoir d'Ancourt"]);
  expect(names(await search("?q=laitiere%20sauqueville"))).toEqual(["Ferme laitière de Sauqueville"]);
  expect(names(await search("?q=QUAI%20HENRI%20iv%20etal"))).toEqual(["Quai Henri IV — étal"]);
});

test("what they sell is found: a product's name, accents ignored, and the points where it is on sale", async () => {
  expect(names(await search("?q=coquilles"))).toEqual(["Le Pourquoi-Pas", "Quai Henri IV — étal"]);
  expect(names(await search("?q=CREME%20FRAICHE"))).toEqual(["Ferme laitière de Sauqueville"]);
  // An archived product is no longer sold: the dairy's old cider does not make it a cider maker.
  expect(names(await search("?q=cidre"))).toEqual(["Cidrerie du Manoir d'Ancourt"]);
  // A category's name finds its sellers, in either language.
  expect(names(await search("?q=shellfish"))).toEqual(["Le Pourquoi-Pas", "Quai Henri IV — étal"]);
  // Each result says what it sells, searched by words or by filters alone; an archived product no longer counts.
  const shellfish = [{ fr: "Coquillages & céphalopodes", en: "Shellfish & cephalopods" }];
  expect((await search("?q=coquilles")).results.map((result) => result.categories)).toEqual([shellfish, shellfish]);
  expect((await search("?type=point-de-retrait")).results.map((result) => result.categories)).toEqual([shellfish]);
  expect((await search("?type=laitier")).results.map((result) => result.categories)).toEqual([[{ fr: "Crèmerie & œufs", en: "Dairy & eggs" }]]);
});

test("each word must match: a product and a commune narrow together", async () => {
  expect(names(await search("?q=coquilles%20dieppe"))).toEqual(["Le Pourquoi-Pas", "Quai Henri IV — étal"]);
  expect(names(await search("?q=coquilles%20ancourt"))).toEqual([]);
  // Whichever word is the longest, it may be found in the commune or a category only.
  expect(names(await search("?q=ancourt"))).toEqual(["Cidrerie du Manoir d'Ancourt"]);
  expect(names(await search("?q=drinks%20cidrerie"))).toEqual(["Cidrerie du Manoir d'Ancourt"]);
  expect(names(await search("?q=bio%20boissons"))).toEqual([]);
});

test("a search for % or _ matches those characters only, not everything", async () => {
  const page = await search("?q=%25");
  expect(page.total).toBe(0);
  expect(names(await search("?q=_"))).toEqual([]);
});

test("each filter: kind, commune, product category, organic", async () => {
  expect(names(await search("?type=pecheur"))).toEqual(["Le Pourquoi-Pas"]);
  expect(names(await search("?type=amap"))).toEqual(["AMAP Les Paniers de la Scie"]);
  expect(names(await search("?type=point-de-retrait"))).toEqual(["Quai Henri IV — étal"]);
  expect(names(await search("?type=association"))).toEqual(["Secours populaire de Dieppe"]);
  expect(names(await search(`?commune=${referenceCommune("arques").inseeCode}`))).toEqual(["AMAP Les Paniers de la Scie", "Ferme laitière de Sauqueville"]);
  expect(names(await search(`?categorie=${drinksCategory}`))).toEqual(["Cidrerie du Manoir d'Ancourt"]);
  expect(names(await search(`?categorie=${seaCategory}`))).toEqual(["Le Pourquoi-Pas", "Quai Henri IV — étal"]);
  expect(names(await search("?bio=1"))).toEqual(["Cidrerie du Manoir d'Ancourt"]);
  expect(names(await search(`?bio=1&categorie=${seaCategory}`))).toEqual([]);
});

test("nothing the territory has not verified appears: pending, refused, a pending farm's point, a charity that chose not to appear", async () => {
  const everything = await search("");
  expect(everything.total).toBe(6);
  expect(names(everything)).toEqual([
    "AMAP Les Paniers de la Scie",
    "Cidrerie du Manoir d'Ancourt",
    "Ferme laitière de Sauqueville",
    "Le Pourquoi-Pas",
    "Quai Henri IV — étal",
    "Secours populaire de Dieppe",
  ]);
  expect(names(await search("?q=attente"))).toEqual([]);
  expect(names(await search("?q=refusee"))).toEqual([]);
  expect(names(await search("?q=restos"))).toEqual([]);
});

test("the URL is the search: filters read back as given, results link to public pages, and the page renders its count", async () => {
  const page = await search(`?q=coquilles&type=pecheur&commune=76217&categorie=${seaCategory}&page=1`);
  expect(page.query).toEqual({ q: "coquilles", kind: "pecheur", commune: "76217", near: null, category: seaCategory, organic: false, label: false, page: 1 });
  expect(page.results).toHaveLength(1);
  expect(page.results[0]?.href).toMatch(/^\/producteurs\/le-pourquoi-pas-/);
  expect(page.meta.url).toBe(`http://localhost:3000/annuaire?q=coquilles&type=pecheur&commune=76217&categorie=${seaCategory}`);
  const point = (await search("?type=point-de-retrait")).results[0];
  expect(point?.href).toMatch(/^\/points-de-retrait\//);
  expect((await search("?type=association")).results[0]?.href).toMatch(/^\/associations\//);
});

test("paging: twenty per page, the count is of all results, a page past the end says none", async () => {
  const category = await ensureNamedCategory("legumes", "Légumes", "Vegetables", 2);
  for (let index = 0; index < 25; index += 1) {
    const actor = await createActor({ name: `Zz Maraîcher ${String(index).padStart(2, "0")}`, commune: "arques" });
    await createProduct(actor.id, "Poireaux", category);
  }
  const first = await search("?q=poireaux");
  const second = await search("?q=poireaux&page=2");
  expect(first.total).toBe(25);
  expect(first.results).toHaveLength(20);
  expect(second.results.map((result) => result.name)).toEqual(["Zz Maraîcher 20", "Zz Maraîcher 21", "Zz Maraîcher 22", "Zz Maraîcher 23", "Zz Maraîcher 24"]);
  const beyond = await search("?q=poireaux&page=3");
  expect(beyond.results).toHaveLength(0);
  expect(beyond.total).toBe(25);
  // The map shows every result of the search, not only the page's twenty: the page's as pins, the others as dots.
  expect(first.markerCount).toBe(25);
  expect(first.others.map((marker) => marker.name)).toEqual(["Zz Maraîcher 20", "Zz Maraîcher 21", "Zz Maraîcher 22", "Zz Maraîcher 23", "Zz Maraîcher 24"]);
  expect(second.others).toHaveLength(20);
  expect(second.others.every((marker) => marker.href?.startsWith("/producteurs/"))).toBe(true);
  await db().product.updateMany({ where: { name: "Poireaux" }, data: { archivedAt: new Date() } });
});

test("the directory costs the same statements for 20 actors as for 200, with their products and points", async () => {
  const category = await ensureNamedCategory("fruits", "Fruits", "Fruit", 4);
  async function addActors(count: number, prefix: string) {
    for (let index = 0; index < count; index += 1) {
      const actor = await createActor({ name: `${prefix} verger ${index}`, commune: "ancourt" });
      const product = await createProduct(actor.id, "Pommes à couteau", category);
      if (index % 10 === 0) {
        const point = await createPoint({ name: `${prefix} point ${index}`, commune: "ancourt" });
        await createDistributionAt(point, new Date(), 24 + index, [product]);
      }
    }
  }
  async function statements(query: string) {
    const before = statementsIssued();
    const page = await search(query);
    return { used: statementsIssued() - before, page };
  }
  await addActors(20, "Budget");
  const few = await statements("?q=pommes");
  const fewFiltered = await statements(`?q=pommes&commune=${referenceCommune("ancourt").inseeCode}&categorie=${category}&type=maraicher`);
  await addActors(180, "Budget plus");
  // The same searches a second later: the page's one-second shared answer (decision 034) is not what is measured here.
  forgetSharedDirectorySearches();
  const many = await statements("?q=pommes");
  const manyFiltered = await statements(`?q=pommes&commune=${referenceCommune("ancourt").inseeCode}&categorie=${category}&type=maraicher`);
  expect(few.page.total).toBe(22);
  expect(many.page.total).toBe(220);
  expect(manyFiltered.page.total).toBe(200);
  // The map has every result, the 220 as the 22, with the same statements.
  expect(few.page.markerCount).toBe(22);
  expect(many.page.markerCount).toBe(220);
  expect(many.page.others).toHaveLength(200);
  expect(many.used).toBe(few.used);
  expect(manyFiltered.used).toBe(fewFiltered.used);
  expect(many.used).toBeLessThanOrEqual(2);
});

test("the ESS actors the territory published are found by name and by what they offer, filtered by their kind; an unpublished one never", async () => {
  await createEssActor({ name: "Jardin partagé du Pollet", kind: "COMMUNITY_GARDEN", offer: "Parcelles à cultiver, ateliers de compost et semences" });
  await createEssActor({ name: "Cigales de la Côte d'Albâtre", kind: "CIGALES", offer: "Épargne solidaire pour les projets locaux", commune: "arques" });
  await createEssActor({ name: "Jardin en préparation", kind: "COMMUNITY_GARDEN", offer: "Compost", published: false });
  expect(names(await search("?q=COMPOST"))).toEqual(["Jardin partagé du Pollet"]);
  expect(names(await search("?q=epargne%20solidaire"))).toEqual(["Cigales de la Côte d'Albâtre"]);
  expect(names(await search("?q=albatre"))).toEqual(["Cigales de la Côte d'Albâtre"]);
  expect(names(await search("?type=jardin-partage"))).toEqual(["Jardin partagé du Pollet"]);
  const cigales = await search("?type=cigales");
  expect(cigales.results.map((result) => [result.name, result.kind, result.href])).toEqual([["Cigales de la Côte d'Albâtre", "cigales", expect.stringMatching(/^\/acteurs\/ess-/)]]);
  // They sell nothing here: a category, organic or label filter leaves them out.
  expect(names(await search(`?q=compost&categorie=${seaCategory}`))).toEqual([]);
  expect(names(await search("?q=compost&label=1"))).toEqual([]);
});

test("the label filter keeps the producers holding a label valid now, and the points where a labelled product is on sale; an expired, suspended or pending one counts nowhere", async () => {
  const now = new Date();
  const day = 24 * 3600_000;
  const category = await ensureNamedCategory("miel", "Miel", "Honey", 9);
  const holder = await createActor({ name: "Miellerie labellisée", commune: "arques" });
  const honey = await createProduct(holder.id, "Miel de colza", category);
  const granted = await createLabel({ productId: honey, status: "GRANTED", validFrom: new Date(now.getTime() - 10 * day), validUntil: new Date(now.getTime() + 300 * day) });
  for (const [name, status, until] of [
    ["Miellerie expirée", "GRANTED", new Date(now.getTime() - 1000)],
    ["Miellerie suspendue", "SUSPENDED", new Date(now.getTime() + 300 * day)],
    ["Miellerie en attente", "PENDING", null],
  ] as const) {
    const actor = await createActor({ name, commune: "arques" });
    const product = await createProduct(actor.id, "Miel de tilleul", category);
    if (status === "PENDING") await createLabel({ productId: product, status, validFrom: null, validUntil: null });
    else await createLabel({ productId: product, status, validFrom: new Date(now.getTime() - 400 * day), validUntil: until });
  }
  const market = await createPoint({ name: "Marché du miel", commune: "arques" });
  await createDistributionAt(market, now, 30, [honey]);

  expect(names(await search("?q=miel&label=1"))).toEqual(["Marché du miel", "Miellerie labellisée"]);
  expect(names(await search("?q=miel"))).toHaveLength(5);
  const [labelled] = (await search("?q=miellerie%20labellisee")).results;
  expect(labelled?.labels).toEqual([granted.number]);
  expect((await search("?q=miellerie%20expiree")).results[0]?.labels).toEqual([]);
});

/** A position `km` due north of a commune's centre: along a meridian the great-circle distance is exactly `km`. */
function northOf(commune: { lat: number; lon: number }, km: number) {
  return { lat: commune.lat + (km / 6371.0088) * (180 / Math.PI), lon: commune.lon };
}

test("near a commune: an actor 19.9 km from Dieppe's centre is within the default 20 km, one at 20.1 km is not; nearest first, each with its distance", async () => {
  const dieppe = referenceCommune("dieppe");
  const category = await ensureNamedCategory("salicorne", "Herbes de mer", "Sea herbs", 11);
  const inside = await createActor({ name: "Salicornes à 19,9 km", commune: "dieppe", position: northOf(dieppe, 19.9) });
  await createProduct(inside.id, "Salicorne fraîche", category);
  const outside = await createActor({ name: "Salicornes à 20,1 km", commune: "dieppe", position: northOf(dieppe, 20.1) });
  await createProduct(outside.id, "Salicorne fraîche", category);
  const onQuay = await createActor({ name: "Salicornes du quai", commune: "dieppe" });
  await createProduct(onQuay.id, "Salicorne fraîche", category);
  expect(greatCircleKm(dieppe, northOf(dieppe, 19.9))).toBeCloseTo(19.9, 6);

  const near = await search("?q=salicorne&pres=Dieppe");
  expect(near.query.near).toEqual({ commune: dieppe.inseeCode, km: 20 });
  expect(near.results.map((result) => [result.name, result.km === null ? null : Math.round(result.km * 10) / 10])).toEqual([
    ["Salicornes du quai", 0],
    ["Salicornes à 19,9 km", 19.9],
  ]);
  // A wider radius takes the one beyond 20 km, still nearest first.
  expect(names(await search("?q=salicorne&pres=76217&km=40"))).toEqual(["Salicornes du quai", "Salicornes à 19,9 km", "Salicornes à 20,1 km"]);
  // « In the commune only » is the commune filter: all three are of Dieppe, whatever their distance, by name.
  const inDieppe = await search("?q=salicorne&pres=dieppe&km=0");
  expect(names(inDieppe)).toEqual(["Salicornes à 19,9 km", "Salicornes à 20,1 km", "Salicornes du quai"]);
  expect(inDieppe.results.map((result) => result.km)).toEqual([null, null, null]);
  // Without the filter, no distance.
  expect((await search("?q=salicorne")).results.map((result) => result.km)).toEqual([null, null, null]);
});

test("near a commune combines with the text and the label filters: only the labelled seller within the radius", async () => {
  const dieppe = referenceCommune("dieppe");
  const now = new Date();
  const day = 24 * 3600_000;
  const category = await ensureNamedCategory("poire", "Poiré", "Perry", 12);
  async function perryMaker(name: string, km: number, labelled: boolean) {
    const actor = await createActor({ name, commune: "dieppe", position: northOf(dieppe, km) });
    const product = await createProduct(actor.id, "Poiré fermier", category);
    if (labelled) await createLabel({ productId: product, status: "GRANTED", validFrom: new Date(now.getTime() - day), validUntil: new Date(now.getTime() + 300 * day) });
  }
  await perryMaker("Poiré labellisé à 9,9 km", 9.9, true);
  await perryMaker("Poiré labellisé à 10,1 km", 10.1, true);
  await perryMaker("Poiré sans label à 2 km", 2, false);

  expect(names(await search("?q=poire&pres=dieppe&km=10&label=1"))).toEqual(["Poiré labellisé à 9,9 km"]);
  expect(names(await search("?q=poire&pres=dieppe&km=10"))).toEqual(["Poiré sans label à 2 km", "Poiré labellisé à 9,9 km"]);
  expect(names(await search("?q=poire&pres=dieppe&km=20&label=1"))).toEqual(["Poiré labellisé à 9,9 km", "Poiré labellisé à 10,1 km"]);
  expect(names(await search("?q=cidre&pres=dieppe&km=10&label=1"))).toEqual([]);
});

test("past the map's cap, the map shows the first results of the list and the page says how many it leaves out", async () => {
  const dieppe = referenceCommune("dieppe");
  const over = MAP_MARKER_CAP + 5;
  // Thousands of actors: written in one statement, as the factories would one by one.
  await db().$executeRawUnsafe(
    `INSERT INTO "Organisation" (id, kind, "producerKind", name, slug, "communeInsee", "verifiedAt")
     SELECT 'cap-' || n, 'PRODUCER', 'FISHER', 'Caboteur ' || lpad(n::text, 4, '0'), 'caboteur-' || n, $1, now() FROM generate_series(1, $2) n`,
    dieppe.inseeCode,
    over,
  );
  const page = await search("?q=caboteur");
  expect(page.total).toBe(over);
  expect(page.mapped).toBe(over);
  expect(page.markerCount).toBe(MAP_MARKER_CAP);
  expect(page.others).toHaveLength(MAP_MARKER_CAP - 20);
  expect(page.others.at(-1)?.name).toBe(`Caboteur ${String(MAP_MARKER_CAP).padStart(4, "0")}`);
  const under = await search("?q=caboteur%20000");
  expect(under.markerCount).toBe(under.mapped);
  await db().organisation.deleteMany({ where: { id: { startsWith: "cap-" } } });
});
