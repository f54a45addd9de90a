import { expect, test } from "vitest";
import { commissionCents, producerShares, type AttributedRefund, type ChargedLine, type ChargeFee } from "~/domain/payments/producer-shares";
import { seeded } from "../../../tests/seeded-random";

test("a land & sea order: the fisher's 22.00 € cap weighed at 19.80 €, the farmer's 12.50 € basket, 0.77 € fee, 2.5 % commission", () => {
  const shares = producerShares({
    lines: [
      { orderId: "o1", producerId: "fisher", chargedCents: 2200 },
      { orderId: "o1", producerId: "farmer", chargedCents: 1250 },
    ],
    // The lighter weighing gave 2.20 € back to the customer.
    refunds: [{ orderId: "o1", producerId: "fisher", amountCents: 220 }],
    fees: [{ orderId: "o1", feeCents: 77 }],
    commissionBp: 250,
  });
  expect(shares.orderShares).toEqual([
    // fee 77 × 1250/3450 = 27.9 → 28; 77 × 2200/3450 = 49.1 → 49
    { orderId: "o1", producerId: "farmer", chargedCents: 1250, refundedCents: 0, keptCents: 1250, commissionCents: 31, feeCents: 28, transferCents: 1191 },
    { orderId: "o1", producerId: "fisher", chargedCents: 2200, refundedCents: 220, keptCents: 1980, commissionCents: 49, feeCents: 49, transferCents: 1882 },
  ]);
  expect(shares.platform).toEqual({ commissionCents: 80, feeCents: 0 });
  expect(shares.totals).toEqual({ chargedCents: 3450, refundedCents: 220, feeCents: 77, transferCents: 3073 });
});

test("at the default 0 % commission a producer receives what the customer kept paying them, less their part of Stripe's fee", () => {
  const shares = producerShares({
    lines: [{ orderId: "o1", producerId: "baker", chargedCents: 840 }],
    refunds: [],
    fees: [{ orderId: "o1", feeCents: 38 }],
    commissionBp: 0,
  });
  expect(shares.producers).toEqual([{ producerId: "baker", orders: 1, chargedCents: 840, refundedCents: 0, keptCents: 840, commissionCents: 0, feeCents: 38, transferCents: 802 }]);
});

test("the commission is rounded down: 3 % of 0.33 € is 0.0099 €, so nothing; 3 % of 10.99 € is 0.32 €", () => {
  expect(commissionCents(33, 300)).toBe(0);
  expect(commissionCents(1099, 300)).toBe(32);
  expect(commissionCents(1000, 10_000)).toBe(1000);
  expect(() => commissionCents(1000, 10_001)).toThrow(RangeError);
  expect(() => commissionCents(1000, 2.5)).toThrow(RangeError);
});

test("a refund of the farmer's line after the close changes the farmer's transfer and nobody else's", () => {
  const lines: ChargedLine[] = [
    { orderId: "o1", producerId: "fisher", chargedCents: 2200 },
    { orderId: "o1", producerId: "farmer", chargedCents: 1250 },
  ];
  const fees: ChargeFee[] = [{ orderId: "o1", feeCents: 77 }];
  const before = producerShares({ lines, refunds: [], fees, commissionBp: 100 });
  const after = producerShares({ lines, refunds: [{ orderId: "o1", producerId: "farmer", amountCents: 600 }], fees, commissionBp: 100 });
  const fisher = (shares: typeof before) => shares.orderShares.find((share) => share.producerId === "fisher");
  const farmer = (shares: typeof before) => shares.orderShares.find((share) => share.producerId === "farmer");
  expect(fisher(after)).toEqual(fisher(before));
  expect(farmer(before)!.transferCents - farmer(after)!.transferCents).toBe(600 - (farmer(before)!.commissionCents - farmer(after)!.commissionCents));
});

test("an order refunded in full leaves nothing to any producer: its fee is the platform's", () => {
  const shares = producerShares({
    lines: [{ orderId: "o1", producerId: "fisher", chargedCents: 1500 }],
    refunds: [{ orderId: "o1", producerId: "fisher", amountCents: 1500 }],
    fees: [{ orderId: "o1", feeCents: 48 }],
    commissionBp: 500,
  });
  expect(shares.orderShares).toEqual([{ orderId: "o1", producerId: "fisher", chargedCents: 1500, refundedCents: 1500, keptCents: 0, commissionCents: 0, feeCents: 0, transferCents: 0 }]);
  expect(shares.platform).toEqual({ commissionCents: 0, feeCents: 48 });
});

