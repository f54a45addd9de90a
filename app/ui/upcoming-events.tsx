import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";

/** An actor's coming events on their public page, each linking to its page in the agenda; nothing when there is none. */
export function UpcomingEvents({ events }: { events: ReadonlyArray<{ id: string; title: string; kind: string; when: string; place: string }> }) {
  const t = useT();
  if (events.length === 0) return null;
  return (
    <section className="mt-6" aria-labelledby="prochains-rendez-vous">
      <h2 id="prochains-rendez-vous" className="text-xl font-bold text-sea-900">{t("agenda.upcomingOf")}</h2>
      <ul className="mt-2 space-y-2">
        {events.map((event) => (
          <li key={event.id} className="rounded-xl border border-slate-300 bg-white p-3">
            <p className="text-sm font-semibold text-sea-700">{t(`agenda.kind.${event.kind}` as MessageKey)}</p>
            <Link to={`/agenda/${event.id}`} className="inline-flex min-h-11 items-center font-bold underline">{event.title}</Link>
            <p className="text-sm">{event.when} · {event.place}</p>
          </li>
        ))}
      </ul>
      <p className="mt-2"><Link to="/agenda" className="inline-flex min-h-11 items-center text-sea-700 underline">{t("agenda.back")}</Link></p>
    </section>
  );
}
