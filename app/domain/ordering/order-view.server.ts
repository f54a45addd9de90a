import type { DbOrTx } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { lineTotalCents } from "~/domain/ordering/pricing";

export const orderViewSelect = {
  id: true,
  number: true,
  status: true,
  paymentMethod: true,
  totalCents: true,
  createdAt: true,
  /** A card order waiting for its payment: when its hold of stock and slot ends. */
  holdExpiresAt: true,
  cancelReason: true,
  /** The order's one card charge (decision 027): null for an order paid at pickup. */
  cardPayment: { select: { status: true, amountCents: true, refundedCents: true, checkoutUrl: true, sessionExpiresAt: true, succeededAt: true } },
  refunds: { select: { id: true, number: true, amountCents: true, reason: true, status: true, createdAt: true, succeededAt: true }, orderBy: { number: "asc" } },
  distribution: {
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      cutoffAt: true,
      opensAt: true,
      status: true,
      pickupPoint: { select: { id: true, name: true, address: true, commune: { select: { name: true } } } },
    },
  },
  slot: { select: { id: true, startsAt: true, endsAt: true } },
  lines: {
    select: {
      offerId: true,
      productName: true,
      unit: true,
      quantity: true,
      unitPriceCents: true,
      vatRateBp: true,
      variableWeight: true,
      gramsPerUnit: true,
      capCents: true,
      weighedGrams: true,
      finalCents: true,
      owedBackCents: true,
    },
    orderBy: { productName: "asc" },
  },
  pickupPayments: { select: { amountCents: true } },
} as const;

/** Exactly what `orderViewSelect` reads, typed by Prisma from the select itself. */
type SelectedOrder = Prisma.OrderGetPayload<{ select: typeof orderViewSelect }>;

/** What an order looks like to its customer, on pages, in the API and in emails. */
export type OrderView = Omit<SelectedOrder, "distribution" | "lines" | "pickupPayments"> & {
  distribution: Omit<SelectedOrder["distribution"], "pickupPoint"> & {
    pickupPoint: { id: string; name: string; address: string; commune: string };
  };
  lines: Array<SelectedOrder["lines"][number] & { lineTotalCents: number }>;
  /**
   * What the customer owes: `totalCents` is the amount at order; lines sold by weight take their
   * weighed price once the producer has weighed them (never above the cap agreed at order).
   */
  amountDueCents: number;
  /** Some lines sold by weight are still to be weighed: the amount due may still move, up to the caps. */
  awaitingWeighing: boolean;
  /** Already paid but no longer due after a lighter weighing: given back at pickup (decision 019). */
  owedBackCents: number;
  /** Paid at pickup so far, to every producer of the order. */
  paidCents: number;
  /** What is still to pay at pickup: never below zero (what was paid beyond is `owedBackCents`). */
  leftToPayCents: number;
};

export function toOrderView(order: SelectedOrder): OrderView {
  const { pickupPayments, ...rest } = order;
  const { commune, ...pickupPoint } = order.distribution.pickupPoint;
  const lines = order.lines.map((line) => ({ ...line, lineTotalCents: lineTotalCents(line) }));
  const amountDueCents = lines.reduce((sum, line) => sum + line.lineTotalCents, 0);
  const paidCents = pickupPayments.reduce((sum, payment) => sum + payment.amountCents, 0);
  return {
    ...rest,
    distribution: { ...order.distribution, pickupPoint: { ...pickupPoint, commune: commune.name } },
    lines,
    amountDueCents,
    paidCents,
    leftToPayCents: Math.max(0, amountDueCents - paidCents),
    awaitingWeighing: lines.some((line) => line.variableWeight && line.finalCents === null),
    owedBackCents: lines.reduce((sum, line) => sum + line.owedBackCents, 0),
  };
}

/** The customer's own order; another person's order is "not found", never "forbidden". */
export async function findOwnOrder(tx: DbOrTx, orderId: string, userId: string): Promise<OrderView | null> {
  const order = await tx.order.findFirst({ where: { id: orderId, userId }, select: orderViewSelect });
  return order ? toOrderView(order) : null;
}
