import { randomInt, randomUUID } from "node:crypto";
import { db } from "~/db.server";
import type { CharityFacts } from "~/domain/donations/donation-rules";
import type { Locale } from "~/i18n/messages";
import { createProducerUser, createUsers, ensureCommune, signedInCookie } from "./factories";

/**
 * Factories of the donations: donors, charities with their settings, lots and claims written
 * straight to the database (publishing, claiming and handing over are tested through the use
 * cases, the pages and the API). One factory per row kind, taking options; the stories the tests
 * start from (a fishery workshop, a past donation on a slip) are presets over them.
 */

const HOUR = 3600_000;

/** A short random tag, to keep names apart in the shared test database. */
function tag(length = 4): string {
  return randomUUID().slice(0, length);
}

/** The options a caller did give: an explicit `undefined` does not override a preset's default. */
function given<T extends object>(options: T): T {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as T;
}

// ───────────────────────────── donors ─────────────────────────────

/** A verified producer (unless told otherwise) with a signed-in member, ready to donate; its organisation's name, address, SIRET or kind when given. */
export async function createDonor(
  options: { verified?: boolean; memberName?: string; name?: string; address?: string; siret?: string; producerKind?: "FISHER" } = {},
) {
  const donor = await createProducerUser({ verified: options.verified, name: options.memberName ?? "Denis Donateur" });
  const identity = given({ name: options.name, address: options.address, siret: options.siret, producerKind: options.producerKind });
  if (Object.keys(identity).length > 0) await db().organisation.update({ where: { id: donor.producerId }, data: identity });
  return donor;
}

/** A donor with its identity on the slip (address, SIRET). */
export async function createSlipDonor(options: { name?: string; memberName?: string } = {}) {
  const name = options.name ?? `Le Pourquoi-Pas ${tag()}`;
  const siret = String(randomInt(10_000_000, 99_999_999)).padStart(8, "0") + "000" + String(randomInt(100, 999));
  const donor = await createDonor({ memberName: options.memberName, name, address: "Quai Henri IV", siret });
  return { ...donor, name, siret };
}

/** A donor (verified unless told otherwise) whose farm has an address. */
export async function createFarmDonor(options: { verified?: boolean; address?: string } = {}) {
  const address = options.address ?? `Ferme ${tag()}, 76200 Dieppe`;
  const donor = await createDonor({ verified: options.verified, memberName: "Yannick Donateur", address });
  return { ...donor, address };
}

/** A fishing boat: the donor of raw fishery lots. */
export async function createFisher(name = "Bateau L'Espérance") {
  const fisher = await createDonor({ memberName: "Yann Pêcheur", name, producerKind: "FISHER" });
  return { ...fisher, name };
}

// ───────────────────────────── charities ─────────────────────────────

/** Settings a test gives a charity; the rest keep the columns' defaults. */
export type CharitySettingsInput = Partial<{ [K in keyof CharityFacts]: CharityFacts[K] extends readonly (infer T)[] ? T[] : CharityFacts[K] } & { processingWorkshop: boolean }>;

/** Settings of a charity that keeps chilled and frozen food (the hand-over and jobs tests' charity). */
export const COLD_STORAGE: CharitySettingsInput = { storesChilled: true, storesFrozen: true };

/** Collection at any hour of any day, so that a test does not depend on the clock. */
export const ANY_HOUR: CharitySettingsInput = { collectionWeekdays: [1, 2, 3, 4, 5, 6, 7], collectionFrom: "00:00", collectionTo: "24:00" };

type CharityOptions = {
  verified?: boolean;
  /** Settings only when given (else the columns' defaults apply, with no settings row). */
  settings?: CharitySettingsInput;
  locale?: Locale;
  name?: string;
  memberName?: string;
  rna?: string;
  siret?: string | null;
  address?: string;
};

/**
 * Charities (kind CHARITY) each with one signed-in member (role CHARITY), in a few statements:
 * verified unless told otherwise.
 */
