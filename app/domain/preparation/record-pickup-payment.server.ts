import { z } from "zod";
import { db, type DbOrTx, type Tx } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { lockOrderForProducer, readPartMoney } from "~/domain/preparation/order-for-producer.server";
import { stallMoney } from "~/domain/preparation/owed-back";
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
  const order = await lockOrderForProducer(tx, input.orderId, input.producerId, input.now);
  const part = await readPartMoney(tx, order, input.producerId);
  const [existing] = await tx.$queryRaw<Array<{ existingOrderId: string | null; existingProducerId: string | null; existingAmount: number | null; existingMethod: PaymentMethod | null }>>`
    SELECT e."orderId" AS "existingOrderId", e."producerId" AS "existingProducerId", e."amountCents" AS "existingAmount", e.method::text AS "existingMethod"
    FROM (SELECT 1) one LEFT JOIN "PickupPayment" e ON e.id = ${input.paymentId}`;
  if (!existing) throw new Error("Lecture des montants impossible.");
  // What the stall may still take: the online payment counts (decision 027 §9), so a card-paid part usually has nothing left.
  const stall = stallMoney(part);
  const figures = { ...existing, due: stall.dueAtStallCents, paid: part.paidAtStallCents };
  const remaining = stall.leftCents;
  if (figures.existingOrderId !== null) {
    // The same form sent twice: the payment is already there.
    if (figures.existingOrderId !== input.orderId || figures.existingProducerId !== input.producerId || figures.existingAmount === null || figures.existingMethod === null) {
      throw new DomainError("invalid", { field: "paymentId" });
    }
    return { paymentId: input.paymentId, amountCents: figures.existingAmount, method: figures.existingMethod, dueCents: figures.due, paidCents: figures.paid, toPayCents: remaining };
  }
  // More than what remains to pay for this part of the order: an invalid amount, saying what remains.
  if (input.amountCents > remaining) {
    const messageKey = part.paidOnlineCents === 0 ? "preparation.payment.tooMuch" : remaining > 0 ? "pickupSheet.online.tooMuch" : "pickupSheet.online.nothingAtStall";
    throw new DomainError("invalid", { field: "amount", messageKey, messageAmounts: { amount: Math.max(0, remaining) } });
  }
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