test("a producer never bears more fee than is left to them: 0.10 € kept, 0.26 € of fee → 0.10 € borne, 0.16 € by the platform", () => {
  const shares = producerShares({
    lines: [{ orderId: "o1", producerId: "farmer", chargedCents: 500 }],
    refunds: [{ orderId: "o1", producerId: "farmer", amountCents: 490 }],
    fees: [{ orderId: "o1", feeCents: 26 }],
    commissionBp: 0,
  });
  expect(shares.orderShares[0]).toMatchObject({ keptCents: 10, feeCents: 10, transferCents: 0 });
  expect(shares.platform.feeCents).toBe(16);
});

test("a refund above what was charged, or naming a producer without a line in the order, is refused", () => {
  const lines: ChargedLine[] = [{ orderId: "o1", producerId: "farmer", chargedCents: 500 }];
  expect(() => producerShares({ lines, refunds: [{ orderId: "o1", producerId: "farmer", amountCents: 501 }], fees: [], commissionBp: 0 })).toThrow(RangeError);
  expect(() => producerShares({ lines, refunds: [{ orderId: "o1", producerId: "fisher", amountCents: 1 }], fees: [], commissionBp: 0 })).toThrow(RangeError);
  expect(() => producerShares({ lines, refunds: [], fees: [{ orderId: "o1", feeCents: 1 }, { orderId: "o1", feeCents: 1 }], commissionBp: 0 })).toThrow(RangeError);
  expect(() => producerShares({ lines: [{ orderId: "o1", producerId: "farmer", chargedCents: -5 }], refunds: [], fees: [], commissionBp: 0 })).toThrow(RangeError);
});

test("1,000 random distributions: every cent charged ends refunded, as commission, as a fee, or transferred — none lost, none made", () => {
  const random = seeded(27);
  const producers = ["p-farm", "p-fish", "p-bake", "p-cider", "p-dairy"];
  for (let run = 0; run < 1000; run += 1) {
    const lines: ChargedLine[] = [];
    const refunds: AttributedRefund[] = [];
    const fees: ChargeFee[] = [];
    const commissionBp = [0, 1, 250, 333, 999, 10_000][Math.floor(random() * 6)]!;
    const orderCount = 1 + Math.floor(random() * 12);
    for (let order = 0; order < orderCount; order += 1) {
      const orderId = `o${order}`;
      const charged = new Map<string, number>();
      for (let line = 0; line < 1 + Math.floor(random() * 6); line += 1) {
        const producerId = producers[Math.floor(random() * producers.length)]!;
        const chargedCents = Math.floor(random() * 8000);
        lines.push({ orderId, producerId, chargedCents });
        charged.set(producerId, (charged.get(producerId) ?? 0) + chargedCents);
      }
      for (const [producerId, cents] of charged) {
        // A refund of part of a producer's lines — up to all of them — or none.
        if (random() < 0.5) refunds.push({ orderId, producerId, amountCents: Math.floor(random() * (cents + 1)) });
      }
      const orderCharged = [...charged.values()].reduce((sum, cents) => sum + cents, 0);
      fees.push({ orderId, feeCents: Math.min(orderCharged, 25 + Math.floor(orderCharged * 0.015)) });
    }
    const shares = producerShares({ lines, refunds, fees, commissionBp });
    const charged = lines.reduce((sum, line) => sum + line.chargedCents, 0);
    const refunded = refunds.reduce((sum, refund) => sum + refund.amountCents, 0);
    const fee = fees.reduce((sum, one) => sum + one.feeCents, 0);
    const producerFees = shares.orderShares.reduce((sum, share) => sum + share.feeCents, 0);
    expect(shares.totals).toEqual({ chargedCents: charged, refundedCents: refunded, feeCents: fee, transferCents: shares.totals.transferCents });
    expect(refunded + shares.platform.commissionCents + producerFees + shares.totals.transferCents).toBe(charged);
    expect(producerFees + shares.platform.feeCents).toBe(fee);
    for (const share of shares.orderShares) {
      expect(share.transferCents).toBeGreaterThanOrEqual(0);
      expect(share.keptCents).toBe(share.chargedCents - share.refundedCents);
      expect(share.commissionCents).toBeLessThanOrEqual((share.keptCents * commissionBp) / 10_000);
      expect(share.commissionCents).toBeGreaterThan((share.keptCents * commissionBp) / 10_000 - 1);
    }
    // The statement per producer adds up to the order shares.
    expect(shares.producers.reduce((sum, producer) => sum + producer.transferCents, 0)).toBe(shares.totals.transferCents);
  }
});
