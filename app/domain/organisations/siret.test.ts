import { expect, test } from "vitest";
import { isValidSiret, luhnValid, normaliseSiret } from "~/domain/organisations/siret";

test("a real SIRET passes the Luhn checksum", () => {
  // Published SIRETs: INSEE's head office, and a Dieppe one (Ville de Dieppe).
  expect(isValidSiret("12000101100010")).toBe(true);
  expect(isValidSiret("21760217300015")).toBe(true);
});

test("one digit changed or two digits swapped breaks the checksum", () => {
  expect(isValidSiret("12000101100011")).toBe(false);
  expect(isValidSiret("21000101100010")).toBe(false);
});

test("anything but 14 digits is refused", () => {
  expect(isValidSiret("")).toBe(false);
  expect(isValidSiret("1200010110001")).toBe(false);
  expect(isValidSiret("120001011000100")).toBe(false);
  expect(isValidSiret("1200010110001a")).toBe(false);
  expect(isValidSiret("00000000000000")).toBe(true); // Luhn holds; INSEE never issues it, but the format check cannot know.
});

test("La Poste's establishments follow the sum-of-digits rule instead of Luhn", () => {
  // 356 000 000 + establishment numbers whose digit sum makes a multiple of 5.
  expect(isValidSiret("35600000000048")).toBe(true); // head office (both rules)
  expect(isValidSiret("35600000049837")).toBe(true); // 3+5+6+4+9+8+3+7 = 45
  expect(luhnValid("35600000049837")).toBe(false);
  expect(isValidSiret("35600000049838")).toBe(false); // sum 46
});

test("spaces, dots and dashes people type are removed before checking", () => {
  expect(normaliseSiret("120 001 011 00010")).toBe("12000101100010");
  expect(normaliseSiret("120.001.011-00010")).toBe("12000101100010");
});
