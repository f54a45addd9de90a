import { afterEach, beforeEach, vi } from "vitest";

/**
 * A test fails on an unexpected console.error (Epic Stack's rule): errors must be expected, by a
 * test that spies on console.error itself. Called by the setup file of each suite (integration
 * and process), so both hold the same rule.
 */
export function failOnUnexpectedConsoleError(): void {
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
}
