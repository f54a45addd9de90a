import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { eventWhen } from "~/domain/ess/agenda-view";
import { parseEventForm } from "~/domain/ess/event-input";
import { createOwnEvent, listOwnEvents } from "~/domain/ess/manage-events.server";
import { sortedCommunes } from "~/domain/ess/sorted-communes";
import { now } from "~/http/clock.server";
import { createEventFromForm, deleteEventFromForm } from "~/http/event-edit.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { requireProducer } from "~/http/producer.server";
import { useT } from "~/i18n/use-t";
import { EventManager } from "~/ui/event-list";

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

export async function action({ request }: ActionFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const locale = localeOf(request, user.locale);
  const form = await readForm(request);
  if (form.intent === "delete") return deleteEventFromForm({ editor: { kind: "producer", userId: user.id, organisationId: producer.id }, locale, form });
  return createEventFromForm({ locale, form, parsed: parseEventForm(form) }, (event) =>
    createOwnEvent({ userId: user.id, organisationId: producer.id, verified: producer.verified, event, now: now() }),
  );
}

export default function ProducerAgenda() {
  const page = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("essEvents.title")}</h1>
      <p className="mt-2">{t("essEvents.intro")}</p>
      {!page.verified ? <p className="mt-2 rounded-lg bg-amber-50 p-3 text-amber-900">{t("essEvents.notVerified")}</p> : null}
      <EventManager events={page.events} editPath={(id) => `/producteur/agenda/${id}`} note={(event) => (event.past ? ` · ${t("essEvents.past")}` : "")} markOwn communes={page.communes} canCreate={page.verified} />
    </div>
  );
}
