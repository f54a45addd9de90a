import Stripe from "stripe";
import { afterAll, beforeAll, expect, test } from "vitest";
import { cardPaymentsEnabled, createStripeClient, STRIPE_API_VERSION, stripeClient } from "~/infra/stripe.server";
import { startStripeDouble, type StripeDouble } from "../stripe-double/stripe-double";

/*
 * The local double of the Stripe API (tests/stripe-double, decision 026) driven by the real SDK
 * over real HTTP, with the application's own client settings: what later steps rely on it for.
 */

let double: StripeDouble;
let slowDouble: StripeDouble;
let stripe: Stripe;

beforeAll(async () => {
  double = await startStripeDouble();
  slowDouble = await startStripeDouble({ latencyMs: 300 });
  stripe = createStripeClient({ secretKey: "sk_test_doubletests", apiBase: double.url });
});
afterAll(async () => {
  await double.close();
  await slowDouble.close();
});

function ours(metadataValue: string) {
  return [...double.paymentIntents.values()].filter((intent) => (intent.metadata as Record<string, string>).orderId === metadataValue);
}

test("the pinned API version is the one the SDK's types describe, and every call sends it", async () => {
  expect(STRIPE_API_VERSION).toBe(Stripe.API_VERSION);
  await stripe.paymentIntents.create({ amount: 1_000, currency: "eur" });
  expect(double.requests.at(-1)?.stripeVersion).toBe(STRIPE_API_VERSION);
});

test("a PaymentIntent created twice with one idempotency key is one object at Stripe; the second answer is the first, replayed", async () => {
  const key = `order-${Math.random()}-payment`;
  const params = { amount: 3_280, currency: "eur", metadata: { orderId: key }, transfer_group: "distribution-42" };
  const first = await stripe.paymentIntents.create(params, { idempotencyKey: key });
  const second = await stripe.paymentIntents.create(params, { idempotencyKey: key });
  expect(second.id).toBe(first.id);
  expect(first).toMatchObject({ object: "payment_intent", amount: 3_280, currency: "eur", status: "requires_payment_method", transfer_group: "distribution-42" });
  expect(first.client_secret).toMatch(new RegExp(`^${first.id}_secret_`));
  expect(ours(key)).toHaveLength(1);
  const calls = double.requests.filter((request) => request.idempotencyKey === key);
  expect(calls.map((call) => call.replayed)).toEqual([false, true]);
  expect(calls[0]?.params).toEqual({ amount: "3280", currency: "eur", metadata: { orderId: key }, transfer_group: "distribution-42" });
});

test("the same key with other parameters is Stripe's idempotency_error: no second object", async () => {
  const key = `order-${Math.random()}-payment`;
  await stripe.paymentIntents.create({ amount: 3_280, currency: "eur", metadata: { orderId: key } }, { idempotencyKey: key });
  const refusal = await stripe.paymentIntents.create({ amount: 9_999, currency: "eur", metadata: { orderId: key } }, { idempotencyKey: key }).catch((error: unknown) => error);
  expect(refusal).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  expect(refusal).toMatchObject({ statusCode: 400, type: "StripeIdempotencyError" });
  expect(ours(key)).toHaveLength(1);
});

test("a response lost after the refund went through: the SDK retries with the same key and Stripe sees one refund", async () => {
  const intent = await stripe.paymentIntents.create({ amount: 5_000, currency: "eur" });
  double.succeedPaymentIntent(intent.id);
  const key = `refund-${intent.id}-1`;
  double.dropNextResponses(1);
  const refund = await stripe.refunds.create({ payment_intent: intent.id, amount: 1_200 }, { idempotencyKey: key });
  expect(refund).toMatchObject({ object: "refund", amount: 1_200, payment_intent: intent.id, status: "succeeded" });
  expect([...double.refunds.values()].filter((candidate) => candidate.payment_intent === intent.id)).toHaveLength(1);
  expect(double.requestsTo("POST", "/v1/refunds").filter((request) => request.idempotencyKey === key).map((request) => request.replayed)).toEqual([false, true]);
  const charge = await stripe.charges.retrieve(refund.charge as string);
  expect(charge).toMatchObject({ amount: 5_000, amount_refunded: 1_200, refunded: false });
});

