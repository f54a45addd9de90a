import { randomUUID } from "node:crypto";
import type { Tx } from "~/db.server";
import { distributionShares } from "~/domain/payments/compute-transfers";
import { readCloseInput } from "~/domain/payments/close-distribution.server";
import { reversalAfterRefund } from "~/domain/payments/refund-rules";
import { env } from "~/env.server";
import { addJob } from "~/infra/jobs.server";

/**
 * A refund decided after its distribution's close takes the matching part of the producers'
 * transfers back (decision 027 §6), in the refund's transaction: the shares are computed again
 * with the refund (`distributionShares`, the close's own rule), and each transfer of a producer
 * of the order is reversed by what it now exceeds their share (`reversalAfterRefund`'s rule) — a
 * refund naming a producer lowers only theirs; one naming none is spread over the order's
 * producers (`refundAllocation`). Each reversal is a TransferReversal row (one per refund and
 * transfer), its amount added to the transfer's reversedCents (a CHECK keeps it within the
 * transfer), and a send job. A transfer not sent yet (waiting for the funds, or HELD for an
 * account) is reversed once it is: its job sends the waiting reversals after the transfer.
 *
 * A refund before the close changes nothing here: the close counts it. The close locks the
 * distribution's card payments before it reads them, and requestRefund locks the refund's payment
 * first, so the two run one after the other and the refund is counted exactly once.
 */
export async function planReversals(tx: Tx, refund: { refundId: string; orderId: string; producerId: string | null; amountCents: number }): Promise<void> {
  const transfers = await tx.$queryRaw<Array<{ id: string; distributionId: string; producerId: string; amountCents: number; reversedCents: number }>>`
    SELECT t.id, t."distributionId", t."producerId", t."amountCents", t."reversedCents"
    FROM "ProducerTransfer" t JOIN "Order" o ON o."distributionId" = t."distributionId"
    WHERE o.id = ${refund.orderId}
      AND EXISTS (SELECT 1 FROM "OrderLine" ol WHERE ol."orderId" = o.id AND ol."producerId" = t."producerId")
      AND (${refund.producerId}::text IS NULL OR t."producerId" = ${refund.producerId})
    ORDER BY t.id
    FOR UPDATE OF t`;
  if (transfers.length === 0) return;

  const shares = distributionShares({ ...(await readCloseInput(tx, transfers[0]!.distributionId, { lock: false })), commissionBp: env().PLATFORM_COMMISSION_BP });
  for (const transfer of transfers) {
    const nowDue = shares.producers.find((producer) => producer.producerId === transfer.producerId)?.transferCents ?? 0;
    // A refund only lowers a share; should anything else have moved it up, no reversal (never a refund refused for it).
    const standing = transfer.amountCents - transfer.reversedCents;
    const reversal = nowDue > standing ? 0 : reversalAfterRefund({ transferredCents: transfer.amountCents, reversedCents: transfer.reversedCents, nowDueCents: nowDue });
    if (reversal === 0) continue;
    const id = randomUUID();
    const inserted = await tx.$executeRaw`
      INSERT INTO "TransferReversal" (id, "transferId", "refundId", "amountCents")
      VALUES (${id}, ${transfer.id}, ${refund.refundId}, ${reversal})
      ON CONFLICT ("refundId", "transferId") DO NOTHING`;
    if (inserted === 0) continue;
    await tx.$executeRaw`UPDATE "ProducerTransfer" SET "reversedCents" = "reversedCents" + ${reversal} WHERE id = ${transfer.id}`;
    await addJob(tx, "payments.send-transfer", { reversalId: id }, { singletonKey: `reversal-${id}` });
  }
}
