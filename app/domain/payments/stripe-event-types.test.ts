import { expect, test } from "vitest";
import { isAllowedStripeEventType, STRIPE_EVENT_TYPES } from "~/domain/payments/stripe-event-types";

test("the events that move an order's money are acted on; any other Stripe event is not", () => {
  for (const type of ["payment_intent.succeeded", "payment_intent.payment_failed", "checkout.session.completed", "checkout.session.expired", "charge.refunded", "account.updated", "transfer.reversed"]) {
    expect(isAllowedStripeEventType(type), type).toBe(true);
  }
  for (const type of ["customer.created", "payment_intent.created", "charge.succeeded", "invoice.paid", "", "payment_intent.succeeded "]) {
    expect(isAllowedStripeEventType(type), type).toBe(false);
  }
  expect(new Set(STRIPE_EVENT_TYPES).size).toBe(STRIPE_EVENT_TYPES.length);
});
