import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { unitsNumber } from "~/domain/donations/donation-format";
import { donationImpact, impactPeriodSchema, type ImpactAmounts } from "~/domain/donations/donation-impact.server";
import { parisYear, yearChoices } from "~/domain/donations/yearly-summary";
import { requirePermission } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { translateIssues } from "~/http/errors.server";
import { localeOf } from "~/http/locale.server";
import { translate, type Locale } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { BarChart } from "~/ui/bar-chart";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert, PrimaryButton } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Impact des dons — Terre & Mer" }];

/** For the territory: kilos donated (collected) per month, category, charity and donor; `?annee=` or the last 12 months. */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "verify:organisation:any");
  const locale = localeOf(request, admin.locale);
  const at = now();
  const currentYear = parisYear(at);
  const parsed = impactPeriodSchema.safeParse(new URL(request.url).searchParams.get("annee"));
  if (!parsed.success) {
    return data({ error: translateIssues(parsed.error, locale)[0]?.message ?? translate(locale, "error.invalid"), years: yearChoices(currentYear), year: null, impact: null }, { status: 400 });
  }
  const year = parsed.data;
  const impact = await donationImpact({ year, now: at });
  return {
    error: null,
    years: yearChoices(currentYear, year),
    year,
    impact: {
      total: impact.total,
      byMonth: impact.byMonth,
      byCategory: impact.byCategory,
      byCharity: impact.byCharity,
      byDonor: impact.byDonor,
    },
  };
}

type Line = ImpactAmounts & { key: string; label: string | null; labelEn?: string | null };

/** "2026-03" → "mars 2026" / "March 2026". */
function monthText(month: string, locale: Locale): string {
  const [year, number] = month.split("-").map(Number);
  if (!year || !number) return month;
  return new Date(Date.UTC(year, number - 1, 15)).toLocaleDateString(locale === "fr" ? "fr-FR" : "en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
}

function View({ id, title, column, lines, labelOf }: { id: string; title: string; column: string; lines: readonly Line[]; labelOf: (line: Line) => string }) {
  const t = useT();
  const locale = useLocale();
  const kg = t("impact.kg");
  return (
    <section aria-labelledby={id} className="mt-8 break-inside-avoid">
      <h2 id={id} className="text-xl font-bold text-sea-900">{title}</h2>
      {lines.length === 0 ? (
        <p className="mt-2">{t("impact.none")}</p>
      ) : (
        <>
          <BarChart id={`${id}-chart`} title={title} bars={lines.map((line) => ({ key: line.key, label: labelOf(line), value: line.kg, valueText: `${unitsNumber(line.kg, locale)} ${kg}` }))} />
          <details className="mt-3">
            <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-sea-700 underline">{t("impact.table")}</summary>
            <div className="overflow-x-auto" role="region" aria-label={title} tabIndex={0}>
              <table className="mt-2 min-w-full border-collapse text-sm">
                <caption className="sr-only">{title}</caption>
                <thead>
                  <tr className="border-b-2 border-slate-400 text-left">
                    <th scope="col" className="p-2">{column}</th>
                    <th scope="col" className="p-2 text-right">{t("impact.kg")}</th>
                    <th scope="col" className="p-2 text-right">{t("impact.pieces")}</th>
                    <th scope="col" className="p-2 text-right">{t("impact.litres")}</th>
                    <th scope="col" className="p-2 text-right">{t("impact.claims")}</th>
                  </tr>
                </thead>
                <tbody>
                  {lines.map((line) => (
                    <tr key={line.key} className="border-b border-slate-200">
                      <th scope="row" className="p-2 text-left font-semibold">{labelOf(line)}</th>
                      <td className="p-2 text-right tabular-nums">{unitsNumber(line.kg, locale)}</td>
                      <td className="p-2 text-right tabular-nums">{unitsNumber(line.pieces, locale)}</td>
                      <td className="p-2 text-right tabular-nums">{unitsNumber(line.litres, locale)}</td>
                      <td className="p-2 text-right tabular-nums">{line.claims}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}

export default function DonationImpactPage() {
  const page = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const impact = page.impact;
  const csvQuery = page.year === null ? "" : `?annee=${page.year}`;
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("impact.title")}</h1>
      <p className="mt-1">{t("impact.intro")}</p>
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-3 print:hidden">
        <span className="flex flex-col">
          <label htmlFor="annee" className="font-semibold">{t("impact.period")}</label>
          <select id="annee" name="annee" defaultValue={page.year === null ? "" : String(page.year)} className="mt-1 min-h-11 rounded-lg border border-slate-400 bg-white px-3 py-2">
            <option value="">{t("impact.last12")}</option>
            {page.years.map((year) => (
              <option key={year} value={year}>{year}</option>
            ))}
          </select>
        </span>
        <PrimaryButton>{t("impact.show")}</PrimaryButton>
        {impact ? (
          <a href={`/admin/impact.csv${csvQuery}`} download className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("impact.csv")}</a>
        ) : null}
      </Form>
      {page.error ? <div className="mt-4"><FormAlert message={page.error} refused /></div> : null}
      {impact ? (
        <>
          <section aria-labelledby="total" className="mt-6 rounded-xl border-2 border-sea-700 bg-white p-4">
            <h2 id="total" className="text-xl font-bold text-sea-900">{t("impact.total")} — {page.year ?? t("impact.last12")}</h2>
            <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4">
              {([
                ["kg", "impact.kg"],
                ["pieces", "impact.pieces"],
                ["litres", "impact.litres"],
                ["claims", "impact.claims"],
              ] as const).map(([key, label]) => (
                <div key={key} className="rounded-lg bg-sea-50 p-3">
                  <dt className="text-sm font-semibold">{t(label)}</dt>
                  <dd className="text-2xl font-bold tabular-nums" data-impact-total={key}>{unitsNumber(impact.total[key], locale)}</dd>
                </div>
              ))}
            </dl>
          </section>
          <View id="par-mois" title={t("impact.byMonth")} column={t("impact.month")} lines={impact.byMonth} labelOf={(line) => monthText(line.key, locale)} />
          <View
            id="par-categorie"
            title={t("impact.byCategory")}
            column={t("impact.category")}
            lines={impact.byCategory}
            labelOf={(line) => (locale === "en" ? line.labelEn : line.label) ?? t("impact.uncategorised")}
          />
          <View id="par-association" title={t("impact.byCharity")} column={t("impact.charity")} lines={impact.byCharity} labelOf={(line) => line.label ?? ""} />
          <View id="par-donateur" title={t("impact.byDonor")} column={t("impact.donor")} lines={impact.byDonor} labelOf={(line) => line.label ?? ""} />
        </>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
