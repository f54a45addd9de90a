import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { enGB, fr } from "date-fns/locale";
import { TERRITORY_TIME_ZONE } from "~/domain/time/zone";

export { TERRITORY_TIME_ZONE };

/**
 * The instant of a wall-clock time in Paris: `parisDateTime("2027-03-28", "17:00")` is 15:00 UTC
 * (summer time), the day before it is 16:00 UTC. A time that does not exist (02:30 on the
 * spring-forward night) moves forward by the gap, as clocks do.
 */
export function parisDateTime(isoDate: string, time: string): Date {
  const [year, month, day] = isoDate.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  if (!year || !month || !day || hour === undefined || minute === undefined) {
    throw new Error(`Date ou heure invalide : ${isoDate} ${time}`);
  }
  return new Date(new TZDate(year, month - 1, day, hour, minute, 0, TERRITORY_TIME_ZONE).getTime());
}

/** The Paris calendar date (YYYY-MM-DD) of an instant. */
export function parisIsoDate(instant: Date): string {
  return format(new TZDate(instant.getTime(), TERRITORY_TIME_ZONE), "yyyy-MM-dd");
}

/** Adds whole calendar days in Paris, keeping the wall-clock time across DST changes. */
export function addParisDays(instant: Date, days: number): Date {
  const local = new TZDate(instant.getTime(), TERRITORY_TIME_ZONE);
  const moved = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + days, local.getHours(), local.getMinutes(), local.getSeconds(), TERRITORY_TIME_ZONE);
  return new Date(moved.getTime());
}

export type Locale = "fr" | "en";

/** "vendredi 27 novembre, 17:00" / "Friday 27 November, 17:00", in Paris time. */
export function formatParis(instant: Date, locale: Locale, pattern?: string): string {
  const zoned = new TZDate(instant.getTime(), TERRITORY_TIME_ZONE);
  const defaultPattern = locale === "fr" ? "EEEE d MMMM, HH:mm" : "EEEE d MMMM, HH:mm";
  return format(zoned, pattern ?? defaultPattern, { locale: locale === "fr" ? fr : enGB });
}

export function formatParisTime(instant: Date): string {
  return format(new TZDate(instant.getTime(), TERRITORY_TIME_ZONE), "HH:mm");
}
