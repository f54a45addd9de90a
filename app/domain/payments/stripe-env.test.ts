import { afterEach, expect, test, vi } from "vitest";

/*
 * A live Stripe key sends customers to Stripe and back to APP_URL (Checkout's return page, a
 * producer's onboarding return): with the default http://localhost:3000, or over plain http, a
 * customer who has just paid would land on their own machine or on an unencrypted page. The
 * start-up refuses it, naming APP_URL; test keys on a local machine stay as they are.
 */

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

async function freshEnv(values: Record<string, string | undefined>) {
  process.env = { ...saved };
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  vi.resetModules();
  const { env } = await import("~/env.server");
  return env;
}

test("a live Stripe key with APP_URL left at its default, on localhost or over http stops the start with APP_URL's name", async () => {
  for (const appUrl of [undefined, "http://localhost:3000", "http://terre-et-mer.fr", "https://127.0.0.1"]) {
    const env = await freshEnv({ STRIPE_SECRET_KEY: "sk_live_abc123", STRIPE_API_BASE: undefined, APP_URL: appUrl });
    expect(() => env(), String(appUrl)).toThrow(/APP_URL/);
  }
});

test("a live key with the site's public https address starts; a test key starts on localhost", async () => {
  expect((await freshEnv({ STRIPE_SECRET_KEY: "rk_live_abc123", STRIPE_API_BASE: undefined, APP_URL: "https://terre-et-mer.fr" }))().APP_URL).toBe("https://terre-et-mer.fr");
  expect((await freshEnv({ STRIPE_SECRET_KEY: "sk_test_abc123", APP_URL: undefined }))().APP_URL).toBe("http://localhost:3000");
});
