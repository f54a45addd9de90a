import { expect, test } from "vitest";
import { priceLabel, quantityUnit, type PricedItem } from "~/domain/catalog/price-label";

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
