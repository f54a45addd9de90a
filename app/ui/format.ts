import { formatEuros } from "~/domain/money";
import { formatParis, formatParisTime } from "~/domain/time/paris";
import type { Locale } from "~/i18n/messages";

/** Dates arrive from loaders as ISO strings (single fetch keeps Date, but links may not). */
export function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/** "Vendredi 27 novembre": first letter up, French months stay lower case. */
export function longDate(value: Date | string, locale: Locale): string {
  const text = formatParis(asDate(value), locale, "EEEE d MMMM");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function dateTime(value: Date | string, locale: Locale): string {
  return formatParis(asDate(value), locale, locale === "fr" ? "EEEE d MMMM 'à' HH:mm" : "EEEE d MMMM 'at' HH:mm");
}

export function timeRange(start: Date | string, end: Date | string): string {
  return `${formatParisTime(asDate(start))}–${formatParisTime(asDate(end))}`;
}

export function euros(cents: number, locale: Locale): string {
  return formatEuros(cents, locale);
}

// Built once: an Intl.NumberFormat per call cost 0.5 s over a 5,000-line pickup sheet.
const kilograms = { fr: new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 3 }), en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 3 }) };

/** A weighed quantity: "2,1 kg", "850 g". */
export function weight(grams: number, locale: Locale): string {
  if (grams < 1000) return `${grams} g`;
  return `${kilograms[locale].format(grams / 1000)} kg`;
}

export { placeLine } from "~/domain/distributions/place-line";
