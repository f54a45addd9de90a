import { z } from "zod";
import { readRows } from "~/db.server";
import { can, type Principal } from "~/domain/accounts/permissions";
import { DomainError } from "~/domain/errors";
import { isoDateField } from "~/domain/preparation/preparation-fields";
import { summariseSales, type SalesRow, type SalesSummary } from "~/domain/preparation/sales-figures";
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
 * with the total: ordered, weighing adjustments, collected, paid at pickup by method, still due.
 * One statement whatever the number of orders.
 */
export async function salesSummary(input: SalesSummaryInput): Promise<SalesSummary> {
  if (input.producerId === null && !can(input.actor, "read:order:any")) throw new DomainError("forbidden");
  const rows = await readRows<SalesRow>(
    `WITH per_order AS (
       SELECT o.id AS "orderId", o."distributionId", ol."producerId",
              sum(ol.quantity * ol."unitPriceCents") AS ordered,
              sum(COALESCE(ol."finalCents", ol.quantity * ol."unitPriceCents")) AS due
       FROM "Order" o
       JOIN "Distribution" d ON d.id = o."distributionId"
       JOIN "OrderLine" ol ON ol."orderId" = o.id
       WHERE o.status = 'CONFIRMED' AND d."startsAt" >= $1 AND d."startsAt" < $2 AND ($3::text IS NULL OR ol."producerId" = $3)
       GROUP BY o.id, o."distributionId", ol."producerId"
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
            COALESCE(sum(p.card), 0)::int AS "paidCardCents"
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
