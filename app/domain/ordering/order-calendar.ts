/**
 * An order's pickup as an iCalendar file (RFC 5545): one VEVENT, written here in a few lines
 * rather than with a library (ical-generator 11 needs Node 22; what we need is escaping, folding
 * and UTC times). Times are UTC with "Z", so no VTIMEZONE is needed: the slot is already an
 * instant, and every calendar shows it at the right Paris wall-clock time, across DST. Pure.
 */

export type PickupEvent = {
  orderId: string;
  startsAt: Date;
  endsAt: Date;
  /** When the file was made (DTSTAMP). */
  stamp: Date;
  summary: string;
  location: string;
  description: string;
  url: string;
  geo?: { lat: number; lon: number };
  cancelled?: boolean;
};

/** The same UID every time the file is downloaded: a calendar updates the event instead of adding a second one. */
export function pickupEventUid(orderId: string): string {
  return `order-${orderId}@terre-et-mer`;
}

/** 2026-12-11T15:30:00.000Z → 20261211T153000Z. */
export function icsUtc(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

/** A TEXT value: backslash, semicolon, comma and newline escaped (RFC 5545 §3.3.11). */
export function escapeIcsText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/**
 * A content line folded at 75 octets (RFC 5545 §3.1): each continuation starts with one space,
 * and a character is never cut between its UTF-8 bytes.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    // The first line holds 75 octets; the next ones 74 after their leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

export function pickupEventIcs(event: PickupEvent): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Terre & Mer//Commandes//FR",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${pickupEventUid(event.orderId)}`,
    `DTSTAMP:${icsUtc(event.stamp)}`,
    `DTSTART:${icsUtc(event.startsAt)}`,
    `DTEND:${icsUtc(event.endsAt)}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
    `LOCATION:${escapeIcsText(event.location)}`,
    ...(event.geo ? [`GEO:${event.geo.lat};${event.geo.lon}`] : []),
    `DESCRIPTION:${escapeIcsText(event.description)}`,
    // URL is a URI value, not TEXT: it is not escaped.
    `URL:${event.url}`,
    `STATUS:${event.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(foldIcsLine).join("\r\n")}\r\n`;
}
