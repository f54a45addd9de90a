import { orderingState, type OrderingWindow } from "~/domain/distributions/ordering-window";

/** An order's status (prisma's enum, as the pure rules read it): a card order waits for its payment, then is confirmed or expires. */
export type OrderStatus = "CONFIRMED" | "CANCELLED" | "AWAITING_PAYMENT" | "EXPIRED";

export type OrderChangeRefusal = "order_cancelled" | "order_awaiting_payment" | "cutoff_passed" | "distribution_cancelled";

/**
 * Why a customer may no longer change or cancel an order, or null while they may: confirmed, and
 * its distribution neither cancelled nor past the cutoff. (Before the opening there is no order.)
 * A card order waiting for its payment changes only by its payment or its cancel (decision 027
 * §10): any other change is refused with order_awaiting_payment; an EXPIRED one is gone, as a
 * cancelled one.
 */
export function orderChangeRefusal(status: OrderStatus, window: OrderingWindow, now: Date): OrderChangeRefusal | null {
  if (status === "AWAITING_PAYMENT") return "order_awaiting_payment";
  if (status !== "CONFIRMED") return "order_cancelled";
  const state = orderingState(window, now);
  return state === "cutoff_passed" || state === "distribution_cancelled" ? state : null;
}
