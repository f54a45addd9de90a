import { parisDateTime } from "~/domain/time/paris";

/**
 * A recurring distribution, as its organiser says it: "every Friday 17:00–19:00, orders close
 * Wednesday 20:00". Times are Paris wall-clock times; dates are Paris calendar dates, both ends
 * included. The instants are computed date by date in Paris, so 17:00 stays 17:00 on either side
 * of a DST change (15:00 UTC in summer, 16:00 UTC in winter).
 */
export type SeriesRule = {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  startTime: string;
  endTime: string;
  cutoffDaysBefore: number;
  cutoffTime: string;
  /** Ordering opens at 00:00 Paris this many days before the distribution. */
  opensDaysBefore: number;
  slotMinutes: number;
  slotCapacity: number;
  firstDate: string;
  lastDate: string;
};

export type Occurrence = {
  date: string;
  startsAt: Date;
  endsAt: Date;
  cutoffAt: Date;
  opensAt: Date;
  slots: Array<{ startsAt: Date; endsAt: Date }>;
};

/** A series spans at most a year: beyond that nobody knows their holidays and storms. */
export const MAX_SERIES_DAYS = 366;

const DAY_MS = 24 * 3600_000;

function calendarDay(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`Date invalide : ${isoDate}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar arithmetic on plain dates (no time zone involved): "2026-10-23" − 2 → "2026-10-21". */
export function addCalendarDays(isoDate: string, days: number): string {
  return isoOfDay(calendarDay(isoDate) + days);
}

/** Days from one calendar date to another: 0 for the same day. */
export function calendarDaysBetween(from: string, to: string): number {
  return calendarDay(to) - calendarDay(from);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(isoDate: string): number {
  const day = new Date(calendarDay(isoDate) * DAY_MS).getUTCDay();
  return day === 0 ? 7 : day;
}

export function isValidCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return isoOfDay(calendarDay(value)) === value;
}

export function minutesOfTime(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new Error(`Heure invalide : ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function timeOfMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * Pickup slots of one distribution: from the start, every `slotMinutes`, the last one ending at
 * the end (shorter if the window does not divide evenly). 17:00–19:00 by 30 min → 4 slots.
 */
export function slotTimes(startTime: string, endTime: string, slotMinutes: number): Array<{ start: string; end: string }> {
  const start = minutesOfTime(startTime);
  const end = minutesOfTime(endTime);
  const slots: Array<{ start: string; end: string }> = [];
  for (let from = start; from < end; from += slotMinutes) {
    slots.push({ start: timeOfMinutes(from), end: timeOfMinutes(Math.min(from + slotMinutes, end)) });
  }
  return slots;
}

/** Every date of the series, in order, with its instants and slots. */
export function seriesOccurrences(rule: SeriesRule): Occurrence[] {
  const first = calendarDay(rule.firstDate);
  const last = calendarDay(rule.lastDate);
  const firstWeekday = isoWeekday(rule.firstDate);
  const occurrences: Occurrence[] = [];
  for (let day = first + ((rule.weekday - firstWeekday + 7) % 7); day <= last; day += 7) {
    const date = isoOfDay(day);
    occurrences.push({
      date,
      startsAt: parisDateTime(date, rule.startTime),
      endsAt: parisDateTime(date, rule.endTime),
      cutoffAt: parisDateTime(addCalendarDays(date, -rule.cutoffDaysBefore), rule.cutoffTime),
      opensAt: parisDateTime(addCalendarDays(date, -rule.opensDaysBefore), "00:00"),
      slots: slotTimes(rule.startTime, rule.endTime, rule.slotMinutes).map((slot) => ({
        startsAt: parisDateTime(date, slot.start),
        endsAt: parisDateTime(date, slot.end),
      })),
    });
  }
  return occurrences;
}
