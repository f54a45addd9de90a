import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { OrderingState } from "~/domain/distributions/ordering-window";
import { listServeableDistributions } from "~/domain/sales/list-serveable-distributions.server";
import { now } from "~/http/clock.server";
import { requireProducer } from "~/http/producer.server";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { dateTime, longDate, timeRange } from "~/ui/format";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const next = await listServeableDistributions({ producerId: producer.id, now: now(), servedOnly: true, limit: 5 });
  return { name: user.name, organisation: producer.name, verified: producer.verified, next };
}

/** The producer's week at a glance: verification, then the next distributions they serve. */
export default function ProducerHome() {
  const page = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("producer.home.title", { name: page.name })}</h1>
      <p className={`mt-3 rounded-lg p-3 ${page.verified ? "bg-sea-50" : "bg-amber-50 text-amber-900"}`}>
        {page.verified ? t("producer.home.verified", { organisation: page.organisation }) : t("producer.home.pending", { organisation: page.organisation })}
      </p>
      <section aria-labelledby="next-heading" className="mt-6">
        <h2 id="next-heading" className="text-xl font-bold text-sea-900">{t("producer.home.next")}</h2>
        {page.next.length === 0 ? (
          <p className="mt-2">{t("producer.home.none")}</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {page.next.map((distribution) => (
              <li key={distribution.id} className="rounded-xl border border-slate-300 bg-white p-4">
                <h3 className="text-lg font-bold">
                  {longDate(distribution.startsAt, locale)} · {timeRange(distribution.startsAt, distribution.endsAt)}
                </h3>
                <p>{distribution.pickupPoint.name} — {distribution.pickupPoint.commune}</p>
                <StateLine state={distribution.state} opensAt={distribution.opensAt} cutoffAt={distribution.cutoffAt} />
                <p className="mt-1 font-semibold">{t("offers.list.offerCount", { count: distribution.offerCount, ordered: distribution.orderedUnits })}</p>
                <div className="mt-2 flex flex-wrap gap-2">
                  <Link to={`/producteur/ventes/${distribution.id}`} className="inline-flex min-h-11 items-center rounded-lg bg-sea-700 px-4 font-semibold text-white hover:bg-sea-800">
                    {t("offers.list.manage")}
                  </Link>
                  <Link to={`/producteur/preparation/${distribution.id}`} className="inline-flex min-h-11 items-center rounded-lg border border-sea-700 px-4 font-semibold text-sea-800 hover:bg-sea-50">
                    {t("offers.list.prepare")}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3">
          <Link to="/producteur/ventes" className="inline-block min-h-11 py-3 font-semibold text-sea-700 underline">{t("offers.list.title")}</Link>
        </p>
      </section>
    </div>
  );
}

function StateLine({ state, opensAt, cutoffAt }: { state: OrderingState; opensAt: Date | string; cutoffAt: Date | string }) {
  const t = useT();
  const locale = useLocale();
  const date = dateTime(state === "not_open_yet" ? opensAt : cutoffAt, locale);
  return <p className={`text-sm ${state === "distribution_cancelled" ? "font-bold text-red-800" : "text-slate-700"}`}>{t(`offers.state.${state}`, { date })}</p>;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
