import { expect, test } from "vitest";
import { basisPointsToPercent, dfcCatalogUrl, dfcProductType, dfcQuantity, publishedFor } from "~/domain/directory/dfc-catalog";
import { centsToDecimal } from "~/domain/money";
import { parisDateTime } from "~/domain/time/paris";

test("cents are written as exact decimal euros, never through a float", () => {
  expect(centsToDecimal(1234)).toBe("12.34");
  expect(centsToDecimal(5)).toBe("0.05");
  expect(centsToDecimal(70)).toBe("0.70");
  expect(centsToDecimal(700)).toBe("7.00");
  expect(centsToDecimal(0)).toBe("0.00");
  // 10.05 € has no exact binary float; its 1005 cents write it exactly.
  expect(centsToDecimal(1005)).toBe("10.05");
  expect(centsToDecimal(12_345_678_901)).toBe("123456789.01");
  expect(() => centsToDecimal(12.5)).toThrow();
});

test("a VAT rate in basis points is a percentage without trailing zeros", () => {
  expect(basisPointsToPercent(550)).toBe("5.5");
  expect(basisPointsToPercent(2000)).toBe("20");
  expect(basisPointsToPercent(1000)).toBe("10");
  expect(basisPointsToPercent(210)).toBe("2.1");
  expect(basisPointsToPercent(1)).toBe("0.01");
  expect(basisPointsToPercent(0)).toBe("0");
});

test("what one sale unit holds, in the DFC measures", () => {
  expect(dfcQuantity({ unit: "KG", netQuantityGrams: null })).toEqual({ value: "1", unit: "dfc-m:Kilogram" });
  expect(dfcQuantity({ unit: "G100", netQuantityGrams: null })).toEqual({ value: "100", unit: "dfc-m:Gram" });
  expect(dfcQuantity({ unit: "LITRE", netQuantityGrams: null })).toEqual({ value: "1", unit: "dfc-m:Litre" });
  expect(dfcQuantity({ unit: "DOZEN", netQuantityGrams: null })).toEqual({ value: "1", unit: "dfc-m:Dozen" });
  expect(dfcQuantity({ unit: "BUNCH", netQuantityGrams: null })).toEqual({ value: "1", unit: "dfc-m:Bunch" });
  expect(dfcQuantity({ unit: "PIECE", netQuantityGrams: null })).toEqual({ value: "1", unit: "dfc-m:Piece" });
  // A packed piece declares its net weight: that is what it holds.
  expect(dfcQuantity({ unit: "PIECE", netQuantityGrams: 250 })).toEqual({ value: "250", unit: "dfc-m:Gram" });
});

test("a category gets a DFC product type only where one fits", () => {
  expect(dfcProductType("legumes")).toBe("dfc-pt:vegetable");
  expect(dfcProductType("boissons")).toBe("dfc-pt:drink");
  expect(dfcProductType("poissons")).toBeNull();
  expect(dfcProductType("paniers")).toBeNull();
  expect(dfcProductType("toString")).toBeNull();
});

test("the document names the distribution its prices are those of, dates in Paris time, in French then English", () => {
  const distribution = {
    id: "d1",
    startsAt: parisDateTime("2027-03-31", "16:00"),
    endsAt: parisDateTime("2027-03-31", "19:00"),
    opensAt: parisDateTime("2027-03-20", "08:00"),
    cutoffAt: parisDateTime("2027-03-30", "12:00"),
    point: { id: "p1", name: "Halle de Dieppe", address: "Place Nationale", commune: "Dieppe", postalCode: "76200", lat: 49.92, lon: 1.08 },
  };
  const text = publishedFor(distribution, "https://terre-et-mer.example/");
  // Summer time has begun on 28 March: 16:00 in Paris is 14:00 UTC.
  expect(distribution.startsAt.toISOString()).toBe("2027-03-31T14:00:00.000Z");
  expect(text).toContain("le mercredi 31 mars, 16:00–19:00 (heure de Paris), au point de retrait « Halle de Dieppe », Place Nationale, 76200 Dieppe");
  expect(text).toContain("commandes jusqu'au mardi 30 mars, 12:00");
  expect(text).toContain("Wednesday 31 March, 16:00–19:00 (Paris time)");
  expect(text).toContain("https://terre-et-mer.example/distributions/d1");
  expect(text.indexOf("Prix et stocks")).toBeLessThan(text.indexOf("Prices and stock"));
  // A street line typed whole, with its postcode and town, is not given them a second time.
  const typedWhole = publishedFor({ ...distribution, point: { ...distribution.point, address: "Quai Henri IV, 76200 Dieppe" } }, "https://terre-et-mer.example");
  expect(typedWhole).toContain("« Halle de Dieppe », Quai Henri IV, 76200 Dieppe ;");
  expect(typedWhole).not.toContain("76200 Dieppe, 76200 Dieppe");
  expect(publishedFor(null, "https://terre-et-mer.example")).toMatch(/^Aucune distribution.*None of this producer's distributions/);
});

test("one stable address per producer", () => {
  expect(dfcCatalogUrl("https://terre-et-mer.example/", "le-pourquoi-pas")).toBe("https://terre-et-mer.example/api/v1/producers/le-pourquoi-pas/dfc-catalog");
});
