import { formatEuros } from "~/domain/money";
import { TERRITORY_TIME_ZONE } from "~/domain/time/zone";
import type { Locale } from "~/i18n/messages";

/*
 * Dates on pages are written by the browser's own Intl, in Paris time: the same words as
 * formatParis (date-fns, kept for the server's documents) without shipping date-fns, its two
 * locales and its time-zone code to every page (8 kB br: docs/decisions/025). format.test.ts
 * holds them equal across the year and its clock changes.
 */
const dayFormats: Record<Locale, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat("fr-FR", { timeZone: TERRITORY_TIME_ZONE, weekday: "long", day: "numeric", month: "long" }),
  en: new Intl.DateTimeFormat("en-GB", { timeZone: TERRITORY_TIME_ZONE, weekday: "long", day: "numeric", month: "long" }),
};
const clock = new Intl.DateTimeFormat("en-GB", { timeZone: TERRITORY_TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** "vendredi 27 novembre" / "Friday 27 November" in Paris. */
function day(value: Date, locale: Locale): string {
  return dayFormats[locale].format(value);
}

/** "17:00" in Paris. */
function time(value: Date): string {
  return clock.format(value);
}

/** Dates arrive from loaders as ISO strings (single fetch keeps Date, but links may not). */
export function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/** "Vendredi 27 novembre": first letter up, French months stay lower case. */
export function longDate(value: Date | string, locale: Locale): string {
  const text = day(asDate(value), locale);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function dateTime(value: Date | string, locale: Locale): string {
  const instant = asDate(value);
  return `${day(instant, locale)} ${locale === "fr" ? "à" : "at"} ${time(instant)}`;
}

export function timeRange(start: Date | string, end: Date | string): string {
  return `${time(asDate(start))}–${time(asDate(end))}`;
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
