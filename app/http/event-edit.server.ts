import { redirect } from "@remix-run/node";
import { eventFormValues } from "~/domain/ess/event-form-values";
import { parseEventForm } from "~/domain/ess/event-input";
import { deleteEvent, getEventForEditor, updateEvent, type EventEditor } from "~/domain/ess/manage-events.server";
import { sortedCommunes } from "~/domain/ess/sorted-communes";
import { z } from "zod";
import { idField } from "~/domain/fields";
import { now } from "~/http/clock.server";
import { notFoundResponse, routeId, submitEssForm } from "~/http/ess-form-action.server";
import { translate, type Locale } from "~/i18n/messages";

/**
 * The agenda's pages for whoever edits events (the admin for any holder, a producer for their own):
 * each route says only who the editor is and where to go back; the rest is here once.
 */

/** The event in the address, as its form shows it; another holder's event is « not found » (404). */
export async function loadEditableEvent(editor: EventEditor, params: { id?: string }) {
  const id = routeId(params);
  const event = await getEventForEditor(editor, id).catch(notFoundResponse);
  return { values: eventFormValues(event), communes: sortedCommunes() };
}

/** The edit form sent: saved then back to the list, or refused with what was typed. */
export async function updateEventFromForm(input: { editor: EventEditor; params: { id?: string }; locale: Locale; form: Record<string, string>; back: string }) {
  const eventId = routeId(input.params);
  const refused = await submitEssForm(
    { locale: input.locale, form: input.form, parsed: parseEventForm(input.form), notFound: "404" },
    (event) => updateEvent({ editor: input.editor, eventId, event, now: now() }),
  );
  return refused ?? redirect(input.back);
}

const deleteSchema = z.object({ eventId: idField });

/** The list's « withdraw » button: the event is deleted, or the refusal is said. */
export async function deleteEventFromForm(input: { editor: EventEditor; locale: Locale; form: Record<string, string> }) {
  const refused = await submitEssForm({ locale: input.locale, form: {}, parsed: deleteSchema.safeParse(input.form) }, ({ eventId }) => deleteEvent({ editor: input.editor, eventId }));
  return refused ?? { ok: true as const, message: translate(input.locale, "essEvents.deleted") };
}

/** The list's « publish » form: the use case creates the event, or the refusal keeps what was typed. */
export async function createEventFromForm<T>(input: { locale: Locale; form: Record<string, string>; parsed: Parameters<typeof submitEssForm<T>>[0]["parsed"] }, create: (data: T) => Promise<unknown>) {
  const refused = await submitEssForm({ locale: input.locale, form: input.form, parsed: input.parsed }, create);
  return refused ?? { ok: true as const, message: translate(input.locale, "essEvents.created") };
}
