import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listServeableDistributions } from "~/domain/sales/list-serveable-distributions.server";
import { now } from "~/http/clock.server";
import { requireProducer } from "~/http/producer.server";
import type { OrderingState } from "~/domain/distributions/ordering-window";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { dateTime, longDate, timeRange } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Ventes — Terre & Mer" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { producer } = await requireProducer(request);
  const distributions = await listServeableDistributions({ producerId: producer.id, now: now() });
  return { verified: producer.verified, distributions };
}

/** The distributions a producer can serve, soonest first: one tap to their offers. */
export default function SalesList() {
  const { verified, distributions } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("offers.list.title")}</h1>
      <p className="mt-1">{t("offers.list.intro")}</p>
      {!verified ? <p className="mt-3 rounded-lg bg-amber-50 p-3 text-amber-900">{t("offers.sheet.notVerified")}</p> : null}
      {distributions.length === 0 ? (
        <p className="mt-4">{t("offers.list.none")}</p>
      ) : (
        <ul className="mt-4 space-y-3">
          {distributions.map((distribution) => (
            <li key={distribution.id}>
              <Link
                to={`/producteur/ventes/${distribution.id}`}
                className={`block min-h-11 rounded-xl border p-4 hover:bg-sea-50 ${distribution.offerCount > 0 ? "border-sea-700 bg-white" : "border-slate-300 bg-white"}`}
              >
                <span className="block text-lg font-bold text-sea-900">
                  {longDate(distribution.startsAt, locale)} · {timeRange(distribution.startsAt, distribution.endsAt)}
                </span>
                <span className="block">{distribution.pickupPoint.name} — {distribution.pickupPoint.commune}</span>
                <DistributionStateLine state={distribution.state} opensAt={distribution.opensAt} cutoffAt={distribution.cutoffAt} />
                <span className="mt-1 block font-semibold text-sea-800">
                  {distribution.offerCount > 0
                    ? t("offers.list.offerCount", { count: distribution.offerCount, ordered: distribution.orderedUnits })
                    : t("offers.list.noOffer")}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function DistributionStateLine({ state, opensAt, cutoffAt }: { state: OrderingState; opensAt: Date | string; cutoffAt: Date | string }) {
  const t = useT();
  const locale = useLocale();
  const date = dateTime(state === "not_open_yet" ? opensAt : cutoffAt, locale);
  return <span className={`block text-sm ${state === "distribution_cancelled" ? "font-bold text-red-800" : "text-slate-700"}`}>{t(`offers.state.${state}`, { date })}</span>;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
