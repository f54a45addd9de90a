import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { hashPassword } from "~/domain/accounts/password.server";
import { createSession } from "~/domain/accounts/session.server";
import { communes } from "~/domain/reference/reference-data";
import type { Locale } from "~/i18n/messages";

/**
 * Factories: each test creates the data it needs, with unique ids, in the shared test database.
 * Nothing here bypasses a rule the application enforces (CHECK constraints still apply).
 */

const HOUR = 3600_000;
let passwordHash: Promise<string> | undefined;
export const TEST_PASSWORD = "mot-de-passe-de-test";

function sharedHash(): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

export function uniqueEmail(prefix = "client"): string {
  return `${prefix}-${randomUUID().slice(0, 12)}@example.test`;
}

/** A person with a verified email address unless `emailVerified: false` (a fresh sign-up). */
export async function createUser(options: { email?: string; name?: string; locale?: Locale; emailVerified?: boolean } = {}) {
  const user = {
    id: randomUUID(),
    email: options.email ?? uniqueEmail(),
    name: options.name ?? "Jeanne Testeuse",
    locale: options.locale ?? ("fr" as Locale),
  };
  const emailVerifiedAt = options.emailVerified === false ? null : new Date();
  await db().user.create({ data: { ...user, emailVerifiedAt, passwordHash: await sharedHash() } });
  return user;
}

/** Many consumers at once (one INSERT), e.g. for 200 concurrent orders. */
export async function createUsers(count: number) {
  const hash = await sharedHash();
  const users = Array.from({ length: count }, () => ({ id: randomUUID(), email: uniqueEmail("foule"), name: "Client pressé", locale: "fr" as Locale }));
  await db().user.createMany({ data: users.map((user) => ({ ...user, emailVerifiedAt: new Date(), passwordHash: hash })) });
  return users;
}

export async function signedInCookie(userId: string, now = new Date()): Promise<string> {
  const session = await createSession(db(), userId, now);
  return `tm_session=${session.token}`;
}

/** Dieppe as the reference data has it (never retyped: the directory's factories make the same row, whichever file runs first). */
export async function ensureCommune() {
  const dieppe = communes.find((commune) => commune.inseeCode === "76217");
  if (!dieppe) throw new Error("Dieppe absente des données de référence");
  const { inseeCode, name, postalCode, lat, lon } = dieppe;
  await db().commune.upsert({ where: { inseeCode }, create: { inseeCode, name, postalCode, lat, lon }, update: {} });
  return inseeCode;
}

export async function ensureCategory(id = "legumes") {
  await db().category.upsert({ where: { id }, create: { id, nameFr: "Légumes", nameEn: "Vegetables", position: 1 }, update: {} });
  return id;
}

export async function createProducer(options: { name?: string; verified?: boolean } = {}) {
  const communeInsee = await ensureCommune();
  const id = randomUUID();
  const name = options.name ?? `Ferme test ${id.slice(0, 6)}`;
  await db().organisation.create({
    data: {
      id,
      kind: "PRODUCER",
      producerKind: "MARKET_GARDENER",
      name,
      slug: `ferme-${id}`,
      communeInsee,
      verifiedAt: options.verified === false ? null : new Date("2026-01-01T00:00:00Z"),
    },
  });
  return { id, name };
}

/**
 * A person who works for a producer organisation (PRODUCER membership), signed in: the producer
 * space and the producer API act for that organisation.
 */
export async function createProducerUser(options: { producerId?: string; verified?: boolean; name?: string } = {}) {
  const producer = options.producerId ? { id: options.producerId } : await createProducer({ verified: options.verified });
  const user = await createUser({ name: options.name ?? "Paul Producteur", email: uniqueEmail("producteur") });
  await db().membership.create({ data: { userId: user.id, organisationId: producer.id, role: "PRODUCER" } });
  return { user, producerId: producer.id, cookie: await signedInCookie(user.id) };
}

