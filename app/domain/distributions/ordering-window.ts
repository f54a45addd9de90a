export type OrderingWindow = {
  status: "SCHEDULED" | "CANCELLED";
  opensAt: Date;
  cutoffAt: Date;
};

/** What every view of a distribution carries: its dates, its ordering window, its status. */
export type DistributionSchedule = OrderingWindow & {
  id: string;
  startsAt: Date;
  endsAt: Date;
};

/** The schedule as pages show it: dates, cutoff, and whether orders are open now. */
export function scheduleAt(distribution: DistributionSchedule, now: Date) {
  return {
    id: distribution.id,
    startsAt: distribution.startsAt,
    endsAt: distribution.endsAt,
    opensAt: distribution.opensAt,
    cutoffAt: distribution.cutoffAt,
    state: orderingState(distribution, now),
  };
}

export type OrderingState = "open" | "not_open_yet" | "cutoff_passed" | "distribution_cancelled";

/**
 * Orders change freely from opening until the cutoff instant; at the cutoff itself and after it
 * they are closed (product.md: "an order one second later is refused").
 */
export function orderingState(window: OrderingWindow, now: Date): OrderingState {
  if (window.status === "CANCELLED") return "distribution_cancelled";
  if (now.getTime() < window.opensAt.getTime()) return "not_open_yet";
  if (now.getTime() >= window.cutoffAt.getTime()) return "cutoff_passed";
  return "open";
}
