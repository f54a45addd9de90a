import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { db } from "~/db.server";
import { createStripeClient, STRIPE_API_VERSION } from "~/infra/stripe.server";
import { action, STRIPE_WEBHOOK_MAX_BYTES } from "~/routes/webhooks.stripe";
import { createMemberUser, createUser, signedInCookie } from "../factories";
import { startStripeDouble, type StripeDouble, type StripeEventObject } from "../stripe-double/stripe-double";

/*
 * POST /webhooks/stripe (decision 026): events made by the real SDK's calls to the local double of
 * the Stripe API, signed by the SDK's own test-header helper, delivered to the route's action.
 */

const SECRET = "whsec_platformsecretfortests0123456789";
const CONNECT_SECRET = "whsec_connectsecretfortests0123456789";
// This file's server is configured as production would be: two endpoints' secrets (platform, Connect).
process.env.STRIPE_WEBHOOK_SECRET = `${SECRET},${CONNECT_SECRET}`;

let double: StripeDouble;
let stripe: Stripe;

beforeAll(async () => {
  double = await startStripeDouble();
  stripe = createStripeClient({ secretKey: "sk_test_webhooktests", apiBase: double.url });
});
afterAll(() => double.close());

function delivery(payload: string, signature: string | null, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/webhooks/stripe", {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8", ...(signature === null ? {} : { "stripe-signature": signature }), ...headers },
    body: payload,
  });
}

async function deliver(event: StripeEventObject, options: { secret?: string; timestamp?: number; headers?: Record<string, string> } = {}) {
  const { payload, signature } = double.signedDelivery(event, options.secret ?? SECRET, options.timestamp === undefined ? {} : { timestamp: options.timestamp });
  return send(delivery(payload, signature, options.headers));
}

async function send(request: Request): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = (await action({ request, params: {}, context: {} })) as Response;
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A customer's card payment, as Stripe reports it: the events of a PaymentIntent that succeeded. */
async function paidIntentEvent(): Promise<StripeEventObject> {
  const intent = await stripe.paymentIntents.create({ amount: 2_450, currency: "eur", metadata: { orderId: `order-${Math.random()}` } });
  return double.succeedPaymentIntent(intent.id).find((event) => event.type === "payment_intent.succeeded")!;
}

function storedEvent(id: string) {
  return db().stripeEvent.findUnique({ where: { id }, select: { id: true, type: true, appliedAt: true, payload: true } });
}

test("a signed payment_intent.succeeded is stored under Stripe's id with the payload, applied, and Stripe is answered 200 without being called", async () => {
  const event = await paidIntentEvent();
  const callsBefore = double.requests.length;
  const answer = await deliver(event);
  expect(answer).toEqual({ status: 200, body: { received: true, eventId: event.id, effect: "none" } });
  const stored = await storedEvent(event.id);
  expect(stored).toMatchObject({ id: event.id, type: "payment_intent.succeeded" });
  expect(stored?.appliedAt).toBeInstanceOf(Date);
  expect(stored?.payload).toMatchObject({ id: event.id, data: { object: { id: event.data.object.id, status: "succeeded", amount_received: 2_450 } } });
  // The answer needs nothing from Stripe: slow work is for jobs.
  expect(double.requests.length).toBe(callsBefore);
});

test("an event of a connected account signed with the Connect endpoint's secret is accepted too", async () => {
  const account = await stripe.accounts.create({ type: "express", country: "FR", capabilities: { transfers: { requested: true } } });
  const [event] = double.completeOnboarding(account.id);
  const answer = await deliver(event!, { secret: CONNECT_SECRET });
  expect(answer.status).toBe(200);
  expect(await storedEvent(event!.id)).toMatchObject({ type: "account.updated" });
});

