import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSubmit } from "@remix-run/react";
import { useEffect, useState } from "react";
import { quantityUnit } from "~/domain/catalog/price-label";
import { weekBaskets } from "~/domain/catalog/week-baskets.server";
import { readAccountPickupChoice } from "~/domain/distributions/account-pickup-choice.server";
import { choosePickupPlace } from "~/domain/distributions/choose-pickup-place.server";
import { chosenPlace, filterGroups, groupByCommune, type DistributionSummary } from "~/domain/distributions/home-view";
import { listPickupPlaces } from "~/domain/distributions/list-pickup-places.server";
import { findNextPickup } from "~/domain/distributions/next-pickup.server";
import { effectiveChoice } from "~/domain/distributions/pickup-choice";
import { compositionTotal } from "~/domain/sales/offer-rules";
import { env } from "~/env.server";
import { getCurrentUser } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { formFailure, type FormFailure } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { pickupChoiceCookie, visitorPickupChoice } from "~/http/pickup-choice-cookie.server";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert } from "~/ui/form";
import { dateTime, euros, longDate, placeLine, timeRange } from "~/ui/format";
import { PickupMap } from "~/ui/pickup-map";
import { ProductPicture } from "~/ui/product-picture";

export const meta: MetaFunction = () => [
  { title: "Terre & Mer — paniers et produits locaux de Dieppe-Maritime" },
  { name: "description", content: "Commandez les paniers bio, paniers de la mer et produits des fermes et pêcheurs de Dieppe-Maritime, à retirer près de chez vous." },
];

/** A search is a few words; anything longer is cut, never an error. */
const SEARCH_MAX = 80;

/**
 * The home page (issue 10). A resident first chooses where they collect — a pickup point or a
 * commune, on the list or the map — and then sees its next distributions and this week's baskets;
 * signed in, their next pickup comes first. The choice is remembered in a cookie, and on the
 * account when signed in (the account's wins). A fixed handful of statements whatever the number
 * of points and dates (tests/integration/home-page-budget.test.ts).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const at = now();
  const url = new URL(request.url);
  const user = await getCurrentUser(request);
  const [places, accountChoice, nextPickup] = await Promise.all([
    listPickupPlaces(at),
    user ? readAccountPickupChoice(user.id) : null,
    user ? findNextPickup(user.id, at) : null,
  ]);
  const choice = effectiveChoice(accountChoice, visitorPickupChoice(request));
  const chosen = chosenPlace(places, choice, at);
  const query = (url.searchParams.get("q") ?? "").slice(0, SEARCH_MAX);
  const choosing = chosen === null || url.searchParams.has("choisir") || url.searchParams.has("q");
  const baskets = await weekBaskets(at, chosen ? chosen.points.map((point) => point.id) : null);
  const { MAP_TILE_URL, MAP_TILE_ATTRIBUTION } = env();
  return {
    chosen,
    /** The remembered choice names a point that no longer exists: the chooser says so. */
    choiceLost: choice !== null && chosen === null,
    chooser: choosing ? { groups: groupByCommune(places, at), query } : null,
    nextPickup,
    baskets,
    tiles: MAP_TILE_URL ? { url: MAP_TILE_URL, attribution: MAP_TILE_ATTRIBUTION } : null,
  };
}

