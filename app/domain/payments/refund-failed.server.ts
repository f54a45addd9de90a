import { db, type Tx } from "~/db.server";

/**
 * A refund Stripe refused or that failed gave nothing back: its row is marked FAILED (the admin
 * sees it) and its amount no longer counts in the payment's refunded sum, in one statement — so
 * what was not refunded can be refunded again, and the sum stays the sum of the refunds that
 * stand. A refund decided after the close had planned to take its part back from the producers'
 * transfers: the reversals not sent yet are cancelled in the same statement (their rows deleted,
 * the transfers' reversedCents lowered), so a producer never pays back a refund the customer never
 * got; a refund made again plans its own. Only a row not already FAILED or SUCCEEDED changes:
 * replayed, it does nothing.
 */
export async function markRefundFailed(client: Pick<Tx, "$queryRaw"> = db(), where: { refundId?: string; stripeRefundId?: string }): Promise<boolean> {
  const [result] = await client.$queryRaw<Array<{ failed: number }>>`
    WITH failed AS (
      UPDATE "Refund" SET status = 'FAILED',
                          "stripeRefundId" = COALESCE("stripeRefundId", ${where.stripeRefundId ?? null})
      WHERE (id = ${where.refundId ?? null} OR "stripeRefundId" = ${where.stripeRefundId ?? null}) AND status = 'PENDING'
      RETURNING id, "paymentId", "amountCents"
    ), payment AS (
      UPDATE "CardPayment" cp SET "refundedCents" = cp."refundedCents" - failed."amountCents"
      FROM failed WHERE cp.id = failed."paymentId"
      RETURNING cp.id
    ), cancelled AS (
      DELETE FROM "TransferReversal" v USING failed
      WHERE v."refundId" = failed.id AND v."stripeReversalId" IS NULL
      RETURNING v."transferId", v."amountCents"
    ), transfers AS (
      UPDATE "ProducerTransfer" t SET "reversedCents" = t."reversedCents" - c.cents
      FROM (SELECT "transferId", sum("amountCents")::int AS cents FROM cancelled GROUP BY "transferId") c
      WHERE t.id = c."transferId"
      RETURNING t.id
    )
    SELECT (SELECT count(*) FROM failed)::int AS failed`;
  return (result?.failed ?? 0) > 0;
}
