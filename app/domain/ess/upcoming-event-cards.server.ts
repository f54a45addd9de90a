import { eventWhen } from "~/domain/ess/agenda-view";
import { upcomingEventsOf } from "~/domain/ess/list-agenda.server";
import type { Locale } from "~/domain/time/paris";

/** One coming event as an actor's page lists it: already worded in the reader's language (no dictionary sent to the browser). */
export type UpcomingEventCard = { id: string; title: string; kind: string; when: string; place: string };

/**
 * The coming events of an organisation or an ESS actor, for their public page (one statement):
 * `events: await upcomingEventCards({ organisationId: producer.id }, now(), locale)` in the loader,
 * `<UpcomingEvents events={events} />` (app/ui/upcoming-events.tsx) in the page.
 */
export async function upcomingEventCards(actor: { organisationId: string } | { essActorId: string }, now: Date, locale: Locale, limit = 10): Promise<UpcomingEventCard[]> {
  const events = await upcomingEventsOf(actor, now, limit);
  return events.map((event) => ({ id: event.id, title: event.title, kind: event.kind, when: eventWhen(event, locale), place: `${event.placeName}, ${event.communeName}` }));
}
