/**
 * A producer's opening hours as a week table (issue 12): for each day, Monday to Sunday, up to two
 * ranges « opens – closes » in Paris wall-clock time, typed in a table of time inputs and shown on
 * their public page and as schema.org openingHoursSpecification. Pure.
 *
 * Stored as the list of ranges, `[{ day: 1, opens: "09:00", closes: "12:00" }, …]` (ISO weekday,
 * 1 = Monday), sorted by day and hour: the shape schema.org asks for. A day with no range is closed.
 */

export const WEEK_DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];
export const RANGES_PER_DAY = [1, 2] as const;

export type OpeningRange = { day: WeekDay; opens: string; closes: string };

/** A wall-clock time HH:MM, 00:00 to 23:59. */
export const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The form field of one end of one range: « hours-1-2-closes » is Monday's second range's closing time. */
export function hoursFieldName(day: WeekDay, range: 1 | 2, end: "opens" | "closes"): string {
  return `hours-${day}-${range}-${end}`;
}

const SCHEMA_ORG_DAYS: Record<WeekDay, string> = {
  1: "https://schema.org/Monday",
  2: "https://schema.org/Tuesday",
  3: "https://schema.org/Wednesday",
  4: "https://schema.org/Thursday",
  5: "https://schema.org/Friday",
  6: "https://schema.org/Saturday",
  7: "https://schema.org/Sunday",
};

/** A parsed form holding the table's fields (and others, ignored). */
export type TableValues = Readonly<Record<string, unknown>>;

export function timeAt(values: TableValues, field: string): string | undefined {
  const value = values[field];
  return typeof value === "string" ? value : undefined;
}

/** The ranges the table gives (after checkOpeningHours), sorted by day and hour. */
export function openingRangesOf(values: TableValues): OpeningRange[] {
  const ranges: OpeningRange[] = [];
  for (const day of WEEK_DAYS) {
    for (const range of RANGES_PER_DAY) {
      const opens = timeAt(values, hoursFieldName(day, range, "opens"));
      const closes = timeAt(values, hoursFieldName(day, range, "closes"));
      if (opens !== undefined && closes !== undefined) ranges.push({ day, opens, closes });
    }
  }
  return ranges.sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens));
}

/** The form's values for a stored week: each range in its day's next free row. */
export function openingHoursFormValues(ranges: readonly OpeningRange[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const day of WEEK_DAYS) {
    ranges.filter((range) => range.day === day).slice(0, RANGES_PER_DAY.length).forEach((range, index) => {
      const row = RANGES_PER_DAY[index] ?? 1;
      values[hoursFieldName(day, row, "opens")] = range.opens;
      values[hoursFieldName(day, row, "closes")] = range.closes;
    });
  }
  return values;
}

/** A stored week read back (JSON from the database): anything that is not a valid range is dropped. */
export function readOpeningRanges(json: unknown): OpeningRange[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((entry: unknown) => {
    if (typeof entry !== "object" || entry === null) return [];
    const { day, opens, closes } = entry as Record<string, unknown>;
    if (typeof day !== "number" || !WEEK_DAYS.includes(day as WeekDay) || typeof opens !== "string" || typeof closes !== "string" || !TIME.test(opens) || !TIME.test(closes)) return [];
    return [{ day: day as WeekDay, opens, closes }];
  });
}

/** Every day of the week with its ranges (none: closed), for the page's table. */
export function openingWeekRows(ranges: readonly OpeningRange[]): Array<{ day: WeekDay; ranges: Array<{ opens: string; closes: string }> }> {
  return WEEK_DAYS.map((day) => ({ day, ranges: ranges.filter((range) => range.day === day).map(({ opens, closes }) => ({ opens, closes })) }));
}

/** schema.org openingHoursSpecification: one entry per range. */
export function openingHoursSpecification(ranges: readonly OpeningRange[]) {
  return ranges.map((range) => ({ "@type": "OpeningHoursSpecification", dayOfWeek: SCHEMA_ORG_DAYS[range.day], opens: range.opens, closes: range.closes }));
}
