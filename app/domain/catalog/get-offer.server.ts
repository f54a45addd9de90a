import { db } from "~/db.server";
import type { ProductInput } from "~/domain/catalog/product-input";
import type { GrantedLabel } from "~/domain/label/label-badge";

/** A stored photo as a page draws it: its id (served at /photos/:id) and pixel size (so nothing shifts). */
export type PhotoRef = { id: string; width: number; height: number };

export type OfferDetail = {
  id: string;
  distributionId: string;
  priceCents: number;
  remaining: number;
  /** The producer's « N maximum par personne », or null for the default limit (customer-limits.ts). */
  maxPerCustomer: number | null;
  /** What the producer typed for the product, less its reference and usual price (the offer has its own). */
  product: Omit<ProductInput, "reference" | "priceCents"> & {
    /** The producer's photo, served at /photos/:id; null when there is none. */
    photoId: string | null;
    /** The same photo with its pixel size, as pictures draw it. */
    photo: PhotoRef | null;
    /** Its granted label with the validity; the page shows the badge only inside it (badgeAt with its `now`). */
    label: GrantedLabel | null;
  };
  /** The producer as the shopper meets them: their presentation and their first photo. */
  producer: { id: string; name: string; slug: string; commune: string | null; organicControlBody: string | null; description: string; photo: PhotoRef | null };
  /** Which distribution the shopper buys for: when and where they collect. */
  distribution: { id: string; startsAt: Date; endsAt: Date; cutoffAt: Date; pickupPoint: { name: string; address: string; commune: string } };
  basketItems: Array<{ label: string; labelEn: string | null; quantityLabel: string; indicativePriceCents: number }>;
};

/** Everything the product page must show before purchase (product.md, food information). */
export async function getOffer(offerId: string): Promise<OfferDetail | null> {
  const offer = await db().offer.findFirst({
    where: { id: offerId, product: { archivedAt: null, producer: { verifiedAt: { not: null } } } },
    select: {
      id: true,
      distributionId: true,
      priceCents: true,
      stock: true,
      ordered: true,
      maxPerCustomer: true,
      product: {
        select: {
          kind: true, name: true, nameEn: true, description: true, categoryId: true, unit: true, netQuantityGrams: true,
          vatRateBp: true, variableWeight: true, estimatedWeightGrams: true, organic: true, allergens: true, ingredients: true,
          commercialName: true, scientificName: true, productionMethod: true, faoArea: true, gearCategory: true, thawed: true,
          photoId: true,
          photo: { select: { id: true, width: true, height: true } },
          label: { select: { status: true, number: true, validFrom: true, validUntil: true } },
          producer: {
            select: {
              id: true, name: true, slug: true, description: true, organicControlBody: true, commune: { select: { name: true } },
              files: { where: { purpose: "ORGANISATION_PHOTO" }, orderBy: [{ position: "asc" }, { id: "asc" }], take: 1, select: { id: true, width: true, height: true } },
            },
          },
        },
      },
      basketItems: { select: { label: true, labelEn: true, quantityLabel: true, indicativePriceCents: true }, orderBy: { position: "asc" } },
      distribution: {
        select: {
          id: true, startsAt: true, endsAt: true, cutoffAt: true,
          pickupPoint: { select: { name: true, address: true, commune: { select: { name: true } } } },
        },
      },
    },
  });
  if (!offer) return null;
  const { producer, label, ...product } = offer.product;
  return {
    id: offer.id,
    distributionId: offer.distributionId,
    priceCents: offer.priceCents,
    remaining: offer.stock - offer.ordered,
    maxPerCustomer: offer.maxPerCustomer,
    product: {
      ...product,
      label: label?.status === "GRANTED" && label.number !== null && label.validFrom !== null && label.validUntil !== null
        ? { number: label.number, validFrom: label.validFrom, validUntil: label.validUntil }
        : null,
    },
    producer: {
      id: producer.id,
      name: producer.name,
      slug: producer.slug,
      description: producer.description,
      organicControlBody: producer.organicControlBody,
      commune: producer.commune?.name ?? null,
      photo: producer.files[0] ?? null,
    },
    distribution: {
      id: offer.distribution.id,
      startsAt: offer.distribution.startsAt,
      endsAt: offer.distribution.endsAt,
      cutoffAt: offer.distribution.cutoffAt,
      pickupPoint: { name: offer.distribution.pickupPoint.name, address: offer.distribution.pickupPoint.address, commune: offer.distribution.pickupPoint.commune.name },
    },
    basketItems: offer.basketItems,
  };
}
