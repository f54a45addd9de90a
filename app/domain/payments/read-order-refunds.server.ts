import { db } from "~/db.server";
import { moneyFinalAt } from "~/domain/payments/money-model";
import { lineLeftCents } from "~/domain/payments/refund-line.server";

export type RefundPageViewer = { isAdmin: boolean; producerIds: string[] };

export type OrderRefunds = {
  orderId: string;
  orderNumber: number;
  customerName: string;
  pointName: string;
  startsAt: Date;
  endsAt: Date;
  moneyFinalAt: Date;
  chargedCents: number;
  refundedCents: number;
  lines: Array<{ id: string; productName: string; quantity: number; producerName: string; worthCents: number; refundedCents: number; leftCents: number }>;
  refunds: Array<{ number: number; amountCents: number; status: "PENDING" | "SUCCEEDED" | "FAILED"; reason: string; kind: string | null; note: string | null; createdAt: Date }>;
};

type Row = Omit<OrderRefunds, "lines" | "refunds" | "moneyFinalAt"> & {
  lines: Array<{ id: string; productName: string; quantity: number; producerName: string; unitPriceCents: number; capCents: number | null; finalCents: number | null; refundedCents: number }>;
  refunds: Array<Omit<OrderRefunds["refunds"][number], "createdAt"> & { createdAt: string }>;
};

/**
 * A card-paid order as its refund page shows it, in one statement: what was charged and refunded,
 * the lines the viewer may refund (an admin every line; a producer their own) with what is left
 * of each, and the refunds the viewer may see (an admin all; a producer theirs and the whole
 * order's). Null when the order is not paid by card online or the producer has no line in it.
 */
export async function readOrderRefunds(orderId: string, viewer: RefundPageViewer): Promise<OrderRefunds | null> {
  const rows = await db().$queryRaw<Row[]>`
    SELECT o.id AS "orderId", o.number AS "orderNumber", u.name AS "customerName", p.name AS "pointName", d."startsAt", d."endsAt",
           cp."amountCents" AS "chargedCents", cp."refundedCents",
           COALESCE((SELECT json_agg(json_build_object('id', l.id, 'productName', l."productName", 'quantity', l.quantity, 'producerName', org.name,
                                                       'unitPriceCents', l."unitPriceCents", 'capCents', l."capCents", 'finalCents', l."finalCents",
                                                       'refundedCents', (SELECT COALESCE(SUM(r."amountCents"), 0) FROM "Refund" r
                                                                         WHERE r."orderLineId" = l.id AND r.reason IN ('PRODUCER_REFUND', 'ADMIN_REFUND') AND r.status <> 'FAILED'))
                                     ORDER BY org.name, l."productName")
                     FROM "OrderLine" l JOIN "Organisation" org ON org.id = l."producerId"
                     WHERE l."orderId" = o.id AND (${viewer.isAdmin}::boolean OR l."producerId" = ANY(${viewer.producerIds}::text[]))), '[]'::json) AS lines,
           COALESCE((SELECT json_agg(json_build_object('number', r.number, 'amountCents', r."amountCents", 'status', r.status, 'reason', r.reason,
                                                       'kind', r.kind, 'note', r.note, 'createdAt', r."createdAt") ORDER BY r.number)
                     FROM "Refund" r
                     WHERE r."orderId" = o.id AND (${viewer.isAdmin}::boolean OR r."producerId" IS NULL OR r."producerId" = ANY(${viewer.producerIds}::text[]))), '[]'::json) AS refunds
    FROM "Order" o
    JOIN "CardPayment" cp ON cp."orderId" = o.id AND cp.status = 'SUCCEEDED'
    JOIN "User" u ON u.id = o."userId"
    JOIN "Distribution" d ON d.id = o."distributionId"
    JOIN "PickupPoint" p ON p.id = d."pickupPointId"
    WHERE o.id = ${orderId} AND o."paymentMethod" = 'ONLINE_CARD'
      AND (${viewer.isAdmin}::boolean OR EXISTS (SELECT 1 FROM "OrderLine" mine WHERE mine."orderId" = o.id AND mine."producerId" = ANY(${viewer.producerIds}::text[])))`;
  const row = rows[0];
  if (!row) return null;
  const { lines, refunds, ...order } = row;
  return {
    ...order,
    moneyFinalAt: moneyFinalAt(order.endsAt),
    lines: lines.map((line) => ({
      id: line.id,
      productName: line.productName,
      quantity: line.quantity,
      producerName: line.producerName,
      worthCents: line.finalCents ?? line.capCents ?? line.quantity * line.unitPriceCents,
      refundedCents: line.refundedCents,
      leftCents: Math.min(lineLeftCents(line, line.refundedCents), order.chargedCents - order.refundedCents),
    })),
    refunds: refunds.map((refund) => ({ ...refund, createdAt: new Date(refund.createdAt) })),
  };
}

/** An order's id from its number, for the admin's search; only an order paid by card online. */
export async function cardOrderIdByNumber(orderNumber: number): Promise<string | null> {
  const order = await db().order.findFirst({ where: { number: orderNumber, paymentMethod: "ONLINE_CARD" }, select: { id: true } });
  return order?.id ?? null;
}

/** The refunds Stripe refused, newest first, for the admin to act on. */
export async function listFailedRefunds(): Promise<Array<{ number: number; orderId: string; orderNumber: number; amountCents: number; reason: string; createdAt: Date }>> {
  return db().$queryRaw`
    SELECT r.number, r."orderId", o.number AS "orderNumber", r."amountCents", r.reason::text AS reason, r."createdAt"
    FROM "Refund" r JOIN "Order" o ON o.id = r."orderId"
    WHERE r.status = 'FAILED' ORDER BY r."createdAt" DESC LIMIT 50`;
}
