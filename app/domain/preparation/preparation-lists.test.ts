import { expect, test } from "vitest";
import { buildPackingList, buildPickingList, buildPickupSheet, pickupSettlement, type PreparationRow } from "~/domain/preparation/preparation-lists";

const SLOT_1 = { slotStartsAt: new Date("2026-11-27T16:00:00Z"), slotEndsAt: new Date("2026-11-27T16:30:00Z") };
const SLOT_2 = { slotStartsAt: new Date("2026-11-27T16:30:00Z"), slotEndsAt: new Date("2026-11-27T17:00:00Z") };

function row(overrides: Partial<PreparationRow>): PreparationRow {
  return {
    orderId: "o1",
    orderNumber: 1,
    customerName: "Jeanne",
    ...SLOT_1,
    lineId: `l-${Math.random()}`,
    offerId: "poireaux",
    productName: "Poireaux",
    unit: "BUNCH",
    quantity: 1,
    unitPriceCents: 250,
    variableWeight: false,
    gramsPerUnit: null,
    capCents: null,
    weighedGrams: null,
    finalCents: null,
    owedBackCents: 0,
    handoverStatus: null,
    paidCashCents: 0,
    paidChequeCents: 0,
    paidCardCents: 0,
    ...overrides,
  };
}

const scallops = { offerId: "saint-jacques", productName: "Coquilles Saint-Jacques", unit: "KG" as const, unitPriceCents: 2400, variableWeight: true, gramsPerUnit: 1000 };

test("the picking list adds up each product's quantities over the orders, by product name", () => {
  const items = buildPickingList([
    row({ orderId: "o1", quantity: 2 }),
    row({ orderId: "o2", quantity: 3 }),
    row({ orderId: "o2", ...scallops, quantity: 2, capCents: 5280 }),
  ]);
  expect(items.map((item) => [item.productName, item.quantity, item.orders])).toEqual([
    ["Coquilles Saint-Jacques", 2, 1],
    ["Poireaux", 5, 2],
  ]);
  expect(items[1]).toMatchObject({ estimatedGrams: null, weighedGrams: null, linesToWeigh: 0 });
});

test("a weighed product shows its estimate, what is weighed so far and how many lines are left", () => {
  const [item] = buildPickingList([
    row({ orderId: "o1", ...scallops, quantity: 2, capCents: 5280, weighedGrams: 2100, finalCents: 5040 }),
    row({ orderId: "o2", ...scallops, quantity: 3, capCents: 7920 }),
  ]);
  expect(item).toMatchObject({ quantity: 5, estimatedGrams: 5000, weighedGrams: 2100, linesToWeigh: 1, variableWeight: true });
});

test("a chicken sold by the piece at an estimated weight shows quantity × estimated grams", () => {
  const [item] = buildPickingList([row({ offerId: "poulet", productName: "Poulet fermier", unit: "PIECE", variableWeight: true, gramsPerUnit: 1800, quantity: 2, capCents: 3000 })]);
  expect(item?.estimatedGrams).toBe(3600);
});

test("the packing list groups the lines by order, sorted by slot then customer name", () => {
  const orders = buildPackingList([
    row({ orderId: "o3", orderNumber: 3, customerName: "Zoé", ...SLOT_1 }),
    row({ orderId: "o1", orderNumber: 1, customerName: "Yves", ...SLOT_2 }),
    row({ orderId: "o2", orderNumber: 2, customerName: "Émile", ...SLOT_1 }),
    row({ orderId: "o2", orderNumber: 2, customerName: "Émile", ...SLOT_1, offerId: "carottes", productName: "Carottes" }),
  ]);
  expect(orders.map((order) => [order.number, order.customerName, order.lines.map((line) => line.productName)])).toEqual([
    [2, "Émile", ["Carottes", "Poireaux"]],
    [3, "Zoé", ["Poireaux"]],
    [1, "Yves", ["Poireaux"]],
  ]);
});

test("the pickup sheet: weighed lines at their final price, others quantity × price, less what was paid", () => {
  const sheet = buildPickupSheet([
    row({ orderId: "o1", quantity: 2, unitPriceCents: 250, paidCashCents: 2000, paidChequeCents: 1000, handoverStatus: "COLLECTED" }),
    row({ orderId: "o1", ...scallops, quantity: 2, capCents: 5280, weighedGrams: 2100, finalCents: 5040, paidCashCents: 2000, paidChequeCents: 1000, handoverStatus: "COLLECTED" }),
    row({ orderId: "o2", orderNumber: 2, customerName: "Paul", ...scallops, quantity: 1, capCents: 2640 }),
  ]);
  const [first, second] = sheet.orders;
  expect(first).toMatchObject({ dueCents: 500 + 5040, paid: { cashCents: 2000, chequeCents: 1000, cardCents: 0, totalCents: 3000 }, toPayCents: 2540, handover: "COLLECTED", awaitingWeighing: false });
  expect(second).toMatchObject({ dueCents: 2400, toPayCents: 2400, handover: null, awaitingWeighing: true });
  expect(sheet.totals).toEqual({ orders: 2, dueCents: 7940, paidCents: 3000, toPayCents: 4940, collected: 1, notCollected: 0 });
});

test("a payment above what the weighing finally asked shows as a negative amount to pay (to give back)", () => {
  const sheet = buildPickupSheet([row({ ...scallops, quantity: 2, capCents: 5280, weighedGrams: 1800, finalCents: 4320, paidCardCents: 4800 })]);
  expect(sheet.orders[0]?.toPayCents).toBe(-480);
});

test("no rows, no lists", () => {
  expect(buildPickingList([])).toEqual([]);
  expect(buildPackingList([])).toEqual([]);
  expect(buildPickupSheet([])).toEqual({ orders: [], totals: { orders: 0, dueCents: 0, paidCents: 0, toPayCents: 0, collected: 0, notCollected: 0 } });
});

test("the pickup card's money: the amount owed back after a lighter weighing is said once when it is the whole overpayment, beside the balance otherwise", () => {
  expect(pickupSettlement({ toPayCents: -480, owedBackCents: 480 })).toEqual({ balance: null, owedBackCents: 480 });
  expect(pickupSettlement({ toPayCents: -700, owedBackCents: 480 })).toEqual({ balance: { kind: "toRefund", cents: 700 }, owedBackCents: 480 });
  expect(pickupSettlement({ toPayCents: 1200, owedBackCents: 0 })).toEqual({ balance: { kind: "toPay", cents: 1200 }, owedBackCents: 0 });
  expect(pickupSettlement({ toPayCents: 0, owedBackCents: 0 })).toEqual({ balance: { kind: "toPay", cents: 0 }, owedBackCents: 0 });
  expect(pickupSettlement({ toPayCents: -300, owedBackCents: 0 })).toEqual({ balance: { kind: "toRefund", cents: 300 }, owedBackCents: 0 });
});
