import type { Tx } from "~/db.server";
import type { VerifiedStripeEvent } from "~/domain/payments/apply-stripe-event.server";
import { confirmCardPayment, type CardPaymentOutcome } from "~/domain/payments/confirm-card-payment.server";
import { releaseHold } from "~/domain/payments/release-hold.server";
import { now } from "~/http/clock.server";
import { appUrl } from "~/http/request-context.server";

/** What a checkout's event did: a payment's outcome (or "mismatch": not the order's own payment), a hold released, or nothing. */
export type CheckoutEventEffect = Exclude<CardPaymentOutcome, "unknown"> | "released";

type CheckoutEventType = "checkout.session.completed" | "checkout.session.expired" | "payment_intent.succeeded" | "payment_intent.payment_failed" | "payment_intent.canceled";

/**
 * The checkout's events, in the webhook's transaction (decision 026, 027 §1, §3):
 * - a paid `checkout.session.completed` or a `payment_intent.succeeded` confirms the order once
 *   (confirmCardPayment: whichever of them, or of the return page, comes first);
 * - `checkout.session.expired` ends the hold once (releaseHold), as the hold's job does;
 * - a failed or cancelled PaymentIntent does nothing by itself: Checkout lets the shopper try
 *   another card until the hold ends.
 * Events out of order end in the same state: a success after the expiry is a late success, an
 * expiry after the success finds nothing waiting.
 */
export async function applyCheckoutEvent(tx: Tx, event: VerifiedStripeEvent & { type: CheckoutEventType }): Promise<CheckoutEventEffect | "none"> {
  const effect = await checkoutEventEffect(tx, event);
  // A payment of no card order of ours (another integration on the account): recorded, nothing to do.
  return effect === "unknown" ? "none" : effect;
}

async function checkoutEventEffect(tx: Tx, event: VerifiedStripeEvent & { type: CheckoutEventType }): Promise<CardPaymentOutcome | "released" | "none"> {
  const object = event.object;
  const orderId = orderIdOf(object);
  if (!orderId) return "none";
  switch (event.type) {
    case "checkout.session.completed":
      if (object.payment_status !== "paid") return "none";
      return confirmCardPayment(tx, {
        orderId,
        amountCents: centsOf(object.amount_total),
        currency: typeof object.currency === "string" ? object.currency : null,
        checkoutSessionId: idOf(object.id),
        paymentIntentId: idOf(object.payment_intent),
        chargeId: null,
        now: now(),
        appUrl: appUrl(),
      });
    case "payment_intent.succeeded":
      return confirmCardPayment(tx, {
        orderId,
        amountCents: centsOf(object.amount_received) ?? centsOf(object.amount),
        currency: typeof object.currency === "string" ? object.currency : null,
        paymentIntentId: idOf(object.id),
        transferGroup: typeof object.transfer_group === "string" ? object.transfer_group : null,
        chargeId: idOf(object.latest_charge),
        now: now(),
        appUrl: appUrl(),
      });
    case "checkout.session.expired":
      return (await releaseHold(tx, orderId, "EXPIRED", now())) ? "released" : "none";
    case "payment_intent.payment_failed":
    case "payment_intent.canceled":
      return "none";
  }
}

/** Our order's id: the metadata we set on the session and its PaymentIntent (the session also has it as client_reference_id). */
function orderIdOf(object: Record<string, unknown>): string | null {
  const metadata = object.metadata as Record<string, unknown> | null | undefined;
  const fromMetadata = metadata && typeof metadata.orderId === "string" ? metadata.orderId : null;
  return fromMetadata ?? (typeof object.client_reference_id === "string" ? object.client_reference_id : null);
}

function centsOf(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) ? value : null;
}

function idOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && typeof (value as { id?: unknown }).id === "string") return (value as { id: string }).id;
  return null;
}
