import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { createProducerUser, ensureCommune } from "./factories";

/**
 * Factories of the donor's pages: a producer with a farm address, and offers of distributions
 * that have already ended (what a fisher has left after Friday's quay).
 */

const HOUR = 3600_000;

/** A signed-in producer (verified unless told otherwise) whose farm has an address. */
export async function createFarmDonor(options: { verified?: boolean; address?: string } = {}) {
  const donor = await createProducerUser({ verified: options.verified, name: "Yannick Donateur" });
  const address = options.address ?? `Ferme ${donor.producerId.slice(0, 4)}, 76200 Dieppe`;
  await db().organisation.update({ where: { id: donor.producerId }, data: { address } });
  return { ...donor, address };
}

export async function ensureDonationCategory(id: string, nameFr: string, nameEn: string) {
  await db().category.upsert({ where: { id }, create: { id, nameFr, nameEn, position: 50 }, update: {} });
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

/** Wall-clock Paris time as a datetime-local value, `hours` from now (rounded to the minute). */
export function parisLocalIn(hours: number): string {
  const at = new Date(Date.now() + hours * HOUR);
  const parts = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  return parts.replace(" ", "T");
}

/** A Paris calendar date "YYYY-MM-DD", `days` from today. */
export function parisDateIn(days: number): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + days * 24 * HOUR));
}

export function lotsOfOffer(offerId: string) {
  return db().donationLot.findMany({
    where: { offerId },
    select: { id: true, donorId: true, productName: true, unit: true, quantityMilli: true, storage: true, rawFishery: true, costPriceCents: true, useBy: true, pickupPlace: true, offerId: true, photoId: true, categoryId: true },
  });
}
