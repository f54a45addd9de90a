import { z } from "zod";
import { db, type Tx } from "~/db.server";
import { can } from "~/domain/accounts/permissions";
import type { CurrentUser } from "~/domain/accounts/session.server";
import { DomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { refundAllowed } from "~/domain/payments/money-model";
import { requestRefund, type RequestedRefund } from "~/domain/payments/request-refund.server";
import { eurosToCents } from "~/domain/sales/offer-rules";
import type { MessageKey } from "~/i18n/messages";

function message(key: MessageKey) {
  return { error: key };
}

/** What a producer's or admin's refund of a line is for (a select on the page; the note says more). */
export const REFUND_KINDS = ["missing", "damaged", "lighter", "notCollected", "other"] as const;
export type RefundKind = (typeof REFUND_KINDS)[number];

export const refundLineSchema = z.object({
  orderLineId: idField,
  amountCents: z.preprocess(
    (value) => (typeof value === "string" ? eurosToCents(value) ?? value : value),
    z.number(message("cardRefunds.field.amount.invalid")).int(message("cardRefunds.field.amount.invalid")).min(1, message("cardRefunds.field.amount.invalid")).max(100_000_000, message("cardRefunds.field.amount.invalid")),
  ),
  kind: z.enum(REFUND_KINDS, message("cardRefunds.field.kind")),
  note: z
    .string()
    .trim()
    .max(500, message("cardRefunds.field.note.tooLong"))
    .optional()
    .transform((note) => (note ? note : null)),
});

export type RefundActor = Pick<CurrentUser, "id" | "roles" | "memberships">;

/**
 * What is left to refund of one line of a card-paid order: what the line costs at most now (its
 * final amount once weighed — the close refunds cap − final by itself —, else its cap or quantity
 * × price; a line the customer lowered already had the difference refunded) less the producers'
 * and admins' refunds already on it.
 */
export function lineLeftCents(line: { quantity: number; unitPriceCents: number; capCents: number | null; finalCents: number | null }, refundedOnLineCents: number): number {
  const worth = line.finalCents ?? line.capCents ?? line.quantity * line.unitPriceCents;
  return Math.max(0, worth - refundedOnLineCents);
}

/**
 * A producer refunds a line of their own, or part of it, with a reason, until the distribution's
 * money is final; an admin any line at any time (decision 027 §5). Checked here, not in the
 * route: a producer asking for another producer's line finds nothing (404); after moneyFinalAt,
 * or more than is left of the line, or an order not paid by card online → refused with why.
 * The payment row is locked first, so two refunds of one line never both pass the check.
 */
export async function refundLine(input: { orderLineId: string; amountCents: number; kind: RefundKind; note: string | null; actor: RefundActor; now: Date }): Promise<RequestedRefund> {
  return db().$transaction((tx) => refundLineIn(tx, input));
}

export async function refundLineIn(tx: Tx, input: { orderLineId: string; amountCents: number; kind: RefundKind; note: string | null; actor: RefundActor; now: Date }): Promise<RequestedRefund> {
  const isAdmin = can(input.actor, "refund:order:any");
  const producerIds = input.actor.memberships.filter((membership) => membership.role === "PRODUCER").map((membership) => membership.organisationId);
  const [line] = await tx.$queryRaw<Array<{ orderId: string; producerId: string; quantity: number; unitPriceCents: number; capCents: number | null; finalCents: number | null; paymentMethod: string; endsAt: Date }>>`
    SELECT l."orderId", l."producerId", l.quantity, l."unitPriceCents", l."capCents", l."finalCents", o."paymentMethod"::text AS "paymentMethod", d."endsAt"
    FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId" JOIN "Distribution" d ON d.id = o."distributionId"
    WHERE l.id = ${input.orderLineId} AND (${isAdmin}::boolean OR l."producerId" = ANY(${producerIds}::text[]))`;
  if (!line) throw new DomainError("not_found");
  if (!refundAllowed(isAdmin ? "admin" : "producer", line.endsAt, input.now)) {
    throw new DomainError("refund_refused", { messageKey: "cardRefunds.error.not_allowed" });
  }
  const [payment] = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "CardPayment" WHERE "orderId" = ${line.orderId} AND status = 'SUCCEEDED' FOR UPDATE`;
  if (line.paymentMethod !== "ONLINE_CARD" || !payment) throw new DomainError("refund_refused", { messageKey: "cardRefunds.error.not_card" });
  const [onLine] = await tx.$queryRaw<Array<{ cents: number }>>`
    SELECT COALESCE(SUM("amountCents"), 0)::int AS cents FROM "Refund"
    WHERE "orderLineId" = ${input.orderLineId} AND reason IN ('PRODUCER_REFUND', 'ADMIN_REFUND') AND status <> 'FAILED'`;
  const left = lineLeftCents(line, onLine?.cents ?? 0);
  if (input.amountCents > left) throw new DomainError("refund_refused", { field: "amountCents", messageKey: "cardRefunds.error.too_much", messageAmounts: { amount: left } });
  const refund = await requestRefund(tx, {
    orderId: line.orderId,
    amount: input.amountCents,
    reason: isAdmin ? "ADMIN_REFUND" : "PRODUCER_REFUND",
    producerId: line.producerId,
    orderLineId: input.orderLineId,
    note: input.note,
    requestedById: input.actor.id,
  });
  // Less is left of the whole payment than of the line (the order was cancelled or lowered meanwhile).
  if (!refund) throw new DomainError("refund_refused", { field: "amountCents", messageKey: "cardRefunds.error.too_much", messageAmounts: { amount: 0 } });
  await tx.refund.update({ where: { id: refund.id }, data: { kind: input.kind }, select: { id: true } });
  return refund;
}
