import { expect, test } from "vitest";
import { orderChangeRefusal } from "~/domain/ordering/order-changes";

const window = { status: "SCHEDULED" as const, opensAt: new Date("2027-03-20T07:00:00Z"), cutoffAt: new Date("2027-03-24T19:00:00Z") };

test("a confirmed order changes until one millisecond before the cutoff", () => {
  expect(orderChangeRefusal("CONFIRMED", window, new Date("2027-03-24T18:59:59.999Z"))).toBeNull();
  expect(orderChangeRefusal("CONFIRMED", window, new Date("2027-03-24T19:00:00Z"))).toBe("cutoff_passed");
});

test("a cancelled order, or an order of a cancelled distribution, no longer changes", () => {
  const before = new Date("2027-03-22T12:00:00Z");
  expect(orderChangeRefusal("CANCELLED", window, before)).toBe("order_cancelled");
  expect(orderChangeRefusal("CONFIRMED", { ...window, status: "CANCELLED" }, before)).toBe("distribution_cancelled");
});

test("a card order waiting for its payment cannot change: finish or cancel the payment first (order_awaiting_payment); an expired one is gone", () => {
  const before = new Date("2027-03-22T12:00:00Z");
  expect(orderChangeRefusal("AWAITING_PAYMENT", window, before)).toBe("order_awaiting_payment");
  expect(orderChangeRefusal("EXPIRED", window, before)).toBe("order_cancelled");
});
