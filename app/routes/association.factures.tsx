import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { quantityText } from "~/domain/donations/contribution-invoice-document";
import { listReceivedInvoices } from "~/domain/donations/list-received-invoices.server";
import { requireCharity } from "~/http/charity.server";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { dateTime, euros } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Factures reçues — Terre & Mer" }];

/** The contribution invoices the charity received from processing workshops (paniers de la mer). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { charity } = await requireCharity(request);
  return { invoices: await listReceivedInvoices(charity.id) };
}

export default function ReceivedInvoices() {
  const { invoices } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("sea.invoices.title")}</h1>
      <p className="mt-2">{t("sea.invoices.intro")}</p>
      {invoices.length === 0 ? (
        <p className="mt-4">{t("sea.invoices.empty")}</p>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-xl border border-slate-300 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-2">{t("sea.invoices.number")}</th>
                <th scope="col" className="p-2">{t("sea.invoices.date")}</th>
                <th scope="col" className="p-2">{t("sea.invoices.workshop")}</th>
                <th scope="col" className="p-2">{t("sea.invoices.product")}</th>
                <th scope="col" className="p-2 text-right">{t("sea.invoices.amount")}</th>
                <th scope="col" className="p-2">{t("sea.invoices.pdf")}</th>
              </tr>
            </thead>
            <tbody>
              {invoices.map((invoice) => (
                <tr key={invoice.id} className="border-t border-slate-200">
                  <td className="p-2 font-semibold">{invoice.number}</td>
                  <td className="p-2">{dateTime(invoice.issuedAt, locale)}</td>
                  <td className="p-2">{invoice.workshopName}</td>
                  <td className="p-2">{invoice.productName} · {quantityText(invoice.quantityMilli, invoice.unit, locale)}</td>
                  <td className="p-2 text-right">{euros(invoice.amountCents, locale)}</td>
                  <td className="p-2">
                    <a href={`/factures/${invoice.id}.pdf`} className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline" aria-label={t("sea.invoices.pdfOf", { number: invoice.number })}>
                      {t("sea.invoices.pdf")}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
