import { expect, test } from "vitest";
import { priceChanges } from "~/domain/ordering/price-promise";

test("an offer whose price moved from 4.20 € to 4.50 € since it was shown is reported; the others are not", () => {
  const offers = [
    { id: "a", name: "Beurre", priceCents: 450 },
    { id: "b", name: "Œufs", priceCents: 400 },
    { id: "c", name: "Pain", priceCents: 300 },
  ];
  expect(priceChanges(offers, new Map([["a", 420], ["b", 400]]))).toEqual([{ offerId: "a", name: "Beurre", shownCents: 420, currentCents: 450 }]);
});

test("a price that went down is reported too: the customer confirms what they pay", () => {
  expect(priceChanges([{ id: "a", name: "Beurre", priceCents: 390 }], new Map([["a", 420]]))).toHaveLength(1);
});