test("a second request with a key whose first is still running gets 409, which the SDK retries into the first's answer", async () => {
  const slow = createStripeClient({ secretKey: "sk_test_doubletests", apiBase: slowDouble.url });
  const key = `order-${Math.random()}-payment`;
  const params = { amount: 1_500, currency: "eur" };
  const [first, second] = await Promise.all([slow.paymentIntents.create(params, { idempotencyKey: key }), slow.paymentIntents.create(params, { idempotencyKey: key })]);
  expect(second.id).toBe(first.id);
  expect(slowDouble.paymentIntents.size).toBe(1);
  expect(slowDouble.requests.map((request) => request.status)).toContain(409);
});

test("Stripe's errors reach the SDK as its typed errors, with code and parameter", async () => {
  const missing = await stripe.paymentIntents.retrieve("pi_doesnotexist").catch((error: unknown) => error);
  expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  expect(missing).toMatchObject({ statusCode: 404, code: "resource_missing", param: "intent" });
  const tooSmall = await stripe.paymentIntents.create({ amount: 20, currency: "eur" }).catch((error: unknown) => error);
  expect(tooSmall).toMatchObject({ statusCode: 400, code: "amount_too_small", param: "amount" });
  const unknownEndpoint = await stripe.customers.create({ email: "a@example.org" }).catch((error: unknown) => error);
  expect(unknownEndpoint).toMatchObject({ statusCode: 404 });
  const noKey = await createStripeClient({ secretKey: "sk_live_notforthedouble", apiBase: double.url }).paymentIntents.retrieve("pi_x").catch((error: unknown) => error);
  expect(noKey).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
});

test("a PaymentIntent: cancelled while it waits, a succeeded one cannot be", async () => {
  const waiting = await stripe.paymentIntents.create({ amount: 2_000, currency: "eur" });
  expect(await stripe.paymentIntents.cancel(waiting.id, { cancellation_reason: "abandoned" })).toMatchObject({ status: "canceled", cancellation_reason: "abandoned" });
  const paid = await stripe.paymentIntents.create({ amount: 2_000, currency: "eur" });
  const [, succeeded] = double.succeedPaymentIntent(paid.id);
  expect(succeeded?.type).toBe("payment_intent.succeeded");
  const refusal = await stripe.paymentIntents.cancel(paid.id).catch((error: unknown) => error);
  expect(refusal).toMatchObject({ statusCode: 400, code: "payment_intent_unexpected_state" });
  expect(await stripe.paymentIntents.retrieve(paid.id)).toMatchObject({ status: "succeeded", amount_received: 2_000 });
});

test("Checkout: no expiry under 30 minutes (Stripe's floor); a session paid carries its metadata to a succeeded PaymentIntent; only an open one expires", async () => {
  const now = Math.floor(Date.now() / 1000);
  const base = {
    mode: "payment" as const,
    success_url: "http://localhost:3000/commandes/o1?paiement={CHECKOUT_SESSION_ID}",
    line_items: [
      { quantity: 2, price_data: { currency: "eur", unit_amount: 450, product_data: { name: "Panier terre" } } },
      { quantity: 1, price_data: { currency: "eur", unit_amount: 1_280, product_data: { name: "Bar de ligne" } } },
    ],
    payment_intent_data: { metadata: { orderId: "o1" }, transfer_group: "distribution-7" },
  };
  const tooSoon = await stripe.checkout.sessions.create({ ...base, expires_at: now + 15 * 60 }).catch((error: unknown) => error);
  expect(tooSoon).toMatchObject({ statusCode: 400, param: "expires_at" });
  const session = await stripe.checkout.sessions.create({ ...base, expires_at: now + 30 * 60 + 5 });
  expect(session).toMatchObject({ object: "checkout.session", status: "open", payment_status: "unpaid", amount_total: 2_180, currency: "eur" });
  expect(session.url).toContain(double.url);
  const events = double.completeCheckoutSession(session.id);
  expect(events.map((event) => event.type)).toEqual(["charge.succeeded", "payment_intent.succeeded", "checkout.session.completed"]);
  const paid = await stripe.checkout.sessions.retrieve(session.id);
  expect(paid).toMatchObject({ status: "complete", payment_status: "paid" });
  expect(await stripe.paymentIntents.retrieve(paid.payment_intent as string)).toMatchObject({ status: "succeeded", amount: 2_180, metadata: { orderId: "o1" }, transfer_group: "distribution-7" });
  expect(await stripe.checkout.sessions.expire(session.id).catch((error: unknown) => error)).toMatchObject({ statusCode: 400 });
  const abandoned = await stripe.checkout.sessions.create(base);
  expect(await stripe.checkout.sessions.expire(abandoned.id)).toMatchObject({ status: "expired" });
  expect(double.events.at(-1)).toMatchObject({ type: "checkout.session.expired", data: { object: { id: abandoned.id } } });
});

