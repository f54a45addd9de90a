import { Form, Link, useActionData } from "@remix-run/react";
import type { EventKind } from "~/domain/ess/event-kinds";
import { useT } from "~/i18n/use-t";
import type { RefusedForm } from "~/http/ess-form.server";
import { EMPTY_EVENT, EventForm, eventValues } from "~/ui/event-form";
import { FormAlert } from "~/ui/form";
import { SubmitButton } from "~/ui/submit-button";

export type EventListItem = { id: string; title: string; kind: EventKind; when: string };

/**
 * The events an editor manages (the admin's whole agenda, a producer's own): kind, title, when, a link to
 * change it and a button to withdraw it. `note` adds what the page knows more (the holder, « past »).
 */
export function EventList<Item extends EventListItem>(props: { events: Item[]; editPath: (id: string) => string; note: (event: Item) => string; markOwn?: boolean }) {
  const t = useT();
  return (
    <>
      {props.events.length === 0 ? <p className="mt-4">{t("essEvents.empty")}</p> : null}
      <ul className="mt-4 space-y-3">
        {props.events.map((event) => (
          <li key={event.id} className="rounded-xl border border-slate-300 bg-white p-4" data-own-event={props.markOwn ? event.id : undefined}>
            <p className="text-sm font-semibold text-sea-700">{t(`agenda.kind.${event.kind}`)}{props.note(event)}</p>
            <h2 className="font-bold">{event.title}</h2>
            <p className="text-sm">{event.when}</p>
            <div className="mt-2 flex flex-wrap gap-2">
              <Link to={props.editPath(event.id)} aria-label={t("essEvents.editNamed", { title: event.title })} className="inline-flex min-h-11 items-center rounded-lg border border-sea-700 px-4 font-semibold text-sea-700 hover:bg-sea-50">{t("essActors.editShort")}</Link>
              <Form method="post">
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="eventId" value={event.id} />
                <SubmitButton busyLabel={t("essActors.saving")} variant="secondary" aria-label={t("essEvents.deleteNamed", { title: event.title })}>{t("essEvents.delete")}</SubmitButton>
              </Form>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * An agenda editor's page body: what the last action did (saved, or refused with what was typed), the
 * events with their edit and withdraw buttons, then the form to publish one (only when `canCreate`).
 */
export function EventManager<Item extends EventListItem>(props: Parameters<typeof EventList<Item>>[0] & { communes: Parameters<typeof EventForm>[0]["communes"]; holders?: Parameters<typeof EventForm>[0]["holders"]; canCreate: boolean }) {
  const result = useActionData<RefusedForm | { ok: true; message: string }>();
  const t = useT();
  const refused = result && !result.ok ? result : undefined;
  return (
    <>
      {result?.ok ? <div className="mt-4"><FormAlert tone="success" message={result.message} /></div> : null}
      <EventList events={props.events} editPath={props.editPath} note={props.note} markOwn={props.markOwn} />
      {props.canCreate ? (
        <section className="mt-6" aria-labelledby="new-event">
          <h2 id="new-event" className="text-xl font-bold text-sea-900">{t("essEvents.new")}</h2>
          <EventForm values={eventValues(refused?.values, EMPTY_EVENT)} holders={props.holders} communes={props.communes} errors={refused?.fieldErrors ?? {}} failure={refused?.message} submitLabel={t("essEvents.save")} />
        </section>
      ) : null}
    </>
  );
}