/** Choosing a point or a commune (a list's button or a map's marker): remembered, then the page shows it. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await getCurrentUser(request);
  const form = await readForm(request);
  try {
    const choice = await choosePickupPlace({ point: form.point, commune: form.commune, userId: user?.id });
    return redirect("/", { headers: { "set-cookie": pickupChoiceCookie(choice) } });
  } catch (error) {
    return formFailure(error, localeOf(request, user?.locale));
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function Home() {
  const { chosen, choiceLost, chooser, nextPickup, baskets, tiles } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div>
      {chooser ? (
        <>
          <h1 className="text-2xl font-bold text-sea-900 sm:text-3xl">{t("home.choose.title")}</h1>
          <p className="mt-2 max-w-2xl text-slate-800">{chosen ? t("home.intro") : t("home.choose.intro")}</p>
        </>
      ) : chosen ? (
        <ChosenHeading chosen={chosen} />
      ) : null}
      {nextPickup ? <NextPickupCard pickup={nextPickup} /> : null}
      {chooser ? <Chooser chooser={chooser} chosen={chosen} choiceLost={choiceLost} tiles={tiles} /> : null}
      {chosen && !chooser ? <ChosenDistributions chosen={chosen} /> : null}
      {baskets.length > 0 ? <Baskets baskets={baskets} /> : null}
    </div>
  );
}

function ChosenHeading({ chosen }: { chosen: NonNullable<LoaderData["chosen"]> }) {
  const t = useT();
  return (
    <>
      <h1 className="text-2xl font-bold text-sea-900 sm:text-3xl">{t("home.chosen.title", { place: chosen.name })}</h1>
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-slate-800">
        <p>
          <span className="font-semibold">{chosen.choice.kind === "point" ? t("home.chosen.point") : t("home.chosen.commune")}</span>
          {" : "}
          {chosen.choice.kind === "point"
            ? placeLine(chosen.points[0]?.address ?? "", chosen.commune)
            : t("home.chosen.points", { points: chosen.points.map((point) => point.name).join(", ") })}
        </p>
        <Link to="/?choisir" className="inline-flex min-h-11 items-center font-semibold text-sea-800 underline underline-offset-4" data-testid="change-pickup">
          {t("home.chosen.change")}
        </Link>
      </div>
    </>
  );
}

function NextPickupCard({ pickup }: { pickup: NonNullable<LoaderData["nextPickup"]> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="next-pickup" className="mt-6 rounded-xl border-2 border-sea-700 bg-white p-4 shadow-sm" data-testid="next-pickup">
      <h2 id="next-pickup" className="text-lg font-bold text-sea-900">{t("home.next.title")}</h2>
      <p className="mt-1 font-semibold">{t("home.next.when", { date: longDate(pickup.slot.startsAt, locale), time: timeRange(pickup.slot.startsAt, pickup.slot.endsAt) })}</p>
      <p className="text-slate-800">
        {pickup.pickupPoint.name} — {placeLine(pickup.pickupPoint.address, pickup.pickupPoint.commune)}
      </p>
      <ul className="mt-2 list-disc pl-5 text-slate-800">
        {pickup.lines.map((line) => {
          const unit = quantityUnit(line.unit);
          return (
            <li key={line.productName}>
              {unit
                ? t("home.next.lineUnit", { quantity: line.quantity, unit, product: line.productName })
                : t("home.next.line", { quantity: line.quantity, product: line.productName })}
            </li>
          );
        })}
      </ul>
      <p className="mt-2 font-semibold">
        {pickup.awaitingWeighing
          ? t("home.next.amountWeighing", { amount: euros(pickup.amountCents, locale), atMost: euros(pickup.atMostCents, locale) })
          : t("home.next.amount", { amount: euros(pickup.amountCents, locale) })}
      </p>
      {pickup.leftToPayCents !== pickup.amountCents ? <p className="text-slate-800">{t("home.next.leftToPay", { amount: euros(pickup.leftToPayCents, locale) })}</p> : null}
      <Link to={`/commandes/${pickup.id}`} className="mt-2 inline-flex min-h-11 items-center font-semibold text-sea-800 underline underline-offset-4">
        {t("home.next.see", { number: pickup.number })}
      </Link>
    </section>
  );
}

/** What a date says of ordering: open until…, opens on…, closed, cancelled; and how many products. */
function DistributionState({ distribution }: { distribution: Pick<DistributionSummary, "state" | "cutoffAt" | "opensAt" | "offerCount"> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      {distribution.state === "open" ? t("home.orderUntil", { date: dateTime(distribution.cutoffAt, locale) }) : null}
      {distribution.state === "cutoff_passed" ? t("home.closed") : null}
      {distribution.state === "not_open_yet" ? t("home.notOpen", { date: dateTime(distribution.opensAt, locale) }) : null}
      {distribution.state === "distribution_cancelled" ? t("home.cancelled") : null}
      {distribution.state === "distribution_cancelled" ? null : ` · ${t("home.offers", { count: distribution.offerCount })}`}
    </>
  );
}

