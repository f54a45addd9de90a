import { expect, test } from "vitest";
import { capFor } from "~/domain/ordering/variable-weight";
import { holdExpiresAt, isMoneyFinal, lateSuccessOutcome, moneyFinalAt, refundAllowed, stripeIdempotencyKey, transferGroup } from "~/domain/payments/money-model";
import { weighedRefund } from "~/domain/payments/refund-rules";

const at = (iso: string) => new Date(iso);

test("a card order holds its stock and slot 15 minutes, never past the ordering cutoff", () => {
  expect(holdExpiresAt(at("2026-12-01T10:00:00Z"), at("2026-12-04T17:00:00Z")).toISOString()).toBe("2026-12-01T10:15:00.000Z");
  expect(holdExpiresAt(at("2026-12-04T16:50:00Z"), at("2026-12-04T17:00:00Z")).toISOString()).toBe("2026-12-04T17:00:00.000Z");
});

test("a distribution's money is final 48 hours after its end, to the second", () => {
  const endsAt = at("2026-12-05T12:00:00Z");
  expect(moneyFinalAt(endsAt).toISOString()).toBe("2026-12-07T12:00:00.000Z");
  expect(isMoneyFinal(endsAt, at("2026-12-07T11:59:59Z"))).toBe(false);
  expect(isMoneyFinal(endsAt, at("2026-12-07T12:00:00Z"))).toBe(true);
});

test("a producer may refund until the money is final; after it only an admin may", () => {
  const endsAt = at("2026-12-05T12:00:00Z");
  expect(refundAllowed("producer", endsAt, at("2026-12-07T11:59:59Z"))).toBe(true);
  expect(refundAllowed("producer", endsAt, at("2026-12-07T12:00:00Z"))).toBe(false);
  expect(refundAllowed("admin", endsAt, at("2026-12-07T12:00:00Z"))).toBe(true);
  expect(refundAllowed("admin", endsAt, at("2026-12-06T09:00:00Z"))).toBe(true);
});

test("a payment that succeeds after its hold expired is confirmed only if its stock and slot could be taken again before the cutoff", () => {
  expect(lateSuccessOutcome({ stock: true, slot: true, orderingOpen: true })).toBe("confirm");
  expect(lateSuccessOutcome({ stock: false, slot: true, orderingOpen: true })).toBe("cancel_and_refund");
  expect(lateSuccessOutcome({ stock: true, slot: false, orderingOpen: true })).toBe("cancel_and_refund");
  expect(lateSuccessOutcome({ stock: true, slot: true, orderingOpen: false })).toBe("cancel_and_refund");
});

test("an order placed 12 days before its pickup is charged its cap at once and refunded after weighing: no authorisation has to last", () => {
  // Charged at order (captured at once): nothing waits on a card authorisation, which lapses after about 7 days.
  const placedAt = at("2026-11-23T09:00:00Z");
  const pickupEndsAt = at("2026-12-05T12:00:00Z");
  const chargedCents = capFor(3, 1650);
  expect(chargedCents).toBe(5445);
  // Weighed on pickup day, 12 days later: the difference goes back by a refund while the money is not final.
  expect(holdExpiresAt(placedAt, at("2026-12-03T17:00:00Z")).toISOString()).toBe("2026-11-23T09:15:00.000Z");
  expect(weighedRefund(chargedCents, 4620)).toBe(825);
  expect(refundAllowed("producer", pickupEndsAt, at("2026-12-05T11:00:00Z"))).toBe(true);
});

test("every write to Stripe has a key made of our ids: the same ids give the same key, different writes different keys, within Stripe's 255 characters", () => {
  const id = "0f8fad5b-d9cb-469f-a165-70867728950e";
  const keys = [
    stripeIdempotencyKey.checkout(id),
    stripeIdempotencyKey.refund(id),
    stripeIdempotencyKey.transfer(id, id),
    stripeIdempotencyKey.reversal(id, id),
  ];
  expect(stripeIdempotencyKey.refund(id)).toBe(stripeIdempotencyKey.refund(id));
  expect(new Set(keys).size).toBe(keys.length);
  expect(stripeIdempotencyKey.transfer("a", "b")).not.toBe(stripeIdempotencyKey.transfer("b", "a"));
  for (const key of keys) expect(key.length).toBeLessThanOrEqual(255);
  expect(transferGroup(id)).toBe(`distribution-${id}`);
});
