import type { MessageKey } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { dateTime, euros } from "~/ui/format";

/** One contribution invoice as listed: `party` is the other side (the workshop, or the charity). */
export type InvoiceLine = { id: string; number: string; issuedAt: Date | string; party: string; product?: string; amountCents: number };

/** The contribution invoices a charity received or a workshop issued (paniers de la mer), each with its PDF. */
export function InvoiceTable({ invoices, partyLabel, withProduct = false, className }: { invoices: InvoiceLine[]; partyLabel: MessageKey; withProduct?: boolean; className: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className={`${className} overflow-x-auto rounded-xl border border-slate-300 bg-white`}>
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="p-2">{t("sea.invoices.number")}</th>
            <th scope="col" className="p-2">{t("sea.invoices.date")}</th>
            <th scope="col" className="p-2">{t(partyLabel)}</th>
            {withProduct ? <th scope="col" className="p-2">{t("sea.invoices.product")}</th> : null}
            <th scope="col" className="p-2 text-right">{t("sea.invoices.amount")}</th>
            <th scope="col" className="p-2">{t("sea.invoices.pdf")}</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => (
            <tr key={invoice.id} className="border-t border-slate-200">
              <td className="p-2 font-semibold">{invoice.number}</td>
              <td className="p-2">{dateTime(invoice.issuedAt, locale)}</td>
              <td className="p-2">{invoice.party}</td>
              {withProduct ? <td className="p-2">{invoice.product}</td> : null}
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
  );
}