test("Connect: an account and its onboarding link; no transfer before onboarding, then a transfer and a partial reversal", async () => {
  const account = await stripe.accounts.create({ type: "express", country: "FR", email: "peche@example.org", capabilities: { transfers: { requested: true } }, metadata: { producerId: "p1" } });
  expect(account).toMatchObject({ object: "account", charges_enabled: false, details_submitted: false, capabilities: { transfers: "inactive" } });
  const link = await stripe.accountLinks.create({ account: account.id, type: "account_onboarding", refresh_url: "http://localhost:3000/producteur/stripe?retour=relance", return_url: "http://localhost:3000/producteur/stripe" });
  expect(link).toMatchObject({ object: "account_link" });
  expect(link.url).toContain(account.id);
  const intent = await stripe.paymentIntents.create({ amount: 4_000, currency: "eur", transfer_group: "distribution-9" });
  double.succeedPaymentIntent(intent.id);
  const chargeId = (await stripe.paymentIntents.retrieve(intent.id)).latest_charge as string;
  const transfer = { amount: 3_000, currency: "eur", destination: account.id, transfer_group: "distribution-9", source_transaction: chargeId };
  const early = await stripe.transfers.create(transfer).catch((error: unknown) => error);
  expect(early).toMatchObject({ statusCode: 400, code: "insufficient_capabilities_for_transfer" });
  const [updated] = double.completeOnboarding(account.id);
  expect(updated).toMatchObject({ type: "account.updated", account: account.id });
  expect(await stripe.accounts.retrieve(account.id)).toMatchObject({ charges_enabled: true, payouts_enabled: true, capabilities: { transfers: "active" } });
  const made = await stripe.transfers.create(transfer, { idempotencyKey: `transfer-${account.id}-distribution-9` });
  expect(made).toMatchObject({ object: "transfer", amount: 3_000, destination: account.id, amount_reversed: 0 });
  const beyond = await stripe.transfers.create({ ...transfer, amount: 1_001 }).catch((error: unknown) => error);
  expect(beyond).toMatchObject({ statusCode: 400 });
  const reversal = await stripe.transfers.createReversal(made.id, { amount: 500 });
  expect(reversal).toMatchObject({ object: "transfer_reversal", amount: 500, transfer: made.id });
  expect(await stripe.transfers.retrieve(made.id)).toMatchObject({ amount_reversed: 500, reversed: false });
  expect(double.events.at(-1)).toMatchObject({ type: "transfer.reversed" });
});

test("the application's client comes from STRIPE_* in the environment and talks to STRIPE_API_BASE; card payment needs both keys", async () => {
  expect(cardPaymentsEnabled({ STRIPE_SECRET_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: undefined, STRIPE_API_BASE: undefined })).toBe(false);
  expect(cardPaymentsEnabled({ STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: "whsec_x", STRIPE_API_BASE: undefined })).toBe(false);
  process.env.STRIPE_SECRET_KEY = "sk_test_fromtheenvironment";
  process.env.STRIPE_WEBHOOK_SECRET = "whsec_fromtheenvironment";
  process.env.STRIPE_API_BASE = double.url;
  expect(cardPaymentsEnabled()).toBe(true);
  const intent = await stripeClient().paymentIntents.create({ amount: 700, currency: "eur" });
  expect(double.paymentIntents.has(intent.id)).toBe(true);
});
