import { z } from "zod";
import { db, type DbOrTx, type Tx } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { lockOrderForProducer } from "~/domain/preparation/order-for-producer.server";
import { euroAmountField, paymentMethodField } from "~/domain/preparation/preparation-fields";
import type { PaymentMethod } from "~/domain/preparation/preparation-lists";

/**
 * The payment form. `paymentId` is drawn when the form is shown: a double tap or a retried
 * request records the payment once (it is the row's primary key).
 */
export const recordPickupPaymentFormSchema = z.object({
  orderId: idField,
  paymentId: z.uuid({ error: "field.id.invalid" }),
  method: paymentMethodField,
  amount: euroAmountField,
});

export type RecordPickupPaymentInput = {
  producerId: string;
  orderId: string;
  paymentId: string;
  method: PaymentMethod;
  amountCents: number;
  recordedById: string;
  now: Date;
};

export type RecordedPayment = { paymentId: string; amountCents: number; method: PaymentMethod; dueCents: number; paidCents: number; toPayCents: number };

/**
 * Records a payment taken at pickup for this producer's part of an order (several are allowed:
 * part cash, part cheque). The order row is locked, so two payments recorded at once cannot
 * together exceed what is due; the database bounds any one payment (CHECK).
 */
export async function recordPickupPayment(input: RecordPickupPaymentInput, tx?: Tx): Promise<RecordedPayment> {
  if (tx) return recordPickupPaymentIn(tx, input);
  return db().$transaction((inner) => recordPickupPaymentIn(inner, input));
}

async function recordPickupPaymentIn(tx: DbOrTx, input: RecordPickupPaymentInput): Promise<RecordedPayment> {
  await lockOrderForProducer(tx, input.orderId, input.producerId, input.now);
  const [figures] = await tx.$queryRaw<Array<{ due: number; paid: number; existingOrderId: string | null; existingProducerId: string | null; existingAmount: number | null; existingMethod: PaymentMethod | null }>>`
    SELECT
      (SELECT COALESCE(sum(COALESCE(ol."finalCents", ol.quantity * ol."unitPriceCents")), 0)::int
         FROM "OrderLine" ol WHERE ol."orderId" = ${input.orderId} AND ol."producerId" = ${input.producerId}) AS due,
      (SELECT COALESCE(sum(p."amountCents"), 0)::int
         FROM "PickupPayment" p WHERE p."orderId" = ${input.orderId} AND p."producerId" = ${input.producerId}) AS paid,
      e."orderId" AS "existingOrderId", e."producerId" AS "existingProducerId", e."amountCents" AS "existingAmount", e.method::text AS "existingMethod"
    FROM (SELECT 1) one LEFT JOIN "PickupPayment" e ON e.id = ${input.paymentId}`;
  if (!figures) throw new Error("Lecture des montants impossible.");
  const remaining = figures.due - figures.paid;
  if (figures.existingOrderId !== null) {
    // The same form sent twice: the payment is already there.
    if (figures.existingOrderId !== input.orderId || figures.existingProducerId !== input.producerId || figures.existingAmount === null || figures.existingMethod === null) {
      throw new DomainError("invalid", { field: "paymentId" });
    }
    return { paymentId: input.paymentId, amountCents: figures.existingAmount, method: figures.existingMethod, dueCents: figures.due, paidCents: figures.paid, toPayCents: remaining };
  }
  // More than what remains to pay for this part of the order: an invalid amount, saying what remains.
  if (input.amountCents > remaining) throw new DomainError("invalid", { field: "amount", messageKey: "preparation.payment.tooMuch", messageAmounts: { amount: Math.max(0, remaining) } });
  await tx.$executeRaw`
    INSERT INTO "PickupPayment" (id, "orderId", "producerId", method, "amountCents", "recordedAt", "recordedById")
    VALUES (${input.paymentId}, ${input.orderId}, ${input.producerId}, ${input.method}::"PickupPaymentMethod", ${input.amountCents}, ${input.now}, ${input.recordedById})`;
  return {
    paymentId: input.paymentId,
    amountCents: input.amountCents,
    method: input.method,
    dueCents: figures.due,
    paidCents: figures.paid + input.amountCents,
    toPayCents: remaining - input.amountCents,
  };
}
