import { agendaIcs } from "~/domain/ess/agenda-calendar";
import { registrationLine } from "~/domain/ess/agenda-view";
import type { AgendaEvent } from "~/domain/ess/list-agenda.server";
import { appUrl } from "~/http/request-context.server";
import { translate } from "~/i18n/messages";

/** Events as the agenda's iCalendar text, links to their pages on this site (the feed and the per-event file alike). */
export function agendaCalendar(events: readonly AgendaEvent[]): string {
  return agendaIcs({
    name: translate("fr", "agenda.calendarName"),
    events: events.map((event) => ({ ...event, registration: registrationLine(event, "fr") })),
    eventUrl: (id) => new URL(`/agenda/${id}`, appUrl()).toString(),
  });
}

export function calendarResponse(ics: string, fileName: string): Response {
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="${fileName}"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
