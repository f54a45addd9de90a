import { expect, test } from "vitest";
import { formatParis, formatParisTime } from "~/domain/time/paris";
import { dateTime, longDate, timeRange } from "~/ui/format";

// Every 7 h 13 min over a year and a half: every weekday, month and hour, both clock changes.
const instants = Array.from({ length: 1800 }, (_, index) => new Date(Date.UTC(2026, 0, 1) + index * (7 * 60 + 13) * 60_000));

test("pages write dates in Paris time word for word as formatParis does, in French and in English", () => {
  for (const instant of instants) {
    for (const locale of ["fr", "en"] as const) {
      const words = formatParis(instant, locale, "EEEE d MMMM");
      expect(longDate(instant, locale)).toBe(words.charAt(0).toUpperCase() + words.slice(1));
      expect(dateTime(instant.toISOString(), locale)).toBe(formatParis(instant, locale, locale === "fr" ? "EEEE d MMMM 'à' HH:mm" : "EEEE d MMMM 'at' HH:mm"));
    }
    expect(timeRange(instant, new Date(instant.getTime() + 90 * 60_000))).toBe(`${formatParisTime(instant)}–${formatParisTime(new Date(instant.getTime() + 90 * 60_000))}`);
  }
});

test("the night of the spring clock change, 01:30 UTC is 03:30 in Paris; in autumn 00:30 UTC is 02:30 and 01:30 UTC is 02:30 again", () => {
  expect(dateTime("2027-03-28T01:30:00Z", "fr")).toBe("dimanche 28 mars à 03:30");
  expect(dateTime("2027-10-31T00:30:00Z", "en")).toBe("Sunday 31 October at 02:30");
  expect(timeRange("2027-10-31T00:30:00Z", "2027-10-31T01:30:00Z")).toBe("02:30–02:30");
  expect(longDate("2027-01-01T12:00:00Z", "fr")).toBe("Vendredi 1 janvier");
});
