import { expect, test } from "vitest";
import { facetsOf, filterOffers, pageOf, type CatalogueOffer } from "~/domain/catalog/catalogue-view";

function offer(id: string, overrides: Partial<CatalogueOffer> = {}): CatalogueOffer {
  return {
    id,
    kind: "PRODUCT",
    name: `Produit ${id}`,
    nameEn: null,
    categoryId: "legumes",
    category: { nameFr: "Légumes", nameEn: "Vegetables", position: 2 },
    unit: "KG",
    netQuantityGrams: null,
    priceCents: 300,
    vatRateBp: 550,
    remaining: 10,
    organic: false,
    allergens: [],
    variableWeight: false,
    estimatedWeightGrams: null,
    producer: { id: "p1", name: "Les Jardins des Falaises", slug: "jardins" },
    photo: null,
    label: null,
    ...overrides,
  };
}

const offers = [
  offer("a", { name: "Crème fraîche épaisse", categoryId: "cremerie", category: { nameFr: "Crèmerie", nameEn: "Dairy", position: 3 }, producer: { id: "p2", name: "Ferme laitière", slug: "laitiere" } }),
  offer("b", { name: "Carottes", organic: true }),
  offer("c", { name: "Sole", nameEn: "Dover sole", categoryId: "poissons", category: { nameFr: "Poissons", nameEn: "Fish", position: 4 }, producer: { id: "p3", name: "L'Estran", slug: "estran" } }),
];

test("search ignores case and accents, and looks at the English name and the producer", () => {
  expect(filterOffers(offers, { search: "creme" }).map((row) => row.id)).toEqual(["a"]);
  expect(filterOffers(offers, { search: "DOVER" }).map((row) => row.id)).toEqual(["c"]);
  expect(filterOffers(offers, { search: "estran" }).map((row) => row.id)).toEqual(["c"]);
  expect(filterOffers(offers, { search: "nothing like it" })).toEqual([]);
});

test("category, producer and organic filters combine", () => {
  expect(filterOffers(offers, { organicOnly: true }).map((row) => row.id)).toEqual(["b"]);
  expect(filterOffers(offers, { categoryId: "legumes", producerId: "p1" }).map((row) => row.id)).toEqual(["b"]);
  expect(filterOffers(offers, { categoryId: "legumes", producerId: "p2" })).toEqual([]);
});

test("facets count the whole distribution, categories in catalogue order, producers by name", () => {
  expect(facetsOf(offers)).toEqual({
    categories: [
      { id: "cremerie", nameFr: "Crèmerie", nameEn: "Dairy", count: 1 },
      { id: "legumes", nameFr: "Légumes", nameEn: "Vegetables", count: 1 },
      { id: "poissons", nameFr: "Poissons", nameEn: "Fish", count: 1 },
    ],
    producers: [
      { id: "p2", name: "Ferme laitière", count: 1 },
      { id: "p3", name: "L'Estran", count: 1 },
      { id: "p1", name: "Les Jardins des Falaises", count: 1 },
    ],
  });
});

test("pages cut the list and say where they are", () => {
  const many = Array.from({ length: 10 }, (_, index) => offer(String(index)));
  expect(pageOf(many, 1, 4)).toMatchObject({ total: 10, first: 1, last: 4, hasNext: true });
  expect(pageOf(many, 3, 4)).toMatchObject({ total: 10, first: 9, last: 10, hasNext: false });
  expect(pageOf(many, 3, 4).offers.map((row) => row.id)).toEqual(["8", "9"]);
  expect(pageOf(many, 4, 4)).toMatchObject({ offers: [], total: 10, hasNext: false });
});

test("the label filter keeps the products whose label holds at the instant asked, its end excluded", () => {
  const validUntil = new Date("2027-06-01T08:30:00.000Z");
  const label = { number: "DM-2026-0001", validFrom: new Date("2026-06-01T08:30:00.000Z"), validUntil };
  const labelled = [offer("a"), offer("b", { label }), offer("c", { label: { ...label, number: "DM-2026-0002", validFrom: validUntil, validUntil: new Date("2028-06-01T08:30:00.000Z") } })];
  expect(filterOffers(labelled, { labelledAt: new Date(validUntil.getTime() - 1) }).map((row) => row.id)).toEqual(["b"]);
  expect(filterOffers(labelled, { labelledAt: validUntil }).map((row) => row.id)).toEqual(["c"]);
  expect(filterOffers(labelled, {}).map((row) => row.id)).toEqual(["a", "b", "c"]);
});
