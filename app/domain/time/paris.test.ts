import { expect, test } from "vitest";
import { addParisDays, formatParisTime, parisDateTime, parisIsoDate } from "~/domain/time/paris";

const HOUR = 3600_000;

// Europe/Paris changes on the last Sunday of March (02:00 CET → 03:00 CEST) and of October
// (03:00 CEST → 02:00 CET): 28 March 2027 and 25 October 2026.

test("a Paris wall-clock time before the spring change is UTC+1", () => {
  expect(parisDateTime("2027-03-24", "20:00").toISOString()).toBe("2027-03-24T19:00:00.000Z");
  expect(parisDateTime("2027-03-26", "17:00").toISOString()).toBe("2027-03-26T16:00:00.000Z");
  expect(parisDateTime("2027-03-27", "20:00").toISOString()).toBe("2027-03-27T19:00:00.000Z");
});

test("a Paris wall-clock time after the spring change is UTC+2", () => {
  expect(parisDateTime("2027-03-28", "17:00").toISOString()).toBe("2027-03-28T15:00:00.000Z");
  expect(parisDateTime("2027-03-29", "17:00").toISOString()).toBe("2027-03-29T15:00:00.000Z");
  expect(parisDateTime("2027-03-31", "20:00").toISOString()).toBe("2027-03-31T18:00:00.000Z");
  expect(parisDateTime("2027-04-02", "17:00").toISOString()).toBe("2027-04-02T15:00:00.000Z");
});

test("the spring-change night: 01:59 is still winter time, 03:00 is summer time, 02:30 does not exist and moves forward by the gap", () => {
  expect(parisDateTime("2027-03-28", "01:59").toISOString()).toBe("2027-03-28T00:59:00.000Z");
  expect(parisDateTime("2027-03-28", "03:00").toISOString()).toBe("2027-03-28T01:00:00.000Z");
  expect(parisDateTime("2027-03-28", "02:30").toISOString()).toBe("2027-03-28T01:30:00.000Z");
  expect(formatParisTime(parisDateTime("2027-03-28", "02:30"))).toBe("03:30");
});

test("a Paris wall-clock time before the autumn change is UTC+2, after it UTC+1", () => {
  expect(parisDateTime("2026-10-24", "20:00").toISOString()).toBe("2026-10-24T18:00:00.000Z");
  expect(parisDateTime("2026-10-25", "17:00").toISOString()).toBe("2026-10-25T16:00:00.000Z");
  expect(parisDateTime("2026-10-27", "20:00").toISOString()).toBe("2026-10-27T19:00:00.000Z");
});

test("the autumn-change night: 02:30 happens twice and the answer is one of those two instants, read back as 02:30 in Paris", () => {
  const instant = parisDateTime("2026-10-25", "02:30");
  expect(["2026-10-25T00:30:00.000Z", "2026-10-25T01:30:00.000Z"]).toContain(instant.toISOString());
  expect(formatParisTime(instant)).toBe("02:30");
  expect(parisIsoDate(instant)).toBe("2026-10-25");
});

test("a date or time that is not one is refused", () => {
  expect(() => parisDateTime("pas-une-date", "20:00")).toThrow();
  expect(() => parisDateTime("2027-03-24", "vingt heures")).toThrow();
});

test("adding days across the spring change keeps the wall-clock time, so the week is 167 hours long", () => {
  const friday = parisDateTime("2027-03-26", "17:00");
  const nextFriday = addParisDays(friday, 7);
  expect(nextFriday.toISOString()).toBe("2027-04-02T15:00:00.000Z");
  expect(nextFriday.getTime() - friday.getTime()).toBe(167 * HOUR);
  expect(addParisDays(nextFriday, -7).toISOString()).toBe(friday.toISOString());

  const saturdayCutoff = parisDateTime("2027-03-27", "20:00");
  expect(addParisDays(saturdayCutoff, 2).toISOString()).toBe("2027-03-29T18:00:00.000Z");
  expect(addParisDays(saturdayCutoff, 1).toISOString()).toBe("2027-03-28T18:00:00.000Z");
});

test("adding days across the autumn change keeps the wall-clock time, so the week is 169 hours long", () => {
  const saturday = parisDateTime("2026-10-24", "20:00");
  const tuesday = addParisDays(saturday, 3);
  expect(tuesday.toISOString()).toBe("2026-10-27T19:00:00.000Z");
  expect(addParisDays(saturday, 7).getTime() - saturday.getTime()).toBe(169 * HOUR);
  expect(addParisDays(tuesday, -3).toISOString()).toBe(saturday.toISOString());
  expect(addParisDays(saturday, 0).toISOString()).toBe(saturday.toISOString());
});

test("the Paris calendar date of an instant near midnight follows the offset of that day", () => {
  // 23:30Z is already the next day in Paris, in winter (00:30) and in summer (01:30).
  expect(parisIsoDate(new Date("2027-03-26T23:30:00Z"))).toBe("2027-03-27");
  expect(parisIsoDate(new Date("2027-03-28T22:30:00Z"))).toBe("2027-03-29");
  // 22:30Z is still the same day in winter (23:30) but the next one in summer (00:30).
  expect(parisIsoDate(new Date("2027-03-26T22:30:00Z"))).toBe("2027-03-26");
  expect(parisIsoDate(new Date("2027-03-29T22:30:00Z"))).toBe("2027-03-30");
  expect(parisIsoDate(new Date("2026-10-24T22:30:00Z"))).toBe("2026-10-25");
  expect(parisIsoDate(new Date("2026-10-26T22:30:00Z"))).toBe("2026-10-26");
});