function ChosenDistributions({ chosen }: { chosen: NonNullable<LoaderData["chosen"]> }) {
  const t = useT();
  const locale = useLocale();
  const severalPoints = chosen.points.length > 1;
  return (
    <section aria-labelledby="next-distributions" className="mt-8" data-testid="chosen-distributions">
      <h2 id="next-distributions" className="text-xl font-bold text-sea-900">{t("home.title")}</h2>
      {chosen.distributions.length === 0 ? <p className="mt-3">{t("home.chosen.none")}</p> : null}
      <ul className="mt-3 grid gap-3 sm:grid-cols-2">
        {chosen.distributions.map((distribution) => (
          <li key={distribution.id} className="rounded-xl border border-slate-300 bg-white p-4 shadow-sm">
            {distribution.state === "distribution_cancelled" ? (
              <p className="font-semibold text-slate-700 line-through">{longDate(distribution.startsAt, locale)}, {timeRange(distribution.startsAt, distribution.endsAt)}</p>
            ) : (
              <Link to={`/distributions/${distribution.id}`} className="inline-flex min-h-11 items-center text-lg font-semibold text-sea-800 underline underline-offset-4">
                {longDate(distribution.startsAt, locale)}, {timeRange(distribution.startsAt, distribution.endsAt)}
              </Link>
            )}
            {severalPoints ? <p className="text-sm font-semibold text-slate-800">{distribution.pointName}</p> : null}
            <p className="text-sm text-slate-700">
              <DistributionState distribution={distribution} />
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Chooser({
  chooser,
  chosen,
  choiceLost,
  tiles,
}: {
  chooser: NonNullable<LoaderData["chooser"]>;
  chosen: LoaderData["chosen"];
  choiceLost: boolean;
  tiles: LoaderData["tiles"];
}) {
  const t = useT();
  const locale = useLocale();
  const refusal = useActionData<typeof action>() as FormFailure | undefined;
  const submit = useSubmit();
  // The list and the map narrow as the search is typed; without scripts the search form asks the server.
  const [query, setQuery] = useState(chooser.query);
  useEffect(() => setQuery(chooser.query), [chooser.query]);
  const groups = filterGroups(chooser.groups, query);
  const chosenPointId = chosen?.choice.kind === "point" ? chosen.choice.pointId : null;
  const chosenCommune = chosen?.choice.kind === "commune" ? chosen.choice.communeInsee : null;
  const mapPoints = groups.flatMap((group) =>
    group.points.map((point) => ({ ...point, label: t("home.map.marker", { point: point.name, commune: point.commune }) })),
  );

  return (
    <section aria-label={t("home.choose.title")} className="mt-6" data-testid="pickup-chooser">
      <FormAlert message={refusal?.ok === false ? refusal.message : choiceLost ? t("home.choose.lost") : null} />
      <Form method="get" role="search" className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="pickup-search" className="block font-semibold">{t("home.search.label")}</label>
          <input
            id="pickup-search"
            name="q"
            type="search"
            value={query}
            maxLength={SEARCH_MAX}
            onChange={(event) => setQuery(event.target.value)}
            autoComplete="address-level2"
            className="mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-2"
          />
        </div>
        <button type="submit" className="inline-flex min-h-11 items-center justify-center rounded-lg bg-sea-700 px-5 py-2 font-semibold text-white hover:bg-sea-800">
          {t("home.search.submit")}
        </button>
        {query !== "" ? (
          <Link to="/?choisir" onClick={() => setQuery("")} className="inline-flex min-h-11 items-center font-semibold text-sea-800 underline underline-offset-4">
            {t("home.search.clear")}
          </Link>
        ) : null}
      </Form>
      {groups.length === 0 ? <p className="mt-4" role="status">{t("home.search.none", { query })}</p> : null}

      <div className="mt-4 grid gap-4 lg:grid-cols-2 lg:items-start">
        <div className="lg:sticky lg:top-4 lg:order-2">
          <a href="#pickup-list" className="sr-only focus:not-sr-only focus:inline-flex focus:min-h-11 focus:items-center focus:font-semibold focus:text-sea-800 focus:underline">
            {t("home.map.skip")}
          </a>
          <PickupMap
            points={mapPoints}
            chosenPointId={chosenPointId}
            tiles={tiles}
            label={t("home.map.label")}
            zoomLabel={t("home.map.zoom")}
            formId="pickup-list"
            onChoose={(pointId) => submit({ point: pointId }, { method: "post" })}
          />
          <p className="mt-1 text-sm text-slate-700">{t("home.map.hint")}</p>
        </div>

        <Form method="post" id="pickup-list" tabIndex={-1} className="lg:order-1">
          <h2 className="text-xl font-bold text-sea-900">{t("home.list.title")}</h2>
          <ul className="mt-2 space-y-4">
            {groups.map((group) => (
              <li key={group.insee} className="rounded-xl border border-slate-300 bg-white p-4 shadow-sm" data-testid="commune">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 className="text-lg font-semibold text-sea-900">
                    {group.name} <span className="text-sm font-normal text-slate-700">({group.points.length === 1 ? t("home.commune.onePoint") : t("home.commune.points", { count: group.points.length })})</span>
                  </h3>
                  <button
                    type="submit"
                    name="commune"
                    value={group.insee}
                    aria-pressed={chosenCommune === group.insee}
                    className="inline-flex min-h-11 items-center justify-center rounded-lg border border-sea-700 bg-white px-4 py-2 font-semibold text-sea-800 hover:bg-sea-50 aria-pressed:bg-earth-50"
                  >
                    {t("home.commune.choose", { commune: group.name })}
                  </button>
                </div>
                <ul className="mt-2 divide-y divide-slate-200">
                  {group.points.map((point) => (
                    <li key={point.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                      {/* On a phone the point's words take the whole width and its button goes under them. */}
                      <div className="w-full min-w-0 sm:w-auto sm:flex-1">
                        <p className="font-semibold">{point.name}</p>
                        <p className="text-sm text-slate-700">{placeLine(point.address, point.commune)}</p>
                        {point.next ? (
                          <p className="text-sm text-slate-800">
                            {t("home.point.next")}{" "}
                            <Link to={`/distributions/${point.next.id}`} className="font-semibold text-sea-800 underline underline-offset-4">
                              {longDate(point.next.startsAt, locale)}, {timeRange(point.next.startsAt, point.next.endsAt)}
                            </Link>
                            {" · "}
                            <DistributionState distribution={point.next} />
                          </p>
                        ) : (
                          <p className="text-sm text-slate-700">{t("home.point.noneSoon")}</p>
                        )}
                      </div>
                      <button
                        type="submit"
                        name="point"
                        value={point.id}
                        aria-label={t("home.point.chooseNamed", { point: point.name })}
                        aria-pressed={chosenPointId === point.id}
                        className="inline-flex min-h-11 items-center justify-center rounded-lg bg-sea-700 px-4 py-2 font-semibold text-white hover:bg-sea-800 aria-pressed:bg-earth-700"
                      >
                        {t("home.point.choose")}
                      </button>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </Form>
      </div>
    </section>
  );
}

function Baskets({ baskets }: { baskets: LoaderData["baskets"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="baskets" className="mt-10">
      <h2 id="baskets" className="text-xl font-bold text-sea-900">{t("home.baskets")}</h2>
      <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {baskets.map((basket) => {
          const name = locale === "en" && basket.nameEn ? basket.nameEn : basket.name;
          return (
            <article key={basket.offerId} className="overflow-hidden rounded-xl border border-earth-600/40 bg-white">
              <ProductPicture photo={basket.photo} category={basket.categoryId} alt="" sizes="(min-width: 1024px) 33vw, (min-width: 640px) 50vw, 100vw" className="aspect-[4/3]" />
              <div className="p-4">
                <h3 className="font-semibold">
                  <Link to={`/offres/${basket.offerId}`} className="text-earth-700 underline-offset-4 hover:underline">
                    {name}
                  </Link>{" "}
                  — {euros(basket.priceCents, locale)}
                </h3>
                <p className="text-sm text-slate-700">{basket.producerName}</p>
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
              </div>
            </article>
          );
        })}
      </div>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