test("unsigned, wrongly signed, tampered, replayed or unreadable deliveries are refused 400 with the reason, and nothing is stored", async () => {
  const event = await paidIntentEvent();
  const { payload, signature } = double.signedDelivery(event, SECRET);
  const tampered = payload.replace('"amount": 2450', '"amount": 1');
  expect(tampered).not.toBe(payload);
  const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
  const stale = double.signedDelivery(event, SECRET, { timestamp: sixMinutesAgo });
  const notJson = "{ not json";
  const refusals: Array<[string, Request, string]> = [
    ["no Stripe-Signature", delivery(payload, null), "stripe_signature_missing"],
    ["signed with another secret", delivery(payload, double.signedDelivery(event, "whsec_someoneelsessecret").signature), "stripe_signature_invalid"],
    ["a body changed after signing", delivery(tampered, signature), "stripe_signature_invalid"],
    ["a signature that is not Stripe's format", delivery(payload, "v1=abc"), "stripe_signature_invalid"],
    ["a right signature replayed six minutes later", delivery(stale.payload, stale.signature), "stripe_timestamp_too_old"],
    ["a signed body that is not JSON", delivery(notJson, Stripe.webhooks.generateTestHeaderString({ payload: notJson, secret: SECRET })), "stripe_malformed"],
  ];
  for (const [what, request, code] of refusals) {
    const answer = await send(request);
    expect(answer.status, what).toBe(400);
    expect(answer.body.error, what).toBe(code);
    // French first: Stripe sends no Accept-Language.
    expect(answer.body.message, what).toMatch(/rien n'a été enregistré/);
  }
  expect(await storedEvent(event.id)).toBeNull();
});

test("a session cookie opens nothing: a signed-in customer or an admin without Stripe's signature is refused like anyone", async () => {
  const event = await paidIntentEvent();
  const { payload } = double.signedDelivery(event, SECRET);
  const customer = await createUser();
  const admin = await createMemberUser("ADMIN");
  for (const cookie of [await signedInCookie(customer.id), admin.cookie]) {
    const answer = await send(delivery(payload, null, { cookie }));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe("stripe_signature_missing");
  }
  expect(await storedEvent(event.id)).toBeNull();
});

test("the same event delivered 5 times at once is stored once and applied once; the other deliveries are answered 200 as duplicates", async () => {
  const event = await paidIntentEvent();
  const answers = await Promise.all(Array.from({ length: 5 }, () => deliver(event)));
  expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
  expect(answers.filter((answer) => answer.body.effect === "none")).toHaveLength(1);
  expect(answers.filter((answer) => answer.body.duplicate === true)).toHaveLength(4);
  expect(await db().stripeEvent.count({ where: { id: event.id } })).toBe(1);
  // Delivered again a day later (Stripe's retries): still nothing applied twice.
  const again = await deliver(event);
  expect(again.body).toEqual({ received: true, eventId: event.id, duplicate: true });
});

test("an event type the application does not act on is answered 200, so Stripe stops sending it, and not stored", async () => {
  await stripe.paymentIntents.create({ amount: 900, currency: "eur" });
  const created = double.events.findLast((event) => event.type === "payment_intent.created")!;
  const answer = await deliver(created);
  expect(answer).toEqual({ status: 200, body: { received: true, eventId: created.id, ignored: true } });
  expect(await storedEvent(created.id)).toBeNull();
  // Ignored, but only once its signature is right.
  const forged = await send(delivery(JSON.stringify(created), "t=1,v1=00"));
  expect(forged.status).toBe(400);
});

test("a delivery over 256 KB is refused 413 before it is read to the end, and nothing is stored", async () => {
  const event = await paidIntentEvent();
  const padded = { ...event, data: { object: { ...event.data.object, metadata: { padding: "x".repeat(STRIPE_WEBHOOK_MAX_BYTES) } } } };
  const answer = await deliver(padded);
  expect(answer.status).toBe(413);
  expect(answer.body.error).toBe("body_too_large");
  expect(await storedEvent(event.id)).toBeNull();
  // Sent chunked, without a length: 10 MB offered, read no further than the bound and a chunk.
  const chunk = new Uint8Array(16 * 1024).fill(0x20);
  let pulled = 0;
  const endless = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= 10 * 1024 * 1024) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  }, { highWaterMark: 0 });
  const chunked = new Request("http://localhost/webhooks/stripe", { method: "POST", headers: { "stripe-signature": "t=1,v1=00" }, body: endless, duplex: "half" } as RequestInit);
  expect((await send(chunked)).status).toBe(413);
  expect(pulled).toBeLessThanOrEqual(STRIPE_WEBHOOK_MAX_BYTES + 2 * chunk.byteLength);
});

test("a GET is answered 405 naming POST", async () => {
  const response = (await action({ request: new Request("http://localhost/webhooks/stripe"), params: {}, context: {} })) as Response;
  expect(response.status).toBe(405);
  expect(response.headers.get("allow")).toBe("POST");
});

test("over real HTTP, as Stripe does it: the customer pays on the payment page, the double forwards its signed events one after the other, and each is answered and kept as the rules say", async () => {
  // The route's action behind a plain HTTP server (the production server adds nothing on this path).
  const app = createServer((incoming, outgoing) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
      const headers = Object.entries(incoming.headers).filter((entry): entry is [string, string] => typeof entry[1] === "string");
      const request = new Request(`http://localhost${incoming.url}`, { method: incoming.method, headers, body: Buffer.concat(chunks) });
      const response = (await action({ request, params: {}, context: {} })) as Response;
      outgoing.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "text/plain" });
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  try {
    const own = await startStripeDouble();
    own.forwardEventsTo(`http://127.0.0.1:${(app.address() as AddressInfo).port}/webhooks/stripe`, SECRET);
    const ownStripe = createStripeClient({ secretKey: "sk_test_webhooktests", apiBase: own.url });
    const session = await ownStripe.checkout.sessions.create({
      mode: "payment",
      success_url: "http://localhost:3000/commandes/o42?paiement={CHECKOUT_SESSION_ID}",
      cancel_url: "http://localhost:3000/panier/d1",
      line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: 1_890, product_data: { name: "Panier terre & mer" } } }],
      payment_intent_data: { metadata: { orderId: "o42" } },
    });
    const page = await fetch(session.url!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Payer 18,90 €");
    const paid = await fetch(`${own.url}/c/pay/${session.id}/pay`, { method: "POST", redirect: "manual" });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe(`http://localhost:3000/commandes/o42?paiement=${session.id}`);
    await own.deliveriesSettled();
    expect(own.deliveries.map((delivery) => [delivery.type, delivery.status])).toEqual([
      ["charge.succeeded", 200],
      ["payment_intent.succeeded", 200],
      ["checkout.session.completed", 200],
    ]);
    const kept = await db().stripeEvent.findMany({ where: { id: { in: own.deliveries.map((delivery) => delivery.eventId) } }, select: { type: true }, orderBy: { type: "asc" } });
    expect(kept.map((event) => event.type)).toEqual(["checkout.session.completed", "payment_intent.succeeded"]);
    await own.close();
  } finally {
    await new Promise<void>((resolve) => app.close(() => resolve()));
  }
});

test("an event rendered in another API version than the pinned one is kept, and the operator is told which setting to change", async () => {
  const event = { ...(await paidIntentEvent()), api_version: "2020-08-27" };
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  try {
    expect((await deliver(event)).status).toBe(200);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`2020-08-27.*${STRIPE_API_VERSION}`)));
  } finally {
    warn.mockRestore();
  }
  expect(await storedEvent(event.id)).toMatchObject({ type: "payment_intent.succeeded" });
});
