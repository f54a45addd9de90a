import { randomInt, randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { createMemberUser } from "./factories";

/**
 * Lots and claims for the charity pages and the impact figures, written straight to the database
 * (publishing and claiming are tested through the API): every field the pages show can be set.
 */

const HOUR = 3600_000;

export async function createCategory(id: string, nameFr: string, nameEn: string) {
  await db().category.upsert({ where: { id }, create: { id, nameFr, nameEn, position: 90 }, update: {} });
  return id;
}

export async function createPageLot(options: {
  donorId: string;
  createdById: string;
  productName?: string;
  unit?: "KG" | "PIECE" | "LITRE";
  quantityMilli?: number;
  claimedMilli?: number;
  storage?: "AMBIENT" | "CHILLED" | "FROZEN";
  useBy?: string | null;
  bestBefore?: string | null;
  lotNumber?: string | null;
  rawFishery?: boolean;
  categoryId?: string | null;
  contributionCentsPerUnit?: number | null;
  pickupStart?: Date;
  pickupEnd?: Date;
}) {
  const id = randomUUID();
  const pickupStart = options.pickupStart ?? new Date(Date.now() - HOUR);
  await db().donationLot.create({
    data: {
      id,
      donorId: options.donorId,
      createdById: options.createdById,
      productName: options.productName ?? `Soles ${id.slice(0, 4)}`,
      unit: options.unit ?? "KG",
      quantityMilli: options.quantityMilli ?? 15_000,
      claimedMilli: options.claimedMilli ?? 0,
      storage: options.storage ?? "AMBIENT",
      useBy: options.useBy ?? null,
      bestBefore: options.bestBefore ?? null,
      lotNumber: options.lotNumber === undefined ? `LOT-${id.slice(0, 6)}` : options.lotNumber,
      rawFishery: options.rawFishery ?? false,
      categoryId: options.categoryId ?? null,
      contributionCentsPerUnit: options.contributionCentsPerUnit ?? null,
      pickupPlace: "Quai Henri IV, Dieppe",
      pickupStart,
      pickupEnd: options.pickupEnd ?? new Date(pickupStart.getTime() + 7 * 24 * HOUR),
      costPriceCents: 800,
    },
  });
  return { id };
}

/** A claim in any state; a collected one has its hand-over time, temperature and contribution. */
export async function createPageClaim(options: {
  lotId: string;
  charityId: string;
  claimedById: string;
  quantityMilli: number;
  status?: "RESERVED" | "COLLECTED" | "MISSED" | "CANCELLED";
  collectedAt?: Date;
  temperatureDeciC?: number | null;
  contributionCents?: number;
}) {
  const id = randomUUID();
  const pickupCode = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const status = options.status ?? "RESERVED";
  await db().donationClaim.create({
    data: {
      id,
      lotId: options.lotId,
      charityId: options.charityId,
      claimedById: options.claimedById,
      quantityMilli: options.quantityMilli,
      pickupCode,
      status,
      collectedAt: status === "COLLECTED" ? (options.collectedAt ?? new Date()) : null,
      temperatureDeciC: status === "COLLECTED" ? (options.temperatureDeciC ?? null) : null,
      missedAt: status === "MISSED" ? new Date() : null,
      contributionCents: options.contributionCents ?? 0,
    },
  });
  return { id, pickupCode };
}

export async function createAdmin() {
  return createMemberUser("ADMIN");
}
