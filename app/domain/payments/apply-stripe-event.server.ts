import type { Tx } from "~/db.server";
import { chargeRefunded, type ChargeRefundedEffect } from "~/domain/payments/charge-refunded.server";
import { accountUpdated } from "~/domain/payments/account-updated.server";
import type { StripeEventType } from "~/domain/payments/stripe-event-types";
import { transferReversed, type TransferReversedEffect } from "~/domain/payments/transfer-reversed.server";
import { applyCheckoutEvent, type CheckoutEventEffect } from "~/domain/payments/checkout-events.server";

/** What the webhook needs of an event once its signature is checked. */
export type VerifiedStripeEvent = {
  id: string;
  type: StripeEventType;
  /** The connected account it happened on (Connect events such as account.updated). */
  account: string | null;
  created: number;
  object: Record<string, unknown> & { id?: unknown; object?: unknown };
};

/** What applying an event did, for the answer to Stripe and the tests. */
export type StripeEventEffect =
  | { type: StripeEventType; effect: "none" }
  /** The checkout's events: a card order confirmed (once), refunded, or its hold released. */
  | { type: StripeEventType; effect: CheckoutEventEffect | "none" }
  /** charge.refunded: how many of our refunds took the state Stripe gave them. */
  | ChargeRefundedEffect
  /** transfer.reversed: how many of our reversals got Stripe's id from it. */
  | TransferReversedEffect
  /** account.updated of a producer's account: its state now, and the held shares it released. */
  | { type: "account.updated"; effect: "account_state"; state: string; released: number };

/**
 * An event's effect, inside the transaction that stores it (decision 026): the event's row and its
 * effect commit together or not at all, so a delivery that fails half way is applied in full by
 * Stripe's next try, and one delivered again changes nothing.
 *
 * The first step of issue 11 only records events; the payment steps fill each case (confirm the
 * order, release the hold, record the refund, the producer's account state…), keeping slow work
 * (calls to Stripe, emails) for jobs added in this same transaction.
 */
export async function applyStripeEvent(tx: Tx, event: VerifiedStripeEvent): Promise<StripeEventEffect> {
  // Our payments, refunds and transfers are the platform's own objects (separate charges and
  // transfers, decision 027): the same types happening on a producer's connected account (the
  // Connect endpoint) are not ours, whatever their metadata says. Only account.updated is theirs.
  if (event.account !== null && event.type !== "account.updated") return { type: event.type, effect: "none" };
  switch (event.type) {
    case "payment_intent.succeeded":
    case "payment_intent.payment_failed":
    case "payment_intent.canceled":
    case "checkout.session.completed":
    case "checkout.session.expired":
      return { type: event.type, effect: await applyCheckoutEvent(tx, { ...event, type: event.type }) };
    case "charge.refunded":
      return chargeRefunded(tx, event);
    case "transfer.reversed":
      return transferReversed(tx, { ...event, type: event.type });
    case "account.updated":
      return accountUpdated(tx, event);
  }
}
