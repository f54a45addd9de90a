import { agendaCalendar, calendarResponse } from "~/domain/ess/agenda-feed.server";
import { listAgenda } from "~/domain/ess/list-agenda.server";
import { now } from "~/http/clock.server";

/** The agenda's coming events as one iCalendar feed to subscribe to (stable UIDs, UTC times: decision 031). */
export async function loader() {
  const events = await listAgenda({ now: now() });
  return calendarResponse(agendaCalendar(events), "agenda-ess-dieppe-maritime.ics");
}
