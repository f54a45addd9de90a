import Stripe from "stripe";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { cardPaymentsEnabled, stripeClient } from "~/infra/stripe.server";
import { action } from "~/routes/webhooks.stripe";

/*
 * A server without Stripe keys, as every installation is today: card payment is off, and the
 * webhook refuses even a correctly signed event (there is no secret to check it against).
 */
delete process.env.STRIPE_SECRET_KEY;
delete process.env.STRIPE_WEBHOOK_SECRET;
delete process.env.STRIPE_API_BASE;

test("without STRIPE_* keys card payment is off and there is no Stripe client to call", () => {
  expect(cardPaymentsEnabled()).toBe(false);
  expect(() => stripeClient()).toThrow(/STRIPE_SECRET_KEY/);
});

test("without a webhook secret a delivery is refused 400 'not configured', in French first, and nothing is stored", async () => {
  const id = `evt_withoutkeys${Date.now()}`;
  const payload = JSON.stringify({ id, object: "event", type: "payment_intent.succeeded", created: 1, data: { object: { id: "pi_1", object: "payment_intent" } } });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_anysecret" });
  const deliveries: Array<Record<string, string>> = [{ "stripe-signature": signature }, { "stripe-signature": signature, "accept-language": "en" }];
  for (const headers of deliveries) {
    const response = (await action({ request: new Request("http://localhost/webhooks/stripe", { method: "POST", headers, body: payload }), params: {}, context: {} })) as Response;
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe("stripe_not_configured");
    expect(body.message).toMatch(headers["accept-language"] ? /not configured/ : /n'est pas configuré/);
  }
  expect(await db().stripeEvent.count({ where: { id } })).toBe(0);
});
