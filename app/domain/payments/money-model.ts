/**
 * The words and times of the money model (decision 027), in one place so that code, screens and
 * tests say the same thing.
 *
 * Two different things are both "a card" to a shopper, and must never be confused:
 * - ONLINE_CARD — « Carte bancaire en ligne » / "Card online": the order is paid on the site,
 *   through Stripe, before pickup (`Order.paymentMethod`).
 * - CARD_TERMINAL — « Terminal de paiement (TPE) du stand » / "Stall card terminal": a payment
 *   taken at pickup on the producer's own terminal and recorded on the pickup sheet
 *   (`PickupPayment.method`, beside CASH and CHEQUE).
 */
export const ORDER_PAYMENT_METHODS = ["AT_PICKUP", "ONLINE_CARD"] as const;
export type OrderPaymentMethod = (typeof ORDER_PAYMENT_METHODS)[number];
export const STALL_PAYMENT_METHODS = ["CASH", "CHEQUE", "CARD_TERMINAL"] as const;
export type StallPaymentMethod = (typeof STALL_PAYMENT_METHODS)[number];

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** A card order holds its stock and slot place this long while the customer pays. */
export const CARD_HOLD_MINUTES = 15;

/**
 * When a card order's hold ends: CARD_HOLD_MINUTES after it was placed, but never after the
 * ordering cutoff, so the producers' lists are final at the cutoff and no paid order appears
 * in them later.
 */
export function holdExpiresAt(placedAt: Date, cutoffAt: Date): Date {
  return new Date(Math.min(placedAt.getTime() + CARD_HOLD_MINUTES * MINUTE_MS, cutoffAt.getTime()));
}

/**
 * A distribution's money is final this long after its end: weights and stall payments are frozen,
 * refunds of weighed-lighter lines and producers' transfers go out, and only an admin may refund.
 * A fact of time (like a label's expiry), not of a job having run.
 */
export const MONEY_FINAL_AFTER_END_HOURS = 48;

export function moneyFinalAt(distributionEndsAt: Date): Date {
  return new Date(distributionEndsAt.getTime() + MONEY_FINAL_AFTER_END_HOURS * HOUR_MS);
}

export function isMoneyFinal(distributionEndsAt: Date, now: Date): boolean {
  return now.getTime() >= moneyFinalAt(distributionEndsAt).getTime();
}

/** Who may refund a line of a card-paid order: its producer until the money is final; an admin at any time, and alone after. */
export function refundAllowed(actor: "producer" | "admin", distributionEndsAt: Date, now: Date): boolean {
  return actor === "admin" || !isMoneyFinal(distributionEndsAt, now);
}

/** The platform's commission by default: none (configurable, in basis points). */
export const DEFAULT_COMMISSION_BP = 0;

/**
 * A card payment that succeeds after its hold expired (the race between the expiry job closing
 * the Checkout Session and the customer's last click): before the cutoff, the order takes its
 * stock and slot again if they are still there and is confirmed as if in time; otherwise (sold
 * out, slot full, cutoff passed, distribution cancelled) it is cancelled and refunded in full,
 * once, with an email saying why.
 */
export type LateSuccessOutcome = "confirm" | "cancel_and_refund";

export function lateSuccessOutcome(retaken: { stock: boolean; slot: boolean; orderingOpen: boolean }): LateSuccessOutcome {
  return retaken.stock && retaken.slot && retaken.orderingOpen ? "confirm" : "cancel_and_refund";
}

/**
 * Every write to Stripe carries a key derived from our own ids, so a retried job, a second server
 * or a double click makes one Checkout Session, one refund, one transfer, one reversal.
 */
export const stripeIdempotencyKey = {
  checkout: (orderId: string) => `tm-checkout-${orderId}`,
  refund: (refundId: string) => `tm-refund-${refundId}`,
  /** One transfer per producer and distribution, made when the distribution's money is final. */
  transfer: (distributionId: string, producerId: string) => `tm-transfer-${distributionId}-${producerId}`,
  reversal: (refundId: string, producerId: string) => `tm-reversal-${refundId}-${producerId}`,
  /** A producer's one Connect account: two clicks on « Connecter mon compte Stripe » make one account. */
  account: (organisationId: string) => `tm-account-${organisationId}`,
} as const;

/** The transfer group of every charge and transfer of one distribution. */
export function transferGroup(distributionId: string): string {
  return `distribution-${distributionId}`;
}
