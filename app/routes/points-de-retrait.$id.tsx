import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { readPickupPointPage } from "~/domain/directory/pickup-point-page.server";
import { pickupPointJsonLd, publicPageMeta } from "~/domain/directory/structured-data";
import { postalAddress } from "~/domain/postal-address";
import { env } from "~/env.server";
import { now } from "~/http/clock.server";
import { appUrl } from "~/http/request-context.server";
import { useLocale, useT } from "~/i18n/use-t";
import { DirectoryMap } from "~/ui/directory-map";
import { ErrorPage } from "~/ui/error-page";
import { dateTime, longDate, timeRange } from "~/ui/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Terre & Mer" }];
  const { point, jsonLd } = data;
  const description = `${point.name} — ${postalAddress(point.address, point.postalCode, point.commune)}`;
  return publicPageMeta({ title: `${point.name}, ${point.commune} — Terre & Mer`, ogTitle: `${point.name}, ${point.commune}`, description, ogType: "place", jsonLd });
};

/**
 * A pickup point's public page (issue 12, decision 030): address, map, accessibility, who runs it,
 * and the distributions held there (its opening), each linked to its catalogue; schema.org Place.
 * One statement; 404 for an unknown point or one of an organisation the territory has not verified.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const point = await readPickupPointPage(params.id ?? "", now());
  if (!point) throw new Response("Not found", { status: 404 });
  const { MAP_TILE_URL, MAP_TILE_ATTRIBUTION } = env();
  return { point, jsonLd: pickupPointJsonLd(point, appUrl()), tiles: MAP_TILE_URL ? { url: MAP_TILE_URL, attribution: MAP_TILE_ATTRIBUTION } : null };
}

const sectionTitle = "text-xl font-bold text-sea-900";

export default function PickupPointPage() {
  const { point, tiles } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <article className="max-w-4xl">
      <p>
        <Link to="/annuaire" className="inline-flex min-h-11 items-center font-semibold text-sea-800 underline underline-offset-4">{t("directory.point.back")}</Link>
      </p>
      <h1 className="text-2xl font-bold text-sea-900 sm:text-3xl">{point.name}</h1>
      <p className="mt-1 text-slate-800">
        <span className="font-semibold">{t(`directory.point.kind.${point.kind}`)}</span>
        {` · ${point.commune}`}
      </p>
      {point.host ? (
        <p className="mt-1">
          <Link to={`/producteurs/${point.host.slug}`} className="inline-flex min-h-11 items-center text-sea-800 underline underline-offset-4">{t("directory.point.host", { name: point.host.name })}</Link>
        </p>
      ) : null}

      <div className="mt-4 grid grid-cols-1 gap-6 md:grid-cols-2">
        <section aria-labelledby="address-title">
          <h2 id="address-title" className={sectionTitle}>{t("directory.point.address")}</h2>
          <p className="mt-2" data-testid="point-address">{postalAddress(point.address, point.postalCode, point.commune)}</p>
          <h2 id="accessibility-title" className={`${sectionTitle} mt-4`}>{t("directory.point.accessibility")}</h2>
          <p className="mt-2 whitespace-pre-line">{point.accessibilityNotes || t("directory.point.noAccessibility")}</p>
        </section>
        <div>
          <DirectoryMap points={[{ id: point.id, name: point.name, lat: point.lat, lon: point.lon, href: null, label: point.name }]} tiles={tiles} label={t("directory.point.map", { name: point.name })} zoomLabel={t("directory.map.zoom")} />
        </div>
      </div>

      <section aria-labelledby="opening-title" className="mt-6">
        <h2 id="opening-title" className={sectionTitle}>{t("directory.point.opening")}</h2>
        {point.distributions.length === 0 ? (
          <p className="mt-2">{t("directory.point.noDistributions")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200 rounded-xl border border-slate-300 bg-white" data-testid="point-distributions">
            {point.distributions.map((distribution) => (
              <li key={distribution.id} className="p-3">
                <p className="font-semibold">{longDate(distribution.startsAt, locale)}, {timeRange(distribution.startsAt, distribution.endsAt)}</p>
                {distribution.producers.length > 0 ? <p className="text-sm">{t("directory.point.producers", { names: distribution.producers.join(", ") })}</p> : null}
                <p className="text-sm text-slate-700">{t("directory.producer.orderUntil", { date: dateTime(distribution.cutoffAt, locale) })}</p>
                <Link to={`/distributions/${distribution.id}`} className="mt-1 inline-flex min-h-11 items-center rounded-lg bg-sea-800 px-4 font-semibold text-white hover:bg-sea-900">
                  {t("directory.point.seeCatalogue")}
                  <span className="sr-only"> — {longDate(distribution.startsAt, locale)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
