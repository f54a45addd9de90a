import { expect, test } from "vitest";
import { handOverTemperature, needsHandOverTemperature } from "~/domain/donations/pickup-rules";

test("the temperature is required for chilled and frozen food, ignored for ambient", () => {
  expect(handOverTemperature("AMBIENT", undefined)).toEqual({ deciC: null });
  expect(handOverTemperature("AMBIENT", 25)).toEqual({ deciC: null });
  expect(handOverTemperature("CHILLED", undefined)).toEqual({ breach: "required" });
  expect(handOverTemperature("FROZEN", undefined)).toEqual({ breach: "required" });
});

test("chilled food is taken up to 4 °C, frozen food up to −18 °C", () => {
  expect(handOverTemperature("CHILLED", 4)).toEqual({ deciC: 40 });
  expect(handOverTemperature("CHILLED", 4.1)).toEqual({ breach: "cold_chain_broken" });
  expect(handOverTemperature("CHILLED", -1.5)).toEqual({ deciC: -15 });
  expect(handOverTemperature("FROZEN", -18)).toEqual({ deciC: -180 });
  expect(handOverTemperature("FROZEN", -17.9)).toEqual({ breach: "not_frozen" });
});

test("only chilled and frozen food is handed over with its temperature", () => {
  expect(needsHandOverTemperature("AMBIENT")).toBe(false);
  expect(needsHandOverTemperature("CHILLED")).toBe(true);
  expect(needsHandOverTemperature("FROZEN")).toBe(true);
});
