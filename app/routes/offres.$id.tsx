import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { allergenLabels, catchAreaLabel, gearLabel } from "~/domain/catalog/food-information";
import { getOffer } from "~/domain/catalog/get-offer.server";
import { priceLabel, quantityUnit } from "~/domain/catalog/price-label";
import { MAX_QUANTITY } from "~/domain/field-limits";
import { idField } from "~/domain/fields";
import { formatVatRate } from "~/domain/money";
import { compositionTotal } from "~/domain/sales/offer-rules";
import { customerLimitOf } from "~/domain/ordering/customer-limits";
import { badgeAt } from "~/domain/label/label-badge";
import { now } from "~/http/clock.server";
import { localeOf } from "~/http/locale.server";
import type { MessageKey } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { LabelBadge } from "~/ui/label-badge";
import { dateTime, euros, longDate, placeLine, timeRange } from "~/ui/format";
import { OrganisationPicture, ProductPicture } from "~/ui/product-picture";
import { SubmitButton } from "~/ui/submit-button";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page ? `${page.name} — Terre & Mer` : "Terre & Mer" }];

/** The product page: every piece of mandatory food information, before purchase. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idField.safeParse(params.id);
  const offer = id.success ? await getOffer(id.data) : null;
  if (!offer) throw new Response("Not found", { status: 404 });
  const locale = localeOf(request);
  const { product } = offer;
  return {
    limit: customerLimitOf(offer),
    id: offer.id,
    distributionId: offer.distributionId,
    name: locale === "en" && product.nameEn ? product.nameEn : product.name,
    kind: product.kind,
    description: product.description,
    categoryId: product.categoryId,
    photo: product.photo,
    quantityUnit: quantityUnit(product.unit),
    priceCents: offer.priceCents,
    unit: product.unit,
    // One rule for every page (price-label.ts): a fish sold by weight never shows a per-piece price beside a per-kg one.
    price: priceLabel({ ...product, priceCents: offer.priceCents }, locale),
    vatRateBp: product.vatRateBp,
    remaining: offer.remaining,
    organic: product.organic ? offer.producer.organicControlBody ?? "" : null,
    // The label's number while it holds at this instant, or null: it stops showing at its end.
    label: badgeAt(product.label, now()),
    allergens: allergenLabels(product.allergens, locale),
    ingredients: product.ingredients,
    variableWeight: product.variableWeight ? product.estimatedWeightGrams : null,
    sea: product.commercialName
      ? {
          commercialName: product.commercialName,
          scientificName: product.scientificName,
          productionMethod: product.productionMethod,
          catchArea: product.faoArea ? catchAreaLabel(product.faoArea, locale) : null,
          gear: product.gearCategory ? gearLabel(product.gearCategory, locale) : null,
          thawed: product.thawed,
        }
      : null,
    producer: offer.producer,
    // What the shopper buys for: the product page names the distribution and its pickup point.
    distribution: offer.distribution,
    basketItems: offer.basketItems.map((item) => ({ ...item, label: locale === "en" && item.labelEn ? item.labelEn : item.label })),
  };
}

export default function ProductPage() {
  const offer = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const fetcher = useFetcher<{ ok: true; offerId: string } | { ok: false; message: string }>();
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  const composition = compositionTotal(offer.basketItems, offer.priceCents);
  const { distribution } = offer;
  const catalogue = `/distributions/${distribution.id}`;
  return (
    <article className="mx-auto max-w-2xl md:max-w-4xl">
      <p className="text-sm"><Link to={catalogue} className="inline-flex min-h-11 items-center text-sea-700 underline">{t("product.back")}</Link></p>
      {/* The name is the heading just below: the photo adds nothing a screen reader must hear. It is the page's largest content: loaded first. */}
      {/* On a desktop the picture and what to buy stand side by side; on a phone, one after the other. */}
      <div className="md:grid md:grid-cols-2 md:items-start md:gap-6">
        <ProductPicture photo={offer.photo} category={offer.categoryId} alt="" sizes="(min-width: 1024px) 480px, (min-width: 768px) 45vw, (min-width: 704px) 672px, calc(100vw - 2rem)" eager className="aspect-[4/3] rounded-xl" />
        <div>
          <h1 className="mt-3 text-2xl font-bold text-sea-900 md:mt-0">
            {offer.name}
            {offer.organic !== null ? <span className="ml-2 inline-block rounded bg-earth-600 px-1.5 py-0.5 align-middle text-sm font-bold text-white">{t("catalogue.organicBadge")}</span> : null}
          </h1>
          <p className="text-slate-700">{offer.producer.name}{offer.producer.commune ? `, ${offer.producer.commune}` : ""}</p>
          {offer.label ? <p><LabelBadge number={offer.label} size="large" /></p> : null}

          <section aria-label={t("product.price")} className="mt-3 rounded-xl border border-slate-300 bg-white p-4">
            <p className="text-lg font-bold" data-testid="product-price">{offer.price}</p>
            <p className="text-sm text-slate-700">{t("product.vat", { rate: formatVatRate(offer.vatRateBp, locale) })}</p>
            {offer.variableWeight ? <p className="mt-1 text-sm">{t("product.variableWeight", { weight: offer.variableWeight })}</p> : null}
            {offer.remaining > 0 ? (
              <fetcher.Form method="post" action={catalogue} className="mt-3 flex flex-wrap items-end gap-2">
                <input type="hidden" name="offerId" value={offer.id} />
                <div>
                  <label htmlFor="quantity" className="block text-sm font-semibold">{t("cart.quantity")}</label>
                  <span className="mt-1 inline-flex items-center gap-1">
                    <input id="quantity" type="number" name="quantity" inputMode="numeric" defaultValue={1} min={1} max={Math.min(MAX_QUANTITY, offer.remaining, offer.limit.max)} aria-describedby={offer.limit.setByProducer ? "max-per-customer" : undefined} className="min-h-11 w-20 rounded-lg border border-slate-400 px-2 text-base" />
                    {offer.quantityUnit ? <span className="whitespace-nowrap text-sm">{offer.quantityUnit}</span> : null}
                  </span>
                </div>
                <SubmitButton state={fetcher.state} busyLabel={t("shop.busy.adding")} className="px-5">{t("catalogue.add")}</SubmitButton>
                {offer.limit.setByProducer ? <p id="max-per-customer" className="w-full text-sm font-semibold">{t("ordering.offer.maxPerCustomer", { max: offer.limit.max })}</p> : null}
              </fetcher.Form>
            ) : (
              <p className="mt-3 font-bold text-red-800">{t("catalogue.soldOut")}</p>
            )}
            <p role="status" className="mt-2 text-sm font-semibold text-earth-700">
              {answer?.ok ? <>{t("catalogue.added")} <Link to={`/panier/${distribution.id}`} className="inline-flex min-h-11 items-center text-sea-800 underline">{t("cart.title")}</Link></> : null}
            </p>
            {answer && !answer.ok ? <p role="alert" className="mt-2 text-sm font-semibold text-red-800">{answer.message}</p> : null}
          </section>

          {/* What the shopper buys for: the date and the place they collect, and the way back to that distribution. */}
          <section aria-label={t("shop.product.otherProducts")} className="mt-3 rounded-xl border border-sea-700/40 bg-sea-50 p-4" data-testid="product-distribution">
            <p className="font-semibold">{t("shop.product.buyingFor", { date: longDate(distribution.startsAt, locale), time: timeRange(distribution.startsAt, distribution.endsAt) })}</p>
            <p>{t("shop.product.pickupAt", { point: distribution.pickupPoint.name, place: placeLine(distribution.pickupPoint.address, distribution.pickupPoint.commune) })}</p>
            <p className="text-sm text-slate-700">{t("catalogue.orderUntil", { date: dateTime(distribution.cutoffAt, locale) })}</p>
            <p><Link to={catalogue} className="inline-flex min-h-11 items-center font-semibold text-sea-800 underline">{t("shop.product.otherProducts")}</Link></p>
          </section>
        </div>
      </div>

      {offer.description ? <p className="mt-4 whitespace-pre-line">{offer.description}</p> : null}

      <dl className="mt-4 grid grid-cols-1 gap-x-4 gap-y-1 rounded-xl border border-slate-300 bg-white p-4 sm:grid-cols-[max-content_1fr] sm:gap-y-2">
        <dt className="font-semibold">{t("product.producer")}</dt>
        <dd className="mb-2 sm:mb-0">{offer.producer.name}{offer.producer.commune ? `, ${offer.producer.commune}` : ""}</dd>
        <dt className="font-semibold">{t("product.allergens")}</dt>
        <dd className="mb-2 sm:mb-0">{offer.allergens.length > 0 ? <strong>{offer.allergens.join(", ")}</strong> : t("product.noAllergens")}</dd>
        {offer.ingredients ? (
          <>
            <dt className="font-semibold">{t("product.ingredients")}</dt>
            <dd>{offer.ingredients}</dd>
          </>
        ) : null}
      </dl>

      {offer.organic !== null ? (
        <p className="mt-3 rounded-lg bg-earth-50 p-3 font-medium text-earth-700">
          <span className="mr-2 rounded bg-earth-600 px-1.5 py-0.5 text-xs font-bold text-white">{t("catalogue.organicBadge")}</span>
          {t("product.organic", { code: offer.organic })}
        </p>
      ) : null}

      {offer.sea ? (
        <section aria-labelledby="sea" className="mt-4 rounded-xl border border-sea-700/40 bg-sea-50 p-4">
          <h2 id="sea" className="font-bold text-sea-900">{t("product.sea")}</h2>
          <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold">{t("product.commercialName")}</dt>
            <dd>{offer.sea.commercialName}</dd>
            {offer.sea.scientificName ? (
              <>
                <dt className="font-semibold">{t("product.scientificName")}</dt>
                <dd><i>{offer.sea.scientificName}</i></dd>
              </>
            ) : null}
            {offer.sea.productionMethod ? (
              <>
                <dt className="font-semibold">{t("product.productionMethod")}</dt>
                <dd>{t(`product.method.${offer.sea.productionMethod}` as MessageKey)}</dd>
              </>
            ) : null}
            {offer.sea.catchArea ? (
              <>
                <dt className="font-semibold">{t("product.catchArea")}</dt>
                <dd>{offer.sea.catchArea}</dd>
              </>
            ) : null}
            {offer.sea.gear ? (
              <>
                <dt className="font-semibold">{t("product.gear")}</dt>
                <dd>{offer.sea.gear}</dd>
              </>
            ) : null}
          </dl>
          {offer.sea.thawed ? <p className="mt-2 font-bold text-red-800">{t("product.thawed")}</p> : null}
        </section>
      ) : null}

      {offer.basketItems.length > 0 ? (
        <section aria-labelledby="composition" className="mt-4">
          <h2 id="composition" className="font-bold text-sea-900">{t("product.composition")}</h2>
          <table className="mt-2 w-full border-collapse bg-white text-left">
            <tbody>
              {offer.basketItems.map((item) => (
                <tr key={item.label} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-2 font-normal">{item.label}</th>
                  <td className="py-2 pr-2">{item.quantityLabel}</td>
                  <td className="whitespace-nowrap py-2 text-right">{euros(item.indicativePriceCents, locale)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="py-2 text-left">{t("product.compositionTotal")}</th>
                <td />
                <td className="whitespace-nowrap py-2 text-right font-semibold">{euros(composition.totalCents, locale)}</td>
              </tr>
            </tfoot>
          </table>
        </section>
      ) : null}

      {/* The producer's presentation and photo, loaded for this page and until now never shown. */}
      <section aria-labelledby="producer" className="mt-6 grid grid-cols-[6rem_minmax(0,1fr)] gap-4 rounded-xl border border-slate-300 bg-white p-4 sm:grid-cols-[10rem_minmax(0,1fr)]" data-testid="product-producer">
        <OrganisationPicture photo={offer.producer.photo} alt={t("shop.product.producerPhoto", { name: offer.producer.name })} sizes="(min-width: 640px) 160px, 96px" className="aspect-[4/3] rounded-lg" />
        <div className="min-w-0">
          <h2 id="producer" className="font-bold text-sea-900">{t("shop.product.aboutProducer", { name: offer.producer.name })}</h2>
          {offer.producer.commune ? <p className="text-sm text-slate-700">{offer.producer.commune}</p> : null}
          {offer.producer.description ? <p className="mt-2 whitespace-pre-line">{offer.producer.description}</p> : null}
        </div>
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
