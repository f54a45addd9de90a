import { expect, test } from "vitest";
import { QUANTITY_UNITS, typedNumber } from "~/domain/typed-number";

test("decimal commas and points, thousands spaces and minus signs are read as people type them", () => {
  expect(typedNumber("2,5")).toBe(2.5);
  expect(typedNumber("2.5")).toBe(2.5);
  expect(typedNumber(" 15 ")).toBe(15);
  expect(typedNumber("1 000,50")).toBe(1000.5);
  expect(typedNumber("1\u202f000")).toBe(1000);
  expect(typedNumber("−18,5")).toBe(-18.5);
  expect(typedNumber("-3")).toBe(-3);
  expect(typedNumber(7)).toBe(7);
});

test("a unit after the number is read only where the field allows it", () => {
  expect(typedNumber("2,5 kg", ["kg", "€"])).toBe(2.5);
  expect(typedNumber("1,50 €", ["kg", "€"])).toBe(1.5);
  expect(typedNumber("3 pièces", QUANTITY_UNITS)).toBe(3);
  expect(typedNumber("2 l", QUANTITY_UNITS)).toBe(2);
  expect(typedNumber("2,5 kg")).toBe("2,5 kg");
  expect(typedNumber("kg", ["kg"])).toBe("kg");
});

test("blank is not given; anything else comes back as typed, for the schema to refuse", () => {
  expect(typedNumber("")).toBeUndefined();
  expect(typedNumber("   ")).toBeUndefined();
  expect(typedNumber("deux")).toBe("deux");
  expect(typedNumber("1e5")).toBe("1e5");
  expect(typedNumber("2,5,5")).toBe("2,5,5");
  expect(typedNumber("2 kg et demi", QUANTITY_UNITS)).toBe("2 kg et demi");
  expect(typedNumber(undefined)).toBeUndefined();
});
