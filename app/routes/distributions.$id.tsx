import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSubmit } from "@remix-run/react";
import { z } from "zod";
import { catalogueSnapshot } from "~/domain/catalog/catalogue-snapshot.server";
import { filterOffers, pageOf } from "~/domain/catalog/catalogue-view";
import { badgeAt } from "~/domain/label/label-badge";
import { LOW_STOCK } from "~/domain/catalog/stock";
import { priceLabel, quantityUnit } from "~/domain/catalog/price-label";
import { scheduleAt } from "~/domain/distributions/ordering-window";
import { MAX_QUANTITY } from "~/domain/field-limits";
import { idField, searchField } from "~/domain/fields";
import { addToCartSchema, cartQuantities } from "~/domain/ordering/cart.server";
import { cartOwner, changeCartQuantity } from "~/http/cart-owner.server";
import { getCurrentUser } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { formFailure, invalidForm, translateIssues, type FormFailure } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { dateTime, longDate, placeLine, timeRange } from "~/ui/format";
import { FormAlert } from "~/ui/form";
import { OfferCard } from "~/ui/offer-card";
import { SubmitButton } from "~/ui/submit-button";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? `${page.distribution.pickupPoint.name} — Terre & Mer` : "Terre & Mer" },
];

const filtersSchema = z.object({
  categorie: idField.optional().catch(undefined),
  producteur: idField.optional().catch(undefined),
  bio: z.literal("1").optional().catch(undefined),
  label: z.literal("1").optional().catch(undefined),
  q: searchField.optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

/** A phone shows a few dozen rows comfortably; filters and search narrow the rest. */
export const CATALOGUE_PAGE_SIZE = 48;

/**
 * The catalogue of one distribution. Statements: the session (1), the distribution and its offers
 * (2, shared for a second between visitors), the cart (1) — whatever the number of offers.
 * Filters, search, the filter choices and the page are computed from the offers in memory.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = localeOf(request);
  const id = idField.safeParse(params.id);
  if (!id.success) throw new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const parsedFilters = filtersSchema.safeParse(Object.fromEntries(url.searchParams));
  const filters = parsedFilters.success ? parsedFilters.data : {};
  const filterError = parsedFilters.success ? null : translateIssues(parsedFilters.error, locale)[0]?.message ?? null;

  const [user, snapshot] = await Promise.all([getCurrentUser(request), catalogueSnapshot(id.data)]);
  if (!snapshot) throw new Response("Not found", { status: 404 });
  const { distribution, facets } = snapshot;
  // One instant for the whole page: the badges and the label filter read the snapshot's validities at it.
  const at = now();
  const owner = await cartOwner(request);
  const cart = owner ? await cartQuantities(owner, id.data, at) : {};
  const shown = pageOf(
    filterOffers(snapshot.offers, {
      categoryId: filters.categorie,
      producerId: filters.producteur,
      organicOnly: filters.bio === "1",
      labelledAt: filters.label === "1" ? at : undefined,
      search: filters.q || undefined,
    }),
    filters.page ?? 1,
    CATALOGUE_PAGE_SIZE,
  );
  const { offers, ...pagination } = shown;
  const page = {
    distribution: {
      ...scheduleAt(distribution, at),
      pickupPoint: distribution.pickupPoint,
    },
    filters: { categorie: filters.categorie ?? "", producteur: filters.producteur ?? "", bio: filters.bio === "1", label: filters.label === "1", q: filters.q ?? "" },
    filterError,
    pagination,
    signedIn: user !== null,
    facets,
    cart,
    // Only what the page shows: the loader's data is sent a second time inside the HTML.
    offers: offers.map((offer) => ({
      id: offer.id,
      name: locale === "en" && offer.nameEn ? offer.nameEn : offer.name,
      categoryId: offer.categoryId,
      // Formatted here, once: the card gets one short string (light markup, no formatter on the client).
      price: priceLabel(offer, locale),
      quantityUnit: quantityUnit(offer.unit),
      remaining: offer.remaining,
      organic: offer.organic,
      producer: offer.producer.name,
      photo: offer.photo,
      // The number only while the label holds at this request's instant: an expired one is gone at its end.
      label: badgeAt(offer.label, at),
    })),
  };
  return data(page, { status: filterError ? 400 : 200 });
}

/** Adds to the cart of whoever asks: a signed-in person's, or a visitor's kept under a cookie (decision 024). */
export async function action({ request, context }: ActionFunctionArgs) {
  const locale = localeOf(request);
  const parsed = addToCartSchema.safeParse(await readForm(request));
  if (!parsed.success) return invalidForm(parsed.error, locale);
  try {
    const headers = await changeCartQuantity(request, context, { offerId: parsed.data.offerId, quantity: parsed.data.quantity, now: now() });
    return data({ ok: true as const, offerId: parsed.data.offerId }, { headers });
  } catch (error) {
    return formFailure(error, locale);
  }
}

export default function Catalogue() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<FormFailure | { ok: true; offerId: string }>();
  const t = useT();
  const locale = useLocale();
  const submit = useSubmit();
  const { distribution, facets, filters } = page;
  const open = distribution.state === "open";
  const cartCount = Object.values(page.cart).reduce((sum, quantity) => sum + quantity, 0);
  const categories = facets.categories.filter((category) => page.offers.some((offer) => offer.categoryId === category.id));
  const activeFilters = [filters.q, filters.categorie, filters.producteur, filters.bio, filters.label].filter(Boolean).length;
  // The first cards are on the first screen: their pictures load at once, the others as they come near.
  const eagerIds = new Set(categories.flatMap((category) => page.offers.filter((offer) => offer.categoryId === category.id)).slice(0, 4).map((offer) => offer.id));

  return (
    <div>
      <p className="text-sm"><Link to="/" className="inline-flex min-h-11 items-center text-sea-700 underline">{t("nav.home")}</Link></p>
      <h1 className="text-2xl font-bold text-sea-900">{distribution.pickupPoint.name}</h1>
      <p className="text-slate-800">
        <span>{longDate(distribution.startsAt, locale)}</span>, {timeRange(distribution.startsAt, distribution.endsAt)} · {placeLine(distribution.pickupPoint.address, distribution.pickupPoint.commune)}
      </p>
      <p className="mt-1 font-medium">
        {distribution.state === "open" ? t("catalogue.orderUntil", { date: dateTime(distribution.cutoffAt, locale) }) : t(`error.${distribution.state}`)}
      </p>

      {cartCount > 0 ? (
        <p className="sticky top-0 z-10 mt-3 rounded-lg bg-sea-800 text-white">
          <Link to={`/panier/${distribution.id}`} className="flex min-h-11 items-center px-3 font-semibold underline">{t("catalogue.cart", { count: cartCount })}</Link>
        </p>
      ) : null}

      <div className="mt-3">
        {result && !result.ok ? <FormAlert message={result.message} /> : null}
        {result?.ok ? <FormAlert tone="success" message={t("catalogue.added")} /> : null}
        <FormAlert message={page.filterError} refused />
      </div>

      {/* On a phone the products come first: the filters fold away behind one button that says how many apply. */}
      {/* Open when a filter was refused: the error summary's link leads to a field the shopper can see. */}
      <details className="group mt-3 rounded-xl border border-slate-300 bg-white" data-testid="catalogue-filters" open={page.filterError ? true : undefined}>
        <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-xl px-4 py-2 font-semibold text-sea-800 focus-visible:outline focus-visible:outline-4 focus-visible:outline-sea-700 [&::-webkit-details-marker]:hidden">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5 fill-current"><path d="M2 4h16l-6 7v5l-4 2v-7z" /></svg>
          <span>{t("shop.filter.toggle")}</span>
          {activeFilters > 0 ? (
            <span className="rounded-full bg-sea-700 px-2 py-0.5 text-sm text-white" data-testid="active-filters">
              <span aria-hidden="true">{activeFilters}</span>
              <span className="sr-only">{t("shop.filter.active", { count: activeFilters })}</span>
            </span>
          ) : (
            <span className="sr-only">{t("shop.filter.none")}</span>
          )}
          <svg aria-hidden="true" viewBox="0 0 20 20" className="ml-auto h-5 w-5 fill-current transition-transform group-open:rotate-180 motion-reduce:transition-none"><path d="M5 7l5 6 5-6z" /></svg>
        </summary>
        <Form
          method="get"
          className="grid gap-3 border-t border-slate-200 p-4 sm:grid-cols-5"
          aria-label={t("catalogue.filters")}
          // A choice applies at once; the search applies when sent (Enter), not at each letter; the button stays for a browser without scripts.
          onChange={(event) => {
            if (event.target instanceof HTMLInputElement && event.target.type === "search") return;
            submit(event.currentTarget, { replace: true, preventScrollReset: true });
          }}
        >
          <div className="sm:col-span-2">
            <label htmlFor="q" className="block text-sm font-semibold">{t("catalogue.search")}</label>
            <input id="q" name="q" type="search" defaultValue={filters.q} maxLength={80} className="mt-1 min-h-11 w-full rounded-lg border border-slate-400 px-3 text-base" />
          </div>
          <FacetSelect
            name="categorie"
            label={t("catalogue.category")}
            allLabel={t("catalogue.all")}
            value={filters.categorie}
            choices={facets.categories.map((category) => ({ id: category.id, label: locale === "en" ? category.nameEn : category.nameFr, count: category.count }))}
          />
          <FacetSelect
            name="producteur"
            label={t("catalogue.producer")}
            allLabel={t("catalogue.allProducers")}
            value={filters.producteur}
            choices={facets.producers.map((producer) => ({ id: producer.id, label: producer.name, count: producer.count }))}
          />
          <div className="flex flex-col justify-end gap-2">
            <label className="flex min-h-11 items-center gap-2 text-sm font-semibold">
              <input type="checkbox" name="bio" value="1" defaultChecked={filters.bio} className="h-5 w-5" /> {t("catalogue.organic")}
            </label>
            <label className="flex min-h-11 items-center gap-2 text-sm font-semibold">
              <input type="checkbox" name="label" value="1" defaultChecked={filters.label} className="h-5 w-5" /> {t("labelPublic.filter")}
            </label>
            <SubmitButton busyLabel={t("shop.busy.filtering")}>{t("catalogue.apply")}</SubmitButton>
          </div>
        </Form>
      </details>

      <p className="mt-3 text-sm text-slate-700" role="status">
        {page.pagination.total > CATALOGUE_PAGE_SIZE
          ? t("catalogue.range", { first: page.pagination.first, last: page.pagination.last, total: page.pagination.total })
          : t("catalogue.results", { count: page.pagination.total })}
        {activeFilters > 0 ? (
          <> · <Link to={`/distributions/${distribution.id}`} className="inline-flex min-h-11 items-center text-sea-700 underline">{t("catalogue.reset")}</Link></>
        ) : null}
      </p>
      {page.offers.length === 0 ? <p className="mt-4">{t("catalogue.empty")}</p> : null}

      {categories.map((category) => (
        <section key={category.id} aria-labelledby={`cat-${category.id}`} className="mt-5">
          <h2 id={`cat-${category.id}`} className="border-b border-slate-300 pb-1 text-lg font-bold text-sea-900">
            {locale === "en" ? category.nameEn : category.nameFr}
          </h2>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {page.offers.filter((offer) => offer.categoryId === category.id).map((offer) => (
              <OfferCard
                key={offer.id}
                offer={offer}
                distributionId={distribution.id}
                inCart={page.cart[offer.id] ?? 0}
                open={open}
                eager={eagerIds.has(offer.id)}
                max={MAX_QUANTITY}
                lowStock={LOW_STOCK}
              />
            ))}
          </ul>
        </section>
      ))}

      {page.pagination.page > 1 || page.pagination.hasNext ? (
        <nav aria-label={t("catalogue.pages")} className="mt-6 flex justify-between gap-2">
          {page.pagination.page > 1 ? (
            <Link to={pageLink(page.pagination.page - 1)} className="inline-flex min-h-11 items-center rounded-lg border border-sea-700 px-4 py-2 font-semibold text-sea-800">{t("catalogue.previous")}</Link>
          ) : <span />}
          {page.pagination.hasNext ? (
            <Link to={pageLink(page.pagination.page + 1)} className="inline-flex min-h-11 items-center rounded-lg bg-sea-700 px-4 py-2 font-semibold text-white">{t("catalogue.next")}</Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );

  function pageLink(target: number): string {
    const params = new URLSearchParams();
    if (filters.q) params.set("q", filters.q);
    if (filters.categorie) params.set("categorie", filters.categorie);
    if (filters.producteur) params.set("producteur", filters.producteur);
    if (filters.bio) params.set("bio", "1");
    if (filters.label) params.set("label", "1");
    if (target > 1) params.set("page", String(target));
    const query = params.toString();
    return `/distributions/${distribution.id}${query ? `?${query}` : ""}`;
  }
}

/** One filter of the catalogue: "all", then each choice with how many offers it holds. */
function FacetSelect(props: { name: string; label: string; allLabel: string; value: string; choices: Array<{ id: string; label: string; count: number }> }) {
  return (
    <div>
      <label htmlFor={props.name} className="block text-sm font-semibold">{props.label}</label>
      <select id={props.name} name={props.name} defaultValue={props.value} className="mt-1 min-h-11 w-full rounded-lg border border-slate-400 px-2 text-base">
        <option value="">{props.allLabel}</option>
        {props.choices.map((choice) => (
          <option key={choice.id} value={choice.id}>{choice.label} ({choice.count})</option>
        ))}
      </select>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
