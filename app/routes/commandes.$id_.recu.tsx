import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DomainError, isDomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { findOwnReceipt } from "~/domain/ordering/read-receipt.server";
import { receiptView } from "~/domain/ordering/receipt";
import { requireUser } from "~/http/auth.server";
import { pageError } from "~/http/errors.server";
import { localeOf } from "~/http/locale.server";
import { useT } from "~/i18n/use-t";
import { DocumentTable } from "~/ui/document-table";
import { ErrorPage } from "~/ui/error-page";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.receipt.title ?? "Reçu"} — Terre & Mer` }];

/**
 * The receipt of the customer's own order once a producer has handed over their part: to read,
 * print or download as PDF. Another person's order and an unknown id get the same 404; before any
 * hand-over, a 404 that says when the receipt will be there.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idField.safeParse(params.id);
  try {
    const receipt = id.success ? await findOwnReceipt({ orderId: id.data, userId: user.id }) : null;
    if (!receipt) throw pageError(request, new DomainError("not_found"));
    return { orderId: receipt.orderId, receipt: receiptView(receipt, localeOf(request, user.locale)) };
  } catch (error) {
    if (isDomainError(error)) throw pageError(request, error);
    throw error;
  }
}

export default function ReceiptPage() {
  const { orderId, receipt } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <article className="mx-auto max-w-3xl print:max-w-none">
      <h1 className="text-2xl font-bold text-sea-900">{receipt.title}</h1>
      <p className="mt-1 text-slate-800">{receipt.subtitle}</p>
      <div className="mt-4 flex flex-wrap gap-3 print:hidden">
        <button
          type="button"
          onClick={() => window.print()}
          className="inline-flex min-h-11 items-center justify-center rounded-lg bg-sea-700 px-5 py-2 font-semibold text-white hover:bg-sea-800"
        >
          {t("receipt.print")}
        </button>
        <a
          href={`/commandes/${encodeURIComponent(orderId)}/recu.pdf`}
          download={receipt.fileName}
          className="inline-flex min-h-11 items-center justify-center rounded-lg border border-sea-700 bg-white px-4 py-2 font-semibold text-sea-800 hover:bg-sea-50"
        >
          {t("receipt.download")}
        </a>
        <Link to={`/commandes/${encodeURIComponent(orderId)}`} className="inline-flex min-h-11 items-center font-semibold text-sea-800 underline underline-offset-4">
          {t("receipt.back")}
        </Link>
      </div>

      <dl className="mt-6 grid grid-cols-1 gap-x-4 gap-y-1 rounded-xl border border-slate-300 bg-white p-4 sm:grid-cols-[minmax(10rem,14rem)_1fr] print:grid-cols-[12rem_1fr]">
        {receipt.fields.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold text-slate-800">{label}</dt>
            <dd className="mb-2 sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
      {receipt.notOnReceipt ? <p className="mt-3 rounded-lg bg-earth-50 p-3 text-earth-700" data-testid="receipt-not-on-it">{receipt.notOnReceipt}</p> : null}

      {receipt.sellers.map((seller, index) => (
        <section key={seller.heading} aria-labelledby={`receipt-seller-${index}`} className="mt-6 break-inside-avoid rounded-xl border border-slate-300 bg-white p-4 print:border-slate-500" data-testid="receipt-seller">
          <h2 id={`receipt-seller-${index}`} className="text-xl font-bold text-sea-900">{seller.heading}</h2>
          <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[minmax(10rem,14rem)_1fr]">
            {seller.fields.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-semibold text-slate-800">{label}</dt>
                <dd className="mb-2 sm:mb-0">{value}</dd>
              </div>
            ))}
          </dl>
          <DocumentTable table={seller.lines} caption={seller.heading} testId="receipt-lines" />
          <DocumentTable table={seller.vat} caption={t("receipt.vat.rate")} testId="receipt-seller-vat" />
          <ul className="mt-3">
            {seller.payments.map((payment) => (
              <li key={payment}>{payment}</li>
            ))}
          </ul>
        </section>
      ))}

      <section aria-labelledby="receipt-vat" className="mt-6 break-inside-avoid rounded-xl border border-slate-300 bg-sea-50 p-4">
        <h2 id="receipt-vat" className="text-xl font-bold text-sea-900">{t("receipt.vatTitle")}</h2>
        <DocumentTable table={receipt.total} caption={t("receipt.vatTitle")} testId="receipt-vat" />
        <p className="mt-2 text-sm text-slate-700">{t("receipt.vatRule")}</p>
      </section>
      <p className="mt-6 text-sm text-slate-700">{receipt.footer}</p>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
