import { expect, test } from "vitest";
import { slipNumber } from "~/domain/donations/slip-number";

test("a slip number is the Paris year of the pickup and the claim id's first 8 characters, upper case", () => {
  expect(slipNumber("3f2a9c1e-7b4d-4c2a-9e1f-0a1b2c3d4e5f", new Date("2026-06-15T10:00:00Z"))).toBe("DON-2026-3F2A9C1E");
});

test("the year is Paris's: New Year's Eve 23:30 in Paris is still the old year, 00:10 the new one", () => {
  const id = "abcdef12-0000-4000-8000-000000000000";
  expect(slipNumber(id, new Date("2025-12-31T22:30:00Z"))).toBe("DON-2025-ABCDEF12");
  expect(slipNumber(id, new Date("2025-12-31T23:10:00Z"))).toBe("DON-2026-ABCDEF12");
});

test("the same claim always gets the same number", () => {
  const at = new Date("2026-03-29T01:30:00Z");
  expect(slipNumber("0123abcd-aaaa-4bbb-8ccc-dddddddddddd", at)).toBe(slipNumber("0123abcd-aaaa-4bbb-8ccc-dddddddddddd", at));
});
