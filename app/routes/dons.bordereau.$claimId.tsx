import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { slipView } from "~/domain/donations/donation-documents";
import { findDonationSlip } from "~/domain/donations/donation-slip.server";
import { DomainError, isDomainError } from "~/domain/errors";
import { requireUser } from "~/http/auth.server";
import { pageError } from "~/http/errors.server";
import { localeOf } from "~/http/locale.server";
import { useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.slip.title ?? "Bordereau de don"} — Terre & Mer` }];

/**
 * The donation slip of a collected claim, to print and sign: for the donor, the charity and the
 * territory. Anyone else — and any unknown id — gets the same 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const claimId = params.claimId ?? "";
  try {
    const slip = await findDonationSlip({ claimId, user });
    if (!slip) throw pageError(request, new DomainError("not_found"));
    return { claimId: slip.claimId, slip: slipView(slip, localeOf(request, user.locale)) };
  } catch (error) {
    if (isDomainError(error)) throw pageError(request, error);
    throw error;
  }
}

export default function DonationSlipPage() {
  const { claimId, slip } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <article className="mx-auto max-w-3xl print:max-w-none">
      <h1 className="text-2xl font-bold text-sea-900">{slip.title}</h1>
      <p className="mt-1 text-lg">{slip.subtitle}</p>
      <div className="mt-4 flex flex-wrap gap-3 print:hidden">
        <button
          type="button"
          onClick={() => window.print()}
          className="inline-flex min-h-11 items-center justify-center rounded-lg bg-sea-700 px-5 py-2 font-semibold text-white hover:bg-sea-800"
        >
          {t("slip.print")}
        </button>
        <a
          href={`/dons/bordereau/${encodeURIComponent(claimId)}.pdf`}
          download
          className="inline-flex min-h-11 items-center justify-center rounded-lg border border-sea-700 bg-white px-4 py-2 font-semibold text-sea-800 hover:bg-sea-50"
        >
          {t("slip.pdf")}
        </a>
      </div>

      {slip.sections.map((section, index) => (
        <section key={section.heading} aria-labelledby={`slip-section-${index}`} className="mt-6 break-inside-avoid rounded-xl border border-slate-300 bg-white p-4 print:border-slate-500">
          <h2 id={`slip-section-${index}`} className="text-xl font-bold text-sea-900">{section.heading}</h2>
          <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[minmax(10rem,16rem)_1fr] print:grid-cols-[14rem_1fr]">
            {section.fields.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-semibold text-slate-800">{label}</dt>
                <dd className="mb-2 sm:mb-0">{value}</dd>
              </div>
            ))}
          </dl>
          {section.note ? <p className="mt-3 text-sm text-slate-700">{section.note}</p> : null}
        </section>
      ))}

      <section aria-labelledby="slip-signatures" className="mt-6 break-inside-avoid">
        <h2 id="slip-signatures" className="text-xl font-bold text-sea-900">{t("slip.section.signatures")}</h2>
        <div className="mt-2 grid grid-cols-1 gap-4 sm:grid-cols-2 print:grid-cols-2">
          {slip.signatures.map((label) => (
            <div key={label} className="min-h-32 rounded-lg border-2 border-dashed border-slate-500 p-3">
              <p className="text-sm font-semibold">{label}</p>
            </div>
          ))}
        </div>
      </section>
      <p className="mt-6 text-sm text-slate-700">{slip.footer}</p>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
