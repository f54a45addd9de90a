import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { catchAreaLabel } from "~/domain/catalog/food-information";
import { LABEL_CRITERIA } from "~/domain/label/label-criteria";
import { parseLabelNumber } from "~/domain/label/public-label";
import { localeOf } from "~/http/locale.server";
import { translate, type Locale } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert } from "~/ui/form";
import { LabelCheckForm } from "~/ui/label-check-form";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? `${page.title} — Terre & Mer` : "Terre & Mer" },
  { name: "description", content: page?.intro ?? "" },
];

/**
 * The label's published criteria, written from the one configuration the checks read
 * (app/config/label-criteria.json through LABEL_CRITERIA): change a number there and this page says
 * it. Also how to apply, and the check form, whose GET (?numero=) leads on to /label/:numero. No statement.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = localeOf(request);
  const asked = new URL(request.url).searchParams.get("numero");
  if (asked !== null) {
    const number = parseLabelNumber(asked.slice(0, 40));
    if (number) throw redirect(`/label/${number}`);
  }
  const page = {
    title: translate(locale, "labelPublic.title"),
    intro: translate(locale, "labelPublic.intro"),
    criteria: criteriaOf(locale),
    asked: asked?.slice(0, 40) ?? "",
    error: asked !== null ? translate(locale, "labelPublic.check.invalid") : null,
  };
  return data(page, { status: page.error ? 400 : 200 });
}

/** Each criterion's words with the configuration's numbers in them, in the reader's language. */
function criteriaOf(locale: Locale) {
  const { maxDistanceKm, minLocalSharePercent, faoAreas, ports, validityYears, reminderDaysBeforeExpiry } = LABEL_CRITERIA;
  const km = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB").format(maxDistanceKm);
  const list = new Intl.ListFormat(locale === "fr" ? "fr-FR" : "en-GB", { type: "conjunction" });
  return [
    { id: "fresh", title: translate(locale, "labelPublic.criteria.fresh.title"), text: translate(locale, "labelPublic.criteria.fresh", { km }) },
    {
      id: "sea",
      title: translate(locale, "labelPublic.criteria.sea.title"),
      text: translate(locale, "labelPublic.criteria.sea", {
        km,
        ports: list.format(ports.map((port) => port.name)),
        // The reference data's name of the area; its FAO code beside it when the name does not say it.
        areas: list.format(faoAreas.map((code) => {
          const name = catchAreaLabel(code, locale);
          return name.includes(code) ? name : `${name} (FAO ${code})`;
        })),
      }),
    },
    { id: "processed", title: translate(locale, "labelPublic.criteria.processed.title"), text: translate(locale, "labelPublic.criteria.processed", { km, share: minLocalSharePercent }) },
    { id: "trace", title: translate(locale, "labelPublic.criteria.trace.title"), text: translate(locale, "labelPublic.criteria.trace") },
    {
      id: "validity",
      title: translate(locale, "labelPublic.criteria.validity.title"),
      text: translate(locale, "labelPublic.criteria.validity", { months: validityYears * 12, days: reminderDaysBeforeExpiry }),
    },
  ];
}

export default function LabelCriteriaPage() {
  const page = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <article className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-sea-900">{page.title}</h1>
      <p className="mt-2 text-slate-800">{page.intro}</p>
      {page.error ? <div className="mt-3"><FormAlert message={page.error} refused /></div> : null}

      <section aria-labelledby="criteria" className="mt-6">
        <h2 id="criteria" className="text-xl font-bold text-sea-900">{t("labelPublic.criteria.heading")}</h2>
        <ul className="mt-3 grid gap-3">
          {page.criteria.map((criterion) => (
            <li key={criterion.id} className="rounded-xl border border-slate-300 bg-white p-4" data-testid={`criterion-${criterion.id}`}>
              <h3 className="font-bold text-earth-700">{criterion.title}</h3>
              <p className="mt-1">{criterion.text}</p>
            </li>
          ))}
        </ul>
      </section>

      <LabelCheckForm value={page.asked} error={page.error} />

      <section aria-labelledby="apply" className="mt-8">
        <h2 id="apply" className="text-xl font-bold text-sea-900">{t("labelPublic.apply.heading")}</h2>
        <p className="mt-2">{t("labelPublic.apply.text")}</p>
        <p className="mt-3">
          <Link to="/producteur/label" className="inline-flex min-h-11 items-center rounded-lg bg-sea-700 px-4 py-2 font-semibold text-white hover:bg-sea-800">{t("labelPublic.apply.link")}</Link>
        </p>
        <p className="mt-2">
          <Link to="/devenir-producteur" className="inline-flex min-h-11 items-center text-sea-700 underline">{t("labelPublic.apply.join")}</Link>
        </p>
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