export async function createCharities(count: number, options: CharityOptions = {}) {
  const communeInsee = await ensureCommune();
  const users = await createUsers(count);
  const member = given({ locale: options.locale, name: options.memberName });
  if (Object.keys(member).length > 0) await db().user.updateMany({ where: { id: { in: users.map((user) => user.id) } }, data: member });
  const charities = users.map((user) => {
    const id = randomUUID();
    return { id, name: options.name ?? `Association test ${id.slice(0, 6)}`, user: { ...user, locale: options.locale ?? user.locale, name: options.memberName ?? user.name } };
  });
  await db().organisation.createMany({
    data: charities.map((charity) => ({
      id: charity.id,
      kind: "CHARITY" as const,
      name: charity.name,
      slug: `asso-${charity.id}`,
      communeInsee,
      verifiedAt: options.verified === false ? null : new Date("2026-01-01T00:00:00Z"),
      ...given({ rna: options.rna, siret: options.siret, address: options.address }),
    })),
  });
  await db().membership.createMany({ data: charities.map((charity) => ({ userId: charity.user.id, organisationId: charity.id, role: "CHARITY" as const })) });
  if (options.settings) {
    await db().charitySettings.createMany({ data: charities.map((charity) => ({ organisationId: charity.id, ...options.settings })) });
  }
  return Promise.all(charities.map(async (charity) => ({ ...charity, cookie: await signedInCookie(charity.user.id) })));
}

export async function createCharity(options: CharityOptions = {}) {
  const [charity] = await createCharities(1, options);
  if (!charity) throw new Error("no charity");
  return charity;
}

