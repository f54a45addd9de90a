import { expect, test } from "vitest";
import { impactPeriodSchema } from "~/domain/donations/donation-impact.server";

test("the impact's ?annee= is a year from 2020, or nothing (absent or empty) for the last 12 months", () => {
  expect(impactPeriodSchema.parse(null)).toBeNull();
  expect(impactPeriodSchema.parse("")).toBeNull();
  expect(impactPeriodSchema.parse("2026")).toBe(2026);
  expect(impactPeriodSchema.parse(" 2023 ")).toBe(2023);
  expect(impactPeriodSchema.safeParse("2019").success).toBe(false);
  expect(impactPeriodSchema.safeParse("deux-mille").success).toBe(false);
  expect(impactPeriodSchema.safeParse("3000").success).toBe(false);
});
