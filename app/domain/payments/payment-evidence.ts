/**
 * What a success from Stripe must show before it confirms a card order (decision 027 §1): that the
 * money taken is the order's own. A signed event proves it comes from Stripe, not that it is our
 * payment: any PaymentIntent made on the account (another integration, a payment link made by hand,
 * a session of another order) can carry `metadata.orderId` of one of our orders. So the event's
 * payment must have been taken in euros, for exactly the amount our CardPayment charges, and be the
 * order's own: its Checkout Session when we know it, the PaymentIntent already recorded for it, the
 * distribution's transfer group that our sessions give their PaymentIntent.
 */
export type PaymentEvidence = {
  /** What Stripe took: amount_total of a session, amount_received (else amount) of a PaymentIntent. */
  amountCents: number | null;
  currency: string | null;
  /** The Checkout Session's id (a session's event, the return page); absent for a PaymentIntent's event. */
  checkoutSessionId?: string | null;
  paymentIntentId: string | null;
  /** The PaymentIntent's transfer_group (a PaymentIntent's event); absent for a session's. */
  transferGroup?: string | null;
};

export type ExpectedPayment = { amountCents: number; checkoutSessionId: string | null; paymentIntentId: string | null; transferGroup: string };

export type PaymentMismatch = "amount" | "currency" | "session" | "payment_intent" | "transfer_group";

/** Why this payment is not the order's own, or null when it is. */
export function paymentMismatch(expected: ExpectedPayment, evidence: PaymentEvidence): PaymentMismatch | null {
  if (evidence.currency?.toLowerCase() !== "eur") return "currency";
  if (evidence.amountCents !== expected.amountCents) return "amount";
  if (evidence.checkoutSessionId !== undefined && expected.checkoutSessionId !== null && evidence.checkoutSessionId !== expected.checkoutSessionId) return "session";
  if (expected.paymentIntentId !== null && evidence.paymentIntentId !== null && evidence.paymentIntentId !== expected.paymentIntentId) return "payment_intent";
  if (evidence.transferGroup !== undefined && evidence.transferGroup !== expected.transferGroup) return "transfer_group";
  return null;
}
