/**
 * The temperature rule of a hand-over, pure: what the donor reads for chilled and frozen food.
 * (Window, use-by and the 48 h rule at hand-over: pickupBreaches in donation-rules.ts.)
 * Temperatures travel in °C and are stored in tenths of a degree.
 */

export type PickupStorage = "AMBIENT" | "CHILLED" | "FROZEN";

/** Chilled food travels at 0–4 °C (product.md); frozen at −18 °C or below. */
export const CHILLED_MAX_DECI_C = 40;
export const FROZEN_MAX_DECI_C = -180;

export type TemperatureBreach = "required" | "cold_chain_broken" | "not_frozen";

/** Chilled and frozen food is handed over with its temperature; ambient food without. */
export function needsHandOverTemperature(storage: PickupStorage): boolean {
  return storage !== "AMBIENT";
}

/**
 * The temperature to record, in tenths of °C: required for chilled and frozen food, ignored for
 * ambient (null). A chilled product above 4 °C or a frozen one above −18 °C is refused.
 */
export function handOverTemperature(storage: PickupStorage, temperatureC: number | undefined): { deciC: number | null } | { breach: TemperatureBreach } {
  if (!needsHandOverTemperature(storage)) return { deciC: null };
  if (temperatureC === undefined) return { breach: "required" };
  const deciC = Math.round(temperatureC * 10);
  if (storage === "CHILLED" && deciC > CHILLED_MAX_DECI_C) return { breach: "cold_chain_broken" };
  if (storage === "FROZEN" && deciC > FROZEN_MAX_DECI_C) return { breach: "not_frozen" };
  return { deciC };
}
