import { afterEach, beforeEach, vi } from "vitest";

// The server runs in child processes; these tests only talk to it and read the database.
process.env.NODE_ENV = "test";

// A test fails on an unexpected console.error (as in the integration suite).
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