/** A charity with its RNA number and address on the slip, no settings. */
export async function createSlipCharity(options: { name?: string; memberName?: string; siret?: string | null } = {}) {
  const rna = `W76${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
  const charity = await createCharity({ name: options.name ?? `Secours populaire ${tag()}`, memberName: options.memberName, rna, siret: options.siret ?? null, address: "5 rue de la Barre" });
  return { ...charity, rna };
}

/** A charity approved as a processing workshop (and for raw fishery), with an address and SIRET for its invoices. */
export function createWorkshop(options: { processingWorkshop?: boolean; name?: string } = {}) {
  return createCharity({
    name: options.name ?? `Atelier Marée Solidaire ${tag()}`,
    address: "12 quai du Carénage",
    siret: "12345678900011",
    settings: { ...COLD_STORAGE, approvedRawFishery: true, processingWorkshop: options.processingWorkshop ?? true, ...ANY_HOUR },
  });
}

/** A charity that buys processed lots: stores frozen food and may collect at any hour. */
export function createBuyer(options: { name?: string; approvedRawFishery?: boolean } = {}) {
  return createCharity({
    name: options.name ?? `Épicerie solidaire ${tag()}`,
    rna: "W761234567",
    settings: { ...COLD_STORAGE, approvedRawFishery: options.approvedRawFishery ?? false, ...ANY_HOUR },
  });
}

// ───────────────────────────── unsold stock ─────────────────────────────

export async function ensureDonationCategory(id: string, nameFr: string, nameEn: string, position = 50) {
  await db().category.upsert({ where: { id }, create: { id, nameFr, nameEn, position }, update: {} });
  return id;
}

/**
 * An offer of the producer in a distribution that ended `endedHoursAgo` hours ago (negative: it
 * ends in the future), with `stock` and `ordered` in the product's sale unit.
 */
export async function createEndedOffer(options: {
  producerId: string;
  productName?: string;
  unit?: "KG" | "PIECE" | "DOZEN" | "G100" | "BUNCH" | "LITRE";
  stock?: number;
  ordered?: number;
  endedHoursAgo?: number;
  cancelled?: boolean;
  sea?: boolean;
  ingredients?: string;
  photoId?: string;
}) {
  const communeInsee = await ensureCommune();
  const sea = options.sea ?? false;
  const categoryId = sea ? await ensureDonationCategory("poissons", "Poissons", "Fish") : await ensureDonationCategory("legumes", "Légumes", "Vegetables");
  const pickupPointId = randomUUID();
  await db().pickupPoint.create({
    data: { id: pickupPointId, name: `Quai test ${pickupPointId.slice(0, 4)}`, kind: "PORT", communeInsee, address: "Quai Henri IV", lat: 49.926, lon: 1.08 },
  });
  const endsAt = new Date(Date.now() - (options.endedHoursAgo ?? 2) * HOUR);
  const startsAt = new Date(endsAt.getTime() - 2 * HOUR);
  const distributionId = randomUUID();
  await db().distribution.create({
    data: {
      id: distributionId,
      pickupPointId,
      startsAt,
      endsAt,
      cutoffAt: new Date(startsAt.getTime() - 24 * HOUR),
      opensAt: new Date(startsAt.getTime() - 7 * 24 * HOUR),
      status: options.cancelled ? "CANCELLED" : "SCHEDULED",
    },
  });
  const productId = randomUUID();
  await db().product.create({
    data: {
      id: productId,
      producerId: options.producerId,
      categoryId,
      name: options.productName ?? `Sole commune ${productId.slice(0, 4)}`,
      unit: options.unit ?? "KG",
      priceCents: 2690,
      vatRateBp: 550,
      allergens: sea ? ["fish"] : [],
      scientificName: sea ? "Solea solea" : null,
      productionMethod: sea ? "CAUGHT_AT_SEA" : null,
      faoArea: sea ? "27.7.d" : null,
      ingredients: options.ingredients ?? null,
      photoId: options.photoId ?? null,
    },
  });
  const offerId = randomUUID();
  await db().offer.create({ data: { id: offerId, distributionId, productId, priceCents: 2690, stock: options.stock ?? 20, ordered: options.ordered ?? 5 } });
  return { offerId, productId, distributionId, pickupPointId, productName: options.productName };
}

export function lotsOfOffer(offerId: string) {
  return db().donationLot.findMany({
    where: { offerId },
    select: { id: true, donorId: true, productName: true, unit: true, quantityMilli: true, storage: true, rawFishery: true, costPriceCents: true, useBy: true, pickupPlace: true, offerId: true, photoId: true, categoryId: true },
  });
}

// ───────────────────────────── lots ─────────────────────────────

type Unit = "KG" | "PIECE" | "LITRE";
type Storage = "AMBIENT" | "CHILLED" | "FROZEN";

export type LotOptions = {
  donorId: string;
  createdById: string;
  productName?: string;
  description?: string;
  unit?: Unit;
  quantityMilli?: number;
  claimedMilli?: number;
  storage?: Storage;
  useBy?: string | null;
  bestBefore?: string | null;
  lotNumber?: string | null;
  rawFishery?: boolean;
  categoryId?: string | null;
  costPriceCents?: number;
  contributionCentsPerUnit?: number | null;
  sourceClaimId?: string | null;
  pickupPlace?: string;
  pickupStart?: Date;
  /** How long the pickup window lasts when `pickupEnd` is not given. */
  pickupHours?: number;
  pickupEnd?: Date;
  status?: "OPEN" | "WITHDRAWN";
};

/**
 * A lot: 15 kg of ambient soles at 8,00 € per kg, open, to pick up from an hour ago to a week from
 * now, unless told otherwise.
 */
export async function createLot(options: LotOptions) {
  const id = randomUUID();
  const pickupStart = options.pickupStart ?? new Date(Date.now() - HOUR);
  await db().donationLot.create({
    data: {
      id,
      donorId: options.donorId,
      createdById: options.createdById,
      productName: options.productName ?? `Soles ${id.slice(0, 4)}`,
      description: options.description ?? "",
      unit: options.unit ?? "KG",
      quantityMilli: options.quantityMilli ?? 15_000,
      claimedMilli: options.claimedMilli ?? 0,
      storage: options.storage ?? "AMBIENT",
      useBy: options.useBy ?? null,
      bestBefore: options.bestBefore ?? null,
      lotNumber: options.lotNumber === undefined ? `LOT-${id.slice(0, 6)}` : options.lotNumber,
      rawFishery: options.rawFishery ?? false,
      categoryId: options.categoryId ?? null,
      costPriceCents: options.costPriceCents ?? 800,
      contributionCentsPerUnit: options.contributionCentsPerUnit ?? null,
      sourceClaimId: options.sourceClaimId ?? null,
      pickupPlace: options.pickupPlace ?? "Quai Henri IV, Dieppe",
      pickupStart,
      pickupEnd: options.pickupEnd ?? new Date(pickupStart.getTime() + (options.pickupHours ?? 7 * 24) * HOUR),
      status: options.status ?? "OPEN",
    },
  });
  return { id };
}

/** A lot to hand over today: 12,00 € per kg, to pick up within 8 hours. */
export function createSameDayLot(options: LotOptions) {
  return createLot({ costPriceCents: 1200, pickupHours: 8, ...given(options) });
}

/** A fisher's raw lot by default: 20 kg of chilled whole fish at the fish market, 2,00 € per kg, use-by in 5 days. */
export function createSeaLot(options: LotOptions) {
  return createLot({
    productName: "Lieu noir entier",
    quantityMilli: 20_000,
    storage: "CHILLED",
    useBy: isoDateIn(5),
    lotNumber: `DIE-${tag(6)}`,
    rawFishery: true,
    pickupPlace: "Criée de Dieppe",
    pickupHours: 24,
    costPriceCents: 200,
    ...given(options),
  });
}

/** A lot picked up in December 2025 unless told otherwise: 100 kg of chilled sole at 12,00 € per kg. */
export function createPastLot(options: LotOptions) {
  return createLot({
    productName: "Sole commune",
    quantityMilli: 100_000,
    storage: "CHILLED",
    useBy: "2025-12-10",
    lotNumber: `L-${tag(6)}`,
    pickupStart: new Date("2025-12-01T08:00:00Z"),
    pickupEnd: new Date("2026-01-02T18:00:00Z"),
    costPriceCents: 1200,
    ...given(options),
  });
}

export async function lotState(id: string) {
  return db().donationLot.findUniqueOrThrow({ where: { id }, select: { quantityMilli: true, claimedMilli: true, status: true } });
}

// ───────────────────────────── claims ─────────────────────────────

export type ClaimOptions = {
  lotId: string;
  charityId: string;
  claimedById: string;
  quantityMilli?: number;
  pickupCode?: string;
  status?: "RESERVED" | "COLLECTED" | "MISSED" | "CANCELLED";
  /** When a collected claim was handed over, or a missed one missed: now unless told otherwise. */
  at?: Date;
  collectedById?: string | null;
  temperatureDeciC?: number | null;
  contributionCents?: number;
  createdAt?: Date;
};

/** A claim of 5 kg in any state, RESERVED unless told otherwise; a collected one has its hand-over time, temperature and contribution. */
export async function createClaim(options: ClaimOptions) {
  const id = randomUUID();
  const pickupCode = options.pickupCode ?? String(randomInt(0, 1_000_000)).padStart(6, "0");
  const status = options.status ?? "RESERVED";
  const at = options.at ?? new Date();
  await db().donationClaim.create({
    data: {
      id,
      lotId: options.lotId,
      charityId: options.charityId,
      claimedById: options.claimedById,
      quantityMilli: options.quantityMilli ?? 5000,
      pickupCode,
      status,
      collectedAt: status === "COLLECTED" ? at : null,
      collectedById: status === "COLLECTED" ? (options.collectedById ?? null) : null,
      temperatureDeciC: status === "COLLECTED" ? (options.temperatureDeciC ?? null) : null,
      missedAt: status === "MISSED" ? at : null,
      contributionCents: options.contributionCents ?? 0,
      ...given({ createdAt: options.createdAt }),
    },
  });
  return { id, pickupCode };
}

/** A claim made on 1 December 2025 and COLLECTED on the 6th unless told otherwise. */
export function createPastClaim(options: ClaimOptions) {
  return createClaim({ status: "COLLECTED", at: new Date("2025-12-06T10:00:00Z"), createdAt: new Date("2025-12-01T09:00:00Z"), ...given(options) });
}

// ───────────────────────────── stories ─────────────────────────────

/** A donor, a charity that keeps chilled and frozen food, one same-day lot of the donor and one 5 kg reservation on it. */
export async function reservedClaim(options: { storage?: Storage; useBy?: string | null; pickupStart?: Date; pickupEnd?: Date; redistributesSameDay?: boolean } = {}) {
  const donor = await createDonor({ memberName: "Paul Producteur" });
  const charity = await createCharity({ settings: { ...COLD_STORAGE, redistributesSameDay: options.redistributesSameDay ?? false } });
  const lot = await createSameDayLot({ donorId: donor.producerId, createdById: donor.user.id, storage: options.storage, useBy: options.useBy, pickupStart: options.pickupStart, pickupEnd: options.pickupEnd, claimedMilli: 5000 });
  const claim = await createClaim({ lotId: lot.id, charityId: charity.id, claimedById: charity.user.id });
  return { donor, charity, lot, claim };
}

/** A fisher, a workshop, and the workshop's collected claim of the fisher's whole raw lot. */
export async function collectedRawClaim(options: { quantityMilli?: number } = {}) {
  const fisher = await createFisher();
  const workshop = await createWorkshop();
  const quantityMilli = options.quantityMilli ?? 20_000;
  const lot = await createSeaLot({ donorId: fisher.producerId, createdById: fisher.user.id, quantityMilli, claimedMilli: quantityMilli });
  const claim = await createClaim({ lotId: lot.id, charityId: workshop.id, claimedById: workshop.user.id, quantityMilli, status: "COLLECTED", temperatureDeciC: 20 });
  return { fisher, workshop, lot, claim };
}

// ───────────────────────────── dates ─────────────────────────────

/** A date "YYYY-MM-DD" `days` after `from` (UTC date, enough for lots days away). */
export function isoDateIn(days: number, from = new Date()): string {
  return new Date(from.getTime() + days * 24 * HOUR).toISOString().slice(0, 10);
}

/** A Paris calendar date "YYYY-MM-DD", `days` from today. */
export function parisDateIn(days: number): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + days * 24 * HOUR));
}

/** Wall-clock Paris time as a datetime-local input sends it, `hours` from now (to the minute). */
export function parisLocalIn(hours: number): string {
  const at = new Date(Date.now() + hours * HOUR);
  const parts = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  return parts.replace(" ", "T");
}
