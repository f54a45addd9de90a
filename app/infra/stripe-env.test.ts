import { afterEach, expect, test, vi } from "vitest";

/* STRIPE_* as the start-up reads them (app/env.server.ts): a bad value stops the start with its name. */

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

async function freshEnv(values: Record<string, string>) {
  process.env = { ...saved, ...values };
  vi.resetModules();
  const { env } = await import("~/env.server");
  return env;
}

test("a live key is never sent to another address than Stripe's: STRIPE_API_BASE with sk_live_ stops the start", async () => {
  const env = await freshEnv({ STRIPE_SECRET_KEY: "sk_live_abc123", STRIPE_API_BASE: "http://127.0.0.1:12111" });
  expect(() => env()).toThrow(/STRIPE_API_BASE/);
  const testEnv = await freshEnv({ STRIPE_SECRET_KEY: "sk_test_abc123", STRIPE_API_BASE: "http://127.0.0.1:12111" });
  expect(testEnv().STRIPE_API_BASE).toBe("http://127.0.0.1:12111");
});

test("keys that are not Stripe's shape stop the start with their name; two webhook secrets are accepted", async () => {
  const publishable = await freshEnv({ STRIPE_SECRET_KEY: "pk_test_publishable" });
  expect(() => publishable()).toThrow(/STRIPE_SECRET_KEY/);
  const badSecret = await freshEnv({ STRIPE_WEBHOOK_SECRET: "not-a-secret" });
  expect(() => badSecret()).toThrow(/STRIPE_WEBHOOK_SECRET/);
  const two = await freshEnv({ STRIPE_WEBHOOK_SECRET: "whsec_platform1, whsec_connect2" });
  expect(two().STRIPE_WEBHOOK_SECRET).toBe("whsec_platform1, whsec_connect2");
});
