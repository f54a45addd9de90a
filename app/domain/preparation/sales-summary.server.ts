import { z } from "zod";
import { readRows } from "~/db.server";
import { can, type Principal } from "~/domain/accounts/permissions";
import type { CloseLine } from "~/domain/payments/compute-transfers";
import { DomainError } from "~/domain/errors";
import { isoDateField } from "~/domain/preparation/preparation-fields";
import { buildStatement, summariseSales, type SalesRow, type SalesSummary, type Statement, type StatementOrderRow, type StatementRefundRow, type StatementTransferRow } from "~/domain/preparation/sales-figures";
import { parisDateTime } from "~/domain/time/paris";

export const MAX_PERIOD_DAYS = 366;

/** A period of Paris calendar days, both included, a year at most. */
export const salesPeriodSchema = z
  .object({ from: isoDateField, to: isoDateField })
  .refine((period) => period.from <= period.to, { error: "preparation.field.period.order", path: ["to"] })
  .refine((period) => daysBetween(period.from, period.to) < MAX_PERIOD_DAYS, { error: "preparation.field.period.too_long", path: ["to"] });

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function nextDay(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export type SalesSummaryInput = {
  /** Who asks: a producer reads their own figures; every producer's takes `read:order:any`. */
  actor: Principal;
  producerId: string | null;
  from: string;
  to: string;
};

/**
 * The sales of a period by distribution (those starting within it, Paris days) and by producer,
 * with the total: ordered, weighing adjustments, collected, paid at pickup by method and paid by
 * card online, still due. Confirmed orders only: one waiting for its card payment is not a sale yet.
 * One statement whatever the number of orders.
 */
export async function salesSummary(input: SalesSummaryInput): Promise<SalesSummary> {
  if (input.producerId === null && !can(input.actor, "read:order:any")) throw new DomainError("forbidden");
  const rows = await readRows<SalesRow>(
    `WITH per_order AS (
       SELECT o.id AS "orderId", o."distributionId", ol."producerId", o."paymentMethod" = 'ONLINE_CARD' AS online,
              sum(ol.quantity * ol."unitPriceCents") AS ordered,
              sum(COALESCE(ol."finalCents", ol.quantity * ol."unitPriceCents")) AS due
       FROM "Order" o
       JOIN "Distribution" d ON d.id = o."distributionId"
       JOIN "OrderLine" ol ON ol."orderId" = o.id
       WHERE o.status = 'CONFIRMED' AND d."startsAt" >= $1 AND d."startsAt" < $2 AND ($3::text IS NULL OR ol."producerId" = $3)
       GROUP BY o.id, o."distributionId", o."paymentMethod", ol."producerId"
     ), paid AS (
       SELECT pay."orderId", pay."producerId",
              sum(pay."amountCents") FILTER (WHERE pay.method = 'CASH') AS cash,
              sum(pay."amountCents") FILTER (WHERE pay.method = 'CHEQUE') AS cheque,
              sum(pay."amountCents") FILTER (WHERE pay.method = 'CARD_TERMINAL') AS card
       FROM "PickupPayment" pay JOIN per_order po ON po."orderId" = pay."orderId" AND po."producerId" = pay."producerId"
       GROUP BY pay."orderId", pay."producerId"
     )
     SELECT po."distributionId", d."startsAt", pp.name AS "pickupPointName", po."producerId", org.name AS "producerName",
            count(*)::int AS orders,
            sum(po.ordered)::int AS "orderedCents",
            sum(po.due)::int AS "dueCents",
            COALESCE(sum(po.due) FILTER (WHERE h.status = 'COLLECTED'), 0)::int AS "collectedCents",
            COALESCE(sum(po.due) FILTER (WHERE h.status = 'NOT_COLLECTED'), 0)::int AS "notCollectedCents",
            COALESCE(sum(p.cash), 0)::int AS "paidCashCents",
            COALESCE(sum(p.cheque), 0)::int AS "paidChequeCents",
            COALESCE(sum(p.card), 0)::int AS "paidCardCents",
            COALESCE(sum(po.due) FILTER (WHERE po.online), 0)::int AS "paidOnlineCents",
            COALESCE(sum(po.due) FILTER (WHERE po.online AND h.status = 'NOT_COLLECTED'), 0)::int AS "notCollectedOnlineCents"
     FROM per_order po
     JOIN "Distribution" d ON d.id = po."distributionId"
     JOIN "PickupPoint" pp ON pp.id = d."pickupPointId"
     JOIN "Organisation" org ON org.id = po."producerId"
     LEFT JOIN "Handover" h ON h."orderId" = po."orderId" AND h."producerId" = po."producerId"
     LEFT JOIN paid p ON p."orderId" = po."orderId" AND p."producerId" = po."producerId"
     GROUP BY po."distributionId", d."startsAt", pp.name, po."producerId", org.name`,
    [parisDateTime(input.from, "00:00"), parisDateTime(nextDay(input.to), "00:00"), input.producerId],
  );
  return summariseSales(rows);
}

/** The orders of a statement ($1 ≤ start < $2, $3 the producer or null): confirmed ones, and cancelled ones that were charged. */
const STATEMENT_ORDERS = `
         SELECT o.id
         FROM "Order" o
         JOIN "Distribution" d ON d.id = o."distributionId"
         LEFT JOIN "CardPayment" cp ON cp."orderId" = o.id AND cp.status = 'SUCCEEDED'
         WHERE d."startsAt" >= $1 AND d."startsAt" < $2
           AND (o.status = 'CONFIRMED' OR (o.status = 'CANCELLED' AND cp.id IS NOT NULL))
           AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM "OrderLine" mine WHERE mine."orderId" = o.id AND mine."producerId" = $3)
                OR EXISTS (SELECT 1 FROM "Refund" r WHERE r."orderId" = o.id AND r."producerId" = $3))`;

export type StatementInput = SalesSummaryInput & { commissionBp: number };

/**
 * The statement of a period (issue 11): the summary's figures and, per order and producer, the
 * money — paid by card online, at the stall, refunds with their credit notes, commission, Stripe's
 * fee, transfers with their reversals, held amounts — reconciled to the cent (`buildStatement`).
 * Five statements whatever the number of orders: the summary, the orders' parts, the card orders'
 * lines, their refunds, the transfers. Orders: confirmed ones, and cancelled ones that were charged (their refunds).
 */
export async function salesStatement(input: StatementInput): Promise<{ summary: SalesSummary; statement: Statement }> {
  if (input.producerId === null && !can(input.actor, "read:order:any")) throw new DomainError("forbidden");
  const range = [parisDateTime(input.from, "00:00"), parisDateTime(nextDay(input.to), "00:00"), input.producerId];
  const [summary, orders, lines, refunds, transfers] = await Promise.all([
    salesSummary(input),
    readRows<StatementOrderRow>(
      `WITH chosen AS (${STATEMENT_ORDERS}
       ), parts AS (
         SELECT ol."orderId", ol."producerId",
                sum(COALESCE(ol."capCents", ol.quantity * ol."unitPriceCents"))::int AS "capCents",
                sum(COALESCE(ol."finalCents", ol.quantity * ol."unitPriceCents"))::int AS "dueCents"
         FROM "OrderLine" ol WHERE ol."orderId" IN (SELECT id FROM chosen)
         GROUP BY ol."orderId", ol."producerId"
       ), paid AS (
         SELECT pay."orderId", pay."producerId",
                sum(pay."amountCents") FILTER (WHERE pay.method = 'CASH') AS cash,
                sum(pay."amountCents") FILTER (WHERE pay.method = 'CHEQUE') AS cheque,
                sum(pay."amountCents") FILTER (WHERE pay.method = 'CARD_TERMINAL') AS terminal
         FROM "PickupPayment" pay WHERE pay."orderId" IN (SELECT id FROM chosen)
         GROUP BY pay."orderId", pay."producerId"
       )
       SELECT o.id AS "orderId", o.number, o.status::text AS status, o."paymentMethod"::text AS "paymentMethod",
              o."distributionId", d."startsAt", pp.name AS "pickupPointName", p."producerId", org.name AS "producerName",
              p."capCents", CASE WHEN o.status = 'CANCELLED' THEN 0 ELSE p."dueCents" END AS "dueCents",
              COALESCE(paid.cash, 0)::int AS "paidCashCents", COALESCE(paid.cheque, 0)::int AS "paidChequeCents", COALESCE(paid.terminal, 0)::int AS "paidTerminalCents",
              cp."amountCents" AS "chargedCents", COALESCE(cp."feeCents", 0) AS "chargeFeeCents"
       FROM chosen c
       JOIN "Order" o ON o.id = c.id
       JOIN "Distribution" d ON d.id = o."distributionId"
       JOIN "PickupPoint" pp ON pp.id = d."pickupPointId"
       JOIN parts p ON p."orderId" = o.id
       JOIN "Organisation" org ON org.id = p."producerId"
       LEFT JOIN "CardPayment" cp ON cp."orderId" = o.id AND cp.status = 'SUCCEEDED'
       LEFT JOIN paid ON paid."orderId" = o.id AND paid."producerId" = p."producerId"
       ORDER BY d."startsAt", o.number, org.name`,
      range,
    ),
    readRows<CloseLine>(
      `SELECT ol."orderId", ol."producerId", ol.quantity, ol."unitPriceCents", ol."capCents", ol."finalCents"
       FROM "OrderLine" ol JOIN "CardPayment" cp ON cp."orderId" = ol."orderId" AND cp.status = 'SUCCEEDED'
       WHERE ol."orderId" IN (${STATEMENT_ORDERS})
       ORDER BY ol."orderId", ol.id`,
      range,
    ),
    readRows<StatementRefundRow>(
      // Every refund of those orders, whoever's: a refund of another producer's line changes what each keeps, and so how a whole-order refund is spread.
      `SELECT r.id, r.number, r."orderId", r."producerId", r."amountCents", r.reason::text AS reason, r.status::text AS status, r."stripeRefundId", r."createdAt"
       FROM "Refund" r
       WHERE r."orderId" IN (${STATEMENT_ORDERS})
       ORDER BY r.number`,
      range,
    ),
    readRows<StatementTransferRow>(
      `SELECT t.id, t."distributionId", d."startsAt", pp.name AS "pickupPointName", t."producerId", org.name AS "producerName", t.status::text AS status,
              t."amountCents", t."reversedCents", t."stripeTransferId", t."sentAt",
              COALESCE((SELECT json_agg(json_build_object('id', v.id, 'amountCents', v."amountCents", 'stripeReversalId', v."stripeReversalId", 'createdAt', v."createdAt") ORDER BY v."createdAt", v.id)
                        FROM "TransferReversal" v WHERE v."transferId" = t.id), '[]'::json) AS reversals
       FROM "ProducerTransfer" t
       JOIN "Distribution" d ON d.id = t."distributionId"
       JOIN "PickupPoint" pp ON pp.id = d."pickupPointId"
       JOIN "Organisation" org ON org.id = t."producerId"
       WHERE d."startsAt" >= $1 AND d."startsAt" < $2 AND ($3::text IS NULL OR t."producerId" = $3)
       ORDER BY d."startsAt", org.name`,
      range,
    ),
  ]);
  return { summary, statement: buildStatement({ orders, lines, refunds, transfers, commissionBp: input.commissionBp, producerId: input.producerId }) };
}
