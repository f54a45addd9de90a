import { expect, test } from "vitest";
import { mergeLines, orderTotalCents } from "~/domain/ordering/pricing";

test("two lines for the same offer become one with the summed quantity", () => {
  expect(mergeLines([{ offerId: "a", quantity: 1 }, { offerId: "b", quantity: 2 }, { offerId: "a", quantity: 3 }])).toEqual([
    { offerId: "a", quantity: 4 },
    { offerId: "b", quantity: 2 },
  ]);
});

test("an order's total is the sum of quantity times the price kept at order time", () => {
  expect(orderTotalCents([{ quantity: 2, unitPriceCents: 1050, vatRateBp: 550 }, { quantity: 1, unitPriceCents: 2200, vatRateBp: 550 }])).toBe(4300);
  expect(orderTotalCents([])).toBe(0);
});
