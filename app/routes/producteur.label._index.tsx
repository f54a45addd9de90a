import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listOwnLabels } from "~/domain/label/list-labels.server";
import { now } from "~/http/clock.server";
import { requireProducer } from "~/http/producer.server";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { longDate } from "~/ui/format";
import { labelKey } from "~/ui/label-file";

export const meta: MetaFunction = () => [{ title: "Label local — Terre & Mer" }];

/** The producer's products with their label: status at this instant, number, validity; a link to apply or to the file. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { producer } = await requireProducer(request);
  return { products: await listOwnLabels({ producerId: producer.id, now: now() }) };
}

export default function ProducerLabelsPage() {
  const { products } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("label.own.title")}</h1>
      <p className="mt-1">{t("label.own.intro")}</p>
      <p className="mt-1">
        <a href="/label" className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("label.own.criteriaLink")}</a>
      </p>
      {products.length === 0 ? <p className="mt-4">{t("label.own.none")}</p> : null}
      <ul className="mt-4 space-y-3">
        {products.map((product) => (
          <li key={product.productId} className="rounded-xl border border-slate-300 bg-white p-4" data-product={product.productId}>
            <h2 className="text-lg font-bold text-sea-900">{product.productName}</h2>
            <p data-status={product.status ?? "NONE"}>
              <span className="font-semibold">{t(labelKey(`label.status.${product.status ?? "NONE"}`))}</span>
              {product.renewalPending ? ` · ${t("label.status.RENEWAL_PENDING")}` : null}
              {product.changesRequested && product.status === "GRANTED" ? ` · ${t("label.status.RENEWAL_CHANGES")}` : null}
              {product.number ? ` · ${t("label.own.number", { number: product.number })}` : null}
              {product.validUntil && (product.status === "GRANTED" || product.status === "SUSPENDED") ? ` · ${t("label.own.validUntil", { date: longDate(product.validUntil, locale) })}` : null}
            </p>
            <Link to={`/producteur/label/${product.productId}`} className="mt-2 inline-flex min-h-11 items-center rounded-lg border-2 border-sea-700 px-4 font-semibold text-sea-800">
              {product.labelId ? t("label.own.open") : t("label.own.apply")}
            </Link>
          </li>
        ))}
      </ul>
      <p className="mt-6"><a href="/producteur/label-etiquettes.pdf" className="inline-flex min-h-11 items-center rounded-lg bg-sea-700 px-4 font-semibold text-white hover:bg-sea-800">{t("labelStickers.download")}</a></p>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
