import Stripe from "stripe";
import { env, type Env } from "~/env.server";

/*
 * The one Stripe client of the application (decision 026). Configured from the environment:
 * STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, and STRIPE_API_BASE for the tests' local double of the
 * Stripe API. Without keys, card payment is off and everything else works as before.
 */

/**
 * The API version the code is written against, pinned so that the account's default version
 * moving on changes nothing here. It is the SDK's own (its types describe that version); a test
 * fails when an SDK upgrade brings another, so the upgrade is a decision, not an accident.
 */
export const STRIPE_API_VERSION = "2026-11-18.endive" satisfies Stripe.LatestApiVersion;

/** Retries of a failed network call or a 409/429/5xx, with the same idempotency key each time. */
const MAX_NETWORK_RETRIES = 2;
/** A Stripe call never holds a request or a job for the SDK's default 80 s. */
const TIMEOUT_MS = 10_000;

export type StripeSettings = { secretKey: string; apiBase?: string };

type StripeEnv = Pick<Env, "STRIPE_SECRET_KEY" | "STRIPE_WEBHOOK_SECRET" | "STRIPE_API_BASE">;

/** Whether card payment is offered: it needs the API key and the webhook's secret (a paid order is confirmed by the webhook). */
export function cardPaymentsEnabled(config: StripeEnv = env()): boolean {
  return Boolean(config.STRIPE_SECRET_KEY && config.STRIPE_WEBHOOK_SECRET);
}

/** The webhook's signing secrets (none when it is not configured). */
export function webhookSecrets(config: StripeEnv = env()): string[] {
  return (config.STRIPE_WEBHOOK_SECRET ?? "")
    .split(",")
    .map((secret) => secret.trim())
    .filter((secret) => secret.length > 0);
}

/** A client for `settings`: the real API, or the test double at `apiBase`. */
export function createStripeClient(settings: StripeSettings): Stripe {
  const base = settings.apiBase ? new URL(settings.apiBase) : undefined;
  return new Stripe(settings.secretKey, {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: MAX_NETWORK_RETRIES,
    timeout: TIMEOUT_MS,
    // No background telemetry header about earlier calls: nothing leaves but the call itself.
    telemetry: false,
    appInfo: { name: "terre-et-mer" },
    ...(base
      ? { host: base.hostname, port: base.port || (base.protocol === "https:" ? "443" : "80"), protocol: base.protocol === "https:" ? "https" : "http" }
      : {}),
  });
}

let cached: Stripe | undefined;

/** The application's client; only where card payment is enabled (check cardPaymentsEnabled first). */
export function stripeClient(): Stripe {
  if (cached) return cached;
  const config = env();
  if (!config.STRIPE_SECRET_KEY) throw new Error("STRIPE_SECRET_KEY manquant : le paiement par carte n'est pas configuré.");
  cached = createStripeClient({ secretKey: config.STRIPE_SECRET_KEY, ...(config.STRIPE_API_BASE ? { apiBase: config.STRIPE_API_BASE } : {}) });
  return cached;
}
