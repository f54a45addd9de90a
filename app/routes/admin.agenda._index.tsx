import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { db } from "~/db.server";
import { eventWhen } from "~/domain/ess/agenda-view";
import { eventHolderField, parseEventForm } from "~/domain/ess/event-input";
import { createEventForHolder } from "~/domain/ess/manage-events.server";
import { sortedCommunes } from "~/domain/ess/sorted-communes";
import { requirePermission } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { createEventFromForm, deleteEventFromForm } from "~/http/event-edit.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { useT } from "~/i18n/use-t";
import { EventManager } from "~/ui/event-list";

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
  const event = parseEventForm(form);
  // Every refused field at once: the holder's issue with the event's.
  const parsed = holder.success && event.success
    ? { success: true as const, data: { holder: holder.data.holder, event: event.data } }
    : { success: false as const, error: new z.ZodError([...(holder.error?.issues ?? []), ...(event.error?.issues ?? [])]) };
  return createEventFromForm({ locale, form, parsed }, (data) => createEventForHolder({ user: admin, holder: data.holder, event: data.event, now: now() }));
}

export default function AdminAgenda() {
  const page = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("essEvents.adminTitle")}</h1>
      <p className="mt-2">{t("essEvents.adminIntro")}</p>
      <EventManager events={page.events} editPath={(id) => `/admin/agenda/${id}`} note={(event) => ` · ${event.holder}`} holders={page.holders} communes={page.communes} canCreate />
    </div>
  );
}
