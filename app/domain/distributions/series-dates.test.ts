import { expect, test } from "vitest";
import { addCalendarDays, isoWeekday, isValidCalendarDate, seriesOccurrences, slotTimes, type SeriesRule } from "~/domain/distributions/series-dates";
import { formatParisTime, parisIsoDate } from "~/domain/time/paris";

// "Every Friday 17:00–19:00 at the quay, orders close Wednesday 20:00."
const fridays: SeriesRule = {
  weekday: 5,
  startTime: "17:00",
  endTime: "19:00",
  cutoffDaysBefore: 2,
  cutoffTime: "20:00",
  opensDaysBefore: 7,
  slotMinutes: 30,
  slotCapacity: 20,
  firstDate: "2026-10-12",
  lastDate: "2026-11-06",
};

test("a series lists every Friday of its range, both ends included", () => {
  expect(seriesOccurrences(fridays).map((occurrence) => occurrence.date)).toEqual(["2026-10-16", "2026-10-23", "2026-10-30", "2026-11-06"]);
  expect(seriesOccurrences({ ...fridays, firstDate: "2026-10-16", lastDate: "2026-10-16" }).map((o) => o.date)).toEqual(["2026-10-16"]);
  expect(seriesOccurrences({ ...fridays, firstDate: "2026-10-17", lastDate: "2026-10-22" })).toEqual([]);
});

test("across the autumn change (25 October 2026) 17:00 Paris stays 17:00: 15:00 UTC before, 16:00 UTC after", () => {
  const [before, , after] = seriesOccurrences(fridays);
  expect(before?.startsAt.toISOString()).toBe("2026-10-16T15:00:00.000Z");
  expect(before?.endsAt.toISOString()).toBe("2026-10-16T17:00:00.000Z");
  expect(after?.startsAt.toISOString()).toBe("2026-10-30T16:00:00.000Z");
  expect(after?.endsAt.toISOString()).toBe("2026-10-30T18:00:00.000Z");
  for (const occurrence of seriesOccurrences(fridays)) expect(formatParisTime(occurrence.startsAt)).toBe("17:00");
});

test("the cutoff is Wednesday 20:00 Paris and the opening Friday before at midnight, whatever the offset", () => {
  const occurrences = seriesOccurrences(fridays);
  // The Friday after the change: Wednesday 28 October 20:00 CET = 19:00 UTC.
  expect(occurrences[2]?.cutoffAt.toISOString()).toBe("2026-10-28T19:00:00.000Z");
  // Friday 23 October, before the change: Wednesday 21 at 20:00 CEST, opening Friday 16 at 00:00 CEST.
  expect(occurrences[1]?.cutoffAt.toISOString()).toBe("2026-10-21T18:00:00.000Z");
  expect(occurrences[1]?.opensAt.toISOString()).toBe("2026-10-15T22:00:00.000Z");
  // Friday 30 October opens on Friday 23 at 00:00 CEST, before the change, and closes after it.
  expect(occurrences[2]?.opensAt.toISOString()).toBe("2026-10-22T22:00:00.000Z");
  for (const occurrence of occurrences) {
    expect(isoWeekday(parisIsoDate(occurrence.cutoffAt))).toBe(3);
    expect(formatParisTime(occurrence.cutoffAt)).toBe("20:00");
  }
});

test("across the spring change (28 March 2027) 17:00 Paris goes from 16:00 UTC to 15:00 UTC", () => {
  const spring = seriesOccurrences({ ...fridays, weekday: 7, firstDate: "2027-03-21", lastDate: "2027-04-04", cutoffDaysBefore: 0, cutoffTime: "08:00" });
  expect(spring.map((o) => o.startsAt.toISOString())).toEqual(["2027-03-21T16:00:00.000Z", "2027-03-28T15:00:00.000Z", "2027-04-04T15:00:00.000Z"]);
  // The cutoff on the change day itself, 08:00 Paris, is already summer time.
  expect(spring[1]?.cutoffAt.toISOString()).toBe("2027-03-28T06:00:00.000Z");
  // Opening at midnight Paris a week before.
  expect(spring[1]?.opensAt.toISOString()).toBe("2027-03-20T23:00:00.000Z");
});

test("17:00–19:00 with 30-minute slots gives 4 slots; the slots follow the wall clock too", () => {
  const [first, , third] = seriesOccurrences(fridays);
  expect(first?.slots.map((slot) => `${formatParisTime(slot.startsAt)}–${formatParisTime(slot.endsAt)}`)).toEqual(["17:00–17:30", "17:30–18:00", "18:00–18:30", "18:30–19:00"]);
  expect(third?.slots[0]?.startsAt.toISOString()).toBe("2026-10-30T16:00:00.000Z");
  expect(third?.slots[3]?.endsAt.toISOString()).toBe("2026-10-30T18:00:00.000Z");
});

test("a window that does not divide evenly ends with a shorter slot; one slot when the length covers it", () => {
  expect(slotTimes("17:00", "18:15", 30)).toEqual([
    { start: "17:00", end: "17:30" },
    { start: "17:30", end: "18:00" },
    { start: "18:00", end: "18:15" },
  ]);
  expect(slotTimes("08:00", "12:00", 240)).toEqual([{ start: "08:00", end: "12:00" }]);
});

test("calendar helpers: weekdays, day arithmetic over month and year ends, impossible dates", () => {
  expect(isoWeekday("2026-11-27")).toBe(5);
  expect(isoWeekday("2026-11-29")).toBe(7);
  expect(addCalendarDays("2026-03-01", -1)).toBe("2026-02-28");
  expect(addCalendarDays("2026-12-30", 3)).toBe("2027-01-02");
  expect(isValidCalendarDate("2026-02-29")).toBe(false);
  expect(isValidCalendarDate("2028-02-29")).toBe(true);
  expect(isValidCalendarDate("2026-13-01")).toBe(false);
  expect(isValidCalendarDate("26-11-01")).toBe(false);
});
