import type { DbOrTx } from "~/db.server";
import { lineTotalCents } from "~/domain/ordering/pricing";

/** What an order looks like to its customer, on pages, in the API and in emails. */
export type OrderView = {
  id: string;
  number: number;
  status: "CONFIRMED" | "CANCELLED";
  paymentMethod: "AT_PICKUP";
  totalCents: number;
  createdAt: Date;
  distribution: {
    id: string;
    startsAt: Date;
    endsAt: Date;
    cutoffAt: Date;
    opensAt: Date;
    status: "SCHEDULED" | "CANCELLED";
    pickupPoint: { id: string; name: string; address: string; commune: string };
  };
  slot: { id: string; startsAt: Date; endsAt: Date };
  lines: Array<{
    offerId: string;
    productName: string;
    unit: "PIECE" | "BUNCH" | "KG" | "G100" | "DOZEN" | "LITRE";
    quantity: number;
    unitPriceCents: number;
    vatRateBp: number;
    lineTotalCents: number;
  }>;
};

export const orderViewSelect = {
  id: true,
  number: true,
  status: true,
  paymentMethod: true,
  totalCents: true,
  createdAt: true,
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
    select: { offerId: true, productName: true, unit: true, quantity: true, unitPriceCents: true, vatRateBp: true },
    orderBy: { productName: "asc" },
  },
} as const;

type SelectedOrder = {
  id: string;
  number: number;
  status: "CONFIRMED" | "CANCELLED";
  paymentMethod: "AT_PICKUP";
  totalCents: number;
  createdAt: Date;
  distribution: Omit<OrderView["distribution"], "pickupPoint"> & {
    pickupPoint: { id: string; name: string; address: string; commune: { name: string } };
  };
  slot: OrderView["slot"];
  lines: Array<Omit<OrderView["lines"][number], "lineTotalCents">>;
};

export function toOrderView(order: SelectedOrder): OrderView {
  const { commune, ...pickupPoint } = order.distribution.pickupPoint;
  return {
    ...order,
    distribution: { ...order.distribution, pickupPoint: { ...pickupPoint, commune: commune.name } },
    lines: order.lines.map((line) => ({ ...line, lineTotalCents: lineTotalCents(line) })),
  };
}

/** The customer's own order; another person's order is "not found", never "forbidden". */
export async function findOwnOrder(tx: DbOrTx, orderId: string, userId: string): Promise<OrderView | null> {
  const order = await tx.order.findFirst({ where: { id: orderId, userId }, select: orderViewSelect });
  return order ? toOrderView(order) : null;
}
