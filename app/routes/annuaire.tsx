import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { readRows } from "~/db.server";
import { DEFAULT_NEAR_KM, DIRECTORY_KIND_WORDS, directoryHref, IN_COMMUNE_KM, NEAR_KM, pageCount, PAGE_SIZE, readDirectoryQuery } from "~/domain/directory/directory-query";
import { sharedDirectorySearch } from "~/domain/directory/shared-directory-search.server";
import { OPEN_DATA_LICENCE } from "~/domain/directory/open-data-licence.server";
import { communes } from "~/domain/reference/reference-data";
import { env } from "~/env.server";
import { now } from "~/http/clock.server";
import { localeOf } from "~/http/locale.server";
import { appUrl } from "~/http/request-context.server";
import { translate } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { DirectoryMap } from "~/ui/directory-map";
import { ErrorPage } from "~/ui/error-page";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: data.meta.title },
        { name: "description", content: data.meta.description },
        { property: "og:title", content: data.meta.title },
        { property: "og:description", content: data.meta.description },
        { property: "og:type", content: "website" },
        { property: "og:url", content: data.meta.url },
      ]
    : [{ title: "Terre & Mer" }];

/**
 * The directory (issue 12, decision 030): a GET form whose every filter lives in the URL, so a
 * search is a link anyone can share, and works without scripts. Two statements whatever the
 * number of actors: the search (one UNION ALL, counted and paged) and the categories for the filter.
 */
/** The territory's communes for the « près de » select, sorted once (a collator per request was a cost of every page). */
const SORTED_COMMUNES = [...communes].sort((a, b) => a.name.localeCompare(b.name, "fr")).map(({ inseeCode, name }) => ({ inseeCode, name }));

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = readDirectoryQuery(url.searchParams);
  const [page, categories] = await Promise.all([
    sharedDirectorySearch(query, now()),
    // Through the pool, as every hot read (decision 007): the directory is a page many phones ask for at once.
    readRows<{ id: string; nameFr: string; nameEn: string }>(`SELECT id, "nameFr", "nameEn" FROM "Category" ORDER BY position`, []),
  ]);
  const onPage = new Set(page.results.map((result) => result.id));
  const locale = localeOf(request);
  const { MAP_TILE_URL, MAP_TILE_ATTRIBUTION } = env();
  return {
    query,
    total: page.total,
    results: page.results,
    // The map's other results, off this page, lightly: the page's own are drawn as its pins.
    others: page.markers.filter((marker) => !onPage.has(marker.id)).map(({ name, lat, lon, href }) => ({ name, lat, lon, href })),
    mapped: page.mapped,
    markerCount: page.markers.length,
    categories,
    communes: SORTED_COMMUNES,
    tiles: MAP_TILE_URL ? { url: MAP_TILE_URL, attribution: MAP_TILE_ATTRIBUTION } : null,
    licenceUrl: OPEN_DATA_LICENCE.url,
    meta: {
      title: translate(locale, "directory.meta.title"),
      description: translate(locale, "directory.meta.description"),
      url: `${appUrl().replace(/\/+$/, "")}${directoryHref(query)}`,
    },
  };
}

const selectClass = "mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base";

