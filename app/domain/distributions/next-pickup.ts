import type { SaleUnit } from "~/domain/catalog/units";
import { pickupState, type HandoverRecord } from "~/domain/ordering/my-orders-sections";
import { lineTotalCents } from "~/domain/ordering/pricing";
import { amountAtMostCents } from "~/domain/ordering/variable-weight";

/**
 * "Your next pickup" on a signed-in resident's home (issue 10), pure: the soonest confirmed order
 * still to collect — where, when, what and how much.
 */

export type PickupLine = {
  productName: string;
  unit: SaleUnit;
  quantity: number;
  unitPriceCents: number;
  variableWeight: boolean;
  capCents: number | null;
  finalCents: number | null;
  producerId: string;
};

export type UpcomingOrder = {
  id: string;
  number: number;
  status: "CONFIRMED" | "CANCELLED";
  distribution: { id: string; status: string; startsAt: Date; endsAt: Date };
  slot: { startsAt: Date; endsAt: Date };
  pickupPoint: { name: string; address: string; commune: string };
  lines: PickupLine[];
  handovers: HandoverRecord[];
  paidCents: number;
};

export type NextPickup = Omit<UpcomingOrder, "handovers" | "status" | "paidCents"> & {
  /** What the lines cost now: weighed lines at their weighed price, the others as ordered. */
  amountCents: number;
  /** Some lines await the scale: the amount may still grow, never beyond `atMostCents` (the caps agreed at order). */
  awaitingWeighing: boolean;
  atMostCents: number;
  /** What is left to pay at the pickup (never below zero). */
  leftToPayCents: number;
};

/** The soonest order whose pickup is still to come (a wholly collected one is done), or null. */
export function nextPickup(orders: readonly UpcomingOrder[], now: Date): NextPickup | null {
  const upcoming = orders
    .filter((order) => pickupState({ ...order, producerIds: order.lines.map((line) => line.producerId) }, now).section === "upcoming")
    .sort((a, b) => a.slot.startsAt.getTime() - b.slot.startsAt.getTime() || a.number - b.number);
  const order = upcoming[0];
  if (!order) return null;
  const { handovers: _handovers, status: _status, paidCents, ...rest } = order;
  const amountCents = order.lines.reduce((sum, line) => sum + lineTotalCents(line), 0);
  const awaitingWeighing = order.lines.some((line) => line.variableWeight && line.finalCents === null);
  const atMostCents = amountAtMostCents(order.lines);
  return { ...rest, amountCents, awaitingWeighing, atMostCents, leftToPayCents: Math.max(0, amountCents - paidCents) };
}
