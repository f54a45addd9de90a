import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { summaryView } from "~/domain/donations/donation-documents";
import { yearlyDonationSummary } from "~/domain/donations/yearly-donation-summary.server";
import { parisYear, summaryYearSchema } from "~/domain/donations/yearly-summary";
import { now } from "~/http/clock.server";
import { localeOf } from "~/http/locale.server";
import { requireProducer } from "~/http/producer.server";
import { translate } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert, PrimaryButton } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Récapitulatif annuel des dons — Terre & Mer" }];

/** The donor's yearly summary of its donations (?annee=2026, the current Paris year by default). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const locale = localeOf(request, user.locale);
  const asked = new URL(request.url).searchParams.get("annee") ?? String(parisYear(now()));
  const year = summaryYearSchema.safeParse(asked);
  if (!year.success) {
    return data({ year: asked.slice(0, 20), error: translate(locale, "taxSummary.field.year"), view: null }, { status: 400 });
  }
  const summary = await yearlyDonationSummary({ donorId: producer.id, year: year.data });
  return { year: String(year.data), error: null, view: summaryView(summary, locale) };
}

const linkClass = "inline-flex min-h-11 items-center font-semibold text-sea-700 underline";

export default function YearlyDonationSummaryPage() {
  const page = useLoaderData<typeof loader>();
  const t = useT();
  const view = page.view;
  const query = `annee=${encodeURIComponent(page.year)}`;
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("taxSummary.title")}</h1>
      {view ? <p className="mt-1 text-lg">{view.subtitle}</p> : null}
      <div className="mt-2 space-y-2 text-slate-800">
        <p>{t("taxSummary.intro")}</p>
        <p>{t("taxSummary.rule")}</p>
        <p>{t("taxSummary.receipts")}</p>
        <p>{t("taxSummary.excluded")}</p>
      </div>

      <Form method="get" className="mt-4 rounded-xl border border-slate-300 bg-white p-4 print:hidden">
        <FormAlert message={page.error} refused />
        <label htmlFor="recapitulatif-annee" className="block font-semibold">{t("taxSummary.year")}</label>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <input
            id="recapitulatif-annee"
            name="annee"
            type="number"
            inputMode="numeric"
            min={2000}
            max={2100}
            step={1}
            required
            defaultValue={page.year}
            aria-invalid={page.error ? true : undefined}
            aria-describedby={page.error ? "recapitulatif-annee-error" : undefined}
            className="block min-h-11 w-32 rounded-lg border border-slate-400 px-3 py-2 aria-[invalid]:border-red-700"
          />
          <PrimaryButton>{t("taxSummary.show")}</PrimaryButton>
        </div>
        {page.error ? <p id="recapitulatif-annee-error" className="mt-1 text-sm font-semibold text-red-800">{page.error}</p> : null}
        {view ? (
          <div className="mt-3 flex flex-wrap items-center gap-x-5">
            <a href={`/producteur/dons/recapitulatif.csv?${query}`} download className={linkClass}>{t("taxSummary.csv")}</a>
            <a href={`/producteur/dons/recapitulatif.pdf?${query}`} download className={linkClass}>{t("taxSummary.pdf")}</a>
            <button type="button" onClick={() => window.print()} className={linkClass}>{t("taxSummary.print")}</button>
          </div>
        ) : null}
      </Form>

      {view ? (
        <>
          <section aria-labelledby="recapitulatif-total" className="mt-6 rounded-xl border-2 border-sea-700 bg-white p-4">
            <h2 id="recapitulatif-total" className="text-xl font-bold text-sea-900">{view.totalHeading}</h2>
            <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
              {view.totals.map(([label, value], index) => (
                <div key={label} className={`contents ${index === 0 ? "text-lg font-bold" : ""}`}>
                  <dt>{label}</dt>
                  <dd className="text-right tabular-nums">{value}</dd>
                </div>
              ))}
            </dl>
          </section>

          <section aria-labelledby="recapitulatif-associations" className="mt-6">
            <h2 id="recapitulatif-associations" className="text-xl font-bold text-sea-900">{t("taxSummary.byCharity")}</h2>
            {view.empty ? <p className="mt-2">{view.empty}</p> : null}
            {view.charities.map((charity, index) => (
              <section key={charity.id} aria-labelledby={`recapitulatif-association-${index}`} className="mt-4 rounded-xl border border-slate-300 bg-white p-4">
                <h3 id={`recapitulatif-association-${index}`} className="text-lg font-bold">{charity.name}</h3>
                {charity.details.map((line) => (
                  <p key={line} className="text-sm text-slate-700">{line}</p>
                ))}
                <div className="mt-2 overflow-x-auto" role="region" aria-labelledby={`recapitulatif-association-${index}`} tabIndex={0}>
                  <table className="min-w-[48rem] w-full border-collapse text-sm">
                    <thead>
                      <tr className="border-b-2 border-slate-400">
                        {view.columns.map((column) => (
                          <th key={column.label} scope="col" className={`px-2 py-2 ${column.align === "right" ? "text-right" : "text-left"}`}>{column.label}</th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {charity.rows.map((row, rowIndex) => (
                        <tr key={`${row[1]}-${rowIndex}`} className="border-b border-slate-200">
                          {row.map((cell, cellIndex) => (
                            <td key={cellIndex} className={`px-2 py-2 ${view.columns[cellIndex]?.align === "right" ? "text-right tabular-nums" : ""}`}>{cell}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                    <tfoot>
                      <tr className="font-bold">
                        {charity.subtotal.map((cell, cellIndex) => (
                          <td key={cellIndex} className={`px-2 py-2 ${view.columns[cellIndex]?.align === "right" ? "text-right tabular-nums" : ""}`}>{cell}</td>
                        ))}
                      </tr>
                    </tfoot>
                  </table>
                </div>
              </section>
            ))}
          </section>
        </>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
