import type { Tx } from "~/db.server";
import type { StripeEventEffect, VerifiedStripeEvent } from "~/domain/payments/apply-stripe-event.server";
import { applyAccountUpdate } from "~/domain/payments/connect-account.server";

/**
 * account.updated (a Connect event): the producer's account state and whether it can receive
 * transfers, applied in the webhook's transaction; when it becomes able to, the shares held for it
 * go out (one statement, one insert of their jobs). The account is the event's `account`, or the
 * object's id. The event's time orders the news: an older one delivered late changes nothing.
 */
export async function accountUpdated(tx: Tx, event: VerifiedStripeEvent): Promise<StripeEventEffect> {
  const accountId = event.account ?? (typeof event.object.id === "string" ? event.object.id : null);
  const applied = accountId ? await applyAccountUpdate(tx, { accountId, account: event.object, at: new Date(event.created * 1000) }) : null;
  if (!applied) return { type: "account.updated", effect: "none" };
  return { type: "account.updated", effect: "account_state", state: applied.state, released: applied.releasedTransferIds.length };
}
