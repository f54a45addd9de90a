/**
 * The Stripe double as a process for the browser journeys (playwright.config.ts): the app's Stripe
 * SDK talks to it (STRIPE_API_BASE), its payment page stands in for Stripe Checkout, and every
 * event it makes is delivered, signed with the app's webhook secret, to the app's /webhooks/stripe —
 * as `stripe listen --forward-to` does in development.
 *
 *   STRIPE_DOUBLE_PORT=2598 STRIPE_DOUBLE_FORWARD_TO=http://localhost:3100/webhooks/stripe \
 *   STRIPE_WEBHOOK_SECRET=whsec_… npx tsx tests/e2e/stripe-double-server.ts
 */
import { StripeDouble } from "../stripe-double/stripe-double";

const port = Number(process.env.STRIPE_DOUBLE_PORT ?? "2598");
const forwardTo = process.env.STRIPE_DOUBLE_FORWARD_TO;
const secret = process.env.STRIPE_WEBHOOK_SECRET;
if (!forwardTo || !secret) throw new Error("STRIPE_DOUBLE_FORWARD_TO and STRIPE_WEBHOOK_SECRET are required");

const double = await new StripeDouble().start(port);
double.forwardEventsTo(forwardTo, secret);
console.log(`[stripe-double] ${double.url}, events forwarded to ${forwardTo}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void double.close().finally(() => process.exit(0));
  });
}
