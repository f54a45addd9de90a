import { expect, test } from "vitest";
import { capFor, priceForWeight } from "~/domain/ordering/variable-weight";
import { producerShares } from "~/domain/payments/producer-shares";
import { seeded } from "../../../tests/seeded-random";
import { cardOrderChange, leftToPayAtStall, refundAllocation, reversalAfterRefund, weighedRefund } from "~/domain/payments/refund-rules";

test("a weighed-lighter line is refunded exactly cap − final: 2 kg of cod at 24.50 €/kg weighed 1.870 kg", () => {
  const cap = capFor(2, 2450); // 53.90 € agreed at order (49.00 € + 10 %)
  const final = priceForWeight({ weighedGrams: 1870, gramsPerUnit: 1000, unitPriceCents: 2450, capCents: cap });
  expect(cap).toBe(5390);
  expect(final.cents).toBe(4582);
  expect(weighedRefund(cap, final.cents)).toBe(808);
});

test("weighed at the cap or above it: nothing is refunded, and a final above the cap is refused", () => {
  const cap = capFor(1, 1800);
  const heavier = priceForWeight({ weighedGrams: 1400, gramsPerUnit: 1000, unitPriceCents: 1800, capCents: cap });
  expect(weighedRefund(cap, heavier.cents)).toBe(0);
  expect(() => weighedRefund(1980, 1981)).toThrow(RangeError);
  expect(() => weighedRefund(1980, -1)).toThrow(RangeError);
});

test("a card order made smaller before the cutoff is refunded the difference; larger is refused with the extra it would need", () => {
  expect(cardOrderChange({ chargedCents: 3450, refundedCents: 0, newAtMostCents: 2200 })).toEqual({ kind: "refund", refundCents: 1250 });
  expect(cardOrderChange({ chargedCents: 3450, refundedCents: 1250, newAtMostCents: 2200 })).toEqual({ kind: "unchanged" });
  expect(cardOrderChange({ chargedCents: 3450, refundedCents: 1250, newAtMostCents: 2500 })).toEqual({ kind: "refused", extraCents: 300 });
  expect(cardOrderChange({ chargedCents: 3450, refundedCents: 0, newAtMostCents: 0 })).toEqual({ kind: "refund", refundCents: 3450 });
  expect(() => cardOrderChange({ chargedCents: 100, refundedCents: 101, newAtMostCents: 0 })).toThrow(RangeError);
});

test("a 5.00 € gesture on an order of 19.80 € fish and 12.50 € vegetables: 3.07 € and 1.93 €", () => {
  const parts = refundAllocation(500, [
    { producerId: "fisher", keptCents: 1980 },
    { producerId: "farmer", keptCents: 1250 },
  ]);
  expect(Object.fromEntries(parts)).toEqual({ fisher: 307, farmer: 193 });
});

test("a refund larger than what the order still holds is refused; the whole of it takes each producer's whole part", () => {
  const parts = [
    { producerId: "fisher", keptCents: 1980 },
    { producerId: "farmer", keptCents: 1250 },
  ];
  expect(() => refundAllocation(3231, parts)).toThrow(RangeError);
  expect(Object.fromEntries(refundAllocation(3230, parts))).toEqual({ fisher: 1980, farmer: 1250 });
});

test("a late refund after the transfers reverses exactly the drop of each producer's share, and the transfers left add up", () => {
  const lines = [
    { orderId: "o1", producerId: "fisher", chargedCents: 2200 },
    { orderId: "o1", producerId: "farmer", chargedCents: 1250 },
  ];
  const fees = [{ orderId: "o1", feeCents: 77 }];
  const weighing = [{ orderId: "o1", producerId: "fisher", amountCents: 220 }];
  const atClose = producerShares({ lines, refunds: weighing, fees, commissionBp: 250 });
  const gesture = refundAllocation(
    500,
    atClose.orderShares.map((share) => ({ producerId: share.producerId, keptCents: share.keptCents })),
  );
  const later = producerShares({
    lines,
    refunds: [...weighing, ...[...gesture].map(([producerId, amountCents]) => ({ orderId: "o1", producerId, amountCents }))],
    fees,
    commissionBp: 250,
  });
  let reversed = 0;
  for (const share of atClose.orderShares) {
    const now = later.orderShares.find((one) => one.producerId === share.producerId)!;
    const reversal = reversalAfterRefund({ transferredCents: share.transferCents, reversedCents: 0, nowDueCents: now.transferCents });
    expect(reversal).toBe(share.transferCents - now.transferCents);
    reversed += reversal;
  }
  // The customer got 5.00 € back; the producers gave back 5.00 € less the commission no longer taken.
  expect(reversed).toBe(500 - (atClose.platform.commissionCents - later.platform.commissionCents));
  expect(later.totals.transferCents).toBe(atClose.totals.transferCents - reversed);
});

