import type { Tx } from "~/db.server";
import type { VerifiedStripeEvent } from "~/domain/payments/apply-stripe-event.server";
import { markRefundFailed } from "~/domain/payments/refund-failed.server";
import { refundStatusOf } from "~/domain/payments/refund-status";

export type ChargeRefundedEffect = { type: "charge.refunded"; effect: "refunds_updated"; updated: number } | { type: "charge.refunded"; effect: "none" };

type RefundSnapshot = { id: string; status: string | null; metadata: Record<string, string> };

/**
 * `charge.refunded` (decision 027 §4): our Refund rows take the state Stripe gives each refund the
 * event's charge carries (`refunds.data`), found by Stripe's id or — when the event arrives before
 * the send job recorded that id — by our id in the refund's `metadata.refundId`. A refund made in
 * Stripe's dashboard, unknown to us, is stored nowhere (our rows and the payment's refunded sum are
 * decided here, never by Stripe's record; the statement shows the difference to reconcile): the
 * event is only logged. A SUCCEEDED or FAILED row never goes back: Stripe's refund ends in one of
 * them, and an older event delivered late (still « pending ») changes nothing — a FAILED row made
 * PENDING again would stand outside the payment's refunded sum, and fail (be subtracted) twice.
 * Charges rendered without their refunds (Stripe's recent API versions) change nothing: the send
 * job records the state Stripe answered.
 */
export async function chargeRefunded(tx: Tx, event: VerifiedStripeEvent): Promise<ChargeRefundedEffect> {
  const refunds = refundsOf(event.object);
  let updated = 0;
  for (const refund of refunds) {
    const status = refundStatusOf(refund.status);
    const ourId = refund.metadata.refundId ?? null;
    if (status === "FAILED") {
      if (await markRefundFailed(tx, { refundId: ourId ?? undefined, stripeRefundId: refund.id })) updated += 1;
      continue;
    }
    const changed = await tx.$executeRaw`
      UPDATE "Refund"
      SET "stripeRefundId" = ${refund.id}, status = ${status}::"RefundStatus",
          "succeededAt" = CASE WHEN ${status} = 'SUCCEEDED' THEN COALESCE("succeededAt", ${new Date(event.created * 1000)}) ELSE "succeededAt" END
      WHERE ("stripeRefundId" = ${refund.id} OR (id = ${ourId} AND "stripeRefundId" IS NULL))
        AND status = 'PENDING'`;
    if (changed === 0 && !ourId) console.warn(`[remboursements] remboursement ${refund.id} fait hors de l'application (tableau de bord Stripe ?) : rien n'est enregistré`);
    updated += changed;
  }
  return updated > 0 ? { type: "charge.refunded", effect: "refunds_updated", updated } : { type: "charge.refunded", effect: "none" };
}

function refundsOf(charge: Record<string, unknown>): RefundSnapshot[] {
  const list = charge.refunds;
  if (!list || typeof list !== "object" || !("data" in list) || !Array.isArray(list.data)) return [];
  return list.data.flatMap((item: unknown) => {
    if (!item || typeof item !== "object" || !("id" in item) || typeof item.id !== "string") return [];
    const status = "status" in item && typeof item.status === "string" ? item.status : null;
    const metadata = "metadata" in item && item.metadata && typeof item.metadata === "object" ? Object.fromEntries(Object.entries(item.metadata).filter((entry): entry is [string, string] => typeof entry[1] === "string")) : {};
    return [{ id: item.id, status, metadata }];
  });
}
