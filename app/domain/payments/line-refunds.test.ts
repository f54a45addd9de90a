import { expect, test } from "vitest";
import { standingLineRefundsCents } from "~/domain/payments/line-refunds";

const lines = [
  { id: "leeks", atMostCents: 1_000 },
  { id: "carrots", atMostCents: 1_000 },
];

test("a line's refunds stand up to what the line can cost at most now", () => {
  expect(standingLineRefundsCents(lines, [{ orderLineId: "leeks", amountCents: 1_000 }])).toBe(1_000);
  expect(standingLineRefundsCents(lines, [{ orderLineId: "leeks", amountCents: 400 }, { orderLineId: "carrots", amountCents: 250 }])).toBe(650);
  // Lowered to 5,00 € after a 8,00 € refund: 5,00 € of it stand.
  expect(standingLineRefundsCents([{ id: "leeks", atMostCents: 500 }], [{ orderLineId: "leeks", amountCents: 800 }])).toBe(500);
});

test("a removed line's refunds no longer stand; one naming no line stands in full", () => {
  expect(standingLineRefundsCents(lines, [{ orderLineId: "turnips", amountCents: 1_000 }])).toBe(0);
  expect(standingLineRefundsCents(lines, [{ orderLineId: null, amountCents: 200 }])).toBe(200);
  expect(standingLineRefundsCents([], [])).toBe(0);
});
