import { expect, test } from "vitest";
import { byPickupStart, isCancellable, kilosLeftToProcess, upcomingPickups } from "~/domain/donations/claim-rules";

const at = new Date("2026-11-26T10:00:00Z");

function claim(id: string, status: "reserved" | "collected" | "missed" | "cancelled", start: string, end: string) {
  return { id, status, pickupStart: new Date(start), pickupEnd: new Date(end) };
}

test("a reservation is cancellable until its pickup window ends, never after", () => {
  expect(isCancellable(claim("a", "reserved", "2026-11-26T09:00:00Z", "2026-11-26T10:00:01Z"), at)).toBe(true);
  expect(isCancellable(claim("b", "reserved", "2026-11-26T09:00:00Z", "2026-11-26T10:00:00Z"), at)).toBe(false);
  expect(isCancellable(claim("c", "reserved", "2026-11-25T09:00:00Z", "2026-11-25T12:00:00Z"), at)).toBe(false);
});

test("a collected, missed or cancelled claim is never cancellable", () => {
  for (const status of ["collected", "missed", "cancelled"] as const) {
    expect(isCancellable(claim("a", status, "2026-11-27T09:00:00Z", "2026-11-27T12:00:00Z"), at)).toBe(false);
  }
});

test("reservations read soonest pickup first", () => {
  const later = claim("later", "reserved", "2026-11-28T09:00:00Z", "2026-11-28T12:00:00Z");
  const sooner = claim("sooner", "reserved", "2026-11-27T09:00:00Z", "2026-11-27T12:00:00Z");
  expect([later, sooner].sort(byPickupStart).map((c) => c.id)).toEqual(["sooner", "later"]);
});

test("the upcoming pickups are the reservations not yet over, soonest first", () => {
  const claims = [
    claim("later", "reserved", "2026-11-28T09:00:00Z", "2026-11-28T12:00:00Z"),
    claim("over", "reserved", "2026-11-25T09:00:00Z", "2026-11-25T12:00:00Z"),
    claim("collected", "collected", "2026-11-27T09:00:00Z", "2026-11-27T12:00:00Z"),
    claim("now", "reserved", "2026-11-26T09:00:00Z", "2026-11-26T11:00:00Z"),
  ];
  expect(upcomingPickups(claims, at).map((c) => c.id)).toEqual(["now", "later"]);
});

test("a workshop processes at most the raw kilos it collected; pieces and litres are not capped", () => {
  expect(kilosLeftToProcess({ unit: "KG", quantityMilli: 20_000, processedMilli: 7_500 })).toBe(12_500);
  expect(kilosLeftToProcess({ unit: "KG", quantityMilli: 20_000, processedMilli: 20_000 })).toBe(0);
  expect(kilosLeftToProcess({ unit: "KG", quantityMilli: 20_000, processedMilli: 21_000 })).toBe(0);
  expect(kilosLeftToProcess({ unit: "PIECE", quantityMilli: 20_000, processedMilli: 0 })).toBeNull();
});
