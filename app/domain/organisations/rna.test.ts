import { expect, test } from "vitest";
import { isValidRna, normaliseRna } from "~/domain/organisations/rna";

test("an RNA number is W and 9 digits", () => {
  expect(isValidRna("W763001234")).toBe(true);
  expect(isValidRna("W751234567")).toBe(true);
});

test("a letter missing, a digit too many or too few, or a letter among the digits is refused", () => {
  expect(isValidRna("763001234")).toBe(false);
  expect(isValidRna("W76300123")).toBe(false);
  expect(isValidRna("W7630012345")).toBe(false);
  expect(isValidRna("W76300123A")).toBe(false);
  expect(isValidRna("W2A1000123")).toBe(false);
  expect(isValidRna("X763001234")).toBe(false);
  expect(isValidRna("")).toBe(false);
});

test("lower case, spaces, dots and dashes people type are tidied before checking", () => {
  expect(normaliseRna("w763001234")).toBe("W763001234");
  expect(normaliseRna(" W 763 001 234 ")).toBe("W763001234");
  expect(normaliseRna("w.763.001-234")).toBe("W763001234");
  expect(isValidRna(normaliseRna("w 763 001 234"))).toBe(true);
});
