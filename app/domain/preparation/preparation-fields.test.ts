import { expect, test } from "vitest";
import { euroAmountField, isoDateField, weighedKilogramsField } from "~/domain/preparation/preparation-fields";

test("a weight typed on a phone: comma or point, to the gram", () => {
  expect(weighedKilogramsField.parse("2,1")).toBe(2100);
  expect(weighedKilogramsField.parse(" 0.850 ")).toBe(850);
  expect(weighedKilogramsField.parse("2,1 kg")).toBe(2100);
  expect(weighedKilogramsField.parse("12")).toBe(12_000);
});

test.each([
  ["0", "preparation.field.weight.too_small"],
  ["-1", "preparation.field.weight.too_small"],
  ["1000,001", "preparation.field.weight.too_large"],
  ["99999999999999", "preparation.field.weight.too_large"],
  ["deux kilos", "preparation.field.weight.invalid"],
  ["", "preparation.field.weight.invalid"],
  ["2,1234", "preparation.field.weight.invalid"],
])("the weight %s is refused with %s", (value, key) => {
  const parsed = weighedKilogramsField.safeParse(value);
  expect(parsed.success).toBe(false);
  expect(parsed.error?.issues[0]?.message).toBe(key);
});

test("an amount in euros, to the cent", () => {
  expect(euroAmountField.parse("12,50")).toBe(1250);
  expect(euroAmountField.parse("12.5 €")).toBe(1250);
  expect(euroAmountField.parse("0,01")).toBe(1);
  expect(euroAmountField.safeParse("12,505").success).toBe(false);
  expect(euroAmountField.safeParse("0").error?.issues[0]?.message).toBe("preparation.field.amount.too_small");
  expect(euroAmountField.safeParse("100000,01").error?.issues[0]?.message).toBe("preparation.field.amount.too_large");
});

test("a date must exist", () => {
  expect(isoDateField.safeParse("2026-11-27").success).toBe(true);
  expect(isoDateField.safeParse("2026-02-30").success).toBe(false);
  expect(isoDateField.safeParse("27/11/2026").success).toBe(false);
});
