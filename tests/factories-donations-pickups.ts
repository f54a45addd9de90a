import { randomInt, randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { createMemberUser, createProducerUser } from "./factories";

/**
 * Donation lots and claims written directly (the publish and claim use cases are tested on their
 * own): the hand-over and the background jobs start from a reservation that already exists.
 */

const HOUR = 3600_000;

/** A verified charity with its settings, and one signed-in member. */
export async function createCharity(options: { redistributesSameDay?: boolean; name?: string } = {}) {
  const member = await createMemberUser("CHARITY");
  if (options.name) await db().organisation.update({ where: { id: member.organisationId }, data: { name: options.name } });
  await db().charitySettings.create({
    data: { organisationId: member.organisationId, storesChilled: true, storesFrozen: true, redistributesSameDay: options.redistributesSameDay ?? false },
  });
  return { ...member, charityId: member.organisationId };
}

export async function createDonationLot(options: {
  donorId: string;
  createdById: string;
  storage?: "AMBIENT" | "CHILLED" | "FROZEN";
  useBy?: string | null;
  quantityMilli?: number;
  claimedMilli?: number;
  pickupStart?: Date;
  pickupEnd?: Date;
  productName?: string;
  status?: "OPEN" | "WITHDRAWN";
}) {
  const id = randomUUID();
  const pickupStart = options.pickupStart ?? new Date(Date.now() - HOUR);
  await db().donationLot.create({
    data: {
      id,
      donorId: options.donorId,
      createdById: options.createdById,
      productName: options.productName ?? `Sole ${id.slice(0, 4)}`,
      unit: "KG",
      quantityMilli: options.quantityMilli ?? 15_000,
      claimedMilli: options.claimedMilli ?? 0,
      storage: options.storage ?? "AMBIENT",
      useBy: options.useBy ?? null,
      lotNumber: `LOT-${id.slice(0, 6)}`,
      pickupPlace: "Quai Henri IV, Dieppe",
      pickupStart,
      pickupEnd: options.pickupEnd ?? new Date(pickupStart.getTime() + 8 * HOUR),
      costPriceCents: 1200,
      status: options.status ?? "OPEN",
    },
  });
  return { id };
}

export async function createDonationClaim(options: { lotId: string; charityId: string; claimedById: string; quantityMilli?: number; pickupCode?: string }) {
  const id = randomUUID();
  const pickupCode = options.pickupCode ?? String(randomInt(0, 1_000_000)).padStart(6, "0");
  await db().donationClaim.create({
    data: { id, lotId: options.lotId, charityId: options.charityId, claimedById: options.claimedById, quantityMilli: options.quantityMilli ?? 5000, pickupCode },
  });
  return { id, pickupCode };
}

/** A donor (verified producer, signed in), a charity, one lot of the donor and one reservation on it. */
export async function reservedClaim(options: { storage?: "AMBIENT" | "CHILLED" | "FROZEN"; useBy?: string | null; pickupStart?: Date; pickupEnd?: Date; redistributesSameDay?: boolean } = {}) {
  const donor = await createProducerUser();
  const charity = await createCharity({ redistributesSameDay: options.redistributesSameDay });
  const lot = await createDonationLot({ donorId: donor.producerId, createdById: donor.user.id, storage: options.storage, useBy: options.useBy, pickupStart: options.pickupStart, pickupEnd: options.pickupEnd, claimedMilli: 5000 });
  const claim = await createDonationClaim({ lotId: lot.id, charityId: charity.charityId, claimedById: charity.user.id });
  return { donor, charity, lot, claim };
}

/** A Paris date "YYYY-MM-DD" `days` after today (UTC date, enough for lots days away). */
export function isoDateIn(days: number, from = new Date()): string {
  return new Date(from.getTime() + days * 24 * HOUR).toISOString().slice(0, 10);
}
