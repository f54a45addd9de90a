import { expect, test } from "vitest";
import { addOffersState, centsToInput, compositionState, compositionTotal, eurosToCents } from "~/domain/sales/offer-rules";

const distribution = {
  status: "SCHEDULED" as const,
  cutoffAt: new Date("2026-12-02T19:00:00Z"),
  startsAt: new Date("2026-12-04T16:00:00Z"),
};

test("offers can be added after the cutoff and until the distribution starts, never to a cancelled one", () => {
  expect(addOffersState(distribution, new Date("2026-12-01T10:00:00Z"))).toBe("open");
  expect(addOffersState(distribution, new Date("2026-12-03T10:00:00Z"))).toBe("open");
  expect(addOffersState(distribution, new Date("2026-12-04T15:59:59Z"))).toBe("open");
  expect(addOffersState(distribution, new Date("2026-12-04T16:00:00Z"))).toBe("started");
  expect(addOffersState({ ...distribution, status: "CANCELLED" }, new Date("2026-12-01T10:00:00Z"))).toBe("distribution_cancelled");
});

test("the basket composition changes until the cutoff instant, not one second later", () => {
  expect(compositionState(distribution, new Date("2026-12-02T18:59:59Z"))).toBe("open");
  expect(compositionState(distribution, new Date("2026-12-02T19:00:00Z"))).toBe("cutoff_passed");
  expect(compositionState({ ...distribution, status: "CANCELLED" }, new Date("2026-12-01T10:00:00Z"))).toBe("distribution_cancelled");
});

test("the composition's indicative total is compared with the basket price", () => {
  expect(compositionTotal([{ indicativePriceCents: 450 }, { indicativePriceCents: 300 }, { indicativePriceCents: 520 }], 1200)).toEqual({ totalCents: 1270, differenceCents: 70 });
  expect(compositionTotal([], 1500)).toEqual({ totalCents: 0, differenceCents: -1500 });
});

test.each([
  ["2,50", 250],
  ["2.5", 250],
  ["3", 300],
  [" 12,00 € ", 1200],
  ["0,05", 5],
  ["1 000,10", 100010],
  ["-1", -100],
])("the price typed as %s is %i cents", (text, cents) => {
  expect(eurosToCents(text)).toBe(cents);
});

test.each(["", "abc", "2,505", "2,5,0", "1e3", "€", ",5"])("%s is not a price", (text) => {
  expect(eurosToCents(text)).toBeNull();
});

test("cents go back into an input in the page's language", () => {
  expect(centsToInput(250, "fr")).toBe("2,50");
  expect(centsToInput(1205, "en")).toBe("12.05");
  expect(centsToInput(0, "fr")).toBe("0,00");
});
