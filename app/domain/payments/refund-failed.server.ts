import { db, type Tx } from "~/db.server";

/**
 * A refund Stripe refused or that failed gave nothing back: its row is marked FAILED (the admin
 * sees it) and its amount no longer counts in the payment's refunded sum, in one statement — so
 * what was not refunded can be refunded again, and the sum stays the sum of the refunds that
 * stand. Only a row not already FAILED or SUCCEEDED changes: replayed, it does nothing.
 */
export async function markRefundFailed(client: Pick<Tx, "$executeRaw"> = db(), where: { refundId?: string; stripeRefundId?: string }): Promise<boolean> {
  const changed = await client.$executeRaw`
    WITH failed AS (
      UPDATE "Refund" SET status = 'FAILED',
                          "stripeRefundId" = COALESCE("stripeRefundId", ${where.stripeRefundId ?? null})
      WHERE (id = ${where.refundId ?? null} OR "stripeRefundId" = ${where.stripeRefundId ?? null}) AND status = 'PENDING'
      RETURNING "paymentId", "amountCents"
    )
    UPDATE "CardPayment" cp SET "refundedCents" = cp."refundedCents" - failed."amountCents"
    FROM failed WHERE cp.id = failed."paymentId"`;
  return changed > 0;
}
