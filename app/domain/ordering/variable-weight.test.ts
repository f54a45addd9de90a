import { expect, test } from "vitest";
import { capFor, gramsPerUnit, lineAmountCents, priceForWeight, weighedTerms } from "~/domain/ordering/variable-weight";

test("2 kg of scallops at 24 €/kg weighed 2.1 kg cost 50.40 €, under the 52.80 € cap", () => {
  const terms = weighedTerms({ variableWeight: true, unit: "KG", estimatedWeightGrams: null, quantity: 2, unitPriceCents: 2400 });
  expect(terms).toEqual({ variableWeight: true, gramsPerUnit: 1000, capCents: 5280 });
  expect(priceForWeight({ weighedGrams: 2100, gramsPerUnit: 1000, unitPriceCents: 2400, capCents: 5280 })).toEqual({ cents: 5040, capped: false });
});

test("a heavier catch never costs more than the cap agreed at order", () => {
  expect(priceForWeight({ weighedGrams: 2201, gramsPerUnit: 1000, unitPriceCents: 2400, capCents: 5280 })).toEqual({ cents: 5280, capped: true });
  expect(priceForWeight({ weighedGrams: 2200, gramsPerUnit: 1000, unitPriceCents: 2400, capCents: 5280 })).toEqual({ cents: 5280, capped: false });
});

test("a lighter piece costs less: a chicken of about 1.8 kg at 18.90 € weighed 1.65 kg", () => {
  const terms = weighedTerms({ variableWeight: true, unit: "PIECE", estimatedWeightGrams: 1800, quantity: 1, unitPriceCents: 1890 });
  expect(terms).toEqual({ variableWeight: true, gramsPerUnit: 1800, capCents: 2079 });
  expect(priceForWeight({ weighedGrams: 1650, gramsPerUnit: 1800, unitPriceCents: 1890, capCents: 2079 }).cents).toBe(1733);
});

test("a product not sold by weight, or a piece without an estimated weight, is never weighed", () => {
  expect(weighedTerms({ variableWeight: false, unit: "KG", estimatedWeightGrams: null, quantity: 2, unitPriceCents: 2400 }).variableWeight).toBe(false);
  expect(weighedTerms({ variableWeight: true, unit: "PIECE", estimatedWeightGrams: null, quantity: 1, unitPriceCents: 500 }).variableWeight).toBe(false);
  expect(gramsPerUnit("G100", null)).toBe(100);
});

test("the cap rounds up to the cent, and a line's amount is its weighed price once weighed", () => {
  expect(capFor(3, 333)).toBe(1099);
  expect(lineAmountCents({ quantity: 2, unitPriceCents: 2400, finalCents: null })).toBe(4800);
  expect(lineAmountCents({ quantity: 2, unitPriceCents: 2400, finalCents: 5040 })).toBe(5040);
});
