import { beforeAll, expect, test } from "vitest";
import { env } from "~/env.server";
import { apiProducerSchema } from "~/http/openapi/producers";
import { loader } from "~/routes/api.v1.producers";
import { loader as catalogLoader } from "~/routes/api.v1.producers.$slug.dfc-catalog";
import { useOwnMigratedDatabase } from "../setup/fresh-database";
import { createActor, createDistributionAt, createEssActor, createPoint, createProduct, ensureNamedCategory, referenceCommune } from "../factories-directory";
import { createLabel } from "../factories-label-public";
import { get } from "../route-requests";

/**
 * GET /api/v1/producers (issue 12, decision 033): the directory's search and filters for other
 * platforms, producers and AMAPs only, each with its DFC catalogue; paging as the directory's; bad
 * parameters named in a 400. The search reads whole tables: this file has a database of its own.
 */
useOwnMigratedDatabase("producers_api");

type Answer = {
  producers: Array<{ id: string; slug: string; name: string; type: string; kind: string; commune: { name: string; inseeCode: string } | null; position: { lat: number; lon: number } | null; distanceKm: number | null; categories: Array<{ fr: string; en: string }>; organic: boolean; labels: Array<{ number: string; status: string; verificationUrl: string }>; pageUrl: string; dfcCatalogUrl: string }>;
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};

async function call(query: string, headers: Record<string, string> = {}): Promise<Response> {
  return loader({ request: get(`/api/v1/producers${query}`, undefined, headers), params: {}, context: {} });
}

async function producers(query: string): Promise<Answer> {
  const response = await call(query);
  expect(response.status, query).toBe(200);
  return (await response.json()) as Answer;
}

const names = (answer: Answer) => answer.producers.map((producer) => producer.name);

let seaCategory: string;
let labelNumber: string;

beforeAll(async () => {
  seaCategory = await ensureNamedCategory("coquillages", "Coquillages & céphalopodes", "Shellfish & cephalopods", 6);
  const drinks = await ensureNamedCategory("boissons", "Boissons", "Drinks", 8);
  const fisher = await createActor({ name: "Le Pourquoi-Pas", producerKind: "FISHER" });
  const scallops = await createProduct(fisher.id, "Coquilles Saint-Jacques", seaCategory);
  const cider = await createActor({ name: "Cidrerie du Manoir d'Ancourt", producerKind: "CIDER_MAKER", commune: "ancourt", organic: true });
  const brut = await createProduct(cider.id, "Cidre brut fermier", drinks);
  await createActor({ name: "AMAP Les Paniers de la Scie", kind: "AMAP", producerKind: null, commune: "arques" });
  const day = 24 * 3600_000;
  labelNumber = (await createLabel({ productId: brut, status: "GRANTED", validFrom: new Date(Date.now() - 10 * day), validUntil: new Date(Date.now() + 300 * day) })).number;

  // In the directory, never in this API: a charity, a pickup point, an ESS actor. Never anywhere: the unverified.
  await createActor({ name: "Association des Amis du Cidre", kind: "CHARITY", producerKind: null, inDirectory: true });
  const quay = await createPoint({ name: "Aa Quai Henri IV — coquilles et cidre" });
  await createDistributionAt(quay, new Date(), 48, [scallops, brut]);
  await createEssActor({ name: "Aa Jardin partagé du cidre", kind: "COMMUNITY_GARDEN", offer: "Coquilles et cidre au jardin" });
  const pending = await createActor({ name: "Cidrerie en attente", producerKind: "CIDER_MAKER", verified: false });
  await createProduct(pending.id, "Cidre doux", drinks);
});

test("producers and AMAPs only, each with its commune, position, categories, organic, labels, page and DFC catalogue", async () => {
  const all = await producers("");
  expect(names(all)).toEqual(["AMAP Les Paniers de la Scie", "Cidrerie du Manoir d'Ancourt", "Le Pourquoi-Pas"]);
  expect(all.total).toBe(3);
  const site = env().APP_URL.replace(/\/+$/, "");
  const cider = all.producers[1]!;
  const ancourt = referenceCommune("ancourt");
  expect(cider).toMatchObject({
    type: "producer",
    kind: "cidrier",
    commune: { name: ancourt.name, inseeCode: ancourt.inseeCode },
    position: { lat: ancourt.lat, lon: ancourt.lon },
    distanceKm: null,
    categories: [{ fr: "Boissons", en: "Drinks" }],
    organic: true,
    labels: [{ number: labelNumber, status: "granted", verificationUrl: `${site}/label/${labelNumber}` }],
    pageUrl: `${site}/producteurs/${cider.slug}`,
    dfcCatalogUrl: `${site}/api/v1/producers/${cider.slug}/dfc-catalog`,
  });
  expect(all.producers[0]).toMatchObject({ type: "amap", kind: "amap" });
  // What the OpenAPI document says a producer is, field for field: nothing missing, nothing more.
  for (const producer of all.producers) expect(apiProducerSchema.strict().safeParse(producer).success, producer.name).toBe(true);
  // The catalogue address answers, for each.
  for (const producer of all.producers) {
    const path = new URL(producer.dfcCatalogUrl).pathname;
    const response = await catalogLoader({ request: get(path), params: { slug: producer.slug }, context: {} });
    expect(response.status, path).toBe(200);
    expect(((await response.json()) as { "@graph": Array<{ "dfc-b:name"?: string }> })["@graph"][0]?.["dfc-b:name"]).toBe(producer.name);
  }
});

