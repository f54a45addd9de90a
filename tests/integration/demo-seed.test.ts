// The demo territory, loaded into a database of its own (other test files share the suite's
// database concurrently, and seedDemo only loads into an EMPTY one).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "~/demo/demo-territory";
import { QUAY_PICKUP_POINT_ID, seedBenchDistribution, seedDemo } from "~/demo/seed.server";
import { verifyPassword } from "~/domain/accounts/password.server";
import { photoVariantKey, servedPhotoKey } from "~/domain/catalog/photo-image.server";
import { DEMO_PRODUCT_PICTURES } from "~/demo/demo-pictures";
import { readDemoPictureWidthsManifest, REMAKE_DEMO_PICTURE_WIDTHS, sha256, uploadedDemoPicture } from "~/demo/demo-pictures.server";
import { storage } from "~/infra/storage.server";
import { allergens, communes, faoAreas, fishSpecies, gearCategories } from "~/domain/reference/reference-data";
import { formatParis, parisDateTime, parisIsoDate } from "~/domain/time/paris";
import { PrismaClient } from "~/generated/prisma/client";
import { migrate } from "~/infra/migrate.server";
import { createFreshDatabase, type FreshDatabase } from "../setup/fresh-database";

// A Wednesday morning, four days before the spring DST change (Sunday 28 March 2027): the next
// four Fridays straddle it, so 17:00 Paris is 16:00 UTC on the first and 15:00 UTC on the others.
const NOW = parisDateTime("2027-03-24", "10:00");

let prisma: PrismaClient;
let database: FreshDatabase | undefined;

// The demo's pictures are stored in a folder of this file's own (the storage reads DATA_DIR on first use).
const dataDir = mkdtempSync(path.join(tmpdir(), "terre-et-mer-demo-seed-"));
process.env.DATA_DIR = dataDir;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

