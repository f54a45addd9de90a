import type { DbOrTx } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { isMoneyFinal } from "~/domain/payments/money-model";
import { preparationState } from "~/domain/preparation/preparation-window";

export type LockedOrderForProducer = { id: string; paymentMethod: "AT_PICKUP" | "ONLINE_CARD" };

/**
 * The confirmed order as far as one producer is concerned, locked for the rest of the
 * transaction: it must hold at least one of their lines (else "not found", like an unknown id),
 * its distribution must be past its cutoff (else "preparation_not_open"), and its money must not
 * be final yet (decision 027 §5: 48 hours after the end, weighings, hand-overs and stall payments
 * are frozen, since the close refunds and transfers from them — else "money_final").
 */
export async function lockOrderForProducer(tx: DbOrTx, orderId: string, producerId: string, now: Date): Promise<LockedOrderForProducer> {
  const [order] = await tx.$queryRaw<Array<{ id: string; status: string; cutoffAt: Date; endsAt: Date; paymentMethod: "AT_PICKUP" | "ONLINE_CARD" }>>`
    SELECT o.id, d.status::text AS status, d."cutoffAt", d."endsAt", o."paymentMethod"::text AS "paymentMethod"
    FROM "Order" o JOIN "Distribution" d ON d.id = o."distributionId"
    WHERE o.id = ${orderId} AND o.status = 'CONFIRMED'
      AND EXISTS (SELECT 1 FROM "OrderLine" ol WHERE ol."orderId" = o.id AND ol."producerId" = ${producerId})
    FOR UPDATE OF o`;
  if (!order) throw new DomainError("not_found");
  if (preparationState(order, now) !== "open") throw new DomainError("preparation_not_open");
  if (isMoneyFinal(order.endsAt, now)) throw new DomainError("money_final");
  return { id: order.id, paymentMethod: order.paymentMethod };
}

/** One producer's part of an order in money, as the quay's forms need it (read under the order's lock). */
export type PartMoney = {
  /** What the part costs now: weighed lines at their final price, the others quantity × price. */
  dueCents: number;
  /** Paid online for it (a card order): its lines at what was charged — the cap for a line sold by weight. */
  paidOnlineCents: number;
  /** Given back to the card for its lighter weighings (made at the close). */
  weighedRefundedCents: number;
  /** Taken at the stall (cash, cheque, the stall's card terminal). */
  paidAtStallCents: number;
  /** Owed back at the stall as recorded on its lines (decision 019). */
  owedBackCents: number;
};

export async function readPartMoney(tx: DbOrTx, order: LockedOrderForProducer, producerId: string, except?: { lineId: string }): Promise<PartMoney & { otherLinesCents: number }> {
  const lineId = except?.lineId ?? null;
  const [part] = await tx.$queryRaw<Array<PartMoney & { otherLinesCents: number }>>`
    SELECT
      COALESCE(sum(COALESCE(ol."finalCents", ol.quantity * ol."unitPriceCents")), 0)::int AS "dueCents",
      COALESCE(sum(COALESCE(ol."finalCents", ol.quantity * ol."unitPriceCents")) FILTER (WHERE ol.id IS DISTINCT FROM ${lineId}), 0)::int AS "otherLinesCents",
      COALESCE(sum(COALESCE(ol."capCents", ol.quantity * ol."unitPriceCents")), 0)::int AS "paidOnlineCents",
      COALESCE(sum(ol."owedBackCents"), 0)::int AS "owedBackCents",
      (SELECT COALESCE(sum(r."amountCents"), 0)::int FROM "Refund" r
         WHERE r."orderId" = ${order.id} AND r."producerId" = ${producerId} AND r.reason = 'WEIGHED_LIGHTER' AND r.status <> 'FAILED') AS "weighedRefundedCents",
      (SELECT COALESCE(sum(p."amountCents"), 0)::int FROM "PickupPayment" p
         WHERE p."orderId" = ${order.id} AND p."producerId" = ${producerId}) AS "paidAtStallCents"
    FROM "OrderLine" ol
    WHERE ol."orderId" = ${order.id} AND ol."producerId" = ${producerId}`;
  if (!part) throw new Error("Lecture des montants impossible.");
  return { ...part, paidOnlineCents: order.paymentMethod === "ONLINE_CARD" ? part.paidOnlineCents : 0, weighedRefundedCents: order.paymentMethod === "ONLINE_CARD" ? part.weighedRefundedCents : 0 };
}
