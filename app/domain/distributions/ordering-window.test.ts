import { expect, test } from "vitest";
import { orderingState } from "~/domain/distributions/ordering-window";
import { parisDateTime } from "~/domain/time/paris";

const opensAt = parisDateTime("2027-03-19", "08:00");
const cutoffAt = parisDateTime("2027-03-24", "20:00");

function at(base: Date, offsetMs: number): Date {
  return new Date(base.getTime() + offsetMs);
}

test("before the opening the window is not open yet, and at the opening instant it is open", () => {
  const window = { status: "SCHEDULED" as const, opensAt, cutoffAt };
  expect(orderingState(window, at(opensAt, -1000))).toBe("not_open_yet");
  expect(orderingState(window, at(opensAt, -1))).toBe("not_open_yet");
  expect(orderingState(window, opensAt)).toBe("open");
});

test("the window is open until the last millisecond before the cutoff", () => {
  const window = { status: "SCHEDULED" as const, opensAt, cutoffAt };
  expect(orderingState(window, at(opensAt, 3600_000))).toBe("open");
  expect(orderingState(window, at(cutoffAt, -1000))).toBe("open");
  expect(orderingState(window, at(cutoffAt, -1))).toBe("open");
});

test("at the cutoff instant and one second after it, ordering is closed", () => {
  const window = { status: "SCHEDULED" as const, opensAt, cutoffAt };
  expect(orderingState(window, cutoffAt)).toBe("cutoff_passed");
  expect(orderingState(window, at(cutoffAt, 1000))).toBe("cutoff_passed");
  expect(orderingState(window, at(cutoffAt, 30 * 24 * 3600_000))).toBe("cutoff_passed");
});

test("a cancelled distribution is closed whatever the time, before opening, while open and after the cutoff", () => {
  const window = { status: "CANCELLED" as const, opensAt, cutoffAt };
  expect(orderingState(window, at(opensAt, -1000))).toBe("distribution_cancelled");
  expect(orderingState(window, at(cutoffAt, -1000))).toBe("distribution_cancelled");
  expect(orderingState(window, at(cutoffAt, 1000))).toBe("distribution_cancelled");
});

test("the cutoff is the Paris wall-clock instant on either side of the spring change", () => {
  // Wednesday 24 March 2027, 20:00 CET is 19:00Z; Wednesday 31 March 2027, 20:00 CEST is 18:00Z.
  const before = { status: "SCHEDULED" as const, opensAt, cutoffAt };
  expect(orderingState(before, new Date("2027-03-24T18:59:59Z"))).toBe("open");
  expect(orderingState(before, new Date("2027-03-24T19:00:00Z"))).toBe("cutoff_passed");

  const after = { status: "SCHEDULED" as const, opensAt: parisDateTime("2027-03-26", "08:00"), cutoffAt: parisDateTime("2027-03-31", "20:00") };
  expect(orderingState(after, new Date("2027-03-31T17:59:59Z"))).toBe("open");
  expect(orderingState(after, new Date("2027-03-31T18:00:00Z"))).toBe("cutoff_passed");
});
