import { z } from "zod";
import { hoursFieldName, RANGES_PER_DAY, TIME, timeAt, WEEK_DAYS, type TableValues } from "~/domain/directory/opening-hours";

/** The opening hours' week table as a form sends it (opening-hours.ts says what it is). Pure. */

/** One time input: empty is « not given »; its format is checked with the table's rules (checkOpeningHours), so all are named at once. */
const timeField = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : value.trim().replace(/^(\d{2}:\d{2}):\d{2}$/, "$1")) : value),
  z.string("directory.field.week.time").optional(),
);

/** The table's fields, to spread into a form's object schema. */
export const openingHoursFields = Object.fromEntries(
  WEEK_DAYS.flatMap((day) => RANGES_PER_DAY.flatMap((range) => [[hoursFieldName(day, range, "opens"), timeField], [hoursFieldName(day, range, "closes"), timeField]])),
) as Record<string, typeof timeField>;

/**
 * The table's rules, each refusal on the field to fix: a time is HH:MM, a range has both ends, opens
 * before it closes, and a day's second range starts after its first closes.
 */
export function checkOpeningHours(values: TableValues, context: z.RefinementCtx): void {
  for (const day of WEEK_DAYS) {
    let previousClose: string | null = null;
    for (const range of RANGES_PER_DAY) {
      const opensAt = hoursFieldName(day, range, "opens");
      const closesAt = hoursFieldName(day, range, "closes");
      const opens = timeAt(values, opensAt);
      const closes = timeAt(values, closesAt);
      if (opens === undefined && closes === undefined) continue;
      const malformed = [[opensAt, opens], [closesAt, closes]].filter(([, time]) => time !== undefined && !TIME.test(time));
      for (const [path] of malformed) context.addIssue({ code: "custom", path: [path ?? opensAt], message: "directory.field.week.time" });
      if (malformed.length > 0) continue;
      if (opens === undefined || closes === undefined) {
        context.addIssue({ code: "custom", path: [opens === undefined ? opensAt : closesAt], message: "directory.field.week.incomplete" });
        continue;
      }
      if (closes <= opens) {
        context.addIssue({ code: "custom", path: [closesAt], message: "directory.field.week.order" });
        continue;
      }
      if (previousClose !== null && opens < previousClose) {
        context.addIssue({ code: "custom", path: [opensAt], message: "directory.field.week.overlap" });
      }
      previousClose = closes;
    }
  }
}

