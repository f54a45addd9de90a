import { expect, test } from "vitest";
import { owedBackAfterWeighing } from "~/domain/preparation/owed-back";

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
