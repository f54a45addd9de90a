import { expect, test } from "vitest";
import { formatEuros, pricePerKgCents, vatBreakdown, vatIncluded } from "~/domain/money";

test("amounts read as euros in each language", () => {
  expect(formatEuros(1234, "fr")).toBe("12,34\u00a0€");
  expect(formatEuros(1234, "en")).toBe("€12.34");
  expect(formatEuros(0, "fr")).toBe("0,00\u00a0€");
});

test("the VAT included in a price is rounded to the cent", () => {
  expect(vatIncluded(1055, 550)).toBe(55);
  expect(vatIncluded(1200, 2000)).toBe(200);
  expect(vatIncluded(999, 0)).toBe(0);
  expect(vatIncluded(100, 550)).toBe(5);
});

test("a receipt's VAT breakdown adds up per rate, rounding once per rate", () => {
  const lines = [
    { totalCents: 333, vatRateBp: 550 },
    { totalCents: 333, vatRateBp: 550 },
    { totalCents: 333, vatRateBp: 550 },
    { totalCents: 1200, vatRateBp: 2000 },
  ];
  expect(vatBreakdown(lines)).toEqual([
    { vatRateBp: 550, totalCents: 999, vatCents: 52, baseCents: 947 },
    { vatRateBp: 2000, totalCents: 1200, vatCents: 200, baseCents: 1000 },
  ]);
});

test("the price per kilo or litre is shown where it can be derived", () => {
  expect(pricePerKgCents(320, { unit: "KG", netQuantityGrams: null })).toEqual({ cents: 320, per: "kg" });
  expect(pricePerKgCents(140, { unit: "G100", netQuantityGrams: null })).toEqual({ cents: 1400, per: "kg" });
  expect(pricePerKgCents(450, { unit: "LITRE", netQuantityGrams: null })).toEqual({ cents: 450, per: "l" });
  expect(pricePerKgCents(650, { unit: "PIECE", netQuantityGrams: 250 })).toEqual({ cents: 2600, per: "kg" });
  expect(pricePerKgCents(250, { unit: "BUNCH", netQuantityGrams: null })).toBeNull();
});
