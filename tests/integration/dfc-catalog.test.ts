// The demo in a database of this file's own (seedDemo only loads into an EMPTY one), read through
// the route as another platform would, and parsed by the official DFC connector, offline.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Connector, ConnectorImporterJsonldStream, type ICatalog, type ICatalogItem, type IEnterprise, type IOffer, type ISaleSession, type ISuppliedProduct } from "@datafoodconsortium/connector";
import dfcContext from "@datafoodconsortium/connector/lib/context.js";
import type { Semanticable } from "@virtual-assembly/semantizer";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { db, statementsIssued } from "~/db.server";
import { seedDemo } from "~/demo/seed.server";
import { DFC_CONTEXT } from "~/domain/directory/dfc-catalog";
import { parisDateTime } from "~/domain/time/paris";
import { loader } from "~/routes/api.v1.producers.$slug.dfc-catalog";
import { useOwnMigratedDatabase } from "../setup/fresh-database";
import { createActor, createDistributionAt, createPoint, ensureNamedCategory } from "../factories-directory";
import { get } from "../route-requests";

/**
 * A producer's catalogue in the Data Food Consortium format (issue 12, decision 033): what the
 * official connector reads from it — names, prices in euros with their VAT rate, stock — equals
 * the database, for the prices and stock of the producer's next distribution open for orders.
 */
useOwnMigratedDatabase("dfc_catalog");

const NOW = parisDateTime("2027-03-24", "10:00");
// The route reads the time through clock.server only: here it is the test's instant.
vi.mock("~/http/clock.server", () => ({ now: () => new Date(NOW) }));

const dataDir = mkdtempSync(path.join(tmpdir(), "terre-et-mer-dfc-"));
process.env.DATA_DIR = dataDir;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

beforeAll(async () => {
  expect((await seedDemo(db(), { now: NOW })).created).toBe(true);
});

async function fetchCatalogue(slug: string): Promise<Response> {
  const response = await loader({ request: get(`/api/v1/producers/${slug}/dfc-catalog`), params: { slug }, context: {} });
  if (!(response instanceof Response)) throw new Error("the route answers a Response");
  return response;
}

/**
 * The document as the official connector imports it, offline: the context it bundles stands for
 * the document's context URL, and anything else it would fetch is refused.
 */
async function importWithConnector(body: string) {
  const contextsAsked: string[] = [];
  const connector = new Connector();
  connector.setDefaultImporter(
    new ConnectorImporterJsonldStream({
      documentLoader: {
        load: async (url: string) => {
          contextsAsked.push(url);
          if (url === DFC_CONTEXT) return { "@context": dfcContext };
          throw new Error(`No network in this test: the document asked for ${url}`);
        },
      },
    }),
  );
  connector.setDefaultFetchFunction(async (semanticId: string) => {
    throw new Error(`No network in this test: the connector tried to fetch ${semanticId}`);
  });
  const objects = await connector.import(body);
  const ofType = <T>(type: string): T[] => objects.filter((object: Semanticable) => object.isSemanticTypeOf(type)) as T[];
  const [enterprise, ...otherEnterprises] = ofType<IEnterprise>("dfc-b:Enterprise");
  expect(otherEnterprises).toEqual([]);
  expect(contextsAsked).toEqual([DFC_CONTEXT]);
  return {
    enterprise: enterprise!,
    catalogs: ofType<ICatalog>("dfc-b:Catalog"),
    products: ofType<ISuppliedProduct>("dfc-b:SuppliedProduct"),
    items: ofType<ICatalogItem>("dfc-b:CatalogItem"),
    offers: ofType<IOffer>("dfc-b:Offer"),
    sessions: ofType<ISaleSession>("dfc-b:SaleSession"),
  };
}

