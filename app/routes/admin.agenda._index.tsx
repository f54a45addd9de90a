import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { db } from "~/db.server";
import { eventWhen } from "~/domain/ess/agenda-view";
import { eventHolderField, eventSchema } from "~/domain/ess/event-input";
import { parseWithPosition } from "~/domain/ess/ess-actor-input";
import { createEventForHolder, deleteEvent } from "~/domain/ess/manage-events.server";
import { sortedCommunes } from "~/domain/ess/sorted-communes";
import { idField } from "~/domain/fields";
import { requirePermission } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { refusedByDomain, refusedForm, type RefusedForm } from "~/http/ess-form.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { translate } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { EMPTY_EVENT, EventForm, eventValues } from "~/ui/event-form";
import { FormAlert } from "~/ui/form";
import { SubmitButton } from "~/ui/submit-button";

export const meta: MetaFunction = () => [{ title: "Agenda du territoire — Terre & Mer" }];

/** The admin's agenda: every coming event, whoever holds it; publish one for any organisation or ESS actor. */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "verify:organisation:any");
  const locale = localeOf(request, admin.locale);
  const [events, organisations, essActors] = await Promise.all([
    db().event.findMany({
      where: { endsAt: { gt: now() } },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: 500,
      select: { id: true, title: true, kind: true, startsAt: true, endsAt: true, organisation: { select: { name: true } }, essActor: { select: { name: true } } },
    }),
    db().organisation.findMany({ where: { verifiedAt: { not: null }, refusedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().essActor.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return {
    communes: sortedCommunes(),
    holders: { organisations, essActors },
    events: events.map((event) => ({ id: event.id, title: event.title, kind: event.kind, when: eventWhen(event, locale), holder: event.organisation?.name ?? event.essActor?.name ?? "" })),
  };
}

const deleteSchema = z.object({ eventId: idField });
const holderSchema = z.object({ holder: eventHolderField });

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "verify:organisation:any");
  const locale = localeOf(request, admin.locale);
  const form = await readForm(request);
  if (form.intent === "delete") {
    const parsed = deleteSchema.safeParse(form);
    if (!parsed.success) return refusedForm(parsed.error, locale, {});
    try {
      await deleteEvent({ editor: { kind: "admin", userId: admin.id, user: admin }, eventId: parsed.data.eventId });
    } catch (error) {
      return refusedByDomain(error, locale, {});
    }
    return { ok: true as const, message: translate(locale, "essEvents.deleted") };
  }
  const holder = holderSchema.safeParse(form);
  const parsed = parseWithPosition(eventSchema, form);
  // Every refused field at once: the holder's issue with the event's.
  if (!holder.success || !parsed.success) return refusedForm(new z.ZodError([...(holder.error?.issues ?? []), ...(parsed.error?.issues ?? [])]), locale, form);
  try {
    await createEventForHolder({ user: admin, holder: holder.data.holder, event: parsed.data, now: now() });
  } catch (error) {
    return refusedByDomain(error, locale, form);
  }
  return { ok: true as const, message: translate(locale, "essEvents.created") };
}

export default function AdminAgenda() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<RefusedForm | { ok: true; message: string }>();
  const t = useT();
  const refused = result && !result.ok ? result : undefined;
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("essEvents.adminTitle")}</h1>
      <p className="mt-2">{t("essEvents.adminIntro")}</p>
      {result?.ok ? <div className="mt-4"><FormAlert tone="success" message={result.message} /></div> : null}
      {page.events.length === 0 ? <p className="mt-4">{t("essEvents.empty")}</p> : null}
      <ul className="mt-4 space-y-3">
        {page.events.map((event) => (
          <li key={event.id} className="rounded-xl border border-slate-300 bg-white p-4">
            <p className="text-sm font-semibold text-sea-700">{t(`agenda.kind.${event.kind}`)} · {event.holder}</p>
            <h2 className="font-bold">{event.title}</h2>
            <p className="text-sm">{event.when}</p>
            <div className="mt-2 flex flex-wrap gap-2">
              <Link to={`/admin/agenda/${event.id}`} aria-label={t("essEvents.editNamed", { title: event.title })} className="inline-flex min-h-11 items-center rounded-lg border border-sea-700 px-4 font-semibold text-sea-700 hover:bg-sea-50">{t("essActors.editShort")}</Link>
              <Form method="post">
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="eventId" value={event.id} />
                <SubmitButton busyLabel={t("essActors.saving")} variant="secondary" aria-label={t("essEvents.deleteNamed", { title: event.title })}>{t("essEvents.delete")}</SubmitButton>
              </Form>
            </div>
          </li>
        ))}
      </ul>
      <section className="mt-6" aria-labelledby="new-event">
        <h2 id="new-event" className="text-xl font-bold text-sea-900">{t("essEvents.new")}</h2>
        <EventForm values={eventValues(refused?.values, EMPTY_EVENT)} holders={page.holders} communes={page.communes} errors={refused?.fieldErrors ?? {}} failure={refused?.message} submitLabel={t("essEvents.save")} />
      </section>
    </div>
  );
}
