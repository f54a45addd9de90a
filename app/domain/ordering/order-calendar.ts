import ical, { ICalEventStatus, ICalEventTransparency } from "ical-generator";
import { formatEuros, type Locale } from "~/domain/money";
import { translate } from "~/i18n/messages";
import { amountAtMostCents } from "~/domain/ordering/variable-weight";

/**
 * An order's pickup as an iCalendar file (RFC 5545): one VEVENT, written by ical-generator
 * (10.x, the line that runs on Node 20), which escapes text, folds lines at 75 octets and writes
 * the times. Times are UTC with "Z", so no VTIMEZONE is needed: the slot is already an instant,
 * and every calendar shows it at the right Paris wall-clock time, across DST. Pure.
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

export function pickupEventIcs(event: PickupEvent): string {
  const calendar = ical({ prodId: { company: "Terre & Mer", product: "Commandes", language: "FR" } });
  calendar.createEvent({
    id: pickupEventUid(event.orderId),
    stamp: event.stamp,
    start: event.startsAt,
    end: event.endsAt,
    summary: event.summary,
    location: event.geo ? { title: event.location, geo: event.geo } : event.location,
    description: event.description,
    url: event.url,
    status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    transparency: ICalEventTransparency.OPAQUE,
  });
  // RFC 5545 ends every content line, the last one included, with CRLF.
  return `${calendar.toString()}\r\n`;
}

/**
 * What the event says of the order: its number, one line per product, then the money — « up to »
 * the cap while a line awaits its weighing, otherwise what is left to pay at pickup.
 */
export function pickupEventDescription(
  order: {
    number: number;
    lines: ReadonlyArray<{ quantity: number; productName: string; unitPriceCents: number; finalCents: number | null; capCents: number | null }>;
    awaitingWeighing: boolean;
    leftToPayCents: number;
  },
  locale: Locale,
): string {
  return [
    translate(locale, "myOrders.calendar.order", { number: order.number }),
    ...order.lines.map((line) => translate(locale, "myOrders.calendar.line", { quantity: line.quantity, product: line.productName })),
    order.awaitingWeighing
      ? translate(locale, "myOrders.calendar.upTo", { amount: formatEuros(amountAtMostCents(order.lines), locale) })
      : translate(locale, "myOrders.calendar.amountDue", { amount: formatEuros(order.leftToPayCents, locale) }),
  ].join("\n");
}
