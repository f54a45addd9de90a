import { expect, test } from "vitest";
import { paymentMismatch, type ExpectedPayment } from "~/domain/payments/payment-evidence";

const expected: ExpectedPayment = { amountCents: 2_500, checkoutSessionId: "cs_ours", paymentIntentId: null, transferGroup: "distribution-d1" };

test("the order's own session paid its amount in euros is its payment", () => {
  expect(paymentMismatch(expected, { amountCents: 2_500, currency: "eur", checkoutSessionId: "cs_ours", paymentIntentId: "pi_1" })).toBeNull();
  expect(paymentMismatch(expected, { amountCents: 2_500, currency: "eur", paymentIntentId: "pi_1", transferGroup: "distribution-d1" })).toBeNull();
});

test("another amount, another currency or no amount at all is not the order's payment", () => {
  expect(paymentMismatch(expected, { amountCents: 100, currency: "eur", checkoutSessionId: "cs_ours", paymentIntentId: "pi_1" })).toBe("amount");
  expect(paymentMismatch(expected, { amountCents: 2_501, currency: "eur", checkoutSessionId: "cs_ours", paymentIntentId: "pi_1" })).toBe("amount");
  expect(paymentMismatch(expected, { amountCents: null, currency: "eur", checkoutSessionId: "cs_ours", paymentIntentId: "pi_1" })).toBe("amount");
  expect(paymentMismatch(expected, { amountCents: 2_500, currency: "usd", checkoutSessionId: "cs_ours", paymentIntentId: "pi_1" })).toBe("currency");
  expect(paymentMismatch(expected, { amountCents: 2_500, currency: null, checkoutSessionId: "cs_ours", paymentIntentId: "pi_1" })).toBe("currency");
});

test("another session, another PaymentIntent than the one recorded, or another transfer group is not the order's payment", () => {
  expect(paymentMismatch(expected, { amountCents: 2_500, currency: "eur", checkoutSessionId: "cs_other", paymentIntentId: "pi_1" })).toBe("session");
  expect(paymentMismatch({ ...expected, paymentIntentId: "pi_1" }, { amountCents: 2_500, currency: "eur", paymentIntentId: "pi_2", transferGroup: "distribution-d1" })).toBe("payment_intent");
  expect(paymentMismatch(expected, { amountCents: 2_500, currency: "eur", paymentIntentId: "pi_1", transferGroup: null })).toBe("transfer_group");
  expect(paymentMismatch(expected, { amountCents: 2_500, currency: "eur", paymentIntentId: "pi_1", transferGroup: "distribution-d2" })).toBe("transfer_group");
});

test("a session whose id we never stored (its creation's answer lost) is judged by its amount and currency", () => {
  expect(paymentMismatch({ ...expected, checkoutSessionId: null }, { amountCents: 2_500, currency: "eur", checkoutSessionId: "cs_new", paymentIntentId: "pi_1" })).toBeNull();
});
