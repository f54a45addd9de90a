import type { Tx } from "~/db.server";
import type { VerifiedStripeEvent } from "~/domain/payments/apply-stripe-event.server";

export type TransferReversedEffect = { type: "transfer.reversed"; effect: "reversals_recorded"; recorded: number };

/**
 * `transfer.reversed` (decision 027 §6): Stripe says a transfer was reversed. Each of its
 * reversals that carries our id (`metadata.reversalId`, put there by the send-transfer job) gets
 * Stripe's id on our TransferReversal row, if the job has not written it yet: whichever comes
 * first records it, the other changes nothing. A reversal made by hand in the dashboard carries
 * no id of ours and changes nothing here.
 */
export async function transferReversed(tx: Tx, event: VerifiedStripeEvent & { type: "transfer.reversed" }): Promise<TransferReversedEffect> {
  const reversals = (event.object.reversals as { data?: Array<{ id?: unknown; created?: unknown; metadata?: Record<string, unknown> | null }> } | undefined)?.data ?? [];
  let recorded = 0;
  for (const reversal of reversals) {
    const ours = reversal.metadata?.reversalId;
    if (typeof ours !== "string" || typeof reversal.id !== "string") continue;
    const sentAt = typeof reversal.created === "number" ? new Date(reversal.created * 1000) : new Date(event.created * 1000);
    recorded += await tx.$executeRaw`
      UPDATE "TransferReversal" SET "stripeReversalId" = ${reversal.id}, "sentAt" = ${sentAt}
      WHERE id = ${ours} AND "stripeReversalId" IS NULL`;
  }
  return { type: "transfer.reversed", effect: "reversals_recorded", recorded };
}
