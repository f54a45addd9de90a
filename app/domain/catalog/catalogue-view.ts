import type { SaleUnit } from "~/domain/catalog/units";
import { badgeAt, type GrantedLabel } from "~/domain/label/label-badge";

/** One offer as the catalogue and the API see it. */
export type CatalogueOffer = {
  id: string;
  kind: "PRODUCT" | "BASKET";
  name: string;
  nameEn: string | null;
  categoryId: string;
  category: { nameFr: string; nameEn: string; position: number };
  unit: SaleUnit;
  netQuantityGrams: number | null;
  priceCents: number;
  vatRateBp: number;
  remaining: number;
  organic: boolean;
  allergens: string[];
  variableWeight: boolean;
  /** One piece sold by weight weighs about this much: the card derives its price per kg from it. */
  estimatedWeightGrams: number | null;
  producer: { id: string; name: string; slug: string };
  /** The product's photo with its pixel size (so the card keeps its place), or null: the category's pictogram. */
  photo: { id: string; width: number; height: number } | null;
  /**
   * The product's granted label with its validity, or null. The copy lives a second (decision 008),
   * so it carries the validity and never the verdict: whoever reads it decides at their instant
   * (`badgeAt`), and a label stops showing at its validUntil even inside a copy read before.
   */
  label: GrantedLabel | null;
};

export type CatalogueFilters = {
  categoryId?: string;
  producerId?: string;
  organicOnly?: boolean;
  search?: string;
  /** Only the products holding the label « Produit local Dieppe Maritime » at this instant. */
  labelledAt?: Date;
};

/** "Crème" and "creme" are the same search on a phone keyboard: case and accents are ignored. */
export function searchable(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/**
 * The text a search looks into, prepared once per offer: the offers of a snapshot are shared by
 * every visitor for a second, and normalising 500 names on each search cost more than the rest.
 */
const searchTexts = new WeakMap<CatalogueOffer, string>();
function searchTextOf(offer: CatalogueOffer): string {
  let text = searchTexts.get(offer);
  if (text === undefined) {
    text = searchable(`${offer.name}\n${offer.nameEn ?? ""}\n${offer.producer.name}`);
    searchTexts.set(offer, text);
  }
  return text;
}

export function filterOffers(offers: readonly CatalogueOffer[], filters: CatalogueFilters): CatalogueOffer[] {
  const search = filters.search ? searchable(filters.search.trim()) : "";
  return offers.filter(
    (offer) =>
      (!filters.categoryId || offer.categoryId === filters.categoryId) &&
      (!filters.producerId || offer.producer.id === filters.producerId) &&
      (!filters.organicOnly || offer.organic) &&
      (!filters.labelledAt || badgeAt(offer.label, filters.labelledAt) !== null) &&
      (!search || searchTextOf(offer).includes(search)),
  );
}

export type CatalogueFacets = {
  categories: Array<{ id: string; nameFr: string; nameEn: string; count: number }>;
  producers: Array<{ id: string; name: string; count: number }>;
};

/** What the filters can offer, counted over the whole distribution (offers come in category order). */
export function facetsOf(offers: readonly CatalogueOffer[]): CatalogueFacets {
  const categories = new Map<string, { id: string; nameFr: string; nameEn: string; count: number }>();
  const producers = new Map<string, { id: string; name: string; count: number }>();
  for (const offer of offers) {
    const category = categories.get(offer.categoryId) ?? { id: offer.categoryId, nameFr: offer.category.nameFr, nameEn: offer.category.nameEn, count: 0 };
    category.count += 1;
    categories.set(offer.categoryId, category);
    const producer = producers.get(offer.producer.id) ?? { id: offer.producer.id, name: offer.producer.name, count: 0 };
    producer.count += 1;
    producers.set(offer.producer.id, producer);
  }
  return {
    categories: [...categories.values()],
    producers: [...producers.values()].sort((a, b) => a.name.localeCompare(b.name, "fr")),
  };
}

export type CataloguePage = { offers: CatalogueOffer[]; total: number; page: number; first: number; last: number; hasNext: boolean };

/** One page of a filtered list; a page past the end is empty but still says how many there are. */
export function pageOf(offers: readonly CatalogueOffer[], page: number, size: number): CataloguePage {
  const start = (page - 1) * size;
  const shown = offers.slice(start, start + size);
  return { offers: shown, total: offers.length, page, first: start + 1, last: start + shown.length, hasNext: start + size < offers.length };
}
