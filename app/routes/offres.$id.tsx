import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { allergenLabels, catchAreaLabel, gearLabel } from "~/domain/catalog/food-information";
import { getOffer } from "~/domain/catalog/get-offer.server";
import { priceLabel } from "~/domain/catalog/price-label";
import { MAX_QUANTITY } from "~/domain/field-limits";
import { idField } from "~/domain/fields";
import { formatVatRate } from "~/domain/money";
import { compositionTotal } from "~/domain/sales/offer-rules";
import { customerLimitOf } from "~/domain/ordering/customer-limits";
import { localeOf } from "~/http/locale.server";
import type { MessageKey } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { euros } from "~/ui/format";

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
    photoId: product.photoId,
    priceCents: offer.priceCents,
    unit: product.unit,
    // One rule for every page (price-label.ts): a fish sold by weight never shows a per-piece price beside a per-kg one.
    price: priceLabel({ ...product, priceCents: offer.priceCents }, locale),
    vatRateBp: product.vatRateBp,
    remaining: offer.remaining,
    organic: product.organic ? offer.producer.organicControlBody ?? "" : null,
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
    basketItems: offer.basketItems.map((item) => ({ ...item, label: locale === "en" && item.labelEn ? item.labelEn : item.label })),
  };
}

export default function ProductPage() {
  const offer = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const composition = compositionTotal(offer.basketItems, offer.priceCents);
  return (
    <article className="mx-auto max-w-2xl">
      <p className="text-sm"><Link to={`/distributions/${offer.distributionId}`} className="text-sea-700 underline">{t("product.back")}</Link></p>
      <h1 className="mt-2 text-2xl font-bold text-sea-900">{offer.name}</h1>
      {offer.photoId ? (
        // The name is the heading just above: the photo adds nothing a screen reader must hear.
        <img src={`/photos/${offer.photoId}`} alt="" width={800} height={600} className="mt-3 h-auto w-full max-w-md rounded-xl object-cover" loading="lazy" />
      ) : null}
      {offer.description ? <p className="mt-2">{offer.description}</p> : null}

      <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 rounded-xl border border-slate-300 bg-white p-4">
        <dt className="font-semibold">{t("product.price")}</dt>
        <dd>
          <span className="text-lg font-bold">{offer.price}</span>
          <br />
          <span className="text-sm text-slate-700">{t("product.vat", { rate: formatVatRate(offer.vatRateBp, locale) })}</span>
        </dd>
        <dt className="font-semibold">{t("product.producer")}</dt>
        <dd>{offer.producer.name}{offer.producer.commune ? `, ${offer.producer.commune}` : ""}</dd>
        <dt className="font-semibold">{t("product.allergens")}</dt>
        <dd>{offer.allergens.length > 0 ? <strong>{offer.allergens.join(", ")}</strong> : t("product.noAllergens")}</dd>
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
      {offer.variableWeight ? <p className="mt-3">{t("product.variableWeight", { weight: offer.variableWeight })}</p> : null}

      {offer.sea ? (
        <section aria-labelledby="sea" className="mt-4 rounded-xl border border-sea-700/40 bg-sea-50 p-4">
          <h2 id="sea" className="font-bold text-sea-900">{t("product.sea")}</h2>
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
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
                  <th scope="row" className="py-2 font-normal">{item.label}</th>
                  <td className="py-2">{item.quantityLabel}</td>
                  <td className="py-2 text-right">{euros(item.indicativePriceCents, locale)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="py-2 text-left">{t("product.compositionTotal")}</th>
                <td />
                <td className="py-2 text-right font-semibold">{euros(composition.totalCents, locale)}</td>
              </tr>
            </tfoot>
          </table>
        </section>
      ) : null}

      {offer.remaining > 0 ? (
        <Form method="post" action={`/distributions/${offer.distributionId}`} className="mt-6 flex items-end gap-2">
          <input type="hidden" name="offerId" value={offer.id} />
          <div>
            <label htmlFor="quantity" className="block text-sm font-semibold">{t("cart.quantity")}</label>
            <input id="quantity" type="number" name="quantity" defaultValue={1} min={1} max={Math.min(MAX_QUANTITY, offer.remaining, offer.limit.max)} aria-describedby={offer.limit.setByProducer ? "max-per-customer" : undefined} className="mt-1 w-20 rounded-lg border border-slate-400 px-2 py-2" />
            {offer.limit.setByProducer ? <p id="max-per-customer" className="mt-1 text-sm font-semibold">{t("ordering.offer.maxPerCustomer", { max: offer.limit.max })}</p> : null}
          </div>
          <button type="submit" className="min-h-11 rounded-lg bg-sea-700 px-5 font-semibold text-white">{t("catalogue.add")}</button>
        </Form>
      ) : (
        <p className="mt-6 font-bold text-red-800">{t("catalogue.soldOut")}</p>
      )}
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
