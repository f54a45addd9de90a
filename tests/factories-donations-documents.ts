import { randomInt, randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { createMemberUser, createProducerUser } from "./factories";

/**
 * Donation documents start from what happened: lots at fixed past dates and claims already
 * collected (or missed, reserved, cancelled) at a known instant, so that slips and yearly
 * summaries are checked on figures that do not depend on today's date.
 */

/** A verified producer with its identity on the slip (address, SIRET) and a signed-in member. */
export async function createSlipDonor(options: { name?: string; memberName?: string } = {}) {
  const donor = await createProducerUser({ name: options.memberName ?? "Denis Donateur" });
  const name = options.name ?? `Le Pourquoi-Pas ${donor.producerId.slice(0, 4)}`;
  const siret = String(randomInt(10_000_000, 99_999_999)).padStart(8, "0") + "000" + String(randomInt(100, 999));
  await db().organisation.update({ where: { id: donor.producerId }, data: { name, address: "Quai Henri IV", siret } });
  return { ...donor, name, siret };
}

/** A verified charity with its RNA number and address, and a signed-in member named `memberName`. */
export async function createSlipCharity(options: { name?: string; memberName?: string; siret?: string | null } = {}) {
  const member = await createMemberUser("CHARITY");
  const name = options.name ?? `Secours populaire ${member.organisationId.slice(0, 4)}`;
  const rna = `W76${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
  await db().organisation.update({ where: { id: member.organisationId }, data: { name, rna, siret: options.siret ?? null, address: "5 rue de la Barre" } });
  if (options.memberName) await db().user.update({ where: { id: member.user.id }, data: { name: options.memberName } });
  return { ...member, charityId: member.organisationId, name, rna };
}

/** A lot of `donorId` picked up in December 2025 unless told otherwise; 12,00 € per unit. */
export async function createPastLot(options: {
  donorId: string;
  createdById: string;
  productName?: string;
  description?: string;
  unit?: "KG" | "PIECE" | "LITRE";
  quantityMilli?: number;
  storage?: "AMBIENT" | "CHILLED" | "FROZEN";
  useBy?: string | null;
  bestBefore?: string | null;
  lotNumber?: string | null;
  rawFishery?: boolean;
  costPriceCents?: number;
  contributionCentsPerUnit?: number | null;
  pickupStart?: Date;
  pickupEnd?: Date;
}) {
  const id = randomUUID();
  await db().donationLot.create({
    data: {
      id,
      donorId: options.donorId,
      createdById: options.createdById,
      productName: options.productName ?? "Sole commune",
      description: options.description ?? "",
      unit: options.unit ?? "KG",
      quantityMilli: options.quantityMilli ?? 100_000,
      storage: options.storage ?? "CHILLED",
      useBy: options.useBy === undefined ? "2025-12-10" : options.useBy,
      bestBefore: options.bestBefore ?? null,
      lotNumber: options.lotNumber === undefined ? `L-${id.slice(0, 6)}` : options.lotNumber,
      rawFishery: options.rawFishery ?? false,
      pickupPlace: "Quai Henri IV, Dieppe",
      pickupStart: options.pickupStart ?? new Date("2025-12-01T08:00:00Z"),
      pickupEnd: options.pickupEnd ?? new Date("2026-01-02T18:00:00Z"),
      costPriceCents: options.costPriceCents ?? 1200,
      contributionCentsPerUnit: options.contributionCentsPerUnit ?? null,
      status: "OPEN",
    },
  });
  return { id };
}

/**
 * A claim in the state asked: COLLECTED at `at` (handed over by `collectedById`, with a
 * temperature), MISSED at `at`, or RESERVED / CANCELLED.
 */
export async function createPastClaim(options: {
  lotId: string;
  charityId: string;
  claimedById: string;
  quantityMilli: number;
  status?: "COLLECTED" | "MISSED" | "RESERVED" | "CANCELLED";
  at?: Date;
  collectedById?: string | null;
  temperatureDeciC?: number | null;
  contributionCents?: number;
}) {
  const id = randomUUID();
  const status = options.status ?? "COLLECTED";
  const at = options.at ?? new Date("2025-12-06T10:00:00Z");
  await db().donationClaim.create({
    data: {
      id,
      lotId: options.lotId,
      charityId: options.charityId,
      claimedById: options.claimedById,
      quantityMilli: options.quantityMilli,
      pickupCode: String(randomInt(0, 1_000_000)).padStart(6, "0"),
      status,
      collectedAt: status === "COLLECTED" ? at : null,
      collectedById: status === "COLLECTED" ? (options.collectedById ?? null) : null,
      temperatureDeciC: status === "COLLECTED" ? (options.temperatureDeciC ?? null) : null,
      missedAt: status === "MISSED" ? at : null,
      contributionCents: options.contributionCents ?? 0,
      createdAt: new Date("2025-12-01T09:00:00Z"),
    },
  });
  return { id };
}