export default function Directory() {
  const { query, total, results, others, mapped: mappedCount, markerCount, categories, communes, tiles, licenceUrl } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pages = pageCount(total);
  const from = total === 0 ? 0 : (query.page - 1) * PAGE_SIZE + 1;
  const to = Math.min(total, query.page * PAGE_SIZE);
  const countText =
    total === 0 ? t("directory.count.none") : total === 1 ? t("directory.count.one") : pages > 1 ? t("directory.count.range", { count: total, from, to }) : t("directory.count.many", { count: total });
  const mapped = results.flatMap((result) =>
    result.lat !== null && result.lon !== null
      ? [{ id: result.id, name: result.name, lat: result.lat, lon: result.lon, href: result.href, label: t("directory.map.marker", { name: result.name, commune: result.commune ?? "" }) }]
      : [],
  );
  return (
    <div>
      <h1 className="text-2xl font-bold text-sea-900 sm:text-3xl">{t("directory.title")}</h1>
      <p className="mt-2 max-w-2xl text-slate-800">{t("directory.intro")}</p>

      <Form method="get" action="/annuaire" className="mt-4 rounded-xl border border-slate-300 bg-white p-3 sm:p-4" role="search">
        <label htmlFor="directory-q" className="block font-semibold text-slate-900">{t("directory.search.label")}</label>
        <p id="directory-q-hint" className="text-sm text-slate-700">{t("directory.search.hint")}</p>
        <div className="mt-1 flex flex-col gap-2 sm:flex-row">
          <input
            id="directory-q"
            name="q"
            type="search"
            defaultValue={query.q}
            maxLength={80}
            aria-describedby="directory-q-hint"
            className="block min-h-11 w-full rounded-lg border border-slate-400 px-3 py-2 text-base"
          />
          <button type="submit" className="min-h-11 shrink-0 rounded-lg bg-sea-800 px-5 font-semibold text-white hover:bg-sea-900 focus-visible:outline focus-visible:outline-[3px] focus-visible:outline-offset-2 focus-visible:outline-sea-900">
            {t("directory.search.submit")}
          </button>
        </div>
        <fieldset className="mt-3">
          <legend className="font-semibold text-slate-900">{t("directory.filters.legend")}</legend>
          <div className="grid grid-cols-1 gap-x-3 gap-y-2 sm:grid-cols-2">
            <div>
              <label htmlFor="directory-type" className="block text-sm font-semibold">{t("directory.filter.kind")}</label>
              <select id="directory-type" name="type" defaultValue={query.kind ?? ""} className={selectClass}>
                <option value="">{t("directory.filter.anyKind")}</option>
                {DIRECTORY_KIND_WORDS.map((word) => (
                  <option key={word} value={word}>{t(`directory.kind.${word}`)}</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="directory-category" className="block text-sm font-semibold">{t("directory.filter.category")}</label>
              <select id="directory-category" name="categorie" defaultValue={query.category ?? ""} className={selectClass}>
                <option value="">{t("directory.filter.anyCategory")}</option>
                {categories.map((category) => (
                  <option key={category.id} value={category.id}>{locale === "en" ? category.nameEn : category.nameFr}</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="directory-commune" className="block text-sm font-semibold">{t("directory.filter.commune")}</label>
              <select id="directory-commune" name="pres" defaultValue={query.near?.commune ?? query.commune ?? ""} className={selectClass}>
                <option value="">{t("directory.filter.anyCommune")}</option>
                {communes.map((commune) => (
                  <option key={commune.inseeCode} value={commune.inseeCode}>{commune.name}</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="directory-km" className="block text-sm font-semibold">{t("directory.near.radius")}</label>
              <select id="directory-km" name="km" defaultValue={query.commune ? IN_COMMUNE_KM : String(query.near?.km ?? DEFAULT_NEAR_KM)} aria-describedby="directory-km-hint" className={selectClass}>
                <option value={IN_COMMUNE_KM}>{t("directory.near.inCommune")}</option>
                {NEAR_KM.map((km) => (
                  <option key={km} value={String(km)}>{t("directory.near.km", { km })}</option>
                ))}
              </select>
              <p id="directory-km-hint" className="mt-1 text-sm text-slate-700">{t("directory.near.hint")}</p>
            </div>
          </div>
          <label className="mt-2 flex min-h-11 items-center gap-2">
            <input type="checkbox" name="bio" value="1" defaultChecked={query.organic} className="h-5 w-5" />
            {t("directory.filter.organic")}
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name="label" value="1" defaultChecked={query.label} className="h-5 w-5" />
            {t("directory.filter.label")}
          </label>
        </fieldset>
        <p className="mt-2">
          <Link to="/annuaire" className="inline-flex min-h-11 items-center font-semibold text-sea-800 underline underline-offset-4">{t("directory.filter.reset")}</Link>
        </p>
      </Form>

      <p role="status" className="mt-4 font-semibold text-slate-900" data-testid="directory-count">{countText}</p>

      <div className="mt-2 grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="directory-results-title">
          <h2 id="directory-results-title" className="sr-only">{t("directory.list.title")}</h2>
          {results.length === 0 ? (
            <p className="rounded-lg bg-sea-50 p-3">{t("directory.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-xl border border-slate-300 bg-white" data-testid="directory-results">
              {results.map((result) => (
                <li key={`${result.type}-${result.id}`} className="p-3" data-testid="directory-result">
                  <h3 className="text-lg font-bold text-sea-900">
                    {result.href ? (
                      <Link to={result.href} className="inline-flex min-h-11 items-center underline underline-offset-4 hover:text-sea-700">{result.name}</Link>
                    ) : (
                      result.name
                    )}
                  </h3>
                  <p className="text-sm text-slate-800">
                    <span className="font-semibold">{t(`directory.kind.${result.kind}`)}</span>
                    {result.commune ? ` · ${result.commune}` : ""}
                    {result.km !== null ? (
                      <span data-testid="directory-distance"> · {result.km < 1 ? t("directory.result.distanceUnderOne") : t("directory.result.distance", { km: Math.round(result.km) })}</span>
                    ) : null}
                    {result.organic ? <span className="ml-2 rounded bg-green-100 px-2 py-0.5 text-xs font-bold text-green-900">{t("directory.result.organic")}</span> : null}
                    {result.labels.length > 0 ? <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-bold text-amber-900">{t("directory.result.label")}</span> : null}
                    {/* The label filter keeps a pickup point only where a labelled product is on sale: say why it is there. */}
                    {query.label && result.type === "pickupPoint" ? <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-bold text-amber-900">{t("directory.result.labelOnSale")}</span> : null}
                  </p>
                  {result.categories.length > 0 ? (
                    <p className="mt-1 text-sm text-slate-800">{t("directory.result.sells", { categories: result.categories.map((category) => (locale === "en" ? category.en : category.fr)).join(", ") })}</p>
                  ) : null}
                  {result.summary ? <p className="mt-1 line-clamp-2 text-sm text-slate-700">{result.summary}</p> : null}
                  {result.href ? null : <p className="mt-1 text-sm text-slate-600">{t("directory.result.noPage")}</p>}
                </li>
              ))}
            </ul>
          )}
          {pages > 1 ? (
            <nav aria-label={t("directory.pages.label")} className="mt-4 flex flex-wrap items-center justify-between gap-2">
              {query.page > 1 ? (
                <Link to={directoryHref(query, { page: query.page - 1 })} rel="prev" className="inline-flex min-h-11 items-center rounded-lg border-2 border-sea-800 px-4 font-semibold text-sea-900">{t("directory.pages.previous")}</Link>
              ) : <span />}
              <span aria-current="page">{t("directory.pages.current", { page: query.page, pages })}</span>
              {query.page < pages ? (
                <Link to={directoryHref(query, { page: query.page + 1 })} rel="next" className="inline-flex min-h-11 items-center rounded-lg border-2 border-sea-800 px-4 font-semibold text-sea-900">{t("directory.pages.next")}</Link>
              ) : <span />}
            </nav>
          ) : null}
        </section>

        <div>
        <section aria-labelledby="directory-map-title">
          <h2 id="directory-map-title" className="text-lg font-bold text-sea-900">{t("directory.map.title")}</h2>
          <p className="mb-2 text-sm text-slate-700">{t("directory.map.hintAll")}</p>
          {mapped.length > 0 || others.length > 0 ? (
            <DirectoryMap points={mapped} others={others} tiles={tiles} label={t("directory.map.label")} zoomLabel={t("directory.map.zoom")} />
          ) : results.length > 0 ? (
            <p className="text-sm">{t("directory.map.none")}</p>
          ) : null}
          {markerCount < mappedCount ? (
            <p className="mt-2 text-sm font-semibold text-slate-900" data-testid="directory-map-capped">{t("directory.map.capped", { shown: markerCount, total: mappedCount })}</p>
          ) : null}
        </section>
        <section aria-labelledby="open-data-title" className="mt-6 rounded-xl border border-slate-300 bg-white p-3">
          <h2 id="open-data-title" className="text-lg font-bold text-sea-900">{t("openData.title")}</h2>
          <p className="mt-1 text-sm text-slate-800">{t("openData.intro")}</p>
          <p className="mt-1 flex flex-wrap gap-x-4">
            <a href="/annuaire/donnees.csv" download className="inline-flex min-h-11 items-center font-semibold text-sea-800 underline underline-offset-4">{t("openData.csv")}</a>
            <a href="/annuaire/donnees.json" className="inline-flex min-h-11 items-center font-semibold text-sea-800 underline underline-offset-4">{t("openData.json")}</a>
            <a href={licenceUrl} rel="license" className="inline-flex min-h-11 items-center text-sea-800 underline underline-offset-4">{t("openData.licence")}</a>
          </p>
        </section>
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
