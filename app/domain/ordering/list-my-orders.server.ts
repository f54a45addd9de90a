import { db } from "~/db.server";
import { fileOrders, type HandoverRecord } from "~/domain/ordering/my-orders-sections";
import { orderViewSelect, toOrderView, type OrderView } from "~/domain/ordering/order-view.server";

/** The customer's orders, upcoming pickups first then the past, newest first (the API's list). */
export async function listMyOrders(userId: string): Promise<OrderView[]> {
  const orders = await db().order.findMany({
    where: { userId },
    select: orderViewSelect,
    orderBy: [{ distribution: { startsAt: "desc" } }, { createdAt: "desc" }],
    take: 100,
  });
  return orders.map(toOrderView);
}

export type MyOrder = OrderView & { producerIds: string[]; handovers: HandoverRecord[] };

const myOrderSelect = {
  ...orderViewSelect,
  lines: { select: { ...orderViewSelect.lines.select, producerId: true }, orderBy: orderViewSelect.lines.orderBy },
  handovers: { select: { producerId: true, status: true } },
} as const;

/**
 * The customer's orders filed as upcoming, past and cancelled ("my orders"), each with what the
 * producers recorded at the pickup. A fixed handful of statements whatever the number of orders:
 * Prisma reads each relation for all the orders at once.
 */
export async function listMyOrdersFiled(userId: string, now: Date) {
  const orders = await db().order.findMany({
    where: { userId },
    select: myOrderSelect,
    orderBy: [{ distribution: { startsAt: "desc" } }, { createdAt: "desc" }],
    take: 100,
  });
  const mine: MyOrder[] = orders.map((order) => ({
    ...toOrderView(order),
    producerIds: order.lines.map((line) => line.producerId),
    handovers: order.handovers,
  }));
  return fileOrders(mine, now);
}
