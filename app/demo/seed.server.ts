// Loads the demo territory (app/demo/demo-territory.ts) into the database, and the "scale option"
// that adds one distribution with thousands of synthetic offers for the benchmarks.
import { createHash, randomUUID } from "node:crypto";
import { hashPassword, verifyPassword } from "~/domain/accounts/password.server";
import { territoryName } from "~/domain/organisations/territory";
import {
  allergens,
  communes,
  faoAreaByCode,
  fishSpecies,
  gearCategories,
  gearCategoryByCode,
  vatRatesBp,
} from "~/domain/reference/reference-data";
import { addParisDays, parisDateTime, parisIsoDate } from "~/domain/time/paris";
import { weighedTerms } from "~/domain/ordering/variable-weight";
import { issueContributionInvoice } from "~/domain/donations/issue-contribution-invoice.server";
import { attachBenchPictures, attachDemoPictures, prepareDemoPictures } from "./demo-pictures.server";
import type { Prisma, PrismaClient, ProducerKind } from "~/generated/prisma/client";
import { loadDemoDirectoryProfiles } from "~/demo/directory";
import { loadDemoEss } from "~/demo/ess-demo";
import { loadDemoLabels } from "~/demo/labels";
import {
  DEMO_AMAP,
  DEMO_CATEGORIES,
  DEMO_CHARITIES,
  DEMO_CONSUMERS,
  DEMO_PASSWORD,
  DEMO_PAST_DISTRIBUTION_POINTS,
  DEMO_PAST_DONATIONS,
  DEMO_PAST_ORDERS,
  DEMO_PROCESSED_DONATION,
  DEMO_UNSOLD,
  DEMO_PICKUP_POINTS,
  DEMO_PRODUCERS,
  DEMO_PRODUCTS,
  DEMO_TERRITORY,
  DEMO_WEEKS_AHEAD,
  QUAY_PICKUP_POINT_KEY,
  type DemoOrganisation,
  type DemoPickupPoint,
  type DemoProduct,
  type Place,
  type WeeklySchedule,
} from "./demo-territory";

type Tx = Prisma.TransactionClient;

/** Any fixed number: two seeds started at once load the territory only once. */
const SEED_LOCK = 72707002;
const CHUNK = 5000;
const DAY_MS = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------------------------
// Ids and small helpers
// ---------------------------------------------------------------------------------------------

/**
 * A stable UUID (version 5 layout) for a row of the demo data, so that the demo's producers,
 * products and pickup points keep the same ids from one seed to the next and other code can find
 * them (e.g. the quay) without a lookup by name.
 */
