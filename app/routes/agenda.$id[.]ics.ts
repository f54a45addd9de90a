import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPublicEvent } from "~/domain/ess/list-agenda.server";
import { idField } from "~/domain/fields";
import { agendaCalendar, calendarResponse } from "~/domain/ess/agenda-feed.server";

/** One event as an iCalendar file (« Ajouter à mon agenda »): the same UID as in the feed. */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = idField.safeParse(params.id);
  const event = id.success ? await getPublicEvent(id.data) : null;
  if (!event) throw new Response("Not found", { status: 404 });
  return calendarResponse(agendaCalendar([event]), `rendez-vous-${event.id}.ics`);
}
