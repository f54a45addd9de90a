import { randomUUID } from "node:crypto";
import type { Tx } from "~/db.server";
import { planReversals } from "~/domain/payments/plan-reversals.server";
import { addJob } from "~/infra/jobs.server";

export type RefundReasonCode =
  | "CUSTOMER_CANCELLED"
  | "DISTRIBUTION_CANCELLED"
  | "ORDER_REDUCED"
  | "WEIGHED_LIGHTER"
  | "PRODUCER_REFUND"
  | "ADMIN_REFUND"
  | "LATE_PAYMENT";

export type RefundRequest = {
  orderId: string;
  /** Cents to give back; "rest" = everything charged and not yet refunded (a cancellation). */
  amount: number | "rest";
  reason: RefundReasonCode;
  /** The producer whose lines it concerns; null/absent when it is the whole order's. */
  producerId?: string | null;
  orderLineId?: string | null;
  note?: string | null;
  requestedById?: string | null;
};

export type RequestedRefund = { id: string; number: number; amountCents: number };

/**
 * Decides a refund of a card-paid order inside the caller's transaction (decision 027 §4): one
 * conditional UPDATE adds it to the payment's refunded sum — only a SUCCEEDED payment, never
 * beyond what was charged (the CHECK on CardPayment says so too) — then the Refund row, the
 * reversals it causes when the producer's transfer has gone (`planReversals`), and the job that
 * sends it to Stripe with the key `tm-refund-<id>`. All commit with the business change, or none.
 *
 * Returns null when there is nothing to refund: no card payment that succeeded, nothing left, or
 * a fixed amount larger than what is left (the caller says why to its user).
 */
export async function requestRefund(tx: Tx, request: RefundRequest): Promise<RequestedRefund | null> {
  if (request.amount !== "rest" && (!Number.isInteger(request.amount) || request.amount <= 0)) {
    throw new RangeError(`a refund is a positive whole number of cents (got ${request.amount})`);
  }
  const fixed = request.amount === "rest" ? null : request.amount;
  const taken = await tx.$queryRaw<Array<{ id: string; amountCents: number }>>`
    WITH payment AS (
      SELECT id, "amountCents" - "refundedCents" AS "left"
      FROM "CardPayment"
      WHERE "orderId" = ${request.orderId} AND status = 'SUCCEEDED'
      FOR UPDATE
    )
    UPDATE "CardPayment" AS cp
    SET "refundedCents" = cp."refundedCents" + COALESCE(${fixed}::int, payment."left")
    FROM payment
    WHERE cp.id = payment.id
      AND COALESCE(${fixed}::int, payment."left") > 0
      AND COALESCE(${fixed}::int, payment."left") <= payment."left"
    RETURNING cp.id, COALESCE(${fixed}::int, payment."left") AS "amountCents"`;
  const payment = taken[0];
  if (!payment) return null;

  const id = randomUUID();
  const [row] = await tx.$queryRaw<Array<{ number: number }>>`
    INSERT INTO "Refund" (id, "paymentId", "orderId", "producerId", "orderLineId", "amountCents", reason, note, "requestedById")
    VALUES (${id}, ${payment.id}, ${request.orderId}, ${request.producerId ?? null}, ${request.orderLineId ?? null},
            ${payment.amountCents}, ${request.reason}::"RefundReason", ${request.note ?? null}, ${request.requestedById ?? null})
    RETURNING number`;
  await planReversals(tx, { refundId: id, orderId: request.orderId, producerId: request.producerId ?? null, amountCents: payment.amountCents });
  await addJob(tx, "payments.send-refund", { refundId: id }, { singletonKey: `refund-${id}` });
  return { id, number: row!.number, amountCents: payment.amountCents };
}
