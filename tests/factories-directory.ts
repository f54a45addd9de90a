import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { communes } from "~/domain/reference/reference-data";

/**
 * The directory's actors, made as the territory would have them: organisations verified or not,
 * their products in named categories, pickup points and coming distributions with offers.
 */

/** Communes of the territory, read from the reference data (never retyped). */
const COMMUNE_NAMES = { dieppe: "Dieppe", arques: "Arques-la-Bataille", ancourt: "Ancourt" } as const;

export type CommuneName = keyof typeof COMMUNE_NAMES;

export function referenceCommune(name: CommuneName) {
  const commune = communes.find((entry) => entry.name === COMMUNE_NAMES[name]);
  if (!commune) throw new Error(`Commune absente des données de référence : ${COMMUNE_NAMES[name]}`);
  return commune;
}

export async function ensureDirectoryCommune(name: CommuneName): Promise<string> {
  const commune = referenceCommune(name);
  const { inseeCode, name: communeName, postalCode, lat, lon } = commune;
  await db().commune.upsert({ where: { inseeCode }, create: { inseeCode, name: communeName, postalCode, lat, lon }, update: {} });
  return commune.inseeCode;
}

export async function ensureNamedCategory(id: string, nameFr: string, nameEn: string, position = 1): Promise<string> {
  await db().category.upsert({ where: { id }, create: { id, nameFr, nameEn, position }, update: {} });
  return id;
}

type ActorOptions = {
  name: string;
  kind?: "PRODUCER" | "AMAP" | "CHARITY";
  producerKind?: "MARKET_GARDENER" | "FISHER" | "CIDER_MAKER" | "DAIRY" | null;
  commune?: CommuneName;
  verified?: boolean;
  refused?: boolean;
  organic?: boolean;
  controlBody?: string;
  description?: string;
  inDirectory?: boolean;
  openingHours?: string;
  visits?: string;
  visitBooking?: string;
  contactEmail?: string;
  contactPhone?: string;
  /** Where the farm or boat is; without it the directory places the actor at its commune's centre. */
  position?: { lat: number; lon: number };
};

export async function createActor(options: ActorOptions) {
  const communeInsee = await ensureDirectoryCommune(options.commune ?? "dieppe");
  const id = randomUUID();
  const kind = options.kind ?? "PRODUCER";
  const slug = `${options.name.toLowerCase().normalize("NFD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}-${id.slice(0, 6)}`;
  await db().organisation.create({
    data: {
      id,
      kind,
      producerKind: kind === "PRODUCER" ? (options.producerKind ?? "MARKET_GARDENER") : null,
      name: options.name,
      slug,
      communeInsee,
      address: "1 rue des Tests",
      description: options.description ?? "",
      lat: options.position?.lat ?? null,
      lon: options.position?.lon ?? null,
      organicCertified: options.organic ?? false,
      organicControlBody: options.organic ? (options.controlBody ?? "FR-BIO-01") : null,
      verifiedAt: options.verified === false || options.refused ? null : new Date("2026-01-01T00:00:00Z"),
      refusedAt: options.refused ? new Date("2026-02-01T00:00:00Z") : null,
      refusalReason: options.refused ? "SIRET inconnu" : null,
      openingHours: options.openingHours ?? "",
      visits: options.visits ?? "",
      visitBooking: options.visitBooking ?? "",
      contactEmail: options.contactEmail ?? null,
      contactPhone: options.contactPhone ?? null,
      ...(kind === "CHARITY" ? { charitySettings: { create: { inDirectory: options.inDirectory ?? false } } } : {}),
    },
  });
  return { id, slug, name: options.name };
}

export async function createProduct(producerId: string, name: string, categoryId: string, options: { archived?: boolean; priceCents?: number } = {}) {
  const id = randomUUID();
  await db().product.create({
    data: {
      id,
      producerId,
      categoryId,
      name,
      unit: "PIECE",
      priceCents: options.priceCents ?? 450,
      vatRateBp: 550,
      archivedAt: options.archived ? new Date("2026-03-01T00:00:00Z") : null,
    },
  });
  return id;
}

export async function createPoint(options: { name: string; commune?: CommuneName; organisationId?: string; accessibilityNotes?: string }) {
  const communeInsee = await ensureDirectoryCommune(options.commune ?? "dieppe");
  const commune = referenceCommune(options.commune ?? "dieppe");
  const id = randomUUID();
  await db().pickupPoint.create({
    data: {
      id,
      name: options.name,
      kind: "PORT",
      communeInsee,
      address: "Quai Henri IV",
      lat: commune.lat + 0.001,
      lon: commune.lon + 0.001,
      accessibilityNotes: options.accessibilityNotes ?? "",
      organisationId: options.organisationId ?? null,
    },
  });
  return id;
}

const HOUR = 3600_000;

/** A distribution at a point, starting `inHours` from `now`, with an offer of each product given. */
export async function createDistributionAt(pointId: string, now: Date, inHours: number, productIds: string[] = [], status: "SCHEDULED" | "CANCELLED" = "SCHEDULED") {
  const id = randomUUID();
  const startsAt = new Date(now.getTime() + inHours * HOUR);
  await db().distribution.create({
    data: {
      id,
      pickupPointId: pointId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      cutoffAt: new Date(startsAt.getTime() - 24 * HOUR),
      opensAt: new Date(startsAt.getTime() - 7 * 24 * HOUR),
      status,
    },
  });
  if (productIds.length > 0) {
    await db().offer.createMany({ data: productIds.map((productId) => ({ id: randomUUID(), distributionId: id, productId, priceCents: 450, stock: 10 })) });
  }
  return { id, startsAt };
}

/** An ESS actor as the territory's admin enters it (published or not yet). */
export async function createEssActor(options: { name: string; kind: "COMMUNITY_GARDEN" | "INSERTION_WORKSHOP" | "CIGALES" | "BUSINESS_CREATION_HUB" | "ESS_NETWORK"; offer: string; commune?: CommuneName; published?: boolean }) {
  const commune = referenceCommune(options.commune ?? "dieppe");
  await ensureDirectoryCommune(options.commune ?? "dieppe");
  const id = randomUUID();
  await db().essActor.create({
    data: { id, slug: `ess-${id}`, name: options.name, kind: options.kind, communeInsee: commune.inseeCode, lat: commune.lat, lon: commune.lon, offer: options.offer, published: options.published ?? true },
  });
  return { id };
}
