import { expect, test } from "vitest";
import { nextPickup, type PickupLine, type UpcomingOrder } from "~/domain/distributions/next-pickup";

const HOUR = 3600_000;
const now = new Date("2026-12-07T10:00:00Z");

function line(overrides: Partial<PickupLine> = {}): PickupLine {
  return { productName: "Poireaux", unit: "BUNCH", quantity: 2, unitPriceCents: 250, variableWeight: false, capCents: null, finalCents: null, producerId: "farm", ...overrides };
}

function order(number: number, hoursAhead: number, overrides: Partial<UpcomingOrder> = {}): UpcomingOrder {
  const startsAt = new Date(now.getTime() + hoursAhead * HOUR);
  return {
    id: `o${number}`,
    number,
    status: "CONFIRMED",
    distribution: { id: `d${number}`, status: "SCHEDULED", startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR) },
    slot: { startsAt, endsAt: new Date(startsAt.getTime() + HOUR / 2) },
    pickupPoint: { name: "Quai Henri IV", address: "Quai Henri IV", commune: "Dieppe" },
    lines: [line()],
    handovers: [],
    paidCents: 0,
    ...overrides,
  };
}

test("the next pickup is the soonest order still to collect, with what it costs", () => {
  const next = nextPickup([order(2, 48), order(1, 5)], now);
  expect(next?.number).toBe(1);
  expect(next).toMatchObject({ amountCents: 500, awaitingWeighing: false, atMostCents: 500, leftToPayCents: 500 });
});

test("an order already wholly collected is no longer the next pickup, even before the distribution ends", () => {
  const collected = order(1, -0.5, { handovers: [{ producerId: "farm", status: "COLLECTED" }] });
  expect(nextPickup([collected, order(2, 48)], now)?.number).toBe(2);
  expect(nextPickup([collected], now)).toBeNull();
  expect(nextPickup([], now)).toBeNull();
});

test("a fish to weigh: the amount as ordered, at most its cap; once weighed, its weighed price; what is paid is deducted", () => {
  const fish = line({ productName: "Bar", unit: "PIECE", quantity: 1, unitPriceCents: 1615, variableWeight: true, capCents: 1777, producerId: "boat" });
  const waiting = nextPickup([order(1, 5, { lines: [line(), fish] })], now);
  expect(waiting).toMatchObject({ amountCents: 2115, awaitingWeighing: true, atMostCents: 2277 });
  const weighed = nextPickup([order(1, 5, { lines: [line(), { ...fish, finalCents: 1500 }], paidCents: 500 })], now);
  expect(weighed).toMatchObject({ amountCents: 2000, awaitingWeighing: false, atMostCents: 2000, leftToPayCents: 1500 });
});
