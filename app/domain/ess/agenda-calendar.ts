import ical, { ICalEventStatus, ICalEventTransparency } from "ical-generator";

/**
 * The agenda as an iCalendar feed, and one event as a file (RFC 5545), written by ical-generator
 * as the order's pickup is (decision 021): UTC times with "Z" (no VTIMEZONE: the stored instants
 * show at the right Paris time in every calendar, across DST), one stable UID per event so a
 * subscribed calendar updates an event rather than adding it twice, and CRLF line ends. Pure.
 */
export type CalendarEvent = {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  placeName: string;
  address: string;
  communeName: string;
  lat: number;
  lon: number;
  holderName: string;
  registration: string;
  updatedAt: Date;
};

/** The same UID whatever the feed or file it is read from, and across downloads. */
export function agendaEventUid(eventId: string): string {
  return `event-${eventId}@terre-et-mer`;
}

export function agendaIcs(input: { name: string; events: readonly CalendarEvent[]; eventUrl: (id: string) => string }): string {
  const calendar = ical({ name: input.name, prodId: { company: "Terre & Mer", product: "Agenda", language: "FR" } });
  for (const event of input.events) {
    const location = [event.placeName, event.address, event.communeName].filter((part) => part.trim() !== "").join(", ");
    calendar.createEvent({
      id: agendaEventUid(event.id),
      // DTSTAMP: when this version of the event was written, so a feed read twice is the same bytes.
      stamp: event.updatedAt,
      lastModified: event.updatedAt,
      start: event.startsAt,
      end: event.endsAt,
      summary: event.title,
      location: { title: location, geo: { lat: event.lat, lon: event.lon } },
      description: [event.description, event.holderName, event.registration].filter((part) => part.trim() !== "").join("\n\n"),
      url: input.eventUrl(event.id),
      status: ICalEventStatus.CONFIRMED,
      transparency: ICalEventTransparency.OPAQUE,
    });
  }
  return `${calendar.toString()}\r\n`;
}
