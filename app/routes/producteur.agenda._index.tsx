import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { eventWhen } from "~/domain/ess/agenda-view";
import { eventSchema } from "~/domain/ess/event-input";
import { parseWithPosition } from "~/domain/ess/ess-actor-input";
import { createOwnEvent, deleteEvent, listOwnEvents } from "~/domain/ess/manage-events.server";
import { sortedCommunes } from "~/domain/ess/sorted-communes";
import { idField } from "~/domain/fields";
import { now } from "~/http/clock.server";
import { refusedByDomain, refusedForm, type RefusedForm } from "~/http/ess-form.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { requireProducer } from "~/http/producer.server";
import { translate } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { EMPTY_EVENT, EventForm, eventValues } from "~/ui/event-form";
import { FormAlert } from "~/ui/form";
import { SubmitButton } from "~/ui/submit-button";

export const meta: MetaFunction = () => [{ title: "Mes rendez-vous — Terre & Mer" }];

/** A producer's own events (farm or boat visits, open days): publish, change, withdraw. Only their organisation's. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const locale = localeOf(request, user.locale);
  const at = now();
  const events = await listOwnEvents(producer.id);
  return {
    verified: producer.verified,
    communes: sortedCommunes(),
    events: events.map((event) => ({ id: event.id, title: event.title, kind: event.kind, when: eventWhen(event, locale), past: event.endsAt.getTime() <= at.getTime() })),
  };
}

const deleteSchema = z.object({ eventId: idField });

export async function action({ request }: ActionFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const locale = localeOf(request, user.locale);
  const form = await readForm(request);
  if (form.intent === "delete") {
    const parsed = deleteSchema.safeParse(form);
    if (!parsed.success) return refusedForm(parsed.error, locale, {});
    try {
      await deleteEvent({ editor: { kind: "producer", userId: user.id, organisationId: producer.id }, eventId: parsed.data.eventId });
    } catch (error) {
      return refusedByDomain(error, locale, {});
    }
    return { ok: true as const, message: translate(locale, "essEvents.deleted") };
  }
  const parsed = parseWithPosition(eventSchema, form);
  if (!parsed.success) return refusedForm(parsed.error, locale, form);
  try {
    await createOwnEvent({ userId: user.id, organisationId: producer.id, verified: producer.verified, event: parsed.data, now: now() });
  } catch (error) {
    return refusedByDomain(error, locale, form);
  }
  return { ok: true as const, message: translate(locale, "essEvents.created") };
}

export default function ProducerAgenda() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<RefusedForm | { ok: true; message: string }>();
  const t = useT();
  const refused = result && !result.ok ? result : undefined;
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("essEvents.title")}</h1>
      <p className="mt-2">{t("essEvents.intro")}</p>
      {!page.verified ? <p className="mt-2 rounded-lg bg-amber-50 p-3 text-amber-900">{t("essEvents.notVerified")}</p> : null}
      {result?.ok ? <div className="mt-4"><FormAlert tone="success" message={result.message} /></div> : null}
      {page.events.length === 0 ? <p className="mt-4">{t("essEvents.empty")}</p> : null}
      <ul className="mt-4 space-y-3">
        {page.events.map((event) => (
          <li key={event.id} className="rounded-xl border border-slate-300 bg-white p-4" data-own-event={event.id}>
            <p className="text-sm font-semibold text-sea-700">{t(`agenda.kind.${event.kind}`)}{event.past ? ` · ${t("essEvents.past")}` : ""}</p>
            <h2 className="font-bold">{event.title}</h2>
            <p className="text-sm">{event.when}</p>
            <div className="mt-2 flex flex-wrap gap-2">
              <Link to={`/producteur/agenda/${event.id}`} aria-label={t("essEvents.editNamed", { title: event.title })} className="inline-flex min-h-11 items-center rounded-lg border border-sea-700 px-4 font-semibold text-sea-700 hover:bg-sea-50">{t("essActors.editShort")}</Link>
              <Form method="post">
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="eventId" value={event.id} />
                <SubmitButton busyLabel={t("essActors.saving")} variant="secondary" aria-label={t("essEvents.deleteNamed", { title: event.title })}>{t("essEvents.delete")}</SubmitButton>
              </Form>
            </div>
          </li>
        ))}
      </ul>
      {page.verified ? (
        <section className="mt-6" aria-labelledby="new-event">
          <h2 id="new-event" className="text-xl font-bold text-sea-900">{t("essEvents.new")}</h2>
          <EventForm values={eventValues(refused?.values, EMPTY_EVENT)} communes={page.communes} errors={refused?.fieldErrors ?? {}} failure={refused?.message} submitLabel={t("essEvents.save")} />
        </section>
      ) : null}
    </div>
  );
}
