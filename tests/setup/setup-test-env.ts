import { afterEach, beforeEach, inject, vi } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NODE_ENV = "test";
process.env.DATABASE_POOL_SIZE ??= "20";

// A test fails on an unexpected console.error (Epic Stack's rule): errors must be expected.
let errorSpy: { mock: { calls: unknown[][] }; mockRestore: () => void };
beforeEach(() => {
  errorSpy = vi.spyOn(console, "error");
});
afterEach(() => {
  const calls = errorSpy.mock.calls;
  errorSpy.mockRestore();
  if (calls.length > 0) {
    throw new Error(`console.error inattendu : ${calls.map((call: unknown[]) => call.map(String).join(" ")).join("\n")}`);
  }
});
