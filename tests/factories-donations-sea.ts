import { randomInt, randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { createMemberUser, createProducerUser } from "./factories";

/**
 * Paniers de la mer: a fisher with a raw lot, a processing workshop (a charity the territory
 * approved for raw fish and for processing), charities that buy processed lots. Settings let each
 * charity collect at any hour of any day, so that tests do not depend on the clock.
 */

const HOUR = 3600_000;
const ALWAYS = { collectionWeekdays: [1, 2, 3, 4, 5, 6, 7], collectionFrom: "00:00", collectionTo: "24:00" };

export async function createFisher(name = "Bateau L'Espérance") {
  const fisher = await createProducerUser({ name: "Yann Pêcheur" });
  await db().organisation.update({ where: { id: fisher.producerId }, data: { name, producerKind: "FISHER" } });
  return { ...fisher, name };
}

/** A verified charity approved as a processing workshop (and for raw fishery), with an address and SIRET for its invoices. */
export async function createWorkshop(options: { processingWorkshop?: boolean; name?: string } = {}) {
  const member = await createMemberUser("CHARITY");
  const name = options.name ?? `Atelier Marée Solidaire ${member.organisationId.slice(0, 4)}`;
  await db().organisation.update({ where: { id: member.organisationId }, data: { name, address: "12 quai du Carénage", siret: "12345678900011" } });
  await db().charitySettings.create({
    data: { organisationId: member.organisationId, storesChilled: true, storesFrozen: true, approvedRawFishery: true, processingWorkshop: options.processingWorkshop ?? true, ...ALWAYS },
  });
  return { ...member, workshopId: member.organisationId, name };
}

/** A verified charity that stores frozen food and may collect at any hour. */
export async function createBuyer(options: { name?: string; approvedRawFishery?: boolean } = {}) {
  const member = await createMemberUser("CHARITY");
  const name = options.name ?? `Épicerie solidaire ${member.organisationId.slice(0, 4)}`;
  await db().organisation.update({ where: { id: member.organisationId }, data: { name, rna: "W761234567" } });
  await db().charitySettings.create({
    data: { organisationId: member.organisationId, storesChilled: true, storesFrozen: true, approvedRawFishery: options.approvedRawFishery ?? false, ...ALWAYS },
  });
  return { ...member, charityId: member.organisationId, name };
}

/** A lot written straight in the database: the fisher's raw lot by default (20 kg of chilled whole fish). */
export async function createSeaLot(options: {
  donorId: string;
  createdById: string;
  rawFishery?: boolean;
  quantityMilli?: number;
  claimedMilli?: number;
  storage?: "AMBIENT" | "CHILLED" | "FROZEN";
  productName?: string;
  lotNumber?: string;
  sourceClaimId?: string;
  contributionCentsPerUnit?: number;
}) {
  const id = randomUUID();
  const pickupStart = new Date(Date.now() - HOUR);
  await db().donationLot.create({
    data: {
      id,
      donorId: options.donorId,
      createdById: options.createdById,
      productName: options.productName ?? "Lieu noir entier",
      unit: "KG",
      quantityMilli: options.quantityMilli ?? 20_000,
      claimedMilli: options.claimedMilli ?? 0,
      storage: options.storage ?? "CHILLED",
      useBy: new Date(Date.now() + 5 * 24 * HOUR).toISOString().slice(0, 10),
      lotNumber: options.lotNumber ?? `DIE-${id.slice(0, 6)}`,
      rawFishery: options.rawFishery ?? true,
      pickupPlace: "Criée de Dieppe",
      pickupStart,
      pickupEnd: new Date(pickupStart.getTime() + 24 * HOUR),
      costPriceCents: 200,
      sourceClaimId: options.sourceClaimId ?? null,
      contributionCentsPerUnit: options.contributionCentsPerUnit ?? null,
    },
  });
  return { id };
}

/** A claim written straight in the database, reserved or already collected. */
export async function createSeaClaim(options: { lotId: string; charityId: string; claimedById: string; quantityMilli?: number; collected?: boolean; contributionCents?: number }) {
  const id = randomUUID();
  const pickupCode = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await db().donationClaim.create({
    data: {
      id,
      lotId: options.lotId,
      charityId: options.charityId,
      claimedById: options.claimedById,
      quantityMilli: options.quantityMilli ?? 20_000,
      pickupCode,
      status: options.collected ? "COLLECTED" : "RESERVED",
      collectedAt: options.collected ? new Date() : null,
      temperatureDeciC: options.collected ? 20 : null,
      contributionCents: options.contributionCents ?? 0,
    },
  });
  return { id, pickupCode };
}

/** A fisher, a workshop, and the workshop's collected claim of the fisher's whole raw lot. */
export async function collectedRawClaim(options: { quantityMilli?: number } = {}) {
  const fisher = await createFisher();
  const workshop = await createWorkshop();
  const quantityMilli = options.quantityMilli ?? 20_000;
  const lot = await createSeaLot({ donorId: fisher.producerId, createdById: fisher.user.id, quantityMilli, claimedMilli: quantityMilli });
  const claim = await createSeaClaim({ lotId: lot.id, charityId: workshop.workshopId, claimedById: workshop.user.id, quantityMilli, collected: true });
  return { fisher, workshop, lot, claim };
}