test("the directory's filters: words (accents ignored), trade, commune, category, organic, label, near a commune", async () => {
  expect(names(await producers("?q=CIDRE"))).toEqual(["Cidrerie du Manoir d'Ancourt"]);
  expect(names(await producers("?q=coquilles"))).toEqual(["Le Pourquoi-Pas"]);
  expect(names(await producers("?type=pecheur"))).toEqual(["Le Pourquoi-Pas"]);
  expect(names(await producers("?type=amap"))).toEqual(["AMAP Les Paniers de la Scie"]);
  expect(names(await producers(`?commune=${referenceCommune("arques").inseeCode}`))).toEqual(["AMAP Les Paniers de la Scie"]);
  expect(names(await producers(`?categorie=${seaCategory}`))).toEqual(["Le Pourquoi-Pas"]);
  expect(names(await producers("?bio=1"))).toEqual(["Cidrerie du Manoir d'Ancourt"]);
  expect(names(await producers("?label=1"))).toEqual(["Cidrerie du Manoir d'Ancourt"]);
  // Near Dieppe: nearest first, each with its distance from the commune's centre.
  const near = await producers("?pres=dieppe&km=20");
  expect(names(near)[0]).toBe("Le Pourquoi-Pas");
  expect(near.producers[0]!.distanceKm).toBe(0);
  const distances = near.producers.map((producer) => producer.distanceKm ?? Number.NaN);
  expect(distances).toEqual([...distances].sort((a, b) => a - b));
  expect(names(await producers(`?pres=${referenceCommune("arques").inseeCode}&km=0`))).toEqual(["AMAP Les Paniers de la Scie"]);
});

test("paging as the directory's: twenty a page, the count of all, and a page past the end is empty — counted over producers only", async () => {
  const category = await ensureNamedCategory("legumes", "Légumes", "Vegetables", 2);
  // Points and ESS actors whose names sort first: a search that paged them out afterwards would show short pages.
  for (let index = 0; index < 5; index += 1) {
    await createPoint({ name: `Aa point ${index} maraîcher du plateau` });
    await createEssActor({ name: `Aa jardin ${index} maraîcher du plateau`, kind: "COMMUNITY_GARDEN", offer: "Légumes" });
  }
  for (let index = 0; index < 23; index += 1) {
    const farm = await createActor({ name: `Maraîcher du plateau ${String(index).padStart(2, "0")}` });
    await createProduct(farm.id, "Poireaux", category);
  }
  const first = await producers("?q=maraicher%20plateau");
  expect(first).toMatchObject({ total: 23, page: 1, pageSize: 20, pageCount: 2 });
  expect(first.producers).toHaveLength(20);
  const second = await producers("?q=maraicher%20plateau&page=2");
  expect(names(second)).toEqual(["Maraîcher du plateau 20", "Maraîcher du plateau 21", "Maraîcher du plateau 22"]);
  expect((await producers("?q=maraicher%20plateau&page=3")).producers).toEqual([]);
});

test("a bad query is a 400 that names every wrong parameter, in French unless the caller asks for English", async () => {
  const response = await call("?type=association&commune=Dieppe&km=15&bio=oui&page=0&couleur=bleu");
  expect(response.status).toBe(400);
  const body = (await response.json()) as { error: string; message: string; issues: Array<{ path: string; message: string }> };
  expect(body.error).toBe("invalid");
  expect(body.issues.map((issue) => issue.path).sort()).toEqual(["bio", "commune", "couleur", "km", "km", "page", "type"]);
  const byPath = (path: string) => body.issues.filter((issue) => issue.path === path).map((issue) => issue.message).join(" | ");
  expect(byPath("type")).toContain("pecheur");
  expect(byPath("type")).toContain("amap");
  expect(byPath("type")).not.toContain("association");
  expect(byPath("couleur")).toContain("Paramètre inconnu « couleur »");
  expect(byPath("page")).toContain("de 1 à 500");

  const english = await call("?pres=paris", { "accept-language": "en" });
  expect(english.status).toBe(400);
  expect(await english.json()).toMatchObject({ error: "invalid", issues: [{ path: "pres", message: expect.stringContaining("must name a commune of the territory") }] });
  expect((await call("?commune=76217&pres=dieppe")).status).toBe(400);
});
