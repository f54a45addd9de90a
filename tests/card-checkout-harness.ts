import { afterAll } from "vitest";
import { db } from "~/db.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { action as webhookAction } from "~/routes/webhooks.stripe";
import { startStripeDouble, type StripeDouble, type StripeEventObject } from "./stripe-double/stripe-double";

/*
 * The card checkout's tests: the real Stripe SDK of the app, over real HTTP, against the local
 * double of the Stripe API, and its events delivered signed to the real webhook route.
 * Call startCardCheckout() at the top of a test file (top-level await), before anything reads the
 * environment: the app's Stripe client is made once per process from STRIPE_*.
 */
export const WEBHOOK_SECRET = "whsec_cardcheckouttests0123456789abcdef";

export async function startCardCheckout(): Promise<StripeDouble> {
  const double = await startStripeDouble();
  process.env.STRIPE_SECRET_KEY = "sk_test_cardcheckout";
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
  process.env.STRIPE_API_BASE = double.url;
  afterAll(() => double.close());
  return double;
}

/** Stripe's delivery of one event to POST /webhooks/stripe, signed with the endpoint's secret. */
export async function deliver(double: StripeDouble, event: StripeEventObject): Promise<{ status: number; body: Record<string, unknown> }> {
  const { payload, signature } = double.signedDelivery(event, WEBHOOK_SECRET);
  const request = new Request("http://localhost/webhooks/stripe", {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": signature },
    body: payload,
  });
  const response = (await webhookAction({ request, params: {}, context: {} })) as Response;
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

type Customer = { id: string; email: string; name: string; locale: "fr" | "en" };

/** A card checkout as the page and the API make it: the order placed, then its Checkout Session. */
export function placeCardOrder(input: { distributionId: string; customer: Customer; lines: Array<{ offerId: string; quantity: number }>; now?: Date; idempotencyKey?: string; slotId?: string }) {
  return placeOrder({
    distributionId: input.distributionId,
    lines: input.lines,
    paymentMethod: "card",
    customer: input.customer,
    now: input.now ?? new Date(),
    appUrl: "http://localhost:3000",
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
    ...(input.slotId ? { slotId: input.slotId } : {}),
  });
}

export function cardPaymentOf(orderId: string) {
  return db().cardPayment.findUniqueOrThrow({ where: { orderId } });
}

/** The Checkout Sessions the double created (replays of the same key excluded). */
export function sessionsCreated(double: StripeDouble): number {
  return double.requestsTo("POST", "/v1/checkout/sessions").filter((request) => request.status === 200 && !request.replayed).length;
}

export function confirmationEmails(email: string) {
  return db().outboxEmail.count({ where: { to: email, subject: { contains: "confirm" } } });
}
