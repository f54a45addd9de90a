/**
 * Typed domain errors. Use cases throw them; app/http/domain-error-response.server.ts maps each
 * code to one HTTP status and one message per language, in one place.
 */
export type DomainErrorCode =
  | "invalid"
  | "not_found"
  | "forbidden"
  | "unauthenticated"
  | "sold_out"
  | "cutoff_passed"
  | "not_open_yet"
  | "distribution_cancelled"
  | "slot_full"
  | "order_cancelled"
  | "invalid_credentials"
  | "rate_limited"
  | "email_taken"
  | "token_invalid"
  | "below_ordered"
  | "not_verified"
  | "file_too_large"
  | "file_type_refused"
  | "file_name_refused"
  | "preparation_not_open"
  | "invitation_invalid"
  | "exceeds_remaining"
  | "pickup_code_invalid"
  | "lot_closed"
  | "claim_closed"
  | "distribution_under_way"
  | "owed_back_unconfirmed"
  | "price_changed"
  | "email_unverified"
  | "customer_limit"
  /** A distribution's money is final (decision 027 §5): weighings, hand-overs and stall payments are frozen. */
  | "money_final"
  /** A card order still waiting for its payment cannot be changed (decision 027 §10). */
  | "order_awaiting_payment"
  /** Card payment asked where no Stripe keys are configured. */
  | "card_payments_disabled"
  /** A card-paid order cannot grow: one order, one charge (decision 027 §4); the message says how much more it would cost. */
  | "card_order_increase_refused"
  /** A refund of a line refused: not the producer's line, more than is left, or the money is final (decision 027 §5). */
  | "refund_refused"
  /** A request body over its limit, refused before it was read (app/http/body.server.ts). */
  | "body_too_large"
  /** A label step its status does not allow now (decision 029): e.g. granting a refused one, renewing an expired one. */
  | "label_state";

export type DomainErrorDetails = {
  offerIds?: string[];
  field?: string;
  retryAfterSeconds?: number;
  /** below_ordered: what customers have already ordered of the offer. */
  ordered?: number;
  /** file_too_large, body_too_large: the limit, in bytes. */
  maxBytes?: number;
  /** exceeds_remaining: what is left of the lot, in its unit (kg, pieces, litres). */
  remaining?: number;
  /**
   * A sentence more precise than the code's own (app/i18n/messages.ts key), with its parameters:
   * e.g. which donation rule a lot breaks. Status and code stay the code's.
   */
  messageKey?: string;
  messageParams?: Record<string, string | number>;
  /** Parameters of that sentence that are sums of money, in cents: written in the reader's language ("12,50 €"). */
  messageAmounts?: Record<string, number>;
  /** price_changed: each offer whose price is no longer the one the customer was shown (decision 019). */
  priceChanges?: Array<{ offerId: string; name: string; shownCents: number; currentCents: number }>;
};

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: DomainErrorDetails;

  constructor(code: DomainErrorCode, details: DomainErrorDetails = {}) {
    super(code);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
