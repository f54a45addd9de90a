import { db } from "~/db.server";
import type { ProductInput } from "~/domain/catalog/product-input";

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
  };
  producer: { id: string; name: string; slug: string; commune: string | null; organicControlBody: string | null; description: string };
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
          producer: { select: { id: true, name: true, slug: true, description: true, organicControlBody: true, commune: { select: { name: true } } } },
        },
      },
      basketItems: { select: { label: true, labelEn: true, quantityLabel: true, indicativePriceCents: true }, orderBy: { position: "asc" } },
    },
  });
  if (!offer) return null;
  const { producer, ...product } = offer.product;
  return {
    id: offer.id,
    distributionId: offer.distributionId,
    priceCents: offer.priceCents,
    remaining: offer.stock - offer.ordered,
    maxPerCustomer: offer.maxPerCustomer,
    product,
    producer: {
      id: producer.id,
      name: producer.name,
      slug: producer.slug,
      description: producer.description,
      organicControlBody: producer.organicControlBody,
      commune: producer.commune?.name ?? null,
    },
    basketItems: offer.basketItems,
  };
}
