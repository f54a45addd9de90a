// The directory benchmark's data (scripts/bench-directory.ts): 2,000 public actors over the
// territory's communes, as the territory would have them, and those that must not appear.
import { randomUUID } from "node:crypto";
import { DEMO_CATEGORIES, DEMO_PRODUCERS, DEMO_PRODUCTS } from "~/demo/demo-territory";
import { db } from "~/db.server";
import { communes } from "~/domain/reference/reference-data";
import type { Prisma } from "~/generated/prisma/client";

/** The directory's actors, as the territory would have them (public ones: 2,000 in all). */
export const MIX = { producers: 1_200, amaps: 150, charities: 100, points: 300, essActors: 250 } as const;
export const HIDDEN = { pending: 60, refused: 20, charitiesNotShown: 20, essUnpublished: 10 } as const;
const PRODUCTS_PER_PRODUCER = 4;

/** A deterministic spread: the same data on every run. */
function spread(index: number, salt: number): number {
  const x = Math.sin(index * 12.9898 + salt * 78.233) * 43758.5453;
  return x - Math.floor(x);
}

function placeNear(index: number): { communeInsee: string; lat: number; lon: number; communeName: string } {
  // Spread apart from the kinds (which cycle on the index), so that every kind lives in every commune.
  const commune = communes[Math.floor(spread(index, 5) * communes.length)]!;
  return { communeInsee: commune.inseeCode, communeName: commune.name, lat: commune.lat + (spread(index, 1) - 0.5) * 0.04, lon: commune.lon + (spread(index, 2) - 0.5) * 0.06 };
}

const FAMILY_NAMES = ["Lefebvre", "Dubois", "Leroux", "Lemoine", "Duval", "Leclerc", "Hébert", "Lecœur", "Renaud", "Vasseur", "Poulain", "Grenier", "Lemaître", "Boucher", "Caron", "Féron"];

