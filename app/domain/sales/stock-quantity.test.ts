import { expect, test } from "vitest";
import { stockText, stockUnit } from "~/domain/sales/stock-quantity";

test("a stock reads with its unit as on the stall's slate, in French and English", () => {
  expect(stockText(12, "KG", "fr")).toBe("12 kg");
  expect(stockText(30, "PIECE", "fr")).toBe("30 pièces");
  expect(stockText(8, "G100", "fr")).toBe("8 × 100 g");
  expect(stockText(1, "BUNCH", "fr")).toBe("1 botte");
  expect(stockText(0, "PIECE", "fr")).toBe("0 pièce");
  expect(stockText(3, "DOZEN", "en")).toBe("3 dozen");
  expect(stockText(0, "PIECE", "en")).toBe("0 pieces");
  expect(stockText(2, "LITRE", "en")).toBe("2 litres");
  expect(stockText(1500, "PIECE", "fr")).toBe("1\u00a0500 pièces");
});

test("the unit beside a stock field counts several", () => {
  expect(stockUnit("PIECE", 2, "fr")).toBe("pièces");
  expect(stockUnit("G100", 2, "en")).toBe("× 100 g");
});
