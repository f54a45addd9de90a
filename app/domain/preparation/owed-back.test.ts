import { expect, test } from "vitest";
import { owedBackAfterWeighing, stallMoney } from "~/domain/preparation/owed-back";

test("paid 50.40 €, re-weighed to 45.60 €: 4.80 € owed back, recorded only once the producer confirmed 4.80 €", () => {
  expect(owedBackAfterWeighing({ dueCents: 4560, paidCents: 5040, recordedOwedBackCents: 0 })).toEqual({ kind: "confirm", owedBackCents: 480 });
  expect(owedBackAfterWeighing({ dueCents: 4560, paidCents: 5040, recordedOwedBackCents: 0, acceptedOwedBackCents: 100 })).toEqual({ kind: "confirm", owedBackCents: 480 });
  expect(owedBackAfterWeighing({ dueCents: 4560, paidCents: 5040, recordedOwedBackCents: 0, acceptedOwedBackCents: 480 })).toEqual({ kind: "record", owedBackCents: 480 });
});

test("nothing paid beyond what is due: nothing owed back, no question", () => {
  expect(owedBackAfterWeighing({ dueCents: 4560, paidCents: 2000, recordedOwedBackCents: 0 })).toEqual({ kind: "record", owedBackCents: 0 });
  expect(owedBackAfterWeighing({ dueCents: 5040, paidCents: 5040, recordedOwedBackCents: 0 })).toEqual({ kind: "record", owedBackCents: 0 });
});

test("weighing the same again or heavier never asks twice: the owed back stays or shrinks", () => {
  expect(owedBackAfterWeighing({ dueCents: 4560, paidCents: 5040, recordedOwedBackCents: 480 })).toEqual({ kind: "record", owedBackCents: 480 });
  expect(owedBackAfterWeighing({ dueCents: 4800, paidCents: 5040, recordedOwedBackCents: 480 })).toEqual({ kind: "record", owedBackCents: 240 });
  expect(owedBackAfterWeighing({ dueCents: 5040, paidCents: 5040, recordedOwedBackCents: 480 })).toEqual({ kind: "record", owedBackCents: 0 });
});

test("paid at pickup: the stall asks what the part costs, less what it took", () => {
  expect(stallMoney({ dueCents: 2850, paidOnlineCents: 0, weighedRefundedCents: 0, paidAtStallCents: 0 })).toEqual({ dueAtStallCents: 2850, leftCents: 2850, refundAfterCloseCents: 0 });
  expect(stallMoney({ dueCents: 2850, paidOnlineCents: 0, weighedRefundedCents: 0, paidAtStallCents: 3000 })).toEqual({ dueAtStallCents: 2850, leftCents: -150, refundAfterCloseCents: 0 });
});

test("paid online (34,50 € charged at the cap), weighed lighter to 28,50 €: nothing at the stall, 6,00 € refunded to the card after the close, never given back at the stall", () => {
  expect(stallMoney({ dueCents: 2850, paidOnlineCents: 3450, weighedRefundedCents: 0, paidAtStallCents: 0 })).toEqual({ dueAtStallCents: 0, leftCents: 0, refundAfterCloseCents: 600 });
  // Once the close refunded it, nothing is left to refund.
  expect(stallMoney({ dueCents: 2850, paidOnlineCents: 3450, weighedRefundedCents: 600, paidAtStallCents: 0 })).toEqual({ dueAtStallCents: 0, leftCents: 0, refundAfterCloseCents: 0 });
  // Anything taken at the stall on top is the stall's to give back.
  expect(stallMoney({ dueCents: 2850, paidOnlineCents: 3450, weighedRefundedCents: 0, paidAtStallCents: 500 }).leftCents).toBe(-500);
});