export async function seedDirectory(now: Date): Promise<{ labelled: number; products: number; offers: number }> {
  const prisma = db();
  const day = 24 * 3600_000;
  await prisma.commune.createMany({ data: communes.map((commune) => ({ ...commune })), skipDuplicates: true });
  await prisma.category.createMany({ data: DEMO_CATEGORIES.map((category, index) => ({ ...category, position: index + 1 })), skipDuplicates: true });

  // The demo's products, by their producer's kind: a cider maker sells cider, a fisher scallops and sole.
  const kindOf = new Map(DEMO_PRODUCERS.map((producer) => [producer.key, producer.producerKind]));
  const templates = new Map<string, Array<(typeof DEMO_PRODUCTS)[number]>>();
  for (const product of DEMO_PRODUCTS) {
    const kind = kindOf.get(product.producer);
    if (!kind || product.compositions) continue;
    templates.set(kind, [...(templates.get(kind) ?? []), product]);
  }
  const kinds = [...templates.keys()];

  const organisations: Prisma.OrganisationCreateManyInput[] = [];
  const products: Prisma.ProductCreateManyInput[] = [];
  const labels: Prisma.LabelCreateManyInput[] = [];
  const charitySettings: Prisma.CharitySettingsCreateManyInput[] = [];
  let labelSequence = 0;
  const producerTotal = MIX.producers + HIDDEN.pending + HIDDEN.refused;
  for (let index = 0; index < producerTotal; index += 1) {
    const kind = kinds[index % kinds.length]!;
    const place = placeNear(index);
    const id = randomUUID();
    const family = FAMILY_NAMES[index % FAMILY_NAMES.length]!;
    const pending = index >= MIX.producers && index < MIX.producers + HIDDEN.pending;
    const refused = index >= MIX.producers + HIDDEN.pending;
    // A quarter organic (never a fisher: wild fish is never organic).
    const organic = kind !== "FISHER" && spread(index, 3) < 0.25;
    organisations.push({
      id,
      kind: "PRODUCER",
      producerKind: kind as Prisma.OrganisationCreateManyInput["producerKind"],
      name: `${kind === "FISHER" ? "Bateau" : "Ferme"} ${family} ${index + 1}`,
      slug: `banc-annuaire-${index + 1}`,
      communeInsee: place.communeInsee,
      lat: place.lat,
      lon: place.lon,
      description: `Producteur de ${place.communeName}, vente en circuit court depuis ${1990 + (index % 30)}.`,
      organicCertified: organic,
      organicControlBody: organic ? "FR-BIO-01" : null,
      verifiedAt: pending || refused ? null : new Date(now.getTime() - 200 * day),
      refusedAt: refused ? new Date(now.getTime() - 100 * day) : null,
      refusalReason: refused ? "SIRET inconnu" : null,
    });
    const mine = templates.get(kind)!;
    for (let item = 0; item < PRODUCTS_PER_PRODUCER; item += 1) {
      const template = mine[(index + item) % mine.length]!;
      const productId = randomUUID();
      products.push({
        id: productId,
        producerId: id,
        categoryId: template.category,
        name: template.name,
        nameEn: template.nameEn ?? null,
        unit: template.unit,
        priceCents: template.priceCents,
        vatRateBp: template.vatRateBp,
        organic,
      });
      // One producer in seven holds a label valid now on its first product; one in thirty an expired one.
      const valid = item === 0 && spread(index, 4) < 1 / 7;
      const expired = item === 0 && !valid && spread(index, 4) > 1 - 1 / 30;
      if (valid || expired) {
        labelSequence += 1;
        const validFrom = new Date(now.getTime() - (expired ? 400 : 100) * day);
        labels.push({
          id: randomUUID(),
          productId,
          status: "GRANTED",
          productClass: kind === "FISHER" ? "SEA_CAUGHT" : "FARM",
          placeName: place.communeName,
          placeLat: place.lat,
          placeLon: place.lon,
          submittedAt: validFrom,
          number: `DM-${now.getUTCFullYear()}-${String(labelSequence).padStart(4, "0")}`,
          grantedAt: validFrom,
          validFrom,
          validUntil: new Date(validFrom.getTime() + 365 * day),
        });
      }
    }
  }
  for (let index = 0; index < MIX.amaps; index += 1) {
    const place = placeNear(index + 3);
    organisations.push({ id: randomUUID(), kind: "AMAP", name: `AMAP des ${FAMILY_NAMES[index % FAMILY_NAMES.length]} ${index + 1}`, slug: `banc-amap-${index + 1}`, communeInsee: place.communeInsee, description: "Paniers hebdomadaires de légumes et de fruits.", verifiedAt: now });
  }
  for (let index = 0; index < MIX.charities + HIDDEN.charitiesNotShown; index += 1) {
    const place = placeNear(index + 5);
    const id = randomUUID();
    organisations.push({ id, kind: "CHARITY", name: `Épicerie solidaire ${index + 1}`, slug: `banc-association-${index + 1}`, communeInsee: place.communeInsee, description: "Aide alimentaire et repas partagés.", verifiedAt: now });
    charitySettings.push({ organisationId: id, inDirectory: index < MIX.charities });
  }
  await prisma.organisation.createMany({ data: organisations });
  await prisma.charitySettings.createMany({ data: charitySettings });
  await prisma.product.createMany({ data: products });
  await prisma.label.createMany({ data: labels });

  // Pickup points; a third hold a distribution in three days with 15 offers of nearby producers.
  const points: Prisma.PickupPointCreateManyInput[] = [];
  const distributions: Prisma.DistributionCreateManyInput[] = [];
  const offers: Prisma.OfferCreateManyInput[] = [];
  const publicProducts = products.filter((_, index) => Math.floor(index / PRODUCTS_PER_PRODUCER) < MIX.producers);
  for (let index = 0; index < MIX.points; index += 1) {
    const place = placeNear(index + 7);
    const id = randomUUID();
    points.push({ id, name: `Point de retrait ${place.communeName} ${index + 1}`, kind: index % 5 === 0 ? "PORT" : index % 5 === 1 ? "TOWN_HALL" : "SHOP", communeInsee: place.communeInsee, address: `${index + 1} rue du Marché`, lat: place.lat, lon: place.lon });
    if (index % 3 !== 0) continue;
    const distributionId = randomUUID();
    const startsAt = new Date(now.getTime() + 3 * day);
    distributions.push({ id: distributionId, pickupPointId: id, startsAt, endsAt: new Date(startsAt.getTime() + 3 * 3600_000), opensAt: new Date(now.getTime() - day), cutoffAt: new Date(startsAt.getTime() - day) });
    for (let item = 0; item < 15; item += 1) {
      const product = publicProducts[(index * 15 + item * 7) % publicProducts.length]!;
      offers.push({ id: randomUUID(), distributionId, productId: product.id, priceCents: product.priceCents, stock: 20 });
    }
  }
  await prisma.pickupPoint.createMany({ data: points });
  await prisma.distribution.createMany({ data: distributions });
  await prisma.offer.createMany({ data: offers });

  const essKinds = ["COMMUNITY_GARDEN", "INSERTION_WORKSHOP", "CIGALES", "BUSINESS_CREATION_HUB", "ESS_NETWORK"] as const;
  const essOffers = ["Parcelles à cultiver et compost partagé", "Chantier d'insertion en maraîchage", "Épargne solidaire pour les projets locaux", "Accompagnement à la création d'entreprise", "Réseau des acteurs de l'ESS"];
  const essActors: Prisma.EssActorCreateManyInput[] = [];
  for (let index = 0; index < MIX.essActors + HIDDEN.essUnpublished; index += 1) {
    const place = placeNear(index + 11);
    const name = `${["Jardin partagé", "Atelier", "Club Cigales", "Pépinière", "Réseau"][index % 5]} ${place.communeName} ${index + 1}`;
    const offer = essOffers[index % 5]!;
    essActors.push({
      id: randomUUID(),
      slug: `banc-ess-${index + 1}`,
      name,
      kind: essKinds[index % 5]!,
      communeInsee: place.communeInsee,
      lat: place.lat,
      lon: place.lon,
      offer,
      searchKey: `${name} ${offer}`.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""),
      published: index < MIX.essActors,
    });
  }
  await prisma.essActor.createMany({ data: essActors });
  return { labelled: labels.length, products: products.length, offers: offers.length };
}

