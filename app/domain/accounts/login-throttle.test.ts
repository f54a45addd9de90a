import { expect, test } from "vitest";
import { delayAfterFailures, loginThrottleKeys, PER_ACCOUNT_AND_ADDRESS, PER_ADDRESS } from "~/domain/accounts/login-throttle";

test("the first failures cost nothing, then each one doubles the wait, up to the ceiling", () => {
  const waits = Array.from({ length: 13 }, (_, index) => delayAfterFailures(index + 1, PER_ACCOUNT_AND_ADDRESS));
  expect(waits).toEqual([0, 0, 0, 0, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
  expect(delayAfterFailures(10_000, PER_ACCOUNT_AND_ADDRESS)).toBe(3600);
});

test("one address gets many free failures and never waits more than a quarter of an hour", () => {
  expect(delayAfterFailures(29, PER_ADDRESS)).toBe(0);
  expect(delayAfterFailures(30, PER_ADDRESS)).toBe(60);
  expect(delayAfterFailures(500, PER_ADDRESS)).toBe(900);
});

test("the counters of an attempt come in one fixed order, whatever the email and address", () => {
  const keys = loginThrottleKeys("lou@example.test", "203.0.113.7").map((entry) => entry.key);
  expect(keys).toEqual(["login:account-address:lou@example.test|203.0.113.7", "login:account:lou@example.test", "login:address:203.0.113.7"]);
  expect(loginThrottleKeys("zoe@example.test", "10.0.0.1").map((entry) => entry.key)).toEqual([...loginThrottleKeys("zoe@example.test", "10.0.0.1").map((entry) => entry.key)].sort());
});
