import { expect, test } from "vitest";
import { distributionShares, weighedLighterRefunds, type CloseLine } from "~/domain/payments/compute-transfers";

const fisher = "p-fisher";
const farmer = "p-farmer";

// Order A: 2 kg of scallops at 24 € (cap 52,80 €, weighed 45,60 €) from the fisher, 4 € of eggs from the farmer.
const lines: CloseLine[] = [
  { orderId: "A", producerId: fisher, quantity: 2, unitPriceCents: 2400, capCents: 5280, finalCents: 4560 },
  { orderId: "A", producerId: farmer, quantity: 1, unitPriceCents: 400, capCents: null, finalCents: null },
];

test("the weighed-lighter refund of an order is the sum of cap − final of its lines, known per producer", () => {
  const refunds = weighedLighterRefunds(lines);
  expect(refunds.get("A")?.amountCents).toBe(720);
  expect([...refunds.get("A")!.byProducer]).toEqual([[fisher, 720]]);
  // A line weighed at its cap, or not weighed, refunds nothing.
  expect(weighedLighterRefunds([{ orderId: "B", producerId: fisher, quantity: 1, unitPriceCents: 1000, capCents: 1100, finalCents: 1100 }]).size).toBe(0);
});

test("a weighed-lighter refund naming no producer lowers only the producer whose line was lighter; the fee is shared by what was charged", () => {
  const shares = distributionShares({
    lines,
    refunds: [{ orderId: "A", producerId: null, amountCents: 720, reason: "WEIGHED_LIGHTER" }],
    payments: [{ orderId: "A", amountCents: 5680, feeCents: 110 }],
    commissionBp: 0,
  });
  const byProducer = Object.fromEntries(shares.producers.map((one) => [one.producerId, one]));
  expect(byProducer[fisher]).toMatchObject({ chargedCents: 5280, refundedCents: 720, keptCents: 4560, feeCents: 102, transferCents: 4458 });
  expect(byProducer[farmer]).toMatchObject({ chargedCents: 400, refundedCents: 0, keptCents: 400, feeCents: 8, transferCents: 392 });
  expect(shares.totals).toMatchObject({ chargedCents: 5680, refundedCents: 720, feeCents: 110, transferCents: 4850 });
});

test("a reduction before the cutoff counts as charged and refunded for its producer; a cancelled order transfers nothing and its fee is the platform's", () => {
  const shares = distributionShares({
    lines: [
      // The farmer's eggs were lowered from 3 to 1 before the cutoff: 8 € refunded (ORDER_REDUCED, naming the farmer).
      { orderId: "A", producerId: farmer, quantity: 1, unitPriceCents: 400, capCents: null, finalCents: null },
      { orderId: "C", producerId: fisher, quantity: 1, unitPriceCents: 1000, capCents: null, finalCents: null },
    ],
    refunds: [
      { orderId: "A", producerId: farmer, amountCents: 800, reason: "ORDER_REDUCED" },
      { orderId: "C", producerId: null, amountCents: 1000, reason: "CUSTOMER_CANCELLED" },
    ],
    payments: [
      { orderId: "A", amountCents: 1200, feeCents: 43 },
      { orderId: "C", amountCents: 1000, feeCents: 40 },
    ],
    commissionBp: 500,
  });
  const byProducer = Object.fromEntries(shares.producers.map((one) => [one.producerId, one]));
  expect(byProducer[farmer]).toMatchObject({ chargedCents: 1200, refundedCents: 800, keptCents: 400, commissionCents: 20, feeCents: 43, transferCents: 337 });
  expect(byProducer[fisher]).toMatchObject({ chargedCents: 1000, refundedCents: 1000, transferCents: 0 });
  expect(shares.platform).toEqual({ commissionCents: 20, feeCents: 40 });
});

test("a charge that the lines do not explain (a reduction that named no producer) is spread by what each was charged, never lost", () => {
  const shares = distributionShares({
    lines: [
      { orderId: "D", producerId: fisher, quantity: 1, unitPriceCents: 1000, capCents: null, finalCents: null },
      { orderId: "D", producerId: farmer, quantity: 1, unitPriceCents: 1000, capCents: null, finalCents: null },
    ],
    refunds: [{ orderId: "D", producerId: null, amountCents: 1000, reason: "ORDER_REDUCED" }],
    payments: [{ orderId: "D", amountCents: 3000, feeCents: 0 }],
    commissionBp: 0,
  });
  expect(shares.totals.chargedCents).toBe(3000);
  expect(shares.totals.transferCents).toBe(2000);
  expect(shares.producers.map((one) => one.transferCents)).toEqual([1000, 1000]);
});
