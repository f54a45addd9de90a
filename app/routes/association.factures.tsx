import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { quantityText } from "~/domain/donations/donation-format";
import { listReceivedInvoices } from "~/domain/donations/list-received-invoices.server";
import { requireCharity } from "~/http/charity.server";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { InvoiceTable } from "~/ui/invoice-table";

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
        <InvoiceTable
          className="mt-4"
          partyLabel="sea.invoices.workshop"
          withProduct
          invoices={invoices.map((invoice) => ({ ...invoice, party: invoice.workshopName, product: `${invoice.productName} · ${quantityText(invoice.quantityMilli, invoice.unit, locale)}` }))}
        />
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
