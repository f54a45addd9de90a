import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { weekBaskets } from "~/domain/catalog/week-baskets.server";
import { listUpcomingDistributions } from "~/domain/distributions/list-upcoming.server";
import { orderingState } from "~/domain/distributions/ordering-window";
import { now } from "~/http/clock.server";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { dateTime, euros, longDate, timeRange } from "~/ui/format";

export const meta: MetaFunction = () => [
  { title: "Terre & Mer — paniers et produits locaux de Dieppe-Maritime" },
  { name: "description", content: "Commandez les paniers bio, paniers de la mer et produits des fermes et pêcheurs de Dieppe-Maritime, à retirer près de chez vous." },
];

export async function loader(_: LoaderFunctionArgs) {
  const at = now();
  const [distributions, baskets] = await Promise.all([listUpcomingDistributions({ now: at, limit: 40 }), weekBaskets(at)]);
  return {
    distributions: distributions.map((distribution) => ({
      id: distribution.id,
      startsAt: distribution.startsAt,
      endsAt: distribution.endsAt,
      cutoffAt: distribution.cutoffAt,
      opensAt: distribution.opensAt,
      state: orderingState(distribution, at),
      pickupPoint: { name: distribution.pickupPoint.name, commune: distribution.pickupPoint.commune },
      offerCount: distribution.offerCount,
    })),
    baskets,
  };
}

export default function Home() {
  const { distributions, baskets } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div>
      <h1 className="text-2xl font-bold text-sea-900 sm:text-3xl">{t("home.title")}</h1>
      <p className="mt-2 max-w-2xl text-slate-800">{t("home.intro")}</p>
      {distributions.length === 0 ? <p className="mt-6">{t("home.none")}</p> : null}
      <ul className="mt-6 grid gap-3 sm:grid-cols-2">
        {distributions.map((distribution) => (
          <li key={distribution.id} className="rounded-xl border border-slate-300 bg-white p-4 shadow-sm">
            <h2 className="text-lg font-semibold">
              <Link to={`/distributions/${distribution.id}`} className="text-sea-800 underline-offset-4 hover:underline">
                {distribution.pickupPoint.name}
              </Link>
            </h2>
            <p className="text-slate-800">
              {distribution.pickupPoint.commune} · <span className="capitalize">{longDate(distribution.startsAt, locale)}</span>, {timeRange(distribution.startsAt, distribution.endsAt)}
            </p>
            <p className="mt-1 text-sm text-slate-700">
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
                  {basket.pickupPoint}, <span>{longDate(basket.startsAt, locale)}</span>
                </p>
                <ul className="mt-2 list-disc pl-5 text-sm">
                  {basket.items.map((item) => (
                    <li key={item.label}>
                      {locale === "en" && item.labelEn ? item.labelEn : item.label} ({item.quantityLabel})
                    </li>
                  ))}
                </ul>
                <p className="mt-2 text-sm text-slate-700">
                  {t("home.basketTotal", { total: euros(basket.items.reduce((sum, item) => sum + item.indicativePriceCents, 0), locale) })}
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
