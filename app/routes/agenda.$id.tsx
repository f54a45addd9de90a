import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { eventWhen } from "~/domain/ess/agenda-view";
import { getPublicEvent, holderHrefOf } from "~/domain/ess/list-agenda.server";
import { idField } from "~/domain/fields";
import { now } from "~/http/clock.server";
import { localeOf } from "~/http/locale.server";
import { useT } from "~/i18n/use-t";

export const meta: MetaFunction<typeof loader> = ({ data: page }) =>
  page ? [{ title: `${page.title} — Agenda — Terre & Mer` }, { property: "og:title", content: page.title }, { property: "og:type", content: "website" }] : [{ title: "Terre & Mer" }];

/** One event of the agenda: when (Paris time), where, who, how to register, and its calendar file. A past event's link still works, marked as past. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idField.safeParse(params.id);
  const event = id.success ? await getPublicEvent(id.data) : null;
  if (!event) throw new Response("Not found", { status: 404 });
  const locale = localeOf(request);
  return {
    id: event.id,
    title: event.title,
    kind: event.kind,
    description: event.description,
    when: eventWhen(event, locale),
    startsAt: event.startsAt.toISOString(),
    past: event.endsAt.getTime() <= now().getTime(),
    placeName: event.placeName,
    address: event.address,
    communeName: event.communeName,
    lat: event.lat,
    lon: event.lon,
    holderName: event.holderName,
    holderHref: holderHrefOf(event),
    registrationUrl: event.registrationUrl,
    registrationText: event.registrationText,
  };
}

export default function AgendaEventPage() {
  const event = useLoaderData<typeof loader>();
  const t = useT();
  const mapUrl = `https://www.openstreetmap.org/?mlat=${event.lat}&mlon=${event.lon}#map=16/${event.lat}/${event.lon}`;
  return (
    <article className="mx-auto max-w-2xl">
      <p className="text-sm"><Link to="/agenda" className="inline-flex min-h-11 items-center text-sea-700 underline">{t("agenda.back")}</Link></p>
      <p className="text-sm font-semibold text-sea-700">{t(`agenda.kind.${event.kind}`)}</p>
      <h1 className="text-2xl font-bold text-sea-900">{event.title}</h1>
      {event.past ? <p className="mt-2 rounded-lg bg-amber-50 p-3 text-amber-900">{t("agenda.past")}</p> : null}
      <dl className="mt-4 grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">{t("agenda.when")}</dt>
        <dd><time dateTime={event.startsAt}>{event.when}</time></dd>
        <dt className="font-semibold">{t("agenda.where")}</dt>
        <dd>
          {event.placeName}
          {event.address ? `, ${event.address}` : ""}, {event.communeName}
          <br />
          <a href={mapUrl} className="inline-flex min-h-11 items-center text-sea-700 underline" rel="noopener noreferrer">{t("agenda.map")}</a>
        </dd>
        <dt className="font-semibold">{t("agenda.by")}</dt>
        <dd>{event.holderHref ? <Link to={event.holderHref} className="inline-flex min-h-11 items-center text-sea-700 underline">{event.holderName}</Link> : event.holderName}</dd>
        <dt className="font-semibold">{t("agenda.register")}</dt>
        <dd>
          {event.registrationText ? <p>{event.registrationText}</p> : null}
          {event.registrationUrl ? <a href={event.registrationUrl} className="inline-flex min-h-11 items-center text-sea-700 underline" rel="noopener noreferrer">{t("agenda.registerLink")}</a> : null}
          {!event.registrationText && !event.registrationUrl ? <p>{t("agenda.registerFree")}</p> : null}
        </dd>
      </dl>
      {event.description ? <p className="mt-4 whitespace-pre-line">{event.description}</p> : null}
      {!event.past ? (
        <p className="mt-4">
          <a href={`/agenda/${event.id}.ics`} className="inline-flex min-h-11 items-center rounded-lg border border-sea-700 px-4 font-semibold text-sea-700 hover:bg-sea-50">{t("agenda.addToCalendar")}</a>
        </p>
      ) : null}
    </article>
  );
}
