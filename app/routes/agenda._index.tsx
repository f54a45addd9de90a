import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { eventDay, eventWhen } from "~/domain/ess/agenda-view";
import { EVENT_KINDS, isEventKind } from "~/domain/ess/event-kinds";
import { holderHrefOf, listAgenda } from "~/domain/ess/list-agenda.server";
import { communes } from "~/domain/reference/reference-data";
import { now } from "~/http/clock.server";
import { localeOf } from "~/http/locale.server";
import { useT } from "~/i18n/use-t";
import { formatParis } from "~/domain/time/paris";

export const meta: MetaFunction = () => [
  { title: "Agenda de l'ESS — Terre & Mer" },
  { name: "description", content: "Forum de l'ESS, marchés solidaires, visites de fermes et de bateaux, portes ouvertes : les rendez-vous du territoire de Dieppe-Maritime." },
];

/**
 * The public agenda: events not over yet, soonest first, filtered by kind and commune from the URL
 * (`?type=FARM_VISIT&commune=76217`), so a filtered agenda can be shared; works without JavaScript.
 * One statement whatever the number of events.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const locale = localeOf(request);
  const kind = url.searchParams.get("type") ?? "";
  const commune = url.searchParams.get("commune") ?? "";
  const filters = {
    kinds: isEventKind(kind) ? [kind] : [],
    communeInsee: communes.some((entry) => entry.inseeCode === commune) ? [commune] : [],
  };
  const events = await listAgenda({ now: now(), filters });
  return {
    kind: filters.kinds[0] ?? "",
    commune: filters.communeInsee[0] ?? "",
    communes: communes.map((entry) => ({ inseeCode: entry.inseeCode, name: entry.name })).sort((a, b) => a.name.localeCompare(b.name, "fr")),
    days: groupByDay(
      events.map((event) => ({
        id: event.id,
        title: event.title,
        kind: event.kind,
        day: eventDay(event),
        dayLabel: capitalised(formatParis(event.startsAt, locale, "EEEE d MMMM yyyy")),
        when: eventWhen(event, locale),
        place: [event.placeName, event.communeName].join(", "),
        holderName: event.holderName,
        holderHref: holderHrefOf(event),
      })),
    ),
    count: events.length,
  };
}

/** « jeudi 10 décembre 2026 » → « Jeudi 10 décembre 2026 »: a heading starts with a capital, a French month does not take one. */
function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function groupByDay<Event extends { day: string; dayLabel: string }>(events: Event[]) {
  const days: Array<{ day: string; label: string; events: Event[] }> = [];
  for (const event of events) {
    const last = days.at(-1);
    if (last && last.day === event.day) last.events.push(event);
    else days.push({ day: event.day, label: event.dayLabel, events: [event] });
  }
  return days;
}

export default function AgendaPage() {
  const page = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("agenda.title")}</h1>
      <p className="mt-2">{t("agenda.intro")}</p>
      <Form method="get" className="mt-4 rounded-xl border border-slate-300 bg-white p-4" aria-label={t("agenda.filters")}>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor="agenda-type" className="block text-sm font-semibold">{t("agenda.filter.kind")}</label>
            <select id="agenda-type" name="type" defaultValue={page.kind} className="mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-2">
              <option value="">{t("agenda.filter.any")}</option>
              {EVENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>{t(`agenda.kind.${kind}`)}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="agenda-commune" className="block text-sm font-semibold">{t("agenda.filter.commune")}</label>
            <select id="agenda-commune" name="commune" defaultValue={page.commune} className="mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-2">
              <option value="">{t("agenda.filter.any")}</option>
              {page.communes.map((commune) => (
                <option key={commune.inseeCode} value={commune.inseeCode}>{commune.name}</option>
              ))}
            </select>
          </div>
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <button type="submit" className="min-h-11 rounded-lg bg-sea-700 px-4 py-2 font-semibold text-white hover:bg-sea-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2">{t("agenda.filter.apply")}</button>
          {page.kind || page.commune ? <Link to="/agenda" className="inline-flex min-h-11 items-center text-sea-700 underline">{t("agenda.filter.reset")}</Link> : null}
        </div>
      </Form>
      <p className="mt-4 text-sm" role="status">{page.count === 0 ? t("agenda.empty") : t("agenda.count", { count: page.count })}</p>
      {page.days.map((day) => (
        <section key={day.day} className="mt-4" aria-labelledby={`day-${day.day}`}>
          <h2 id={`day-${day.day}`} className="text-lg font-bold text-sea-900">{day.label}</h2>
          <ul className="mt-2 space-y-3">
            {day.events.map((event) => (
              <li key={event.id} id={`evenement-${event.id}`} className="rounded-xl border border-slate-300 bg-white p-4" data-event>
                <p className="text-sm font-semibold text-sea-700">{t(`agenda.kind.${event.kind}`)}</p>
                <h3 className="text-base font-bold">
                  <Link to={`/agenda/${event.id}`} className="inline-flex min-h-11 items-center underline">{event.title}</Link>
                </h3>
                <p>{event.when}</p>
                <p className="text-sm">{event.place}</p>
                <p className="text-sm">
                  {t("agenda.by")} {event.holderHref ? <Link to={event.holderHref} className="inline-flex min-h-11 items-center text-sea-700 underline">{event.holderName}</Link> : event.holderName}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <div className="mt-6 rounded-xl bg-sea-50 p-4">
        <a href="/agenda.ics" className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("agenda.feed")}</a>
        <p className="text-sm">{t("agenda.feedHint")}</p>
      </div>
    </div>
  );
}
