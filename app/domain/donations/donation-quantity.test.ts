import { expect, test } from "vitest";
import { donationQuantityField, toMilli, toUnits } from "~/domain/donations/donation-quantity";

const field = donationQuantityField({
  invalid: "donations.lot.field.quantity.invalid",
  tooSmall: "donations.lot.field.quantity.too_small",
  tooLarge: "donations.lot.field.quantity.too_large",
  decimals: "donations.lot.field.quantity.decimals",
});

test("units become exact thousandths, and back", () => {
  expect(toMilli(15)).toBe(15_000);
  expect(toMilli(2.5)).toBe(2_500);
  expect(toMilli(0.001)).toBe(1);
  expect(toMilli(1.005)).toBe(1_005);
  expect(toMilli(0.1 + 0.2)).toBe(300);
  expect(toMilli(1.0005)).toBeNull();
  expect(toUnits(4_500)).toBe(4.5);
});

test("a donation quantity is positive, has at most 3 decimals and is at most 100 000", () => {
  expect(field.safeParse(0.001).success).toBe(true);
  expect(field.safeParse(100_000).success).toBe(true);
  const messageOf = (value: unknown) => field.safeParse(value).error?.issues[0]?.message;
  expect(messageOf(0)).toBe("donations.lot.field.quantity.too_small");
  expect(messageOf(-2)).toBe("donations.lot.field.quantity.too_small");
  expect(messageOf(100_000.001)).toBe("donations.lot.field.quantity.too_large");
  expect(messageOf(1.0005)).toBe("donations.lot.field.quantity.decimals");
  expect(messageOf("3")).toBe("donations.lot.field.quantity.invalid");
  expect(messageOf(Number.NaN)).toBe("donations.lot.field.quantity.invalid");
  expect(messageOf(Number.POSITIVE_INFINITY)).toBe("donations.lot.field.quantity.invalid");
});
