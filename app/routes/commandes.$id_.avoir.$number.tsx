import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DomainError, isDomainError } from "~/domain/errors";
import { creditNoteView } from "~/domain/payments/credit-note";
import { creditNoteViewer, readCreditNoteParams } from "~/domain/payments/credit-note-access.server";
import { findCreditNote } from "~/domain/payments/read-credit-note.server";
import { requireUser } from "~/http/auth.server";
import { pageError } from "~/http/errors.server";
import { localeOf } from "~/http/locale.server";
import { useT } from "~/i18n/use-t";
import { DocumentTable } from "~/ui/document-table";
import { ErrorPage } from "~/ui/error-page";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.creditNote.title ?? "Avoir"} — Terre & Mer` }];

/**
 * The credit note of one refund (« Avoir n° A-<number> »): the order, the amount refunded, its VAT
 * per rate, the reason, the date; to read, print or download as PDF. Its customer, the producer
 * it concerns and an admin may read it; anyone else, and a number of another order, get a 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const wanted = readCreditNoteParams(params);
  try {
    const note = wanted ? await findCreditNote({ ...wanted, viewer: creditNoteViewer(user) }) : null;
    if (!note) throw new DomainError("not_found");
    return { orderId: note.orderId, number: note.number, creditNote: creditNoteView(note, localeOf(request, user.locale)) };
  } catch (error) {
    if (isDomainError(error)) throw pageError(request, error);
    throw error;
  }
}

export default function CreditNotePage() {
  const { orderId, number, creditNote } = useLoaderData<typeof loader>();
  const t = useT();
  const base = `/commandes/${encodeURIComponent(orderId)}`;
  return (
    <article className="mx-auto max-w-3xl print:max-w-none">
      <h1 className="text-2xl font-bold text-sea-900">{creditNote.title}</h1>
      <p className="mt-1 text-slate-800">{creditNote.subtitle}</p>
      <div className="mt-4 flex flex-wrap gap-3 print:hidden">
        <a
          href={`${base}/avoir/${number}/pdf`}
          download={creditNote.fileName}
          className="inline-flex min-h-11 items-center justify-center rounded-lg bg-sea-700 px-5 py-2 font-semibold text-white hover:bg-sea-800"
        >
          {t("creditNote.download")}
        </a>
        <Link to={base} className="inline-flex min-h-11 items-center font-semibold text-sea-800 underline underline-offset-4">
          {t("creditNote.back")}
        </Link>
      </div>
      <dl className="mt-6 grid grid-cols-1 gap-x-4 gap-y-1 rounded-xl border border-slate-300 bg-white p-4 sm:grid-cols-[minmax(10rem,14rem)_1fr] print:grid-cols-[12rem_1fr]" data-testid="credit-note-fields">
        {creditNote.fields.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold text-slate-800">{label}</dt>
            <dd className="mb-2 break-words sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="credit-note-vat" className="mt-6 break-inside-avoid rounded-xl border border-slate-300 bg-sea-50 p-4">
        <h2 id="credit-note-vat" className="text-xl font-bold text-sea-900">{t("creditNote.vat.title")}</h2>
        <DocumentTable table={creditNote.vat} caption={t("creditNote.vat.title")} testId="credit-note-vat" />
        <p className="mt-2 text-sm text-slate-700">{creditNote.refundedTo}</p>
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
