import { expect, test } from "vitest";
import { declaredVolumeMl, priceLabel, quantityUnit, type PricedItem } from "~/domain/catalog/price-label";

const item = (fields: Partial<PricedItem> & Pick<PricedItem, "unit" | "priceCents">): PricedItem => ({
  variableWeight: false,
  estimatedWeightGrams: null,
  netQuantityGrams: null,
  ...fields,
});
// Intl writes a narrow no-break space before "€" in French: compare on plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

test("a fish sold by the piece at its weighed price reads like the stall's blackboard, never a price per piece", () => {
  const bar = item({ unit: "PIECE", priceCents: 1615, variableWeight: true, estimatedWeightGrams: 600 });
  expect(plain(priceLabel(bar, "fr"))).toBe("environ 600 g · 26,92 €/kg · environ 16,15 €");
  expect(plain(priceLabel(bar, "en"))).toBe("about 600 g · €26.92/kg · about €16.15");
  expect(priceLabel(bar, "fr")).not.toMatch(/pièce/);
});

test("a heavy piece sold by weight gives its estimate in kg, and its declared net quantity does not add a second per-kg price", () => {
  const chicken = item({ unit: "PIECE", priceCents: 1800, variableWeight: true, estimatedWeightGrams: 1800, netQuantityGrams: 1500 });
  expect(plain(priceLabel(chicken, "fr"))).toBe("environ 1,8 kg · 10,00 €/kg · environ 18,00 €");
  expect(plain(priceLabel(chicken, "en"))).toBe("about 1.8 kg · €10.00/kg · about €18.00");
});

test("a product sold per 100 g gives its price per 100 g and per kg", () => {
  const rillettes = item({ unit: "G100", priceCents: 250 });
  expect(plain(priceLabel(rillettes, "fr"))).toBe("2,50 € / 100 g · 25,00 €/kg");
  expect(plain(priceLabel(rillettes, "en"))).toBe("€2.50 / 100 g · €25.00/kg");
  expect(quantityUnit("G100")).toBe("× 100 g");
});

test("by the kilogram or the litre the price is the price per kg or per litre", () => {
  expect(plain(priceLabel(item({ unit: "KG", priceCents: 2400, variableWeight: true }), "fr"))).toBe("24,00 €/kg");
  expect(plain(priceLabel(item({ unit: "KG", priceCents: 600 }), "en"))).toBe("€6.00/kg");
  expect(plain(priceLabel(item({ unit: "LITRE", priceCents: 120 }), "fr"))).toBe("1,20 €/l");
  expect(quantityUnit("KG")).toBe("kg");
  expect(quantityUnit("PIECE")).toBeNull();
});

test("a packed piece gives its price per piece and per kg; a bunch without net quantity only its unit", () => {
  const butter = item({ unit: "PIECE", priceCents: 420, netQuantityGrams: 250 });
  expect(plain(priceLabel(butter, "fr"))).toBe("4,20 € / pièce · 16,80 €/kg");
  expect(plain(priceLabel(butter, "en"))).toBe("€4.20 / piece · €16.80/kg");
  expect(plain(priceLabel(item({ unit: "BUNCH", priceCents: 200 }), "fr"))).toBe("2,00 € / botte");
  expect(plain(priceLabel(item({ unit: "DOZEN", priceCents: 390 }), "en"))).toBe("€3.90 / dozen");
});

test("a piece marked variable weight without an estimate keeps its price per piece (nothing to derive a per-kg price from)", () => {
  expect(plain(priceLabel(item({ unit: "PIECE", priceCents: 650, variableWeight: true }), "fr"))).toBe("6,50 € / pièce");
});

test("a bottle whose name declares its volume gives its price per litre, never per kg", () => {
  const cider = item({ unit: "PIECE", priceCents: 560, netQuantityGrams: 750, name: "Cidre brut fermier (75 cl)" });
  expect(plain(priceLabel(cider, "fr"))).toBe("5,60 € / pièce · 7,47 €/l");
  expect(plain(priceLabel(cider, "en"))).toBe("€5.60 / piece · €7.47/l");
  expect(plain(priceLabel(item({ unit: "PIECE", priceCents: 350, netQuantityGrams: 1000, name: "Jus de pomme (1 L)" }), "fr"))).toBe("3,50 € / pièce · 3,50 €/l");
  expect(plain(priceLabel(item({ unit: "PIECE", priceCents: 450, name: "Crème crue épaisse (50 cl)" }), "fr"))).toBe("4,50 € / pièce · 9,00 €/l");
  expect(plain(priceLabel(item({ unit: "PIECE", priceCents: 600, name: "Bière blonde (6 × 33 cl)" }), "fr"))).toBe("6,00 € / pièce · 3,03 €/l");
  expect(plain(priceLabel(item({ unit: "PIECE", priceCents: 300, name: "Sirop de sureau 500 ml" }), "en"))).toBe("€3.00 / piece · €6.00/l");
});

test("a volume is read only where the name declares one: grams, percentages and plain numbers are not litres", () => {
  expect(declaredVolumeMl("Cidre brut fermier (75 cl)")).toBe(750);
  expect(declaredVolumeMl("Jus de pomme (1,5 L)")).toBe(1500);
  expect(declaredVolumeMl("Apple juice (1 L)")).toBe(1000);
  expect(declaredVolumeMl("Yaourts nature (4 × 125 g)")).toBeNull();
  expect(declaredVolumeMl("Lait cru entier")).toBeNull();
  expect(declaredVolumeMl("Pommes Reine des reinettes")).toBeNull();
  expect(declaredVolumeMl("Steaks hachés 15 % MG (2 × 125 g)")).toBeNull();
  // A packed piece without a declared volume keeps its price per kg.
  expect(plain(priceLabel(item({ unit: "PIECE", priceCents: 420, netQuantityGrams: 250, name: "Beurre doux (250 g)" }), "fr"))).toBe("4,20 € / pièce · 16,80 €/kg");
});
