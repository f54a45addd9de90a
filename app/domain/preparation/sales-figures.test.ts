import { expect, test } from "vitest";
import type { CloseLine } from "~/domain/payments/compute-transfers";
import { buildStatement, currentMonth, summariseSales, type SalesRow, type StatementOrderRow, type StatementTransferRow } from "~/domain/preparation/sales-figures";

function row(overrides: Partial<SalesRow>): SalesRow {
  return {
    distributionId: "d1",
    startsAt: new Date("2026-11-27T16:00:00Z"),
    pickupPointName: "Quai Henri IV",
    producerId: "p1",
    producerName: "Pêcherie du Pollet",
    orders: 2,
    orderedCents: 10_000,
    dueCents: 10_400,
    collectedCents: 6_000,
    notCollectedCents: 4_400,
    paidCashCents: 3_000,
    paidChequeCents: 2_000,
    paidCardCents: 1_000,
    paidOnlineCents: 0,
    notCollectedOnlineCents: 0,
    ...overrides,
  };
}

test("still due is the amount due, less orders not collected, less what was paid at pickup", () => {
  const summary = summariseSales([row({})]);
  expect(summary.distributions[0]).toMatchObject({ weighingCents: 400, dueCents: 10_400, paidCents: 6_000, stillDueCents: 10_400 - 4_400 - 6_000 });
});

test("one line per producer and a total over the period's distributions", () => {
  const summary = summariseSales([
    row({ distributionId: "d2", startsAt: new Date("2026-11-20T16:00:00Z") }),
    row({ producerId: "p2", producerName: "Ferme des Hêtres", orders: 1, orderedCents: 500, dueCents: 500, collectedCents: 500, notCollectedCents: 0, paidCashCents: 500, paidChequeCents: 0, paidCardCents: 0, paidOnlineCents: 0, notCollectedOnlineCents: 0 }),
    row({}),
  ]);
  expect(summary.distributions.map((line) => [line.distributionId, line.producerName])).toEqual([
    ["d2", "Pêcherie du Pollet"],
    ["d1", "Ferme des Hêtres"],
    ["d1", "Pêcherie du Pollet"],
  ]);
  expect(summary.producers.map((producer) => [producer.producerName, producer.orders, producer.stillDueCents])).toEqual([
    ["Ferme des Hêtres", 1, 0],
    ["Pêcherie du Pollet", 4, 0],
  ]);
  expect(summary.total).toMatchObject({ orders: 5, orderedCents: 20_500, dueCents: 21_300, paidCashCents: 6_500, paidCents: 12_500 });
});

test("an order paid by card online is paid, never still due at the stall, collected or not; paid at pickup and not collected is not owed either", () => {
  // Two card orders (3 000 collected, 1 400 not collected) and one paid at pickup of 2 000, not collected.
  const summary = summariseSales([
    row({ orders: 3, orderedCents: 6_400, dueCents: 6_400, collectedCents: 3_000, notCollectedCents: 3_400, paidCashCents: 0, paidChequeCents: 0, paidCardCents: 0, paidOnlineCents: 4_400, notCollectedOnlineCents: 1_400 }),
  ]);
  expect(summary.total).toMatchObject({ paidOnlineCents: 4_400, paidCents: 0, stillDueCents: 0 });
});

test("the default period is the current Paris month, leap years included", () => {
  expect(currentMonth("2026-11-26")).toEqual({ from: "2026-11-01", to: "2026-11-30" });
  expect(currentMonth("2028-02-10")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
});

function cardOrder(overrides: Partial<StatementOrderRow> = {}): StatementOrderRow {
  return {
    orderId: "o1",
    number: 41,
    status: "CONFIRMED",
    paymentMethod: "ONLINE_CARD",
    distributionId: "d1",
    startsAt: new Date("2026-11-27T16:00:00Z"),
    pickupPointName: "Quai Henri IV",
    producerId: "p1",
    producerName: "Pêcherie du Pollet",
    capCents: 1_000,
    dueCents: 1_000,
    paidCashCents: 0,
    paidChequeCents: 0,
    paidTerminalCents: 0,
    chargedCents: 1_000,
    chargeFeeCents: 30,
    ...overrides,
  };
}

const line: CloseLine = { orderId: "o1", producerId: "p1", quantity: 1, unitPriceCents: 1_000, capCents: null, finalCents: null };

function sentTransfer(amountCents: number): StatementTransferRow {
  return { id: "t1", distributionId: "d1", startsAt: new Date("2026-11-27T16:00:00Z"), pickupPointName: "Quai Henri IV", producerId: "p1", producerName: "Pêcherie du Pollet", status: "SENT", amountCents, reversedCents: 0, stripeTransferId: "tr_1", sentAt: new Date(), reversals: [] };
}

test("statement: a closed market's transfer that matches the shares leaves no gap; one that does not shows the difference instead of hiding it", () => {
  const agreeing = buildStatement({ orders: [cardOrder()], lines: [line], refunds: [], transfers: [sentTransfer(970)], commissionBp: 0, producerId: "p1" });
  expect(agreeing.totals).toMatchObject({ paidOnlineCents: 1_000, feeCents: 30, netCents: 970, transferredCents: 970, upcomingCents: 0, gapCents: 0 });
  const disagreeing = buildStatement({ orders: [cardOrder()], lines: [line], refunds: [], transfers: [sentTransfer(900)], commissionBp: 0, producerId: "p1" });
  expect(disagreeing.totals).toMatchObject({ netCents: 970, transferredCents: 900, gapCents: 70 });
});

test("statement: an order paid at pickup counts at the stall and in no card figure; a market not closed is « à venir »", () => {
  const statement = buildStatement({
    orders: [cardOrder(), cardOrder({ orderId: "o2", number: 42, paymentMethod: "AT_PICKUP", chargedCents: null, chargeFeeCents: 0, paidCashCents: 600, paidTerminalCents: 400 })],
    lines: [line],
    refunds: [],
    transfers: [],
    commissionBp: 250,
    producerId: "p1",
  });
  expect(statement.totals).toMatchObject({ paidOnlineCents: 1_000, paidAtStallCents: 1_000, commissionCents: 25, feeCents: 30, netCents: 945, upcomingCents: 945, gapCents: 0 });
  expect(statement.orders.find((order) => order.number === 42)).toMatchObject({ paidOnlineCents: 0, netCents: 0, paidCashCents: 600, paidTerminalCents: 400 });
});
