import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { weekBaskets } from "~/domain/catalog/week-baskets.server";
import { listUpcomingDistributions } from "~/domain/distributions/list-upcoming.server";
import { scheduleAt, type OrderingState } from "~/domain/distributions/ordering-window";
import { compositionTotal } from "~/domain/sales/offer-rules";
import { now } from "~/http/clock.server";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { dateTime, euros, longDate, placeLine, timeRange } from "~/ui/format";

export const meta: MetaFunction = () => [
  { title: "Terre & Mer — paniers et produits locaux de Dieppe-Maritime" },
  { name: "description", content: "Commandez les paniers bio, paniers de la mer et produits des fermes et pêcheurs de Dieppe-Maritime, à retirer près de chez vous." },
];

type PointDistributions = {
  pickupPoint: { id: string; name: string; commune: string; address: string };
  distributions: Array<{ id: string; startsAt: Date; endsAt: Date; cutoffAt: Date; opensAt: Date; state: OrderingState; offerCount: number }>;
};

/** The next distributions grouped by pickup point (soonest point first), and this week's baskets. */
export async function loader(_: LoaderFunctionArgs) {
  const at = now();
  const [distributions, baskets] = await Promise.all([listUpcomingDistributions({ now: at, limit: 60 }), weekBaskets(at)]);
  const byPoint = new Map<string, PointDistributions>();
  for (const distribution of distributions) {
    const point = distribution.pickupPoint;
    const group = byPoint.get(point.id) ?? { pickupPoint: { id: point.id, name: point.name, commune: point.commune, address: point.address }, distributions: [] };
    if (group.distributions.length < 4) {
      group.distributions.push({ ...scheduleAt(distribution, at), offerCount: distribution.offerCount });
    }
    byPoint.set(point.id, group);
  }
  return { points: [...byPoint.values()], baskets };
}

export default function Home() {
  const { points, baskets } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div>
      <h1 className="text-2xl font-bold text-sea-900 sm:text-3xl">{t("home.title")}</h1>
      <p className="mt-2 max-w-2xl text-slate-800">{t("home.intro")}</p>
      {points.length === 0 ? <p className="mt-6">{t("home.none")}</p> : null}
      <div className="mt-6 grid gap-4 sm:grid-cols-2">
        {points.map(({ pickupPoint, distributions }) => (
          <section key={pickupPoint.id} aria-labelledby={`pp-${pickupPoint.id}`} className="rounded-xl border border-slate-300 bg-white p-4 shadow-sm">
            <h2 id={`pp-${pickupPoint.id}`} className="text-lg font-semibold text-sea-900">{pickupPoint.name}</h2>
            <p className="text-sm text-slate-700">{placeLine(pickupPoint.address, pickupPoint.commune)}</p>
            <ul className="mt-3 divide-y divide-slate-200">
              {distributions.map((distribution) => (
                <li key={distribution.id} className="py-2">
                  <Link to={`/distributions/${distribution.id}`} className="font-semibold text-sea-800 underline underline-offset-4">
                    {longDate(distribution.startsAt, locale)}, {timeRange(distribution.startsAt, distribution.endsAt)}
                  </Link>
                  <p className="text-sm text-slate-700">
                    {distribution.state === "open" ? t("home.orderUntil", { date: dateTime(distribution.cutoffAt, locale) }) : null}
                    {distribution.state === "cutoff_passed" ? t("home.closed") : null}
                    {distribution.state === "not_open_yet" ? t("home.notOpen", { date: dateTime(distribution.opensAt, locale) }) : null}
                    {distribution.state === "distribution_cancelled" ? t("home.cancelled") : null}
                    {" · "}
                    {t("home.offers", { count: distribution.offerCount })}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>

      {baskets.length > 0 ? (
        <section aria-labelledby="baskets" className="mt-10">
          <h2 id="baskets" className="text-xl font-bold text-sea-900">{t("home.baskets")}</h2>
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            {baskets.map((basket) => (
              <article key={basket.offerId} className="rounded-xl border border-earth-600/40 bg-white p-4">
                <h3 className="font-semibold">
                  <Link to={`/offres/${basket.offerId}`} className="text-earth-700 underline-offset-4 hover:underline">
                    {locale === "en" && basket.nameEn ? basket.nameEn : basket.name}
                  </Link>{" "}
                  — {euros(basket.priceCents, locale)}
                </h3>
                <p className="text-sm text-slate-700">
                  {basket.pickupPoint}, {longDate(basket.startsAt, locale)}
                </p>
                <ul className="mt-2 list-disc pl-5 text-sm">
                  {basket.items.map((item) => (
                    <li key={item.label}>
                      {locale === "en" && item.labelEn ? item.labelEn : item.label} ({item.quantityLabel})
                    </li>
                  ))}
                </ul>
                <p className="mt-2 text-sm text-slate-700">
                  {t("home.basketTotal", { total: euros(compositionTotal(basket.items, basket.priceCents).totalCents, locale) })}
                </p>
              </article>
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
