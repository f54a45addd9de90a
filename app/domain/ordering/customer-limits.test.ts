import { expect, test } from "vitest";
import { customerLimitOf, DEFAULT_MAX_PER_CUSTOMER, lineChangeLimitRefusal, MAX_OPEN_ORDERS_PER_DISTRIBUTION, newOrderLimitRefusal } from "~/domain/ordering/customer-limits";

const leeks = { offerId: "poireaux", name: "Poireaux", maxPerCustomer: null };

test("a first order of up to 20 of a product is fine; 21 is refused, naming the product and the limit", () => {
  expect(DEFAULT_MAX_PER_CUSTOMER).toBe(20);
  expect(newOrderLimitRefusal(0, [{ ...leeks, quantity: 20, alreadyOrdered: 0 }])).toBeNull();
  expect(newOrderLimitRefusal(0, [{ ...leeks, quantity: 21, alreadyOrdered: 0 }])).toEqual({ kind: "offer", offerId: "poireaux", name: "Poireaux", max: 20, alreadyOrdered: 0 });
});

test("what the customer's other orders of the distribution hold counts toward the limit", () => {
  expect(newOrderLimitRefusal(1, [{ ...leeks, quantity: 6, alreadyOrdered: 15 }])).toMatchObject({ kind: "offer", alreadyOrdered: 15 });
  expect(newOrderLimitRefusal(1, [{ ...leeks, quantity: 5, alreadyOrdered: 15 }])).toBeNull();
});

test("the producer's « at most 2 per customer » replaces the default, lower or higher", () => {
  expect(newOrderLimitRefusal(0, [{ ...leeks, maxPerCustomer: 2, quantity: 3, alreadyOrdered: 0 }])).toMatchObject({ kind: "offer", max: 2 });
  expect(newOrderLimitRefusal(0, [{ ...leeks, maxPerCustomer: 50, quantity: 30, alreadyOrdered: 0 }])).toBeNull();
});

test("a fourth open order for the same distribution is refused", () => {
  expect(MAX_OPEN_ORDERS_PER_DISTRIBUTION).toBe(3);
  expect(newOrderLimitRefusal(2, [{ ...leeks, quantity: 1, alreadyOrdered: 0 }])).toBeNull();
  expect(newOrderLimitRefusal(3, [{ ...leeks, quantity: 1, alreadyOrdered: 0 }])).toEqual({ kind: "orders", max: 3 });
});

test("a line may always shrink; it may grow only up to the limit over all the customer's orders", () => {
  expect(lineChangeLimitRefusal({ ...leeks, maxPerCustomer: 4, currentQuantity: 3, quantity: 1, alreadyOrdered: 9 })).toBeNull();
  // 1 here and 2 in another order: growing this line to 3 would make 5.
  expect(lineChangeLimitRefusal({ ...leeks, maxPerCustomer: 4, currentQuantity: 1, quantity: 3, alreadyOrdered: 3 })).toMatchObject({ kind: "offer", max: 4, alreadyOrdered: 2 });
  expect(lineChangeLimitRefusal({ ...leeks, maxPerCustomer: 4, currentQuantity: 1, quantity: 3, alreadyOrdered: 1 })).toBeNull();
});

test("the product page's limit: the producer's N when set (said as « N maximum par personne »), the default otherwise", () => {
  expect(customerLimitOf({ maxPerCustomer: 2 })).toEqual({ max: 2, setByProducer: true });
  expect(customerLimitOf({ maxPerCustomer: null })).toEqual({ max: DEFAULT_MAX_PER_CUSTOMER, setByProducer: false });
});
