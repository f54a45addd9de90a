import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listPreparationDistributions } from "~/domain/preparation/list-preparation-distributions.server";
import { now } from "~/http/clock.server";
import { requireProducer } from "~/http/producer.server";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { dateTime, longDate, timeRange } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Préparation — Terre & Mer" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { producer } = await requireProducer(request);
  const distributions = await listPreparationDistributions(producer.id, now());
  return {
    // Soonest first for what is coming, latest first for what is past.
    upcoming: distributions.filter((one) => one.upcoming).reverse(),
    past: distributions.filter((one) => !one.upcoming),
  };
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

function DistributionItem({ item }: { item: Item }) {
  const t = useT();
  const locale = useLocale();
  const stateText =
    item.state === "provisional"
      ? t("preparation.state.provisional", { date: dateTime(item.cutoffAt, locale) })
      : item.state === "cancelled"
        ? t("preparation.state.cancelled")
        : t("preparation.state.open");
  return (
    <li>
      <Link
        to={`/producteur/preparation/${item.id}?vue=${item.state === "open" && item.upcoming ? "retrait" : "cueillette"}`}
        className="block min-h-11 rounded-xl border border-slate-300 bg-white p-4 hover:border-sea-700"
      >
        <span className="block text-lg font-bold text-sea-900">
          {longDate(item.startsAt, locale)}, {timeRange(item.startsAt, item.endsAt)}
        </span>
        <span className="block">{item.pickupPointName}{item.commune ? `, ${item.commune}` : ""}</span>
        <span className="mt-1 block text-sm text-slate-800">
          {t("preparation.index.counts", { orders: item.orders, lines: item.lines })}
          {item.linesToWeigh > 0 ? ` · ${t("preparation.index.toWeigh", { count: item.linesToWeigh })}` : null}
          {item.handedOver > 0 ? ` · ${t("preparation.index.handedOver", { count: item.handedOver })}` : null}
        </span>
        <span className={`mt-1 block text-sm font-semibold ${item.state === "open" ? "text-earth-700" : item.state === "cancelled" ? "text-red-800" : "text-amber-900"}`}>{stateText}</span>
      </Link>
    </li>
  );
}

export default function PreparationIndex() {
  const { upcoming, past } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("preparation.index.title")}</h1>
      <p className="mt-1">{t("preparation.index.intro")}</p>
      <p className="mt-2">
        <Link to="/producteur/bilan" className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("preparation.index.summary")}</Link>
      </p>
      {upcoming.length === 0 && past.length === 0 ? <p className="mt-4">{t("preparation.index.none")}</p> : null}
      {upcoming.length > 0 ? (
        <section className="mt-4" aria-labelledby="a-venir">
          <h2 id="a-venir" className="text-xl font-bold text-sea-900">{t("preparation.index.upcoming")}</h2>
          <ul className="mt-2 space-y-2">{upcoming.map((item) => <DistributionItem key={item.id} item={item} />)}</ul>
        </section>
      ) : null}
      {past.length > 0 ? (
        <section className="mt-6" aria-labelledby="passees">
          <h2 id="passees" className="text-xl font-bold text-sea-900">{t("preparation.index.past")}</h2>
          <ul className="mt-2 space-y-2">{past.map((item) => <DistributionItem key={item.id} item={item} />)}</ul>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
