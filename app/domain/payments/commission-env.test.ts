import { afterEach, expect, test, vi } from "vitest";

/* PLATFORM_COMMISSION_BP as the start-up reads it (app/env.server.ts, decision 027 §7): 0 by default, a whole number of basis points from 0 to 10000, anything else stops the start with its name. */

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

async function freshEnv(values: Record<string, string | undefined>) {
  process.env = { ...saved, ...values };
  if (values.PLATFORM_COMMISSION_BP === undefined) delete process.env.PLATFORM_COMMISSION_BP;
  vi.resetModules();
  const { env } = await import("~/env.server");
  return env;
}

test("the platform's commission is 0 % unless set, read in basis points", async () => {
  expect((await freshEnv({ PLATFORM_COMMISSION_BP: undefined }))().PLATFORM_COMMISSION_BP).toBe(0);
  expect((await freshEnv({ PLATFORM_COMMISSION_BP: "250" }))().PLATFORM_COMMISSION_BP).toBe(250);
  expect((await freshEnv({ PLATFORM_COMMISSION_BP: "10000" }))().PLATFORM_COMMISSION_BP).toBe(10_000);
});

test("a commission that is not a whole number of basis points from 0 to 10000 stops the start with its name", async () => {
  for (const bad of ["2.5", "-1", "10001", "2,5 %", "abc"]) {
    const env = await freshEnv({ PLATFORM_COMMISSION_BP: bad });
    expect(() => env(), bad).toThrow(/PLATFORM_COMMISSION_BP/);
  }
});