test("a reversal never goes below what is still transferred, and a share never rises after a refund", () => {
  expect(reversalAfterRefund({ transferredCents: 1000, reversedCents: 300, nowDueCents: 500 })).toBe(200);
  expect(reversalAfterRefund({ transferredCents: 1000, reversedCents: 300, nowDueCents: 700 })).toBe(0);
  expect(() => reversalAfterRefund({ transferredCents: 1000, reversedCents: 300, nowDueCents: 701 })).toThrow(RangeError);
  expect(() => reversalAfterRefund({ transferredCents: 1000, reversedCents: 1001, nowDueCents: 0 })).toThrow(RangeError);
});

test("the pickup sheet: a card-paid part has nothing left to pay at the stall; a lighter weighing leaves it owed back until refunded", () => {
  expect(leftToPayAtStall({ dueCents: 3450, paidOnlineCents: 3450, refundedOnlineCents: 0, paidAtStallCents: 0 })).toBe(0);
  expect(leftToPayAtStall({ dueCents: 3230, paidOnlineCents: 3450, refundedOnlineCents: 0, paidAtStallCents: 0 })).toBe(-220);
  expect(leftToPayAtStall({ dueCents: 3230, paidOnlineCents: 3450, refundedOnlineCents: 220, paidAtStallCents: 0 })).toBe(0);
  // An order paid at pickup: everything is left to pay at the stall, less what was already taken.
  expect(leftToPayAtStall({ dueCents: 1250, paidOnlineCents: 0, refundedOnlineCents: 0, paidAtStallCents: 500 })).toBe(750);
  expect(() => leftToPayAtStall({ dueCents: 1250, paidOnlineCents: 100, refundedOnlineCents: 101, paidAtStallCents: 0 })).toThrow(RangeError);
});

test("500 random late refunds: no producer's share ever rises, and the reversals are exactly what the transfers lost", () => {
  const random = seeded(41);
  const producers = ["p-farm", "p-fish", "p-bake"];
  for (let run = 0; run < 500; run += 1) {
    const lines = producers
      .filter(() => random() < 0.7)
      .map((producerId) => ({ orderId: "o1", producerId, chargedCents: 1 + Math.floor(random() * 6000) }));
    if (lines.length === 0) continue;
    const charged = lines.reduce((sum, line) => sum + line.chargedCents, 0);
    const fees = [{ orderId: "o1", feeCents: Math.min(charged, 25 + Math.floor(charged * 0.015)) }];
    const commissionBp = [0, 250, 1000, 10_000][Math.floor(random() * 4)]!;
    const atClose = producerShares({ lines, refunds: [], fees, commissionBp });
    const refund = Math.floor(random() * (charged + 1));
    const parts = refundAllocation(
      refund,
      atClose.orderShares.map((share) => ({ producerId: share.producerId, keptCents: share.keptCents })),
    );
    const later = producerShares({ lines, refunds: [...parts].map(([producerId, amountCents]) => ({ orderId: "o1", producerId, amountCents })), fees, commissionBp });
    let reversed = 0;
    for (const producer of atClose.producers) {
      const now = later.producers.find((one) => one.producerId === producer.producerId)!;
      reversed += reversalAfterRefund({ transferredCents: producer.transferCents, reversedCents: 0, nowDueCents: now.transferCents });
    }
    expect(reversed).toBe(atClose.totals.transferCents - later.totals.transferCents);
    expect(later.totals.refundedCents).toBe(refund);
  }
});