beforeAll(async () => {
  database = await createFreshDatabase("demo_seed");
  const url = database.url;
  await migrate(url);
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  // How long this takes is measured by `npm run bench` (scripts/bench.ts), not asserted here.
  const result = await seedDemo(prisma, { now: NOW });
  expect(result.created).toBe(true);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

const SEA_CATEGORIES = ["poissons", "coquillages"];

async function tableCounts() {
  return {
    communes: await prisma.commune.count(),
    users: await prisma.user.count(),
    memberships: await prisma.membership.count(),
    organisations: await prisma.organisation.count(),
    pickupPoints: await prisma.pickupPoint.count(),
    categories: await prisma.category.count(),
    products: await prisma.product.count(),
    distributions: await prisma.distribution.count(),
    slots: await prisma.pickupSlot.count(),
    offers: await prisma.offer.count(),
    basketItems: await prisma.basketItem.count(),
    orders: await prisma.order.count(),
    orderLines: await prisma.orderLine.count(),
  };
}

describe("seedDemo", () => {
  test("every demo product and producer has its picture, stored at every width like an upload", async () => {
    const withoutPicture = await prisma.product.findMany({ where: { photoId: null }, select: { name: true } });
    expect(withoutPicture.map((product) => product.name)).toEqual([]);
    const producersWithoutPicture = await prisma.organisation.findMany({
      where: { kind: "PRODUCER", files: { none: { purpose: "ORGANISATION_PHOTO" } } },
      select: { name: true },
    });
    expect(producersWithoutPicture.map((producer) => producer.name)).toEqual([]);

    const carrots = await prisma.product.findFirstOrThrow({ where: { name: "Carottes" }, select: { photo: { select: { storageKey: true, width: true, height: true, variantWidths: true, byteSize: true } } } });
    expect(carrots.photo).toMatchObject({ width: 1024, height: 768, variantWidths: [160, 320, 640, 1024] });
    const small = await storage().get(photoVariantKey(carrots.photo!.storageKey, 320));
    expect(await sharp(small!).metadata()).toMatchObject({ format: "webp", width: 320, height: 240 });

    // The seed stores committed widths without sharp: they are what an upload of the picture stores today.
    const uploaded = await uploadedDemoPicture(DEMO_PRODUCT_PICTURES.get("falaises-carottes")!);
    expect(carrots.photo, `the row differs from an upload's: ${REMAKE_DEMO_PICTURE_WIDTHS}`).toMatchObject({
      width: uploaded.width,
      height: uploaded.height,
      byteSize: uploaded.bytes.byteLength,
      variantWidths: [...uploaded.narrower.map((narrower) => narrower.width), uploaded.width],
    });
    for (const { bytes, width } of [...uploaded.narrower, uploaded]) {
      const stored = await storage().get(servedPhotoKey(carrots.photo!, width));
      expect(sha256(stored!), `carrots at ${width} px differ from an upload's: run « ${REMAKE_DEMO_PICTURE_WIDTHS} »`).toBe(sha256(bytes));
    }
  });

  test("communes of the reference data and the product categories", async () => {
    expect(await prisma.commune.count()).toBe(communes.length);
    const categories = await prisma.category.findMany({ orderBy: { position: "asc" } });
    expect(categories.map((category) => category.id)).toEqual(
      expect.arrayContaining(["legumes", "fruits", "cremerie", "viandes", "poissons", "coquillages", "boulangerie", "boissons", "epicerie", "paniers"]),
    );
    for (const category of categories) {
      expect(category.nameFr).not.toBe("");
      expect(category.nameEn).not.toBe("");
    }
    expect(new Set(categories.map((category) => category.position)).size).toBe(categories.length);
  });

  test("verified producers of every kind across the territory, an AMAP, four charities (one a processing workshop), the agglomeration", async () => {
    const producers = await prisma.organisation.findMany({ where: { kind: "PRODUCER" } });
    expect(producers.length).toBeGreaterThanOrEqual(12);
    for (const producer of producers) {
      expect(producer.verifiedAt).not.toBeNull();
      expect(producer.producerKind).not.toBeNull();
      expect(producer.communeInsee).not.toBeNull();
      expect(producer.description.length).toBeGreaterThan(20);
    }
    expect(new Set(producers.map((producer) => producer.communeInsee)).size).toBeGreaterThanOrEqual(8);
    const dieppe = communes.find((commune) => commune.name === "Dieppe")!.inseeCode;
    const fishers = producers.filter((producer) => producer.producerKind === "FISHER");
    expect(fishers.length).toBeGreaterThanOrEqual(3);
    for (const fisher of fishers) expect(fisher.communeInsee).toBe(dieppe);
    const kinds = new Set(producers.map((producer) => producer.producerKind));
    for (const kind of ["MARKET_GARDENER", "DAIRY", "CIDER_MAKER", "BAKER", "FISHER", "LIVESTOCK", "BEEKEEPER", "PROCESSOR"] as const) {
      expect(kinds).toContain(kind);
    }
    expect(producers.some((producer) => producer.producerKind === "MARKET_GARDENER" && producer.organicCertified)).toBe(true);

    expect(await prisma.organisation.count({ where: { kind: "AMAP" } })).toBe(1);
    const charities = await prisma.organisation.findMany({ where: { kind: "CHARITY" } });
    expect(charities).toHaveLength(4);
    for (const charity of charities) {
      expect(charity.verifiedAt).not.toBeNull();
      expect(charity.rna).toMatch(/^W\d{9}$/);
    }
    const settings = await prisma.charitySettings.findMany();
    expect(settings).toHaveLength(4);
    expect(settings.filter((row) => row.processingWorkshop)).toHaveLength(1);
    expect(settings.filter((row) => row.approvedRawFishery).length).toBeGreaterThanOrEqual(3);
    const territory = await prisma.organisation.findMany({ where: { kind: "TERRITORY" }, include: { memberships: true } });
    expect(territory).toHaveLength(1);
    expect(territory[0]!.name).toContain("Région Dieppoise");
    expect(territory[0]!.memberships.every((membership) => membership.role === "ADMIN")).toBe(true);
  });

  test("every organic producer has a control body code; organic products come only from them", async () => {
    const organicProducers = await prisma.organisation.findMany({ where: { organicCertified: true } });
    expect(organicProducers.length).toBeGreaterThanOrEqual(2);
    for (const producer of organicProducers) expect(producer.organicControlBody).toMatch(/^FR-BIO-\d{2}$/);
    const organicProducts = await prisma.product.findMany({ where: { organic: true }, include: { producer: true } });
    expect(organicProducts.length).toBeGreaterThan(10);
    for (const product of organicProducts) expect(product.producer.organicCertified).toBe(true);
    expect(await prisma.product.count({ where: { organic: true, productionMethod: { in: ["CAUGHT_AT_SEA", "CAUGHT_FRESH_WATER"] } } })).toBe(0);
  });

  test("at least 80 products with complete food information", async () => {
    const products = await prisma.product.findMany({ where: { kind: "PRODUCT" } });
    expect(products.length).toBeGreaterThanOrEqual(80);
    const allergenCodes = new Set(allergens.map((allergen) => allergen.code));
    const units = new Set<string>();
    for (const product of products) {
      units.add(product.unit);
      expect(product.priceCents, product.name).toBeGreaterThan(0);
      expect([0, 550, 1000, 2000]).toContain(product.vatRateBp);
      expect(product.nameEn, product.name).toBeTruthy();
      for (const code of product.allergens) expect(allergenCodes, `${product.name}: ${code}`).toContain(code);
      if (product.variableWeight) expect(product.estimatedWeightGrams, product.name).toBeGreaterThan(0);
      if (["boulangerie", "epicerie"].includes(product.categoryId)) expect(product.ingredients, product.name).toBeTruthy();
      if (product.unit === "PIECE" && /\(\d+ ?(g|cl|L|kg)\)/.test(product.name)) expect(product.netQuantityGrams, product.name).toBeGreaterThan(0);
    }
    expect([...units].sort()).toEqual(["BUNCH", "DOZEN", "G100", "KG", "LITRE", "PIECE"]);
    const alcohol = products.filter((product) => product.vatRateBp === 2000);
    expect(alcohol.length).toBeGreaterThanOrEqual(3);
    for (const drink of alcohol) expect(drink.categoryId).toBe("boissons");
    const bread = products.find((product) => product.name.startsWith("Pain de campagne"))!;
    expect(bread.allergens).toContain("gluten");
    expect(bread.netQuantityGrams).toBe(800);
  });

  test("sea products carry names, production method, FAO area and gear from the reference data", async () => {
    const sea = await prisma.product.findMany({ where: { categoryId: { in: SEA_CATEGORIES } }, include: { producer: true } });
    expect(sea.length).toBeGreaterThanOrEqual(20);
    const gearCodes = new Set(gearCategories.map((gear) => gear.code));
    const faoCodes = new Set(faoAreas.map((area) => area.code));
    for (const product of sea) {
      const species = fishSpecies.find((entry) => entry.scientificName === product.scientificName);
      expect(species, product.name).toBeDefined();
      expect(product.commercialName).toBe(species!.commercialNameFr);
      expect(product.productionMethod, product.name).not.toBeNull();
      expect(product.organic).toBe(false);
      expect(product.allergens.some((code) => ["fish", "molluscs", "crustaceans"].includes(code)), product.name).toBe(true);
      if (product.productionMethod === "CAUGHT_AT_SEA") {
        expect(faoCodes, product.name).toContain(product.faoArea);
        expect(gearCodes, product.name).toContain(product.gearCategory);
      } else {
        expect(product.productionMethod).toBe("FARMED");
        expect(product.scientificName).toBe("Mytilus edulis");
      }
    }
    const caught = sea.filter((product) => product.productionMethod === "CAUGHT_AT_SEA");
    expect(caught.length).toBeGreaterThanOrEqual(20);
    for (const product of caught) expect(product.faoArea).toBe("27.7.d");
    expect(sea.some((product) => product.thawed)).toBe(true);
    expect(sea.some((product) => product.variableWeight && product.unit === "PIECE")).toBe(true);
    const scallops = sea.find((product) => product.scientificName === "Pecten maximus" && !product.thawed)!;
    expect(scallops.gearCategory).toBe("dredges");
    expect(scallops.allergens).toEqual(["molluscs"]);
    const whelks = sea.find((product) => product.scientificName === "Buccinum undatum")!;
    expect(whelks.gearCategory).toBe("pots-traps");
  });

  test("at least six pickup points of every kind, placed near their commune", async () => {
    const points = await prisma.pickupPoint.findMany({ include: { commune: true } });
    expect(points.length).toBeGreaterThanOrEqual(6);
    expect(new Set(points.map((point) => point.kind))).toEqual(new Set(["PORT", "FARM", "AMAP", "TOWN_HALL", "SHOP"]));
    for (const point of points) {
      expect(point.address).not.toBe("");
      expect(point.accessibilityNotes).not.toBe("");
      expect(Math.abs(point.lat - point.commune.lat)).toBeLessThan(0.02);
      expect(Math.abs(point.lon - point.commune.lon)).toBeLessThan(0.02);
    }
    const quay = points.find((point) => point.id === QUAY_PICKUP_POINT_ID)!;
    expect(quay.kind).toBe("PORT");
    expect(quay.name).toContain("Quai Henri IV");
    expect(quay.commune.name).toBe("Dieppe");
    const amap = points.find((point) => point.kind === "AMAP")!;
    expect(amap.organisationId).not.toBeNull();
    expect(points.find((point) => point.kind === "TOWN_HALL")!.name).toContain("Arques-la-Bataille");
  });

  test("demo accounts log in with the demo password and hold their roles", async () => {
    const users = await prisma.user.findMany({ include: { memberships: { include: { organisation: true } } } });
    for (const user of users) expect(user.email).toBe(user.email.toLowerCase());
    const byEmail = new Map(users.map((user) => [user.email, user]));
    for (const email of Object.values(DEMO_ACCOUNTS)) {
      const user = byEmail.get(email);
      expect(user, email).toBeDefined();
      expect(await verifyPassword(user!.passwordHash, DEMO_PASSWORD)).toBe(true);
    }
    expect(await verifyPassword(byEmail.get(DEMO_ACCOUNTS.consumer)!.passwordHash, "mauvais-mot-de-passe")).toBe(false);
    // One hash for all: hashed once.
    expect(new Set(users.map((user) => user.passwordHash)).size).toBe(1);

    const consumer = byEmail.get(DEMO_ACCOUNTS.consumer)!;
    expect(consumer.name).toBe("Camille Lefebvre");
    expect(consumer.memberships).toHaveLength(0);
    const roleOf = (email: string) => byEmail.get(email)!.memberships.map((m) => [m.role, m.organisation.kind, m.organisation.producerKind, m.organisation.organicCertified]);
    expect(roleOf(DEMO_ACCOUNTS.marketGardener)).toEqual([["PRODUCER", "PRODUCER", "MARKET_GARDENER", true]]);
    expect(roleOf(DEMO_ACCOUNTS.fisher)).toEqual([["PRODUCER", "PRODUCER", "FISHER", false]]);
    expect(roleOf(DEMO_ACCOUNTS.amapCoordinator)).toEqual([["AMAP_COORDINATOR", "AMAP", null, false]]);
    expect(roleOf(DEMO_ACCOUNTS.charity)).toEqual([["CHARITY", "CHARITY", null, false]]);
    expect(roleOf(DEMO_ACCOUNTS.admin)).toEqual([["ADMIN", "TERRITORY", null, false]]);
  });

  test("quay distributions: every Friday 17:00–19:00 Paris, cutoff Wednesday 20:00, open two weeks ahead from Saturday 08:00, across DST", async () => {
    const upcoming = await prisma.distribution.findMany({
      where: { pickupPointId: QUAY_PICKUP_POINT_ID, startsAt: { gt: NOW } },
      orderBy: { startsAt: "asc" },
      include: { slots: { orderBy: { startsAt: "asc" } } },
    });
    expect(upcoming.map((distribution) => parisIsoDate(distribution.startsAt))).toEqual(["2027-03-26", "2027-04-02", "2027-04-09", "2027-04-16"]);
    for (const distribution of upcoming) {
      expect(formatParis(distribution.startsAt, "fr", "EEEE HH:mm")).toBe("vendredi 17:00");
      expect(formatParis(distribution.endsAt, "fr", "EEEE HH:mm")).toBe("vendredi 19:00");
      expect(formatParis(distribution.cutoffAt, "fr", "EEEE HH:mm")).toBe("mercredi 20:00");
      expect(formatParis(distribution.opensAt, "fr", "EEEE HH:mm")).toBe("samedi 08:00");
      expect(distribution.cutoffAt.getTime() - distribution.startsAt.getTime()).toBeGreaterThan(-3 * 24 * 3600_000);
      // Orders open on the Saturday 13 days before, so the next Friday at the quay always takes orders.
      expect(distribution.opensAt.getTime() - distribution.startsAt.getTime()).toBeGreaterThan(-14 * 24 * 3600_000);
      expect(distribution.opensAt.getTime() - distribution.startsAt.getTime()).toBeLessThan(-12 * 24 * 3600_000);
    }
    expect(upcoming[0]!.startsAt.toISOString()).toBe("2027-03-26T16:00:00.000Z");
    expect(upcoming[1]!.startsAt.toISOString()).toBe("2027-04-02T15:00:00.000Z");
  });

  test("every distribution has contiguous 30-minute slots with capacity", async () => {
    const distributions = await prisma.distribution.findMany({ include: { slots: { orderBy: { startsAt: "asc" } }, pickupPoint: true } });
    const upcomingByPoint = new Map<string, number>();
    for (const distribution of distributions) {
      if (distribution.startsAt > NOW) upcomingByPoint.set(distribution.pickupPointId, (upcomingByPoint.get(distribution.pickupPointId) ?? 0) + 1);
      expect(distribution.opensAt <= distribution.cutoffAt && distribution.cutoffAt <= distribution.startsAt).toBe(true);
      expect(distribution.slots.length).toBeGreaterThan(0);
      expect(distribution.slots[0]!.startsAt).toEqual(distribution.startsAt);
      expect(distribution.slots.at(-1)!.endsAt).toEqual(distribution.endsAt);
      distribution.slots.forEach((slot, index) => {
        expect(slot.endsAt.getTime() - slot.startsAt.getTime()).toBe(30 * 60_000);
        expect(slot.capacity).toBeGreaterThan(0);
        if (index > 0) expect(slot.startsAt).toEqual(distribution.slots[index - 1]!.endsAt);
      });
    }
    // Four weeks ahead at every pickup point.
    expect(upcomingByPoint.size).toBe(await prisma.pickupPoint.count());
    for (const count of upcomingByPoint.values()) expect(count).toBe(4);
    const amap = distributions.filter((distribution) => distribution.pickupPoint.kind === "AMAP" && distribution.startsAt > NOW);
    for (const distribution of amap) expect(formatParis(distribution.startsAt, "fr", "EEEE HH:mm")).toBe("mardi 18:00");
    const farm = distributions.filter((distribution) => distribution.pickupPoint.name.startsWith("Les Jardins des Falaises"));
    for (const distribution of farm) expect(formatParis(distribution.startsAt, "fr", "EEEE HH:mm")).toBe("samedi 09:00");
    const townHall = distributions.filter((distribution) => distribution.pickupPoint.kind === "TOWN_HALL");
    for (const distribution of townHall) expect(formatParis(distribution.startsAt, "fr", "EEEE")).toBe("jeudi");
  });

  test("the next quay distribution offers at least 40 products, the sea basket among them", async () => {
    const next = await prisma.distribution.findFirstOrThrow({
      where: { pickupPointId: QUAY_PICKUP_POINT_ID, startsAt: { gt: NOW } },
      orderBy: { startsAt: "asc" },
      include: { offers: { include: { product: true, basketItems: true } } },
    });
    expect(next.offers.length).toBeGreaterThanOrEqual(40);
    const names = next.offers.map((offer) => offer.product.name);
    expect(names).toContain("Panier de la mer");
    expect(names).toContain("Panier terre & mer");
    expect(next.offers.filter((offer) => offer.product.producerId && SEA_CATEGORIES.includes(offer.product.categoryId)).length).toBeGreaterThanOrEqual(15);
    expect(next.offers.some((offer) => offer.product.categoryId === "legumes")).toBe(true);
    const seaBasket = next.offers.find((offer) => offer.product.name === "Panier de la mer")!;
    expect(seaBasket.basketItems.length).toBeGreaterThanOrEqual(3);
  });

  test("offers copy the product price, hold 5–60 in stock; baskets announce a composition close to their price", async () => {
    const offers = await prisma.offer.findMany({ include: { product: true, basketItems: true, distribution: true } });
    for (const offer of offers) {
      expect(offer.priceCents).toBe(offer.product.priceCents);
      expect(offer.stock).toBeGreaterThanOrEqual(5);
      expect(offer.stock).toBeLessThanOrEqual(60);
      if (offer.distribution.startsAt > NOW) expect(offer.ordered).toBe(0);
      if (offer.product.kind === "BASKET") {
        expect(offer.product.categoryId).toBe("paniers");
        expect(offer.basketItems.length).toBeGreaterThanOrEqual(3);
        const total = offer.basketItems.reduce((sum, item) => sum + item.indicativePriceCents, 0);
        expect(Math.abs(total - offer.priceCents) / offer.priceCents, offer.product.name).toBeLessThanOrEqual(0.05);
        for (const item of offer.basketItems) {
          expect(item.label).not.toBe("");
          expect(item.labelEn).toBeTruthy();
          expect(item.quantityLabel).not.toBe("");
        }
        expect(new Set(offer.basketItems.map((item) => item.position)).size).toBe(offer.basketItems.length);
      } else {
        expect(offer.basketItems).toHaveLength(0);
      }
    }
    const baskets = await prisma.product.findMany({ where: { kind: "BASKET" } });
    expect(baskets.map((basket) => basket.name).sort()).toEqual(
      ["Panier de la mer", "Panier de légumes — familial", "Panier de légumes — petit", "Panier terre & mer"].sort(),
    );
  });

  test("last week's orders are consistent with stock and slots", async () => {
    const orders = await prisma.order.findMany({ include: { lines: { include: { offer: { include: { product: true } } } }, distribution: true, user: true } });
    expect(orders.length).toBeGreaterThanOrEqual(5);
    expect(new Set(orders.map((order) => order.userId)).size).toBeGreaterThanOrEqual(4);
    expect(orders.some((order) => order.user.email === DEMO_ACCOUNTS.consumer)).toBe(true);
    for (const order of orders) {
      expect(order.status).toBe("CONFIRMED");
      expect(order.distribution.startsAt < NOW).toBe(true);
      expect(order.createdAt >= order.distribution.opensAt && order.createdAt <= order.distribution.cutoffAt).toBe(true);
      expect(order.lines.length).toBeGreaterThan(0);
      expect(order.totalCents).toBe(order.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0));
      for (const line of order.lines) {
        expect(line.offer.distributionId).toBe(order.distributionId);
        expect(line.productName).toBe(line.offer.product.name);
        expect(line.unit).toBe(line.offer.product.unit);
        expect(line.vatRateBp).toBe(line.offer.product.vatRateBp);
        expect(line.unitPriceCents).toBe(line.offer.priceCents);
      }
    }
    const orderedByOffer = await prisma.orderLine.groupBy({ by: ["offerId"], where: { order: { status: "CONFIRMED" } }, _sum: { quantity: true } });
    const expected = new Map(orderedByOffer.map((row) => [row.offerId, row._sum.quantity ?? 0]));
    const offers = await prisma.offer.findMany({ select: { id: true, ordered: true, stock: true } });
    for (const offer of offers) {
      expect(offer.ordered).toBe(expected.get(offer.id) ?? 0);
      expect(offer.ordered).toBeLessThanOrEqual(offer.stock);
    }
    const slots = await prisma.pickupSlot.findMany({ include: { _count: { select: { orders: { where: { status: "CONFIRMED" } } } } } });
    for (const slot of slots) expect(slot.booked).toBe(slot._count.orders);
    expect(slots.some((slot) => slot.booked > 0)).toBe(true);
  });

  test("last week's quay distribution left the fisher exactly 15 kg of sole unsold", async () => {
    const [row] = await prisma.$queryRaw<Array<{ stock: number; ordered: number; unit: string; endsAt: Date; producer: string }>>`
      SELECT o.stock, o.ordered, p.unit::text AS unit, d."endsAt", org.name AS producer
      FROM "Offer" o JOIN "Product" p ON p.id = o."productId" JOIN "Distribution" d ON d.id = o."distributionId"
      JOIN "Organisation" org ON org.id = p."producerId"
      WHERE p.name = 'Sole commune' AND d."endsAt" < ${NOW}`;
    expect(row).toMatchObject({ unit: "KG", producer: "Le Pourquoi-Pas — pêche côtière" });
    expect(row!.stock - row!.ordered).toBe(15);
    expect(row!.ordered).toBeGreaterThan(0);
    expect(NOW.getTime() - row!.endsAt.getTime()).toBeLessThan(7 * 24 * 3600 * 1000);
  });

  test("six months of donations: collected claims within their lots, a panier de la mer invoiced once", async () => {
    const lots = await prisma.donationLot.findMany({ include: { claims: true } });
    expect(lots.length).toBeGreaterThanOrEqual(8);
    for (const lot of lots) {
      expect(lot.claims.reduce((sum, claim) => sum + claim.quantityMilli, 0)).toBe(lot.claimedMilli);
      expect(lot.claimedMilli).toBeLessThanOrEqual(lot.quantityMilli);
      expect(lot.pickupEnd.getTime()).toBeLessThan(NOW.getTime());
      for (const claim of lot.claims) expect(claim.status).toBe("COLLECTED");
    }
    const processed = lots.filter((lot) => lot.sourceClaimId !== null);
    expect(processed).toHaveLength(1);
    expect(processed[0]!.contributionCentsPerUnit).toBe(150);
    const invoices = await prisma.contributionInvoice.findMany();
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({ amountCents: 1200, sequence: 1, claimId: processed[0]!.claims[0]!.id });
  });

  test("a second run changes nothing", async () => {
    const before = await tableCounts();
    expect(await seedDemo(prisma, { now: new Date(NOW.getTime() + 3 * 24 * 3600_000) })).toEqual({ created: false });
    expect(await tableCounts()).toEqual(before);
  });
});

describe("seedBenchDistribution", () => {
  test("adds one quay distribution holding exactly the requested offers, from believable producers", async () => {
    const before = await prisma.organisation.count({ where: { kind: "PRODUCER" } });
    const { distributionId, pickupPointId } = await seedBenchDistribution(prisma, { offers: 500, now: NOW });
    expect(pickupPointId).toBe(QUAY_PICKUP_POINT_ID);
    const distribution = await prisma.distribution.findUniqueOrThrow({
      where: { id: distributionId },
      include: { offers: { include: { product: { include: { producer: true } } } }, slots: true },
    });
    expect(distribution.pickupPointId).toBe(QUAY_PICKUP_POINT_ID);
    expect(distribution.offers).toHaveLength(500);
    expect(formatParis(distribution.startsAt, "fr", "EEEE HH:mm")).toBe("vendredi 17:00");
    expect(distribution.opensAt <= NOW && NOW < distribution.cutoffAt).toBe(true);
    expect(distribution.slots.length).toBe(4);

    const producers = new Map(distribution.offers.map((offer) => [offer.product.producerId, offer.product.producer]));
    expect(producers.size).toBe(50);
    expect((await prisma.organisation.count({ where: { kind: "PRODUCER" } })) - before).toBe(50);
    for (const producer of producers.values()) {
      expect(producer.name).toMatch(/ n°\d+$/);
      expect(producer.verifiedAt).not.toBeNull();
      if (producer.organicCertified) expect(producer.organicControlBody).toMatch(/^FR-BIO-\d{2}$/);
    }
    for (const offer of distribution.offers) {
      expect(offer.stock).toBeGreaterThan(0);
      expect(offer.ordered).toBe(0);
      expect(offer.priceCents).toBe(offer.product.priceCents);
      if (offer.product.organic) expect(offer.product.producer.organicCertified).toBe(true);
      if (SEA_CATEGORIES.includes(offer.product.categoryId)) {
        expect(offer.product.scientificName).toBeTruthy();
        expect(offer.product.commercialName).toBeTruthy();
        expect(offer.product.productionMethod).toBeTruthy();
        if (offer.product.productionMethod === "CAUGHT_AT_SEA") {
          expect(offer.product.organic).toBe(false);
          expect(offer.product.faoArea).toBe("27.7.d");
          expect(offer.product.gearCategory).toBeTruthy();
        }
      }
    }
    expect(distribution.offers.some((offer) => SEA_CATEGORIES.includes(offer.product.categoryId))).toBe(true);

    // Measured with a photo in every card, each product's of its own, stored at every width.
    const photos = await prisma.storedFile.findMany({ where: { id: { in: distribution.offers.map((offer) => offer.product.photoId ?? "none") } }, select: { storageKey: true, variantWidths: true } });
    expect(photos).toHaveLength(500);
    expect(new Set(photos.map((photo) => photo.storageKey)).size).toBe(500);
    expect(photos.every((photo) => photo.variantWidths.join() === "160,320,640,1024")).toBe(true);
    // Each a copy of its model's committed widths (what an upload stores), not re-encoded.
    const manifest = await readDemoPictureWidthsManifest();
    const sampled = distribution.offers.slice(0, 3);
    for (const offer of sampled) {
      const photo = await prisma.storedFile.findUniqueOrThrow({ where: { id: offer.product.photoId! }, select: { storageKey: true, width: true, variantWidths: true } });
      const model = offer.product.reference!.replace(/-\d+$/, "");
      for (const { width, sha256: hash } of manifest.pictures[model]!.widths) expect(sha256((await storage().get(servedPhotoKey(photo, width)))!)).toBe(hash);
    }
  });
});
