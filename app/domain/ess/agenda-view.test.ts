import { describe, expect, it } from "vitest";
import { eventDay, eventWhen, registrationLine } from "~/domain/ess/agenda-view";
import { eventSchema } from "~/domain/ess/event-input";

const form = {
  title: "Visite du chalutier",
  kind: "BOAT_VISIT",
  startDay: "2027-03-27",
  startTime: "10:00",
  endTime: "12:00",
  placeName: "Quai Henri IV",
  communeInsee: "76217",
};

describe("an event's times, typed in Paris and read in Paris", () => {
  it("keeps the wall-clock times on both sides of the spring change (UTC+1 on Saturday, UTC+2 on Sunday)", () => {
    const saturday = eventSchema.parse(form);
    const sunday = eventSchema.parse({ ...form, startDay: "2027-03-28" });
    expect(saturday.startsAt.toISOString()).toBe("2027-03-27T09:00:00.000Z");
    expect(sunday.startsAt.toISOString()).toBe("2027-03-28T08:00:00.000Z");
    expect(eventWhen(saturday, "fr")).toBe("samedi 27 mars 2027, de 10:00 à 12:00");
    expect(eventWhen(sunday, "fr")).toBe("dimanche 28 mars 2027, de 10:00 à 12:00");
    expect(eventWhen(sunday, "en")).toBe("Sunday 28 March 2027, from 10:00 to 12:00");
  });

  it("reads an autumn event after the change at its Paris time (UTC+1)", () => {
    const event = eventSchema.parse({ ...form, startDay: "2027-10-31", startTime: "23:30", endDay: "2027-11-01", endTime: "01:00" });
    expect(event.startsAt.toISOString()).toBe("2027-10-31T22:30:00.000Z");
    expect(eventDay(event)).toBe("2027-10-31");
    expect(eventWhen(event, "fr")).toBe("Du dimanche 31 octobre 2027, 23:30 au lundi 1 novembre 2027, 01:00");
  });

  it("refuses an end before its start, an impossible date, and a position outside the territory, naming the field", () => {
    const issues = (input: Record<string, string>) => {
      const parsed = eventSchema.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`);
    };
    expect(issues({ ...form, endTime: "09:00" })).toEqual(["endTime:essEvents.field.end.beforeStart"]);
    expect(issues({ ...form, startDay: "2027-02-30" })).toEqual(["startDay:essEvents.field.date.invalid"]);
    expect(issues({ ...form, lat: "48.85", lon: "2.35" })).toEqual(["lat:essActors.field.position.outside"]);
    expect(issues({ ...form, endDay: "2027-04-20" })).toEqual(["endDay:essEvents.field.end.tooLong"]);
  });

  it("says how to register, or that entry is free", () => {
    expect(registrationLine({ registrationUrl: null, registrationText: "" }, "fr")).toBe("Entrée libre, sans inscription");
    expect(registrationLine({ registrationUrl: "https://forum-ess.example/inscription", registrationText: "Gratuit" }, "fr")).toBe(
      "Inscription : Gratuit — https://forum-ess.example/inscription",
    );
  });
});