export function demoId(kind: "organisation" | "user" | "pickup-point" | "product", key: string): string {
  const bytes = createHash("sha1").update(`terre-et-mer:demo:${kind}:${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of the quay pickup point (« Quai Henri IV — étal des pêcheurs »). */
export const QUAY_PICKUP_POINT_ID = demoId("pickup-point", QUAY_PICKUP_POINT_KEY);

/** A deterministic number in [min, max] drawn from a text: the demo is the same at every load. */
function pick(seed: string, min: number, max: number): number {
  const value = createHash("sha1").update(seed).digest().readUInt32BE(0);
  return min + (value % (max - min + 1));
}

function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < rows.length; index += size) out.push(rows.slice(index, index + size));
  return out;
}

function communeByName(name: string) {
  const commune = communes.find((entry) => entry.name === name);
  if (!commune) throw new Error(`Commune inconnue des données de référence : ${name}`);
  return commune;
}

function resolvePlace(place: Place) {
  const commune = communeByName(place.commune);
  const round = (value: number) => Math.round(value * 100_000) / 100_000;
  return { communeInsee: commune.inseeCode, lat: round(commune.lat + place.dLat), lon: round(commune.lon + place.dLon) };
}

// ---------------------------------------------------------------------------------------------
// Bulk inserts: one INSERT … SELECT FROM unnest(arrays) per table, a few milliseconds for
// thousands of rows (Prisma's createMany binds one parameter per cell and is far slower at scale).
// Column names are checked against Prisma's input types, so a renamed column fails to compile.
// ---------------------------------------------------------------------------------------------

type ColumnType = "text" | "int" | "float8" | "bool" | "timestamptz" | "text[]" | { enum: string };
type Columns<Row> = Partial<Record<keyof Row & string, ColumnType>>;

function encodeCell(value: unknown, type: ColumnType): unknown {
  if (value === undefined || value === null) return null;
  if (type === "timestamptz") return value instanceof Date ? value.toISOString() : String(value);
  if (type === "text[]") return JSON.stringify(value);
  return value;
}

function selectCell(type: ColumnType, column: string): string {
  if (type === "timestamptz") return `${column}::timestamptz`;
  if (type === "text[]") return `ARRAY(SELECT json_array_elements_text(${column}::json))`;
  if (typeof type === "object") return `${column}::"${type.enum}"`;
  return column;
}

function arrayType(type: ColumnType): string {
  return type === "int" || type === "float8" || type === "bool" ? `${type}[]` : "text[]";
}

async function bulkInsert<Row extends object>(tx: Tx, table: string, columns: Columns<Row>, rows: readonly Row[]): Promise<void> {
  const entries = Object.entries(columns) as Array<[string, ColumnType]>;
  const names = entries.map(([name]) => `"${name}"`).join(", ");
  const aliases = entries.map((_, index) => `c${index}`);
  const sql =
    `INSERT INTO "${table}" (${names}) ` +
    `SELECT ${entries.map(([, type], index) => selectCell(type, aliases[index]!)).join(", ")} ` +
    `FROM unnest(${entries.map(([, type], index) => `$${index + 1}::${arrayType(type)}`).join(", ")}) AS t(${aliases.join(", ")})`;
  for (const part of chunks(rows, 5000)) {
    const params = entries.map(([name, type]) => part.map((row) => encodeCell((row as Record<string, unknown>)[name], type)));
    await tx.$executeRawUnsafe(sql, ...params);
  }
}

const PRODUCT_COLUMNS: Columns<Prisma.ProductCreateManyInput> = {
  id: "text",
  producerId: "text",
  kind: { enum: "ProductKind" },
  categoryId: "text",
  name: "text",
  nameEn: "text",
  description: "text",
  unit: { enum: "SaleUnit" },
  netQuantityGrams: "int",
  priceCents: "int",
  vatRateBp: "int",
  variableWeight: "bool",
  estimatedWeightGrams: "int",
  organic: "bool",
  allergens: "text[]",
  ingredients: "text",
  commercialName: "text",
  scientificName: "text",
  productionMethod: { enum: "ProductionMethod" },
  faoArea: "text",
  gearCategory: "text",
  thawed: "bool",
  reference: "text",
  createdAt: "timestamptz",
};

const OFFER_COLUMNS: Columns<Required<Prisma.OfferCreateManyInput>> = {
  id: "text",
  distributionId: "text",
  productId: "text",
  priceCents: "int",
  stock: "int",
  ordered: "int",
};

const SLOT_COLUMNS: Columns<Required<Prisma.PickupSlotCreateManyInput>> = {
  id: "text",
  distributionId: "text",
  startsAt: "timestamptz",
  endsAt: "timestamptz",
  capacity: "int",
  booked: "int",
};

const BASKET_ITEM_COLUMNS: Columns<Required<Prisma.BasketItemCreateManyInput>> = {
  id: "text",
  offerId: "text",
  position: "int",
  label: "text",
  labelEn: "text",
  quantityLabel: "text",
  indicativePriceCents: "int",
};

const ORGANISATION_COLUMNS: Columns<Required<Prisma.OrganisationCreateManyInput>> = {
  id: "text",
  kind: { enum: "OrganisationKind" },
  producerKind: { enum: "ProducerKind" },
  name: "text",
  slug: "text",
  description: "text",
  communeInsee: "text",
  address: "text",
  lat: "float8",
  lon: "float8",
  organicCertified: "bool",
  organicControlBody: "text",
  verifiedAt: "timestamptz",
  createdAt: "timestamptz",
};

// ---------------------------------------------------------------------------------------------
// Schedules (Europe/Paris wall clock, DST-safe)
// ---------------------------------------------------------------------------------------------

function shiftIsoDate(isoDate: string, days: number): string {
  return parisIsoDate(addParisDays(parisDateTime(isoDate, "12:00"), days));
}

function weekdayOf(isoDate: string): number {
  return new Date(`${isoDate}T12:00:00Z`).getUTCDay();
}

export type DistributionTimes = {
  isoDate: string;
  startsAt: Date;
  endsAt: Date;
  opensAt: Date;
  cutoffAt: Date;
  slots: Array<{ startsAt: Date; endsAt: Date }>;
};

export function distributionTimes(schedule: WeeklySchedule, isoDate: string): DistributionTimes {
  const startsAt = parisDateTime(isoDate, schedule.start);
  const endsAt = parisDateTime(isoDate, schedule.end);
  const slots: Array<{ startsAt: Date; endsAt: Date }> = [];
  const step = schedule.slotMinutes * 60_000;
  for (let at = startsAt.getTime(); at < endsAt.getTime(); at += step) {
    slots.push({ startsAt: new Date(at), endsAt: new Date(Math.min(at + step, endsAt.getTime())) });
  }
  return {
    isoDate,
    startsAt,
    endsAt,
    opensAt: parisDateTime(shiftIsoDate(isoDate, -schedule.opensDaysBefore), schedule.opensTime),
    cutoffAt: parisDateTime(shiftIsoDate(isoDate, -schedule.cutoffDaysBefore), schedule.cutoffTime),
    slots,
  };
}

/**
 * The Paris dates of a weekly schedule around `now`: the last one ENDED (its unsold stock can be
 * given), and the next `weeks`, the one under way included.
 */
export function weeklyDates(schedule: WeeklySchedule, now: Date, weeks: number): { past: string; upcoming: string[] } {
  const today = parisIsoDate(now);
  let past: string | undefined;
  const upcoming: string[] = [];
  for (let day = -8; upcoming.length < weeks; day += 1) {
    const isoDate = shiftIsoDate(today, day);
    if (weekdayOf(isoDate) !== schedule.weekday) continue;
    if (parisDateTime(isoDate, schedule.end).getTime() > now.getTime()) upcoming.push(isoDate);
    else past = isoDate;
  }
  if (!past) throw new Error("Aucune date passée trouvée pour le calendrier");
  return { past, upcoming };
}

// ---------------------------------------------------------------------------------------------
// Products: food information resolved against the reference data
// ---------------------------------------------------------------------------------------------

const knownAllergens = new Set(allergens.map((allergen) => allergen.code));

function gearCodeFromFrenchName(name: string | null): string | null {
  if (name === null) return null;
  const gear = gearCategories.find((entry) => entry.nameFr === name);
  if (!gear) throw new Error(`Catégorie d'engin inconnue : ${name}`);
  return gear.code;
}

type ProductRowInput = {
  id: string;
  producerId: string;
  producerOrganic: boolean;
  product: DemoProduct;
  createdAt: Date;
  nameSuffix?: string;
  /** The producer's own reference (CSV re-imports match on it); the demo key by default. */
  reference?: string;
};

function productRow({ id, producerId, producerOrganic, product, createdAt, nameSuffix = "", reference = product.key }: ProductRowInput): Prisma.ProductCreateManyInput {
  for (const code of product.allergens ?? []) {
    if (!knownAllergens.has(code)) throw new Error(`Allergène inconnu pour ${product.key} : ${code}`);
  }
  if (!vatRatesBp.includes(product.vatRateBp)) throw new Error(`Taux de TVA inconnu pour ${product.key}`);
  let sea: Pick<Prisma.ProductCreateManyInput, "commercialName" | "scientificName" | "productionMethod" | "faoArea" | "gearCategory" | "thawed"> = {};
  let wild = false;
  if (product.sea) {
    const species = fishSpecies.find((entry) => entry.id === product.sea?.species);
    if (!species) throw new Error(`Espèce inconnue pour ${product.key} : ${product.sea.species}`);
    const method = species.productionMethod === "farmed" ? "FARMED" : species.productionMethod === "caught" ? "CAUGHT_AT_SEA" : null;
    if (!method) throw new Error(`Mode de production inconnu pour ${species.id}`);
    wild = method === "CAUGHT_AT_SEA";
    const gear = wild ? (product.sea.gear ?? gearCodeFromFrenchName(species.typicalGear)) : null;
    if (gear !== null && !gearCategoryByCode(gear)) throw new Error(`Engin inconnu pour ${product.key} : ${gear}`);
    const faoArea = wild ? species.faoArea : null;
    if (wild && (!faoArea || !faoAreaByCode(faoArea))) throw new Error(`Zone FAO inconnue pour ${species.id}`);
    sea = {
      commercialName: species.commercialNameFr,
      scientificName: species.scientificName,
      productionMethod: method,
      faoArea,
      gearCategory: gear,
      thawed: product.sea.thawed ?? false,
    };
  }
  const organic = product.organic ?? (producerOrganic && !wild);
  if (organic && (wild || !producerOrganic)) throw new Error(`${product.key} ne peut pas être biologique`);
  return {
    id,
    producerId,
    kind: product.compositions ? "BASKET" : "PRODUCT",
    categoryId: product.category,
    name: product.name + nameSuffix,
    nameEn: product.nameEn + nameSuffix,
    description: product.description ?? "",
    unit: product.unit,
    netQuantityGrams: product.netQuantityGrams ?? null,
    priceCents: product.priceCents,
    vatRateBp: product.vatRateBp,
    variableWeight: product.estimatedWeightGrams !== undefined,
    estimatedWeightGrams: product.estimatedWeightGrams ?? null,
    organic,
    allergens: product.allergens ?? [],
    ingredients: product.ingredients ?? null,
    thawed: false,
    ...sea,
    reference,
    createdAt,
  };
}

// ---------------------------------------------------------------------------------------------
// The demo territory
// ---------------------------------------------------------------------------------------------

function communeRows(): Prisma.CommuneCreateManyInput[] {
  return communes.map((commune) => ({ ...commune }));
}

function categoryRows(): Prisma.CategoryCreateManyInput[] {
  return DEMO_CATEGORIES.map((category, index) => ({ ...category, position: index + 1 }));
}

function pickupPointRow(point: DemoPickupPoint): Prisma.PickupPointCreateManyInput {
  return {
    id: demoId("pickup-point", point.key),
    name: point.name,
    kind: point.kind,
    address: point.address,
    ...resolvePlace(point.place),
    accessibilityNotes: point.accessibilityNotes,
    organisationId: point.organisation ? demoId("organisation", point.organisation) : null,
  };
}

export type LoadOptions = { now: Date; passwordHash: string };

/**
 * Writes the whole demo territory, without checking that the database is empty: call it inside a
 * transaction on an empty database (seedDemo does). Returns how many rows of each kind it wrote.
 */
export async function loadDemoTerritory(tx: Tx, { now, passwordHash }: LoadOptions) {
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

  // Reference rows.
  await tx.commune.createMany({ data: communeRows(), skipDuplicates: true });
  await tx.category.createMany({ data: categoryRows(), skipDuplicates: true });

  // Organisations.
  const organisationRow = (org: DemoOrganisation, index: number): Prisma.OrganisationCreateManyInput => ({
    id: demoId("organisation", org.key),
    kind: org.kind,
    producerKind: org.producerKind ?? null,
    name: org.name,
    slug: org.slug,
    description: org.description,
    address: org.address,
    ...resolvePlace(org.place),
    organicCertified: org.organicControlBody !== undefined,
    organicControlBody: org.organicControlBody ?? null,
    rna: org.rna ?? null,
    siret: org.siret ?? null,
    verifiedAt: daysAgo(200 - index * 7),
    createdAt: daysAgo(210 - index * 7),
  });
  const territory: DemoOrganisation = {
    ...DEMO_TERRITORY,
    kind: "TERRITORY",
    name: territoryName(),
    members: [...DEMO_TERRITORY.members],
  };
  const organisations = [territory, DEMO_AMAP, ...DEMO_CHARITIES, ...DEMO_PRODUCERS];
  await tx.organisation.createMany({ data: organisations.map(organisationRow) });
  await tx.charitySettings.createMany({
    data: DEMO_CHARITIES.flatMap(({ key, charity }) =>
      charity
        ? [{
            organisationId: demoId("organisation", key),
            acceptedCategoryIds: charity.acceptedCategories ?? [],
            storesAmbient: charity.storesAmbient,
            storesChilled: charity.storesChilled,
            storesFrozen: charity.storesFrozen,
            maxQuantityMilli: charity.maxKilos === undefined ? null : charity.maxKilos * 1000,
            collectionWeekdays: charity.collectionWeekdays,
            collectionFrom: charity.collectionFrom,
            collectionTo: charity.collectionTo,
            redistributesSameDay: charity.redistributesSameDay,
            approvedRawFishery: charity.approvedRawFishery,
            processingWorkshop: charity.processingWorkshop,
            inDirectory: charity.inDirectory,
            publicContact: charity.publicContact ?? false,
          }]
        : [],
    ),
  });

  // People and memberships.
  const users: Prisma.UserCreateManyInput[] = [];
  const memberships: Prisma.MembershipCreateManyInput[] = [];
  const userIds = new Map<string, string>();
  const addUser = (name: string, email: string, locale: "fr" | "en" = "fr") => {
    const lower = email.toLowerCase();
    let id = userIds.get(lower);
    if (!id) {
      id = demoId("user", lower);
      userIds.set(lower, id);
      const createdAt = daysAgo(180 - users.length * 3);
      users.push({ id, email: lower, name, passwordHash, locale, createdAt, emailVerifiedAt: createdAt });
    }
    return id;
  };
  for (const org of organisations) {
    for (const member of org.members) {
      memberships.push({ userId: addUser(member.name, member.email), organisationId: demoId("organisation", org.key), role: member.role });
    }
  }
  const consumerIds = new Map<string, string>();
  for (const consumer of DEMO_CONSUMERS) consumerIds.set(consumer.key, addUser(consumer.name, consumer.email, consumer.locale));
  await tx.user.createMany({ data: users });
  await tx.membership.createMany({ data: memberships });

  // Pickup points.
  await tx.pickupPoint.createMany({ data: DEMO_PICKUP_POINTS.map(pickupPointRow), skipDuplicates: true });

  // Products.
  const producerByKey = new Map(DEMO_PRODUCERS.map((producer) => [producer.key, producer]));
  const productByKey = new Map<string, DemoProduct>();
  const productRows = DEMO_PRODUCTS.map((product, index) => {
    const producer = producerByKey.get(product.producer);
    if (!producer) throw new Error(`Producteur inconnu pour ${product.key} : ${product.producer}`);
    if (productByKey.has(product.key)) throw new Error(`Produit en double : ${product.key}`);
    productByKey.set(product.key, product);
    return productRow({
      id: demoId("product", product.key),
      producerId: demoId("organisation", producer.key),
      producerOrganic: producer.organicControlBody !== undefined,
      product,
      createdAt: daysAgo(150 - (index % 60)),
    });
  });
  await bulkInsert(tx, "Product", PRODUCT_COLUMNS, productRows);

  // Distributions, slots, offers and basket compositions.
  const distributions: Prisma.DistributionCreateManyInput[] = [];
  const slots: Prisma.PickupSlotCreateManyInput[] = [];
  const offers: Prisma.OfferCreateManyInput[] = [];
  const basketItems: Prisma.BasketItemCreateManyInput[] = [];
  /** Past distributions, by pickup point key: their slots and offers by product key. */
  const past = new Map<string, { distributionId: string; times: DistributionTimes; slotIds: string[]; offers: Map<string, Prisma.OfferCreateManyInput> }>();

  for (const point of DEMO_PICKUP_POINTS) {
    const productKeys = [
      ...DEMO_PRODUCTS.filter((product) => point.producers.includes(product.producer)).map((product) => product.key),
      ...(point.extraProducts ?? []),
    ];
    for (const key of productKeys) if (!productByKey.has(key)) throw new Error(`Produit inconnu au point ${point.key} : ${key}`);
    const { past: pastDate, upcoming } = weeklyDates(point.schedule, now, DEMO_WEEKS_AHEAD);
    const withPast = DEMO_PAST_DISTRIBUTION_POINTS.includes(point.key);
    const dates = withPast ? [pastDate, ...upcoming] : upcoming;
    for (const isoDate of dates) {
      const times = distributionTimes(point.schedule, isoDate);
      const distributionId = randomUUID();
      // Weeks since the epoch: each week gets the next basket composition.
      const week = Math.floor(times.startsAt.getTime() / (7 * DAY_MS));
      distributions.push({
        id: distributionId,
        pickupPointId: demoId("pickup-point", point.key),
        // Run by the place's own organisation (a farm, the AMAP), else by the territory.
        organiserId: demoId("organisation", point.organisation ?? DEMO_TERRITORY.key),
        startsAt: times.startsAt,
        endsAt: times.endsAt,
        opensAt: times.opensAt,
        cutoffAt: times.cutoffAt,
      });
      const slotIds = times.slots.map((slot) => {
        const id = randomUUID();
        slots.push({ id, distributionId, startsAt: slot.startsAt, endsAt: slot.endsAt, capacity: point.schedule.slotCapacity, booked: 0 });
        return id;
      });
      const offersByKey = new Map<string, Prisma.OfferCreateManyInput>();
      for (const key of new Set(productKeys)) {
        const product = productByKey.get(key)!;
        const offer: Prisma.OfferCreateManyInput = {
          id: randomUUID(),
          distributionId,
          productId: demoId("product", key),
          priceCents: product.priceCents,
          stock: pick(`${point.key}:${isoDate}:${key}`, 5, 60),
          ordered: 0,
        };
        offers.push(offer);
        offersByKey.set(key, offer);
        const composition = product.compositions?.[week % product.compositions.length];
        composition?.forEach((line, position) => {
          basketItems.push({ id: randomUUID(), offerId: offer.id, position, ...line });
        });
      }
      if (isoDate === pastDate && withPast) past.set(point.key, { distributionId, times, slotIds, offers: offersByKey });
    }
  }

  // Last week's orders: they took stock from the past distributions' offers and booked slots.
  const orders: Prisma.OrderCreateManyInput[] = [];
  const orderLines: Prisma.OrderLineCreateManyInput[] = [];
  const bookedBySlot = new Map<string, number>();
  DEMO_PAST_ORDERS.forEach((pastOrder, index) => {
    const distribution = past.get(pastOrder.pickupPoint);
    const userId = consumerIds.get(pastOrder.consumer);
    const slotId = distribution?.slotIds[pastOrder.slot];
    if (!distribution || !userId || !slotId) throw new Error(`Commande passée incohérente n° ${index + 1}`);
    const orderId = randomUUID();
    let totalCents = 0;
    for (const [key, quantity] of pastOrder.lines) {
      const offer = distribution.offers.get(key);
      const product = productByKey.get(key);
      if (!offer || !product) throw new Error(`Produit ${key} absent de la distribution passée de ${pastOrder.pickupPoint}`);
      offer.ordered = (offer.ordered ?? 0) + quantity;
      offer.stock = Math.max(offer.stock, offer.ordered + pick(`reste:${offer.id}`, 2, 10));
      totalCents += offer.priceCents * quantity;
      orderLines.push({
        id: randomUUID(),
        orderId,
        offerId: offer.id,
        productName: product.name,
        unit: product.unit,
        quantity,
        unitPriceCents: offer.priceCents,
        vatRateBp: product.vatRateBp,
        producerId: demoId("organisation", product.producer),
        ...weighedTerms({
          variableWeight: product.estimatedWeightGrams !== undefined,
          unit: product.unit,
          estimatedWeightGrams: product.estimatedWeightGrams ?? null,
          quantity,
          unitPriceCents: offer.priceCents,
        }),
      });
    }
    bookedBySlot.set(slotId, (bookedBySlot.get(slotId) ?? 0) + 1);
    const placedAt = new Date(
      Math.min(distribution.times.opensAt.getTime() + (index + 1) * 3 * 60 * 60 * 1000, distribution.times.cutoffAt.getTime()),
    );
    orders.push({
      id: orderId,
      userId,
      distributionId: distribution.distributionId,
      slotId,
      status: "CONFIRMED",
      paymentMethod: "AT_PICKUP",
      totalCents,
      createdAt: placedAt,
      updatedAt: placedAt,
    });
  });
  // The fisher's sole left unsold last week, for the donation journey.
  const unsoldOffer = past.get(DEMO_UNSOLD.pickupPoint)?.offers.get(DEMO_UNSOLD.product);
  if (!unsoldOffer) throw new Error(`Pas d'offre ${DEMO_UNSOLD.product} à la distribution passée de ${DEMO_UNSOLD.pickupPoint}`);
  unsoldOffer.stock = (unsoldOffer.ordered ?? 0) + DEMO_UNSOLD.kilos;
  for (const slot of slots) {
    slot.booked = bookedBySlot.get(slot.id!) ?? 0;
    if (slot.booked > slot.capacity) throw new Error("Créneau surchargé dans les commandes passées");
  }

  await tx.distribution.createMany({ data: distributions });
  await bulkInsert(tx, "PickupSlot", SLOT_COLUMNS, slots);
  await bulkInsert(tx, "Offer", OFFER_COLUMNS, offers);
  await bulkInsert(tx, "BasketItem", BASKET_ITEM_COLUMNS, basketItems);
  await tx.order.createMany({ data: orders });
  await tx.orderLine.createMany({ data: orderLines });
  const donations = await loadPastDonations(tx, { now, memberOf: (key) => memberIdOf(organisations, key) });
  await loadDemoDirectoryProfiles(tx, (key) => demoId("organisation", key));
  await loadDemoEss(tx, now, (key) => demoId("organisation", key));
  await loadDemoLabels(tx, now, (key) => demoId("product", key));

  return {
    communes: communes.length,
    organisations: organisations.length,
    producers: DEMO_PRODUCERS.length,
    users: users.length,
    pickupPoints: DEMO_PICKUP_POINTS.length,
    products: productRows.length,
    distributions: distributions.length,
    offers: offers.length,
    orders: orders.length,
    donationLots: donations.lots,
    donationClaims: donations.claims,
  };
}

/** The user id of an organisation's first member (demo ids are derived from the e-mail). */
function memberIdOf(organisations: readonly DemoOrganisation[], key: string): string {
  const member = organisations.find((org) => org.key === key)?.members[0];
  if (!member) throw new Error(`Organisation de démonstration sans membre : ${key}`);
  return demoId("user", member.email.toLowerCase());
}

/**
 * Six months of collected donations (lots, claims, the workshop's processed lot and its invoice),
 * written as the app would have left them: windows over, lots EXPIRED, claims COLLECTED.
 */
async function loadPastDonations(tx: Tx, { now, memberOf }: { now: Date; memberOf: (key: string) => string }) {
  const lots: Prisma.DonationLotCreateManyInput[] = [];
  const claims: Prisma.DonationClaimCreateManyInput[] = [];
  const claimIdByProduct = new Map<string, string>();
  const code = (seed: string) => String(pick(`code:${seed}`, 100000, 999999));
  const pickupAt = (daysAgo: number) => parisDateTime(parisIsoDate(addParisDays(now, -daysAgo)), "10:00");
  for (const donation of DEMO_PAST_DONATIONS) {
    const lotId = randomUUID();
    const pickupStart = pickupAt(donation.daysAgo);
    const pickupEnd = new Date(pickupStart.getTime() + 8 * 60 * 60 * 1000);
    lots.push({
      id: lotId,
      donorId: demoId("organisation", donation.donor),
      createdById: memberOf(donation.donor),
      productName: donation.productName,
      categoryId: donation.category,
      unit: "KG",
      quantityMilli: donation.kilos * 1000,
      claimedMilli: donation.claims.reduce((sum, claim) => sum + claim.kilos * 1000, 0),
      storage: donation.storage,
      useBy: donation.useByDaysAfterPickup === undefined ? null : parisIsoDate(addParisDays(pickupStart, donation.useByDaysAfterPickup)),
      lotNumber: donation.lotNumber ?? null,
      rawFishery: donation.rawFishery ?? false,
      pickupPlace: "Sur place, chez le donateur",
      pickupStart,
      pickupEnd,
      costPriceCents: donation.costPriceCents,
      status: "EXPIRED",
      expiredAt: pickupEnd,
      createdAt: new Date(pickupStart.getTime() - 20 * 60 * 60 * 1000),
    });
    donation.claims.forEach((claim, index) => {
      const id = randomUUID();
      if (claim.charity === DEMO_PROCESSED_DONATION.workshop && donation.productName === DEMO_PROCESSED_DONATION.fromProductName) claimIdByProduct.set(donation.productName, id);
      claims.push({
        id,
        lotId,
        charityId: demoId("organisation", claim.charity),
        claimedById: memberOf(claim.charity),
        quantityMilli: claim.kilos * 1000,
        pickupCode: code(id),
        status: "COLLECTED",
        collectedAt: new Date(pickupStart.getTime() + (index + 1) * 45 * 60 * 1000),
        collectedById: memberOf(donation.donor),
        temperatureDeciC: claim.temperatureC === undefined ? null : Math.round(claim.temperatureC * 10),
        createdAt: new Date(pickupStart.getTime() - 12 * 60 * 60 * 1000),
      });
    });
  }

  // The panier de la mer made from the workshop's tacaud, and the charity's bags, invoiced.
  const processed = DEMO_PROCESSED_DONATION;
  const sourceClaimId = claimIdByProduct.get(processed.fromProductName);
  const source = DEMO_PAST_DONATIONS.find((donation) => donation.productName === processed.fromProductName);
  if (!sourceClaimId || !source) throw new Error("Don brut de l'atelier introuvable");
  const processedLotId = randomUUID();
  const processedStart = pickupAt(source.daysAgo - processed.daysAfterSource);
  const processedEnd = new Date(processedStart.getTime() + 8 * 60 * 60 * 1000);
  lots.push({
    id: processedLotId,
    donorId: demoId("organisation", processed.workshop),
    createdById: memberOf(processed.workshop),
    productName: processed.productName,
    categoryId: "poissons",
    unit: "KG",
    quantityMilli: processed.kilos * 1000,
    claimedMilli: processed.claim.kilos * 1000,
    storage: "FROZEN",
    bestBefore: parisIsoDate(addParisDays(processedStart, 180)),
    lotNumber: processed.lotNumber,
    pickupPlace: "Atelier, quai du Carénage, Dieppe",
    pickupStart: processedStart,
    pickupEnd: processedEnd,
    costPriceCents: processed.costPriceCents,
    contributionCentsPerUnit: processed.contributionCentsPerUnit,
    sourceClaimId,
    status: "EXPIRED",
    expiredAt: processedEnd,
    createdAt: new Date(processedStart.getTime() - 20 * 60 * 60 * 1000),
  });
  const processedClaimId = randomUUID();
  const collectedAt = new Date(processedStart.getTime() + 60 * 60 * 1000);
  const contributionCents = processed.contributionCentsPerUnit * processed.claim.kilos;
  claims.push({
    id: processedClaimId,
    lotId: processedLotId,
    charityId: demoId("organisation", processed.claim.charity),
    claimedById: memberOf(processed.claim.charity),
    quantityMilli: processed.claim.kilos * 1000,
    pickupCode: code(processedClaimId),
    status: "COLLECTED",
    contributionCents,
    collectedAt,
    collectedById: memberOf(processed.workshop),
    temperatureDeciC: processed.claim.temperatureC * 10,
    createdAt: new Date(processedStart.getTime() - 12 * 60 * 60 * 1000),
  });

  await tx.donationLot.createMany({ data: lots.filter((lot) => lot.sourceClaimId === undefined) });
  await tx.donationClaim.createMany({ data: claims.filter((claim) => claim.lotId !== processedLotId) });
  await tx.donationLot.createMany({ data: lots.filter((lot) => lot.sourceClaimId !== undefined) });
  await tx.donationClaim.createMany({ data: claims.filter((claim) => claim.lotId === processedLotId) });
  // Invoiced as the hand-over does it: numbered by the workshop's counter, parties kept as they are.
  await issueContributionInvoice(
    tx,
    { id: processedClaimId, issuerId: demoId("organisation", processed.workshop), charityId: demoId("organisation", processed.claim.charity), contributionCents },
    collectedAt,
  );
  return { lots: lots.length, claims: claims.length };
}

export type DemoCounts = Awaited<ReturnType<typeof loadDemoTerritory>>;

/**
 * Loads the demo territory into an EMPTY database; does nothing when the User table already has
 * rows. Everything goes in one transaction: a failure leaves the database as it was.
 */
export async function seedDemo(prisma: PrismaClient, options: { now: Date }): Promise<{ created: boolean; counts?: DemoCounts }> {
  if ((await prisma.user.count()) > 0) return { created: false };
  // One hash for every demo account: argon2 is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // The pictures' committed widths (app/demo/demo-pictures.server.ts: no sharp) are read while the rows are written; awaited after.
  const pictures = prepareDemoPictures();
  pictures.catch(() => undefined);
  const result = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
      if ((await tx.user.count()) > 0) return { created: false };
      const counts = await loadDemoTerritory(tx, { now: options.now, passwordHash });
      return { created: true, counts };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  // Pictures once the rows exist: files are written outside the transaction (bytes before the rows that name them).
  if (result.created) await attachDemoPictures(prisma, await pictures, { now: options.now, productId: (key) => demoId("product", key), organisationId: (key) => demoId("organisation", key) });
  // Fresh tables have no planner statistics: without this the first catalogue visits plan blind
  // (75 ms instead of 3 ms measured) until autovacuum comes by.
  if (result.created) await prisma.$executeRawUnsafe("ANALYZE");
  return result;
}

/** Every email the demo territory gives an account to, all opened by DEMO_PASSWORD (lower case). */
export function demoAccountEmails(): string[] {
  const organisations = [DEMO_TERRITORY, DEMO_AMAP, ...DEMO_CHARITIES, ...DEMO_PRODUCERS];
  const emails = [...organisations.flatMap((organisation) => organisation.members), ...DEMO_CONSUMERS].map((person) => person.email.toLowerCase());
  return [...new Set(emails)];
}

/**
 * The demo accounts of this database that the published DEMO_PASSWORD still opens, by email.
 * One argon2 check per distinct hash (the seed gives them all the same one): a few tens of
 * milliseconds at start-up.
 */
export async function demoAccountsOpenedByDemoPassword(prisma: PrismaClient): Promise<string[]> {
  const accounts = await prisma.user.findMany({ where: { email: { in: demoAccountEmails() } }, select: { email: true, passwordHash: true }, orderBy: { email: "asc" } });
  const opens = new Map<string, boolean>();
  for (const { passwordHash } of accounts) {
    if (!opens.has(passwordHash)) opens.set(passwordHash, await verifyPassword(passwordHash, DEMO_PASSWORD));
  }
  return accounts.filter((account) => opens.get(account.passwordHash)).map((account) => account.email);
}

// ---------------------------------------------------------------------------------------------
// The scale option: one distribution with thousands of offers
// ---------------------------------------------------------------------------------------------

const BENCH_PRODUCTS_PER_PRODUCER = 10;

const BENCH_KINDS: ReadonlyArray<{ kind: ProducerKind; names: string[] }> = [
  { kind: "MARKET_GARDENER", names: ["Ferme du Val", "Les Jardins du Plateau", "Ferme des Hêtres", "Le Potager de la Côte"] },
  { kind: "DAIRY", names: ["Laiterie des Prés", "Ferme des Normandes"] },
  { kind: "LIVESTOCK", names: ["Élevage du Bocage", "Ferme des Herbages"] },
  { kind: "FISHER", names: ["Bateau Marie-Jeanne", "Bateau L'Espérance", "Bateau Le Goéland"] },
];

const BENCH_CONTROL_BODIES = ["FR-BIO-01", "FR-BIO-10", "FR-BIO-16"];

function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The first quay Friday (17:00) whose ordering is still open at `now`. */
function nextOpenQuayDate(schedule: WeeklySchedule, now: Date): string {
  const { upcoming } = weeklyDates(schedule, now, 2);
  const open = upcoming.find((isoDate) => distributionTimes(schedule, isoDate).cutoffAt.getTime() > now.getTime());
  return open ?? upcoming[1]!;
}

export type BenchOptions = {
  offers: number;
  now: Date;
  /** Capacity of each 30-minute slot; default 1,000 so that load tests are not capped by slots. */
  slotCapacity?: number;
  /** Stock of every offer; default a believable 5–60. */
  stock?: number;
};

/**
 * Creates synthetic verified producers (about 10 offers each, "Ferme du Val n°12"…), their
 * products with full food information, and ONE new distribution at the quay on the next Friday
 * still open for orders, holding exactly `offers` offers. Works on an empty database too (it adds
 * the communes, categories and the quay if missing). Not idempotent: each call adds a new set.
 */
export async function seedBenchDistribution(
  prisma: PrismaClient,
  options: BenchOptions,
): Promise<{ distributionId: string; pickupPointId: string }> {
  const { offers: offerCount, now } = options;
  if (!Number.isInteger(offerCount) || offerCount < 1) throw new Error("Le nombre d'offres doit être un entier positif");
  const quay = DEMO_PICKUP_POINTS.find((point) => point.key === QUAY_PICKUP_POINT_KEY)!;
  const templatesByKind = new Map<ProducerKind, DemoProduct[]>();
  for (const { kind } of BENCH_KINDS) {
    const producerKeys = new Set(DEMO_PRODUCERS.filter((producer) => producer.producerKind === kind).map((producer) => producer.key));
    const templates = DEMO_PRODUCTS.filter((product) => producerKeys.has(product.producer) && !product.compositions);
    if (templates.length < BENCH_PRODUCTS_PER_PRODUCER) throw new Error(`Pas assez de produits modèles pour ${kind}`);
    templatesByKind.set(kind, templates);
  }

  // Each product's model, for its picture (attached once the rows exist).
  const pictured: Array<{ id: string; producerId: string; model: string }> = [];
  return prisma.$transaction(
    async (tx) => {
      await tx.commune.createMany({ data: communeRows(), skipDuplicates: true });
      await tx.category.createMany({ data: categoryRows(), skipDuplicates: true });
      await tx.pickupPoint.createMany({ data: [pickupPointRow(quay)], skipDuplicates: true });

      const already = await tx.organisation.count({ where: { slug: { startsWith: "banc-" } } });
      const run = randomUUID().slice(0, 6);
      const producerCount = Math.ceil(offerCount / BENCH_PRODUCTS_PER_PRODUCER);
      const inland = communes.filter((commune) => commune.name !== "Dieppe");
      const producers: Prisma.OrganisationCreateManyInput[] = [];
      const products: Prisma.ProductCreateManyInput[] = [];
      for (let index = 0; index < producerCount; index += 1) {
        const number = already + index + 1;
        const { kind, names } = BENCH_KINDS[index % BENCH_KINDS.length]!;
        const name = `${names[Math.floor(index / BENCH_KINDS.length) % names.length]} n°${number}`;
        const commune = kind === "FISHER" ? communeByName("Dieppe") : inland[index % inland.length]!;
        const organic = kind !== "FISHER" && index % 3 === 0;
        const producerId = randomUUID();
        producers.push({
          id: producerId,
          kind: "PRODUCER",
          producerKind: kind,
          name,
          slug: `banc-${slugify(name)}-${run}`,
          description: "Producteur fictif créé pour les essais de charge.",
          communeInsee: commune.inseeCode,
          address: `${commune.postalCode} ${commune.name}`,
          lat: commune.lat + ((index % 7) - 3) * 0.002,
          lon: commune.lon + ((index % 5) - 2) * 0.002,
          organicCertified: organic,
          organicControlBody: organic ? BENCH_CONTROL_BODIES[index % BENCH_CONTROL_BODIES.length]! : null,
          verifiedAt: now,
          createdAt: now,
        });
        const templates = templatesByKind.get(kind)!;
        const wanted = Math.min(BENCH_PRODUCTS_PER_PRODUCER, offerCount - index * BENCH_PRODUCTS_PER_PRODUCER);
        for (let position = 0; position < wanted; position += 1) {
          const template = templates[(index * 3 + position) % templates.length]!;
          products.push(productRow({ id: randomUUID(), producerId, producerOrganic: organic, product: template, createdAt: now, reference: `${template.key}-${position + 1}` }));
          pictured.push({ id: products.at(-1)!.id, producerId, model: template.key });
        }
      }

      const isoDate = nextOpenQuayDate(quay.schedule, now);
      const times = distributionTimes(quay.schedule, isoDate);
      const distributionId = randomUUID();
      const slotCapacity = options.slotCapacity ?? 1000;
      const offers: Prisma.OfferCreateManyInput[] = products.map((product) => ({
        id: randomUUID(),
        distributionId,
        productId: product.id,
        priceCents: product.priceCents,
        stock: options.stock ?? pick(`banc:${product.id}`, 5, 60),
        ordered: 0,
      }));

      await bulkInsert(tx, "Organisation", ORGANISATION_COLUMNS, producers);
      await bulkInsert(tx, "Product", PRODUCT_COLUMNS, products);
      await tx.distribution.create({
        data: {
          id: distributionId,
          pickupPointId: QUAY_PICKUP_POINT_ID,
          startsAt: times.startsAt,
          endsAt: times.endsAt,
          // Open for orders from now on, whatever day of the week the bench starts.
          opensAt: new Date(Math.min(times.opensAt.getTime(), now.getTime())),
          cutoffAt: times.cutoffAt,
        },
      });
      await tx.pickupSlot.createMany({
        data: times.slots.map((slot) => ({ id: randomUUID(), distributionId, startsAt: slot.startsAt, endsAt: slot.endsAt, capacity: slotCapacity })),
      });
      await bulkInsert(tx, "Offer", OFFER_COLUMNS, offers);
      return { distributionId, pickupPointId: QUAY_PICKUP_POINT_ID };
    },
    { maxWait: 10_000, timeout: 120_000 },
  ).then(async (created) => {
    await attachBenchPictures(prisma, pictured, now);
    await prisma.$executeRawUnsafe("ANALYZE");
    return created;
  });
}
