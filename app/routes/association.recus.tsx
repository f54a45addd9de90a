import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { degreesText, unitName, unitsNumber, unitsText } from "~/domain/donations/donation-format";
import { impactYearSchema } from "~/domain/donations/donation-impact.server";
import { DONATION_UNITS } from "~/domain/donations/donation-quantity";
import { listReceivedDonations } from "~/domain/donations/list-claims.server";
import { parisYear, yearChoices } from "~/domain/donations/yearly-summary";
import { requireCharity } from "~/http/charity.server";
import { now } from "~/http/clock.server";
import { translateIssues } from "~/http/errors.server";
import { localeOf } from "~/http/locale.server";
import { translate } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert, PrimaryButton } from "~/ui/form";
import { dateTime, euros } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Dons reçus — Terre & Mer" }];

/** What the charity collected in a calendar year (`?annee=`, this year by default), with totals per unit. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, charity } = await requireCharity(request);
  const currentYear = parisYear(now());
  const asked = new URL(request.url).searchParams.get("annee");
  const year = impactYearSchema.safeParse(asked ?? String(currentYear));
  if (!year.success) {
    const message = translateIssues(year.error, localeOf(request, user.locale))[0]?.message ?? translate(localeOf(request, user.locale), "error.invalid");
    return data({ year: currentYear, years: yearChoices(currentYear), error: message, claims: [], totals: null }, { status: 400 });
  }
  const received = await listReceivedDonations({ charityId: charity.id, year: year.data });
  return {
    year: year.data,
    years: yearChoices(currentYear, year.data),
    error: null,
    claims: received.claims.map((claim) => ({
      id: claim.id,
      collectedAt: claim.collectedAt?.toISOString() ?? null,
      productName: claim.productName,
      quantity: claim.quantity,
      unit: claim.unitCode,
      donorName: claim.donor.name,
      lotNumber: claim.lotNumber,
      temperatureC: claim.temperatureC,
      contributionCents: claim.contributionCents,
    })),
    totals: received.totals,
  };
}

export default function ReceivedDonations() {
  const page = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("claiming.received.title")}</h1>
      <p className="mt-1">{t("claiming.received.intro")}</p>
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-3 print:hidden">
        <span className="flex flex-col">
          <label htmlFor="annee" className="font-semibold">{t("claiming.received.year")}</label>
          <select id="annee" name="annee" defaultValue={String(page.year)} className="mt-1 min-h-11 rounded-lg border border-slate-400 bg-white px-3 py-2">
            {page.years.map((year) => (
              <option key={year} value={year}>{year}</option>
            ))}
          </select>
        </span>
        <PrimaryButton>{t("claiming.received.show")}</PrimaryButton>
        {page.totals ? (
          <a href={`/association/recus.csv?annee=${page.year}`} download className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">
            {t("claiming.received.csv")}
          </a>
        ) : null}
      </Form>
      {page.error ? <div className="mt-4"><FormAlert message={page.error} refused /></div> : null}

      {page.totals ? (
        <section aria-labelledby="totaux" className="mt-6 rounded-xl border-2 border-sea-700 bg-white p-4">
          <h2 id="totaux" className="text-xl font-bold text-sea-900">{t("claiming.received.totals", { year: page.year })}</h2>
          <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
            {DONATION_UNITS.map((unit) => (
              <div key={unit} className="contents">
                <dt>{unitName(unit, locale)}</dt>
                <dd className="text-right font-bold tabular-nums" data-total={unit}>{unitsNumber(page.totals?.[unit] ?? 0, locale)}</dd>
              </div>
            ))}
            <div className="contents">
              <dt>{t("claiming.received.contributions")}</dt>
              <dd className="text-right font-bold tabular-nums">{euros(page.totals.contributionCents, locale)}</dd>
            </div>
          </dl>
        </section>
      ) : null}

      {page.totals ? (
        <section aria-labelledby="liste" className="mt-6">
          <h2 id="liste" className="text-xl font-bold text-sea-900">{t("claiming.received.list", { year: page.year })}</h2>
          {page.claims.length === 0 ? (
            <p className="mt-2">{t("claiming.received.none", { year: page.year })}</p>
          ) : (
            <div className="mt-2 overflow-x-auto" role="region" aria-labelledby="liste" tabIndex={0}>
              <table className="min-w-full border-collapse text-sm">
                <thead>
                  <tr className="border-b-2 border-slate-400 text-left">
                    <th scope="col" className="p-2">{t("claiming.received.date")}</th>
                    <th scope="col" className="p-2">{t("claiming.received.product")}</th>
                    <th scope="col" className="p-2 text-right">{t("claiming.received.quantity")}</th>
                    <th scope="col" className="p-2">{t("claiming.received.donor")}</th>
                    <th scope="col" className="p-2">{t("claiming.received.lotNumber")}</th>
                    <th scope="col" className="p-2 text-right">{t("claiming.received.temperature")}</th>
                    <th scope="col" className="p-2 text-right">{t("claiming.received.contribution")}</th>
                    <th scope="col" className="p-2 print:hidden">{t("claiming.received.slip")}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.claims.map((claim) => (
                    <tr key={claim.id} className="border-b border-slate-200 align-top">
                      <td className="p-2">{claim.collectedAt ? dateTime(claim.collectedAt, locale) : "—"}</td>
                      <th scope="row" className="p-2 text-left font-semibold">{claim.productName}</th>
                      <td className="whitespace-nowrap p-2 text-right tabular-nums">{unitsText(claim.quantity, claim.unit, locale)}</td>
                      <td className="p-2">{claim.donorName}</td>
                      <td className="p-2">{claim.lotNumber ?? "—"}</td>
                      <td className="whitespace-nowrap p-2 text-right">{claim.temperatureC === null ? "—" : degreesText(claim.temperatureC, locale)}</td>
                      <td className="whitespace-nowrap p-2 text-right">{claim.contributionCents > 0 ? euros(claim.contributionCents, locale) : "—"}</td>
                      <td className="p-2 print:hidden">
                        <Link to={`/dons/bordereau/${claim.id}`} className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("claiming.received.slip")}</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
