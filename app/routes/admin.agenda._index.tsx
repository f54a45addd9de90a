import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { db } from "~/db.server";
import { eventWhen } from "~/domain/ess/agenda-view";
import { eventHolderField, eventSchema } from "~/domain/ess/event-input";
import { parseWithPosition } from "~/domain/ess/ess-actor-input";
import { createEventForHolder } from "~/domain/ess/manage-events.server";
import { sortedCommunes } from "~/domain/ess/sorted-communes";
import { requirePermission } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import type { RefusedForm } from "~/http/ess-form.server";
import { submitEssForm } from "~/http/ess-form-action.server";
import { deleteEventFromForm } from "~/http/event-edit.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { translate } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { EMPTY_EVENT, EventForm, eventValues } from "~/ui/event-form";
import { FormAlert } from "~/ui/form";
import { EventList } from "~/ui/event-list";

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

const holderSchema = z.object({ holder: eventHolderField });

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "verify:organisation:any");
  const locale = localeOf(request, admin.locale);
  const form = await readForm(request);
  if (form.intent === "delete") return deleteEventFromForm({ editor: { kind: "admin", userId: admin.id, user: admin }, locale, form });
  const holder = holderSchema.safeParse(form);
  const event = parseWithPosition(eventSchema, form);
  // Every refused field at once: the holder's issue with the event's.
  const parsed = holder.success && event.success
    ? { success: true as const, data: { holder: holder.data.holder, event: event.data } }
    : { success: false as const, error: new z.ZodError([...(holder.error?.issues ?? []), ...(event.error?.issues ?? [])]) };
  const refused = await submitEssForm({ locale, form, parsed }, (data) => createEventForHolder({ user: admin, holder: data.holder, event: data.event, now: now() }));
  return refused ?? { ok: true as const, message: translate(locale, "essEvents.created") };
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
      <EventList events={page.events} editPath={(id) => `/admin/agenda/${id}`} note={(event) => ` · ${event.holder}`} />
      <section className="mt-6" aria-labelledby="new-event">
        <h2 id="new-event" className="text-xl font-bold text-sea-900">{t("essEvents.new")}</h2>
        <EventForm values={eventValues(refused?.values, EMPTY_EVENT)} holders={page.holders} communes={page.communes} errors={refused?.fieldErrors ?? {}} failure={refused?.message} submitLabel={t("essEvents.save")} />
      </section>
    </div>
  );
}
