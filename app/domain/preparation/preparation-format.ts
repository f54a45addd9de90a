import { unitLabel, type SaleUnit } from "~/domain/catalog/units";
import { formatParisTime } from "~/domain/time/paris";

/**
 * Words of the preparation lists, shared by the pages and the CSV files. A list can hold thousands
 * of lines: formatters are built once, slot times worked out once per slot.
 */

/** "2 kg", "3 × botte", "2 × 100 g": what was ordered, in words a producer reads at a glance. */
export function quantityText(quantity: number, unit: SaleUnit, locale: "fr" | "en"): string {
  return unit === "KG" ? `${quantity} kg` : `${quantity} × ${unitLabel(unit, locale)}`;
}

// A distribution has a handful of slots and thousands of lines: each slot's text is worked out once.
const slotTexts = new Map<string, string>();

/** "17:00–17:30", Paris time. */
export function slotText(slot: { startsAt: Date | string; endsAt: Date | string }): string {
  const start = new Date(slot.startsAt);
  const end = new Date(slot.endsAt);
  const key = `${start.getTime()}-${end.getTime()}`;
  let text = slotTexts.get(key);
  if (text === undefined) {
    if (slotTexts.size > 10_000) slotTexts.clear();
    text = `${formatParisTime(start)}–${formatParisTime(end)}`;
    slotTexts.set(key, text);
  }
  return text;
}

const kilograms = {
  fr: new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 3 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 3 }),
};

/** A weighed quantity: "2,1 kg", "850 g". */
export function weightText(grams: number, locale: "fr" | "en"): string {
  return grams < 1000 ? `${grams} g` : `${kilograms[locale].format(grams / 1000)} kg`;
}
