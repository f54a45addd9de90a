import type { OrderStatus } from "~/domain/ordering/order-changes";
/**
 * How "my orders" files an order and what it says of it (issue 10). Pure.
 *
 * A hand-over is recorded per order and producer (`Handover`, COLLECTED or NOT_COLLECTED): an
 * order is collected when every producer with a line in it recorded COLLECTED. Until the
 * distribution ends, an order not yet wholly collected is upcoming; afterwards it is past, and
 * says what the producers recorded — all collected, some of it, none (NOT_COLLECTED), or nothing
 * recorded yet (awaiting the producers' hand-over record). A cancelled order, or one of a
 * cancelled distribution, is cancelled: nothing to pay.
 */

export type HandoverRecord = { producerId: string; status: "COLLECTED" | "NOT_COLLECTED" };

export type PickupState =
  | { section: "upcoming"; status: "upcoming" }
  | { section: "past"; status: "collected" | "notCollected" | "awaitingHandover" }
  | { section: "past"; status: "partlyCollected"; collected: number; producers: number }
  | { section: "cancelled"; status: "cancelled" }
  /** A card order waiting for its payment, until its hold ends: « paiement en attente », « payer », « annuler ». */
  | { section: "upcoming"; status: "awaitingPayment"; holdExpiresAt: Date }
  /** Its payment never came (EXPIRED, or its hold ended and the job has not run yet): listed nowhere. */
  | { section: "hidden"; status: "expired" };

export type FiledOrder = {
  status: OrderStatus;
  distribution: { status: string; endsAt: Date };
  slot: { startsAt: Date };
  /** The producers of the order's lines (repeats allowed). */
  producerIds: readonly string[];
  handovers: readonly HandoverRecord[];
  /** A card order's hold end (null for an order paid at pickup). */
  holdExpiresAt?: Date | null;
};

export function pickupState(order: FiledOrder, now: Date): PickupState {
  if (order.status === "EXPIRED") return { section: "hidden", status: "expired" };
  if (order.status === "AWAITING_PAYMENT") {
    const holdEnd = order.holdExpiresAt;
    if (!holdEnd || now.getTime() >= holdEnd.getTime() || order.distribution.status === "CANCELLED") return { section: "hidden", status: "expired" };
    return { section: "upcoming", status: "awaitingPayment", holdExpiresAt: holdEnd };
  }
  if (order.status !== "CONFIRMED" || order.distribution.status === "CANCELLED") return { section: "cancelled", status: "cancelled" };
  const producers = new Set(order.producerIds);
  // A hand-over of a producer whose lines were all removed since says nothing of this order.
  const recorded = order.handovers.filter((handover) => producers.has(handover.producerId));
  const collected = recorded.filter((handover) => handover.status === "COLLECTED").length;
  const notCollected = recorded.length - collected;
  if (producers.size > 0 && collected === producers.size) return { section: "past", status: "collected" };
  if (now.getTime() < order.distribution.endsAt.getTime()) return { section: "upcoming", status: "upcoming" };
  if (collected > 0) return { section: "past", status: "partlyCollected", collected, producers: producers.size };
  if (notCollected > 0) return { section: "past", status: "notCollected" };
  return { section: "past", status: "awaitingHandover" };
}

/**
 * Whether an order's pickup is still to come: a confirmed order whose distribution has not ended.
 * Its page then offers directions to the point and the calendar file; afterwards they are noise.
 */
export function pickupAhead(order: { status: string; distribution: { endsAt: Date } }, now: Date): boolean {
  return order.status === "CONFIRMED" && now.getTime() < order.distribution.endsAt.getTime();
}

/**
 * The three sections, upcoming first and soonest first; past and cancelled newest first.
 */
export function fileOrders<T extends FiledOrder>(orders: readonly T[], now: Date) {
  const filed = orders.map((order) => ({ order, state: pickupState(order, now) }));
  const start = (entry: { order: T }) => entry.order.slot.startsAt.getTime();
  return {
    upcoming: filed.filter((entry) => entry.state.section === "upcoming").sort((a, b) => start(a) - start(b)),
    past: filed.filter((entry) => entry.state.section === "past").sort((a, b) => start(b) - start(a)),
    cancelled: filed.filter((entry) => entry.state.section === "cancelled").sort((a, b) => start(b) - start(a)),
  };
}
