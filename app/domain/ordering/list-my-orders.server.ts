import { db } from "~/db.server";
import { orderViewSelect, toOrderView, type OrderView } from "~/domain/ordering/order-view.server";

/** The customer's orders, upcoming pickups first then the past, newest first. */
export async function listMyOrders(userId: string): Promise<OrderView[]> {
  const orders = await db().order.findMany({
    where: { userId },
    select: orderViewSelect,
    orderBy: [{ distribution: { startsAt: "desc" } }, { createdAt: "desc" }],
    take: 100,
  });
  return orders.map(toOrderView);
}