/** A member of another kind of organisation (a charity, the territory), signed in. */
export async function createMemberUser(role: "CHARITY" | "ADMIN" | "AMAP_COORDINATOR") {
  const communeInsee = await ensureCommune();
  const organisationId = randomUUID();
  const kind = role === "CHARITY" ? "CHARITY" : role === "ADMIN" ? "TERRITORY" : "AMAP";
  await db().organisation.create({
    data: { id: organisationId, kind, name: `Organisation ${organisationId.slice(0, 6)}`, slug: `org-${organisationId}`, communeInsee, verifiedAt: new Date("2026-01-01T00:00:00Z") },
  });
  const user = await createUser({ email: uniqueEmail(role.toLowerCase()) });
  await db().membership.create({ data: { userId: user.id, organisationId, role } });
  return { user, organisationId, cookie: await signedInCookie(user.id) };
}

export async function createDistribution(
  options: { startsAt?: Date; cutoffAt?: Date; opensAt?: Date; slotCapacity?: number; slots?: number; status?: "SCHEDULED" | "CANCELLED" } = {},
) {
  const communeInsee = await ensureCommune();
  const pickupPointId = randomUUID();
  await db().pickupPoint.create({
    data: { id: pickupPointId, name: `Quai test ${pickupPointId.slice(0, 4)}`, kind: "PORT", communeInsee, address: "Quai Henri IV", lat: 49.926, lon: 1.08 },
  });
  const startsAt = options.startsAt ?? new Date(Date.now() + 72 * HOUR);
  const cutoffAt = options.cutoffAt ?? new Date(startsAt.getTime() - 24 * HOUR);
  const opensAt = options.opensAt ?? new Date(Math.min(Date.now(), cutoffAt.getTime()) - 7 * 24 * HOUR);
  const id = randomUUID();
  const slotCount = options.slots ?? 2;
  const slots = Array.from({ length: slotCount }, (_, index) => ({
    id: randomUUID(),
    startsAt: new Date(startsAt.getTime() + index * HOUR / 2),
    endsAt: new Date(startsAt.getTime() + (index + 1) * HOUR / 2),
    capacity: options.slotCapacity ?? 1000,
  }));
  await db().distribution.create({
    data: {
      id,
      pickupPointId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + slotCount * HOUR / 2),
      cutoffAt,
      opensAt,
      status: options.status ?? "SCHEDULED",
      slots: { createMany: { data: slots } },
    },
  });
  return { id, pickupPointId, startsAt, cutoffAt, opensAt, slotIds: slots.map((slot) => slot.id) };
}

export async function createOffer(options: {
  distributionId: string;
  producerId?: string;
  stock?: number;
  priceCents?: number;
  name?: string;
  organic?: boolean;
  kind?: "PRODUCT" | "BASKET";
  allergens?: string[];
  vatRateBp?: number;
}) {
  const producerId = options.producerId ?? (await createProducer()).id;
  const categoryId = await ensureCategory();
  const productId = randomUUID();
  await db().product.create({
    data: {
      id: productId,
      producerId,
      categoryId,
      kind: options.kind ?? "PRODUCT",
      name: options.name ?? `Poireaux ${productId.slice(0, 4)}`,
      unit: "BUNCH",
      priceCents: options.priceCents ?? 250,
      vatRateBp: options.vatRateBp ?? 550,
      organic: options.organic ?? false,
      allergens: options.allergens ?? [],
    },
  });
  const id = randomUUID();
  await db().offer.create({
    data: { id, distributionId: options.distributionId, productId, priceCents: options.priceCents ?? 250, stock: options.stock ?? 20 },
  });
  return { id, productId, producerId };
}

/** Many offers in one distribution with few statements, for the query-budget tests. */
export async function createOffers(distributionId: string, count: number) {
  const producer = await createProducer();
  const categoryId = await ensureCategory();
  const products = Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    producerId: producer.id,
    categoryId,
    name: `Produit ${String(index).padStart(5, "0")}`,
    unit: "KG" as const,
    priceCents: 100 + index,
    vatRateBp: 550,
    allergens: index % 3 === 0 ? ["celery"] : [],
  }));
  await db().product.createMany({ data: products });
  await db().offer.createMany({
    data: products.map((product, index) => ({ id: randomUUID(), distributionId, productId: product.id, priceCents: product.priceCents, stock: index % 7 })),
  });
}

export async function offerStock(offerId: string) {
  const offer = await db().offer.findUniqueOrThrow({ where: { id: offerId }, select: { stock: true, ordered: true } });
  return { ...offer, remaining: offer.stock - offer.ordered };
}
