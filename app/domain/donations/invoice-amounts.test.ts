import { expect, test } from "vitest";
import { CONTRIBUTION_VAT_PERMILLE, invoiceAmounts, invoiceNumber, vatRateText } from "~/domain/donations/invoice-amounts";

test("the contribution's rate is the reduced 5.5 % of the reference data", () => {
  expect(CONTRIBUTION_VAT_PERMILLE).toBe(55);
});

test("6,00 € TTC at 5.5 %: 5,69 € HT + 0,31 € TVA", () => {
  expect(invoiceAmounts(600, 55)).toEqual({ exclVatCents: 569, vatCents: 31, inclVatCents: 600 });
});

test("10,55 € TTC is exactly 10,00 € HT + 0,55 € TVA", () => {
  expect(invoiceAmounts(1055, 55)).toEqual({ exclVatCents: 1000, vatCents: 55, inclVatCents: 1055 });
});

test("HT + TVA = TTC for every amount, and the VAT is the nearest cent", () => {
  for (let cents = 0; cents <= 5000; cents++) {
    const { exclVatCents, vatCents, inclVatCents } = invoiceAmounts(cents, 55);
    expect(exclVatCents + vatCents).toBe(inclVatCents);
    expect(Math.abs(vatCents - (cents * 55) / 1055)).toBeLessThanOrEqual(0.5);
  }
});

test("a half cent of VAT rounds up, in integers even for large amounts", () => {
  // At 20 %, the VAT of a TTC amount is a sixth of it: 3 → 0.5, 9 → 1.5.
  expect(invoiceAmounts(3, 200)).toEqual({ exclVatCents: 2, vatCents: 1, inclVatCents: 3 });
  expect(invoiceAmounts(9, 200)).toEqual({ exclVatCents: 7, vatCents: 2, inclVatCents: 9 });
  expect(invoiceAmounts(1_000_000_000_000, 55).vatCents).toBe(52_132_701_422); // 52 132 701 421.8 → up
});

test("zero VAT and zero amount", () => {
  expect(invoiceAmounts(1234, 0)).toEqual({ exclVatCents: 1234, vatCents: 0, inclVatCents: 1234 });
  expect(invoiceAmounts(0, 55)).toEqual({ exclVatCents: 0, vatCents: 0, inclVatCents: 0 });
});

test("negative or fractional amounts are a programming error", () => {
  expect(() => invoiceAmounts(-1, 55)).toThrow();
  expect(() => invoiceAmounts(1.5, 55)).toThrow();
  expect(() => invoiceAmounts(100, 1001)).toThrow();
});

test("invoice numbers: year and four digits, gapless sequences stay readable past 9999", () => {
  expect(invoiceNumber(2026, 1)).toBe("2026-0001");
  expect(invoiceNumber(2026, 30)).toBe("2026-0030");
  expect(invoiceNumber(2027, 12345)).toBe("2027-12345");
});

test("the rate as written on the invoice", () => {
  expect(vatRateText(55, "fr")).toBe("5,5 %");
  expect(vatRateText(55, "en")).toBe("5.5%");
});
