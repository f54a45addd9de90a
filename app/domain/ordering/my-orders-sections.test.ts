import { expect, test } from "vitest";
import { fileOrders, pickupAhead, pickupState, type FiledOrder } from "~/domain/ordering/my-orders-sections";

const NOW = new Date("2026-12-06T10:00:00Z");
const PAST_END = new Date("2026-12-04T18:00:00Z");
const FUTURE_END = new Date("2026-12-11T18:00:00Z");

function order(options: Partial<FiledOrder> & { endsAt?: Date; startsAt?: Date } = {}): FiledOrder {
  const endsAt = options.endsAt ?? PAST_END;
  return {
    status: options.status ?? "CONFIRMED",
    distribution: options.distribution ?? { status: "SCHEDULED", endsAt },
    slot: { startsAt: options.startsAt ?? new Date(endsAt.getTime() - 3600_000) },
    producerIds: options.producerIds ?? ["a", "b", "a"],
    handovers: options.handovers ?? [],
  };
}

test("an order whose distribution is still to come is upcoming", () => {
  expect(pickupState(order({ endsAt: FUTURE_END }), NOW)).toEqual({ section: "upcoming", status: "upcoming" });
});

test("every producer recorded COLLECTED: collected, even before the distribution ends", () => {
  const handovers = [{ producerId: "a", status: "COLLECTED" as const }, { producerId: "b", status: "COLLECTED" as const }];
  expect(pickupState(order({ handovers }), NOW)).toEqual({ section: "past", status: "collected" });
  expect(pickupState(order({ handovers, endsAt: FUTURE_END }), NOW)).toEqual({ section: "past", status: "collected" });
});

test("after the distribution: some collected is partly collected, NOT_COLLECTED alone is not collected, nothing recorded is awaiting", () => {
  expect(pickupState(order({ handovers: [{ producerId: "a", status: "COLLECTED" }, { producerId: "b", status: "NOT_COLLECTED" }] }), NOW)).toEqual({
    section: "past",
    status: "partlyCollected",
    collected: 1,
    producers: 2,
  });
  expect(pickupState(order({ handovers: [{ producerId: "a", status: "COLLECTED" }] }), NOW)).toMatchObject({ status: "partlyCollected" });
  expect(pickupState(order({ handovers: [{ producerId: "a", status: "NOT_COLLECTED" }] }), NOW)).toEqual({ section: "past", status: "notCollected" });
  expect(pickupState(order(), NOW)).toEqual({ section: "past", status: "awaitingHandover" });
});

test("a hand-over of a producer no longer in the order does not count", () => {
  const handovers = [{ producerId: "a", status: "COLLECTED" as const }, { producerId: "gone", status: "COLLECTED" as const }];
  expect(pickupState(order({ handovers }), NOW)).toMatchObject({ status: "partlyCollected", collected: 1, producers: 2 });
});

test("a cancelled order, or one of a cancelled distribution, is cancelled", () => {
  expect(pickupState(order({ status: "CANCELLED", endsAt: FUTURE_END }), NOW)).toEqual({ section: "cancelled", status: "cancelled" });
  expect(pickupState(order({ distribution: { status: "CANCELLED", endsAt: FUTURE_END } }), NOW)).toEqual({ section: "cancelled", status: "cancelled" });
});

test("upcoming soonest first; past and cancelled newest first", () => {
  const soon = { ...order({ endsAt: new Date("2026-12-08T18:00:00Z") }), name: "soon" };
  const later = { ...order({ endsAt: FUTURE_END }), name: "later" };
  const old = { ...order({ endsAt: new Date("2026-11-20T18:00:00Z") }), name: "old" };
  const recent = { ...order({ endsAt: PAST_END }), name: "recent" };
  const cancelledOld = { ...order({ status: "CANCELLED", endsAt: new Date("2026-11-01T18:00:00Z") }), name: "cancelledOld" };
  const cancelledNew = { ...order({ status: "CANCELLED", endsAt: FUTURE_END }), name: "cancelledNew" };
  const filed = fileOrders([old, later, cancelledOld, recent, soon, cancelledNew], NOW);
  expect(filed.upcoming.map((entry) => entry.order.name)).toEqual(["soon", "later"]);
  expect(filed.past.map((entry) => entry.order.name)).toEqual(["recent", "old"]);
  expect(filed.cancelled.map((entry) => entry.order.name)).toEqual(["cancelledNew", "cancelledOld"]);
});

test("the pickup is ahead only for a confirmed order until its distribution ends: directions and calendar then, not after, not once cancelled", () => {
  expect(pickupAhead({ status: "CONFIRMED", distribution: { endsAt: FUTURE_END } }, NOW)).toBe(true);
  expect(pickupAhead({ status: "CONFIRMED", distribution: { endsAt: PAST_END } }, NOW)).toBe(false);
  expect(pickupAhead({ status: "CONFIRMED", distribution: { endsAt: NOW } }, NOW)).toBe(false);
  expect(pickupAhead({ status: "CANCELLED", distribution: { endsAt: FUTURE_END } }, NOW)).toBe(false);
});

test("a card order waiting for its payment is upcoming, marked awaiting payment, until its hold ends; then, and once EXPIRED, it is listed nowhere", () => {
  const holdExpiresAt = new Date(NOW.getTime() + 10 * 60_000);
  const waiting = { ...order({ status: "AWAITING_PAYMENT", endsAt: FUTURE_END }), holdExpiresAt };
  expect(pickupState(waiting, NOW)).toEqual({ section: "upcoming", status: "awaitingPayment", holdExpiresAt });
  const ended = new Date(holdExpiresAt.getTime());
  expect(pickupState(waiting, ended)).toEqual({ section: "hidden", status: "expired" });
  const expired = { ...order({ status: "EXPIRED", endsAt: FUTURE_END }), holdExpiresAt };
  const filed = fileOrders([waiting, expired], NOW);
  expect(filed.upcoming).toHaveLength(1);
  expect([...filed.past, ...filed.cancelled]).toHaveLength(0);
  expect(fileOrders([waiting, expired], ended).upcoming).toHaveLength(0);
  expect(pickupAhead({ status: "AWAITING_PAYMENT", distribution: { endsAt: FUTURE_END } }, NOW)).toBe(false);
});
