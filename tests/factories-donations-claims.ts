import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import type { CharityFacts } from "~/domain/donations/donation-rules";
import type { Locale } from "~/i18n/messages";
import { createProducerUser, createUsers, ensureCommune, signedInCookie } from "./factories";

/** Factories of the donations' lots and claims: charities with settings, lots, signed-in members. */

const HOUR = 3600_000;

/** Settings a test gives a charity; the rest keep the columns' defaults. */
export type CharitySettingsInput = Partial<{ [K in keyof CharityFacts]: CharityFacts[K] extends readonly (infer T)[] ? T[] : CharityFacts[K] }>;

/**
 * Charities (kind CHARITY) each with one signed-in member (role CHARITY), in a few statements:
 * verified unless told otherwise; settings only when given (else the columns' defaults apply).
 */
export async function createCharities(count: number, options: { verified?: boolean; settings?: CharitySettingsInput; locale?: Locale } = {}) {
  const communeInsee = await ensureCommune();
  const users = await createUsers(count);
  if (options.locale) await db().user.updateMany({ where: { id: { in: users.map((user) => user.id) } }, data: { locale: options.locale } });
  const charities = users.map((user) => {
    const id = randomUUID();
    return { id, name: `Association test ${id.slice(0, 6)}`, user: { ...user, locale: options.locale ?? user.locale } };
  });
  await db().organisation.createMany({
    data: charities.map((charity) => ({
      id: charity.id,
      kind: "CHARITY" as const,
      name: charity.name,
      slug: `asso-${charity.id}`,
      communeInsee,
      verifiedAt: options.verified === false ? null : new Date("2026-01-01T00:00:00Z"),
    })),
  });
  await db().membership.createMany({ data: charities.map((charity) => ({ userId: charity.user.id, organisationId: charity.id, role: "CHARITY" as const })) });
  if (options.settings) {
    await db().charitySettings.createMany({ data: charities.map((charity) => ({ organisationId: charity.id, ...options.settings })) });
  }
  return Promise.all(charities.map(async (charity) => ({ ...charity, cookie: await signedInCookie(charity.user.id) })));
}

export async function createCharity(options: { verified?: boolean; settings?: CharitySettingsInput; locale?: Locale } = {}) {
  const [charity] = await createCharities(1, options);
  if (!charity) throw new Error("no charity");
  return charity;
}

/** A verified producer with a signed-in member, ready to donate. */
export async function createDonor(options: { verified?: boolean } = {}) {
  return createProducerUser({ verified: options.verified, name: "Denis Donateur" });
}

/**
 * A lot straight in the database (publishing is tested through the API): 15 kg, ambient, open,
 * to pick up from now to a week from now, unless told otherwise.
 */
export async function createLot(options: {
  donorId: string;
  createdById: string;
  quantityMilli?: number;
  claimedMilli?: number;
  unit?: "KG" | "PIECE" | "LITRE";
  storage?: "AMBIENT" | "CHILLED" | "FROZEN";
  useBy?: string | null;
  rawFishery?: boolean;
  categoryId?: string | null;
  pickupStart?: Date;
  pickupEnd?: Date;
  status?: "OPEN" | "WITHDRAWN";
  productName?: string;
}) {
  const id = randomUUID();
  const pickupStart = options.pickupStart ?? new Date(Date.now() - HOUR);
  await db().donationLot.create({
    data: {
      id,
      donorId: options.donorId,
      createdById: options.createdById,
      productName: options.productName ?? `Soles invendues ${id.slice(0, 4)}`,
      unit: options.unit ?? "KG",
      quantityMilli: options.quantityMilli ?? 15_000,
      claimedMilli: options.claimedMilli ?? 0,
      storage: options.storage ?? "AMBIENT",
      useBy: options.useBy ?? null,
      rawFishery: options.rawFishery ?? false,
      categoryId: options.categoryId ?? null,
      pickupPlace: "Quai Henri IV, Dieppe",
      pickupStart,
      pickupEnd: options.pickupEnd ?? new Date(pickupStart.getTime() + 7 * 24 * HOUR),
      costPriceCents: 800,
      status: options.status ?? "OPEN",
    },
  });
  return { id };
}

export async function lotState(id: string) {
  return db().donationLot.findUniqueOrThrow({ where: { id }, select: { quantityMilli: true, claimedMilli: true, status: true } });
}