/** What the database says the catalogue must publish, read apart from the route's statement (Prisma). */
async function expectedFromDatabase(producerId: string) {
  const next = await db().distribution.findFirst({
    where: { status: "SCHEDULED", opensAt: { lte: NOW }, cutoffAt: { gt: NOW }, offers: { some: { product: { producerId, archivedAt: null } } } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { id: true, startsAt: true, pickupPoint: { select: { name: true } } },
  });
  const products = await db().product.findMany({
    where: { producerId, archivedAt: null },
    select: { id: true, name: true, vatRateBp: true, organic: true, offers: { where: { distributionId: next?.id ?? "" }, select: { priceCents: true, stock: true, ordered: true } } },
  });
  return {
    next,
    names: products.map((product) => product.name).sort(),
    organic: products.filter((product) => product.organic).map((product) => product.name).sort(),
    offered: products
      .filter((product) => product.offers.length === 1)
      .map((product) => ({ name: product.name, euros: product.offers[0]!.priceCents / 100, vatPercent: product.vatRateBp / 100, stock: product.offers[0]!.stock - product.offers[0]!.ordered }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Each offer as the connector reads it: its product's name, price (value, VAT rate, currency) and stock. */
async function offersAsRead(items: ICatalogItem[]) {
  const read = [];
  for (const item of items) {
    const product = await item.getOfferedProduct();
    const [offer, ...more] = await item.getOfferers();
    expect(more).toEqual([]);
    const price = offer!.getPrice()!;
    read.push({
      name: product!.getName()!,
      euros: price.getQuantityValue()!,
      vatPercent: price.getVatRate()!,
      currency: price.getSemanticProperty("dfc-b:hasUnit"),
      lexical: String(price.getSemanticProperty("dfc-b:value")),
      stock: offer!.getStockLimitation()!,
      itemStock: item.getStockLimitation()!,
    });
  }
  return read.sort((a, b) => a.name.localeCompare(b.name));
}

test("every demo producer's catalogue, parsed by the official connector, has the database's names, prices in euros with their VAT rate, and stock at their next open distribution", async () => {
  const producers = await db().organisation.findMany({ where: { kind: { in: ["PRODUCER", "AMAP"] }, verifiedAt: { not: null }, refusedAt: null }, select: { id: true, slug: true, name: true } });
  expect(producers.length).toBeGreaterThan(5);
  // Customers have ordered some of the demo's stock: what is left is what a platform may sell.
  const ordered = await db().offer.findMany({ where: { stock: { gte: 3 }, distribution: { opensAt: { lte: NOW }, cutoffAt: { gt: NOW } } }, select: { id: true }, take: 40 });
  expect(ordered.length).toBeGreaterThan(10);
  await db().offer.updateMany({ where: { id: { in: ordered.map((offer) => offer.id) } }, data: { ordered: 2 } });
  let producersWithOffers = 0;
  let organicProducts = 0;
  for (const producer of producers) {
    const response = await fetchCatalogue(producer.slug);
    expect(response.status, producer.slug).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/ld+json; charset=utf-8");
    const read = await importWithConnector(await response.text());
    const expected = await expectedFromDatabase(producer.id);

    expect(read.enterprise.getName()).toBe(producer.name);
    expect((await read.enterprise.getSuppliedProducts()).map((product) => product.getName()).sort()).toEqual(expected.names);
    expect(read.products.map((product) => product.getName()).sort()).toEqual(expected.names);
    // Certified organic products carry the organic certifications, the others none.
    const certified = read.products.filter((product) => product.getSemanticPropertyAll("dfc-b:hasCertification").includes("dfc-f:Organic-EU"));
    expect(certified.map((product) => product.getName()).sort()).toEqual(expected.organic);
    organicProducts += certified.length;
    const [catalog] = await read.enterprise.getMaintainedCatalogs();
    const listed = await catalog!.getItems();
    const offers = await offersAsRead(listed);
    expect(offers.map(({ name, euros, vatPercent, stock }) => ({ name, euros, vatPercent, stock }))).toEqual(expected.offered);
    for (const offer of offers) {
      expect(offer.currency).toBe("dfc-m:Euro");
      expect(offer.lexical).toBe(offer.euros.toFixed(2));
      expect(offer.itemStock).toBe(offer.stock);
    }
    expect(read.offers).toHaveLength(expected.offered.length);

    // It says which distribution these prices and stock are those of.
    const statement = String(catalog!.getSemanticProperty("dfc-b:description"));
    if (expected.next && expected.offered.length > 0) {
      producersWithOffers += 1;
      expect(statement).toContain(expected.next.pickupPoint.name);
      expect(statement).toContain(`/distributions/${expected.next.id}`);
      expect(statement).toContain("heure de Paris");
      expect(read.sessions).toHaveLength(1);
      expect(read.sessions[0]!.getBeginDate()).toBe(expected.next.startsAt.toISOString());
      expect(await read.sessions[0]!.getOffers()).toHaveLength(expected.offered.length);
    } else {
      expect(statement).toContain("Aucune distribution de ce producteur n'est ouverte aux commandes");
    }
  }
  // The demo's producers sell at its coming markets: most catalogues carry prices.
  expect(producersWithOffers).toBeGreaterThan(5);
  expect(organicProducts).toBeGreaterThan(0);
});

test("the next distribution is the earliest one taking orders now: not one whose cutoff passed, not one not open yet, not a cancelled one", async () => {
  const category = await ensureNamedCategory("legumes", "Légumes", "Vegetables", 2);
  const farm = await createActor({ name: "Ferme du prochain marché" });
  // Its list price is not what the catalogue publishes: the offer's price at that distribution is.
  const leeks = await createProductWith(farm.id, { name: "Poireaux", categoryId: category, priceCents: 1100, vatRateBp: 550, unit: "KG" });
  const point = await createPoint({ name: "Halle du test DFC" });
  const passed = await createDistributionAt(point, NOW, 12, [leeks]); // cutoff 24 h before start: passed
  const cancelled = await createDistributionAt(point, NOW, 30, [leeks], "CANCELLED");
  const open = await createDistributionAt(point, NOW, 48, [leeks]);
  const later = await createDistributionAt(point, NOW, 72, [leeks]);
  const notYet = await createDistributionAt(point, NOW, 24 * 9, [leeks]); // opens 7 days before: not yet
  await db().offer.updateMany({ where: { productId: leeks, distributionId: open.id }, data: { priceCents: 1234, stock: 9, ordered: 2 } });

  const body = await (await fetchCatalogue(farm.slug)).text();
  for (const other of [passed, cancelled, later, notYet]) expect(body).not.toContain(other.id);
  const read = await importWithConnector(body);
  expect(await offersAsRead(read.items)).toEqual([{ name: "Poireaux", euros: 12.34, vatPercent: 5.5, currency: "dfc-m:Euro", lexical: "12.34", stock: 7, itemStock: 7 }]);
  expect(read.sessions[0]!.getBeginDate()).toBe(open.startsAt.toISOString());
});

test("a producer with no distribution open for orders: the document says so, lists what they supply, and offers nothing", async () => {
  const category = await ensureNamedCategory("legumes", "Légumes", "Vegetables", 2);
  const farm = await createActor({ name: "Ferme sans marché" });
  const carrots = await createProductWith(farm.id, { name: "Carottes", categoryId: category, priceCents: 320, vatRateBp: 550, unit: "KG" });
  const point = await createPoint({ name: "Halle fermée" });
  await createDistributionAt(point, NOW, 12, [carrots]); // its cutoff has passed

  const response = await fetchCatalogue(farm.slug);
  expect(response.status).toBe(200);
  const read = await importWithConnector(await response.text());
  expect(read.products.map((product) => product.getName())).toEqual(["Carottes"]);
  expect(read.items).toEqual([]);
  expect(read.offers).toEqual([]);
  expect(read.sessions).toEqual([]);
  const [catalog] = await read.enterprise.getMaintainedCatalogs();
  expect(String(catalog!.getSemanticProperty("dfc-b:description"))).toContain("None of this producer's distributions takes orders at the moment");
});

test("an unverified, refused or unknown producer has no catalogue: 404 as JSON, in the caller's language", async () => {
  const pending = await createActor({ name: "Ferme en attente DFC", verified: false });
  const refused = await createActor({ name: "Ferme refusée DFC", refused: true });
  for (const slug of [pending.slug, refused.slug, "personne-de-ce-nom"]) {
    const response = await fetchCatalogue(slug);
    expect(response.status, slug).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await response.json()).toMatchObject({ error: "not_found", message: expect.stringContaining("n'existe pas") });
  }
  const english = await loader({ request: get(`/api/v1/producers/${pending.slug}/dfc-catalog`, undefined, { "accept-language": "en" }), params: { slug: pending.slug }, context: {} });
  expect(await english.json()).toMatchObject({ error: "not_found", message: expect.stringContaining("does not exist") });
});

test("the catalogue costs the same single statement for 5 products and for 60", async () => {
  const category = await ensureNamedCategory("legumes", "Légumes", "Vegetables", 2);
  const point = await createPoint({ name: "Halle du budget DFC" });
  async function farmWith(count: number) {
    const farm = await createActor({ name: `Ferme de ${count} produits` });
    const products = [];
    for (let index = 0; index < count; index += 1) {
      products.push(await createProductWith(farm.id, { name: `Produit ${index}`, categoryId: category, priceCents: 100 + index, vatRateBp: 550, unit: "PIECE" }));
    }
    await createDistributionAt(point, NOW, 48, products);
    return farm.slug;
  }
  async function statementsFor(slug: string) {
    const before = statementsIssued();
    const body = await (await fetchCatalogue(slug)).text();
    return { used: statementsIssued() - before, offers: (await importWithConnector(body)).offers.length };
  }
  const few = await statementsFor(await farmWith(5));
  const many = await statementsFor(await farmWith(60));
  expect(few.offers).toBe(5);
  expect(many.offers).toBe(60);
  expect(many.used).toBe(few.used);
  expect(many.used).toBe(1);
});

async function createProductWith(producerId: string, product: { name: string; categoryId: string; priceCents: number; vatRateBp: number; unit: "KG" | "PIECE" }) {
  const id = randomUUID();
  await db().product.create({ data: { id, producerId, ...product } });
  return id;
}
