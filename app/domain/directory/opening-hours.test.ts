import { expect, test } from "vitest";
import { z } from "zod";
import { openingHoursFormValues, openingHoursSpecification, openingRangesOf, openingWeekRows, readOpeningRanges } from "~/domain/directory/opening-hours";
import { checkOpeningHours, openingHoursFields } from "~/domain/directory/opening-hours-input";

const table = z.object(openingHoursFields).superRefine(checkOpeningHours);

function issues(form: Record<string, string>) {
  const parsed = table.safeParse(form);
  return parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]);
}

test("a week typed in the table: two ranges on Tuesday, one on Saturday, the rest closed; sorted by day and hour", () => {
  const form = { "hours-6-1-opens": "09:00", "hours-6-1-closes": "12:00", "hours-2-2-opens": "14:00", "hours-2-2-closes": "18:30", "hours-2-1-opens": "09:00:00", "hours-2-1-closes": "12:30", "hours-3-1-opens": "", "hours-3-1-closes": " " };
  expect(issues(form)).toEqual([]);
  const ranges = openingRangesOf(table.parse(form));
  expect(ranges).toEqual([
    { day: 2, opens: "09:00", closes: "12:30" },
    { day: 2, opens: "14:00", closes: "18:30" },
    { day: 6, opens: "09:00", closes: "12:00" },
  ]);
  expect(openingWeekRows(ranges).map((row) => row.ranges.length)).toEqual([0, 2, 0, 0, 0, 1, 0]);
  expect(openingHoursFormValues(ranges)).toEqual({ "hours-2-1-opens": "09:00", "hours-2-1-closes": "12:30", "hours-2-2-opens": "14:00", "hours-2-2-closes": "18:30", "hours-6-1-opens": "09:00", "hours-6-1-closes": "12:00" });
  expect(openingHoursSpecification(ranges)[0]).toEqual({ "@type": "OpeningHoursSpecification", dayOfWeek: "https://schema.org/Tuesday", opens: "09:00", closes: "12:30" });
});

test("a range opens strictly before it closes: one minute apart is accepted, equal or reversed refused on the closing time", () => {
  expect(issues({ "hours-1-1-opens": "09:00", "hours-1-1-closes": "09:01" })).toEqual([]);
  expect(issues({ "hours-1-1-opens": "09:00", "hours-1-1-closes": "09:00" })).toEqual([["hours-1-1-closes", "directory.field.week.order"]]);
  expect(issues({ "hours-1-1-opens": "18:00", "hours-1-1-closes": "09:00" })).toEqual([["hours-1-1-closes", "directory.field.week.order"]]);
});

test("the second range starts once the first has closed: at its closing time is accepted, a minute before refused", () => {
  const first = { "hours-4-1-opens": "09:00", "hours-4-1-closes": "12:00" };
  expect(issues({ ...first, "hours-4-2-opens": "12:00", "hours-4-2-closes": "18:00" })).toEqual([]);
  expect(issues({ ...first, "hours-4-2-opens": "11:59", "hours-4-2-closes": "18:00" })).toEqual([["hours-4-2-opens", "directory.field.week.overlap"]]);
});

test("a range with one end only, or a time that is not one, is named on its field; every day's issue at once", () => {
  expect(issues({ "hours-5-1-opens": "09:00", "hours-7-2-closes": "25:00", "hours-3-1-closes": "17:00" }).sort()).toEqual([
    ["hours-3-1-opens", "directory.field.week.incomplete"],
    ["hours-5-1-closes", "directory.field.week.incomplete"],
    ["hours-7-2-closes", "directory.field.week.time"],
  ]);
});

test("a stored week read back keeps only well-formed ranges", () => {
  expect(readOpeningRanges([{ day: 1, opens: "08:00", closes: "20:00" }, { day: 8, opens: "08:00", closes: "20:00" }, { day: 2, opens: "8h", closes: "20:00" }, "lundi"])).toEqual([{ day: 1, opens: "08:00", closes: "20:00" }]);
  expect(readOpeningRanges(null)).toEqual([]);
});
