import { expect, test } from "vitest";
import {
  countedQuantityText,
  degreesText,
  quantityInput,
  quantityNumber,
  quantityText,
  temperatureText,
  unitName,
  unitsNumber,
  unitsText,
} from "~/domain/donations/donation-format";

test("a quantity stored in thousandths is written with its unit, in the reader's language", () => {
  expect(quantityText(10_500, "KG", "fr")).toBe("10,5 kg");
  expect(quantityText(10_500, "KG", "en")).toBe("10.5 kg");
  expect(quantityText(3000, "PIECE", "fr")).toBe("3 pièce(s)");
  expect(quantityText(1250, "LITRE", "en")).toBe("1.25 litre(s)");
  expect(quantityText(1, "KG", "fr")).toBe("0,001 kg");
  expect(quantityNumber(2500, "fr")).toBe("2,5");
});

test("a quantity in units reads the same as the same quantity in thousandths", () => {
  expect(unitsText(10.5, "KG", "fr")).toBe(quantityText(10_500, "KG", "fr"));
  expect(unitsText(2.125, "LITRE", "en")).toBe(quantityText(2125, "LITRE", "en"));
  expect(unitsNumber(1234.5, "en")).toBe("1,234.5");
  expect(unitName("PIECE", "en")).toBe("piece(s)");
});

test("the donor's pages agree the unit with the number", () => {
  expect(countedQuantityText(15_000, "KG", "fr")).toBe("15 kg");
  expect(countedQuantityText(1000, "PIECE", "fr")).toBe("1 pièce");
  expect(countedQuantityText(3000, "PIECE", "fr")).toBe("3 pièces");
  expect(countedQuantityText(2500, "LITRE", "en")).toBe("2.5 litres");
});

test("a quantity shown back in an input uses the page's decimal separator", () => {
  expect(quantityInput(2500, "fr")).toBe("2,5");
  expect(quantityInput(2500, "en")).toBe("2.5");
  expect(quantityInput(4000, "fr")).toBe("4");
});

test("temperatures are stored in tenths of a degree; below zero with a true minus sign, everywhere", () => {
  expect(temperatureText(35, "fr")).toBe("3,5 °C");
  expect(temperatureText(-180, "en")).toBe("−18 °C");
  expect(degreesText(-18.5, "fr")).toBe("−18,5 °C");
  expect(temperatureText(-200, "fr")).toBe("−20 °C");
  expect(temperatureText(25, "en")).toBe("2.5 °C");
});
