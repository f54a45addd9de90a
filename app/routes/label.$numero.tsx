import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { validityInstant } from "~/domain/label/label-badge";
import { parseLabelNumber } from "~/domain/label/public-label";
import { readPublicLabel } from "~/domain/label/read-public-label.server";
import { now } from "~/http/clock.server";
import { localeOf } from "~/http/locale.server";
import { translate } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { LabelCheckForm } from "~/ui/label-check-form";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? `${page.title} — Terre & Mer` : "Terre & Mer" },
  // A verification is worth sharing, but a number that is not one is nothing to index.
  ...(page && !page.label ? [{ name: "robots", content: "noindex" }] : []),
];

/**
 * The verification of one label, reached by its QR code or the form of /label: holder, product,
 * status read at this instant, validity. A number no granted label bears answers 404 and says so;
 * nothing of a label under review or refused is shown (readPublicLabel). One statement.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = localeOf(request);
  const asked = (params.numero ?? "").slice(0, 40);
  const number = parseLabelNumber(asked);
  const at = now();
  const label = number ? await readPublicLabel(number, at) : null;
  if (!label) {
    return data({ label: null, number: number ?? asked, checkedAt: validityInstant(at, locale), title: translate(locale, "labelPublic.notFound.title") }, { status: 404 });
  }
  return {
    label: {
      number: label.number,
      status: label.status,
      holder: label.holder.name,
      commune: label.holder.commune,
      product: locale === "en" && label.product.nameEn ? label.product.nameEn : label.product.name,
      // Written here once, in the reader's language: the page shows words, the browser formats nothing.
      validity: translate(locale, "labelPublic.verify.period", { from: validityInstant(label.validFrom, locale), until: validityInstant(label.validUntil, locale) }),
    },
    number: label.number,
    checkedAt: validityInstant(at, locale),
    title: translate(locale, "labelPublic.verify.pageTitle", { number: label.number }),
  };
}

const statusStyle = {
  GRANTED: "border-earth-700 bg-earth-50 text-earth-700",
  SUSPENDED: "border-amber-700 bg-amber-50 text-amber-900",
  REVOKED: "border-red-800 bg-red-50 text-red-900",
  EXPIRED: "border-slate-600 bg-slate-100 text-slate-900",
} as const;

export default function LabelVerification() {
  const page = useLoaderData<typeof loader>();
  const t = useT();
  const { label } = page;
  return (
    <article className="mx-auto max-w-2xl">
      <p className="text-sm"><Link to="/label" className="inline-flex min-h-11 items-center text-sea-700 underline">{t("labelPublic.verify.criteria")}</Link></p>
      {label ? (
        <>
          <h1 className="text-2xl font-bold text-sea-900">{page.title}</h1>
          <p className="text-slate-700">{t("labelPublic.name")}</p>
          <div className={`mt-4 rounded-xl border-2 p-4 ${statusStyle[label.status]}`} data-testid="label-status">
            <p className="text-xl font-bold">{t(`labelPublic.status.${label.status}`)}</p>
            <p className="mt-1">{t(`labelPublic.explain.${label.status}`)}</p>
          </div>
          <dl className="mt-4 grid gap-x-4 gap-y-2 rounded-xl border border-slate-300 bg-white p-4 sm:grid-cols-[10rem_1fr]">
            <dt className="font-semibold">{t("labelPublic.verify.holder")}</dt>
            <dd>{label.holder}{label.commune ? ` (${label.commune})` : ""}</dd>
            <dt className="font-semibold">{t("labelPublic.verify.product")}</dt>
            <dd>{label.product}</dd>
            <dt className="font-semibold">{t("labelPublic.verify.status")}</dt>
            <dd>{t(`labelPublic.status.${label.status}`)}</dd>
            <dt className="font-semibold">{t("labelPublic.verify.validity")}</dt>
            <dd>{label.validity}</dd>
          </dl>
          <p className="mt-3 text-sm text-slate-700">{t("labelPublic.verify.checkedAt", { date: page.checkedAt })}</p>
          <LabelCheckForm />
        </>
      ) : (
        <>
          <h1 className="text-2xl font-bold text-sea-900">{page.title}</h1>
          <p role="alert" className="mt-4 text-lg">{t("labelPublic.notFound.text", { number: page.number })}</p>
          <LabelCheckForm value={page.number} />
        </>
      )}
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
