/**
 * The Stripe events the application acts on (decision 026). The webhook endpoint in Stripe's
 * dashboard subscribes to these; any other type that arrives is answered 200 (Stripe retries
 * every other answer for three days) and neither stored nor applied.
 */
export const STRIPE_EVENT_TYPES = [
  /** A card payment went through: its order is confirmed. */
  "payment_intent.succeeded",
  /** A card was declined: the order keeps waiting until its hold expires. */
  "payment_intent.payment_failed",
  /** A PaymentIntent was cancelled (the hold expired, the order was cancelled before payment). */
  "payment_intent.canceled",
  /** The customer paid on Stripe Checkout. */
  "checkout.session.completed",
  /** A Checkout Session expired unpaid: the hold is released. */
  "checkout.session.expired",
  /** A refund went through (ours, or one made in the dashboard). */
  "charge.refunded",
  /** A producer's connected account changed (onboarding finished, transfers enabled or disabled). */
  "account.updated",
  /** A transfer to a producer was reversed, fully or partly. */
  "transfer.reversed",
] as const;

export type StripeEventType = (typeof STRIPE_EVENT_TYPES)[number];

const allowed: ReadonlySet<string> = new Set(STRIPE_EVENT_TYPES);

export function isAllowedStripeEventType(type: string): type is StripeEventType {
  return allowed.has(type);
}
