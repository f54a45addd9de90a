import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { listProducerProducts, LIST_LIMIT, type ProducerProductRow } from "~/domain/catalog/list-producer-products.server";
import { unitLabel } from "~/domain/catalog/units";
import { searchField } from "~/domain/fields";
import { formatVatRate } from "~/domain/money";
import { requireProducer } from "~/http/producer.server";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert, SecondaryButton } from "~/ui/form";
import { euros } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Mes produits — Terre & Mer" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { producer } = await requireProducer(request);
  const url = new URL(request.url);
  // A search too long to mean anything is cut, not refused: the list stays usable.
  const search = searchField.catch("").parse((url.searchParams.get("q") ?? "").slice(0, 80));
  const products = await listProducerProducts({ producerId: producer.id, search });
  return { search, limit: LIST_LIMIT, ...products };
}

function ProductItem({ product }: { product: Omit<ProducerProductRow, "archivedAt"> & { archivedAt: Date | string | null } }) {
  const t = useT();
  const locale = useLocale();
  const badge = "rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-800";
  return (
    <li>
      <Link to={`/producteur/produits/${product.id}`} className="flex min-h-11 flex-wrap items-center justify-between gap-2 p-3 hover:bg-sea-50">
        <span className="min-w-0 flex-1">
          <span className="font-semibold text-sea-800 underline">{product.name}</span>
          {product.reference ? <span className="ml-2 text-sm text-slate-700">{t("products.list.reference", { reference: product.reference })}</span> : null}
          <span className="mt-1 flex flex-wrap gap-1">
            {product.kind === "BASKET" ? <span className={badge}>{t("products.badge.basket")}</span> : null}
            {product.organic ? <span className={badge}>{t("products.badge.organic")}</span> : null}
            {product.variableWeight ? <span className={badge}>{t("products.badge.variableWeight")}</span> : null}
            {product.photoId ? <span className={badge}>{t("products.badge.photo")}</span> : null}
          </span>
        </span>
        <span className="text-right">
          <span className="font-semibold">{euros(product.priceCents, locale)}</span> / {unitLabel(product.unit, locale)}
          <span className="block text-xs text-slate-700">{t("products.list.vat", { rate: formatVatRate(product.vatRateBp, locale) })}</span>
        </span>
      </Link>
    </li>
  );
}

export default function ProducerProducts() {
  const { search, active, archived, truncated, limit } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold text-sea-900">{t("products.list.title")}</h1>
        <Link to="/producteur/produits/nouveau" className="inline-flex min-h-11 items-center rounded-lg bg-sea-700 px-4 py-2 font-semibold text-white hover:bg-sea-800">
          {t("products.list.new")}
        </Link>
      </div>
      {params.get("supprime") === "1" ? <div className="mt-3"><FormAlert tone="success" message={t("products.list.deleted")} /></div> : null}
      <Form method="get" role="search" className="mt-4 flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="product-search" className="block font-semibold">{t("products.list.search")}</label>
          <input id="product-search" type="search" name="q" defaultValue={search} maxLength={80} className="mt-1 block w-full rounded-lg border border-slate-400 px-3 py-3 text-base" />
        </div>
        <SecondaryButton>{t("products.list.searchButton")}</SecondaryButton>
      </Form>
      {truncated ? <p className="mt-3 text-sm">{t("products.list.truncated", { count: limit })}</p> : null}

      <h2 className="mt-6 text-xl font-bold text-sea-900">{t("products.list.inUse", { count: active.length })}</h2>
      {active.length === 0 ? (
        <p className="mt-2">{search ? t("products.list.noMatch", { search }) : t("products.list.empty")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200 rounded-xl border border-slate-300 bg-white">
          {active.map((product) => <ProductItem key={product.id} product={product} />)}
        </ul>
      )}

      {archived.length > 0 ? (
        <section className="mt-8" aria-labelledby="archived-title">
          <h2 id="archived-title" className="text-xl font-bold text-slate-800">{t("products.list.archived", { count: archived.length })}</h2>
          <p className="text-sm text-slate-700">{t("products.list.archivedHint")}</p>
          <ul className="mt-2 divide-y divide-slate-200 rounded-xl border border-slate-300 bg-slate-50">
            {archived.map((product) => <ProductItem key={product.id} product={product} />)}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
