import type { LoaderFunctionArgs } from "@remix-run/node";
import { DomainError, isDomainError } from "~/domain/errors";
import { creditNotePdfSpec, creditNoteView } from "~/domain/payments/credit-note";
import { creditNoteViewer, readCreditNoteParams } from "~/domain/payments/credit-note-access.server";
import { findCreditNote } from "~/domain/payments/read-credit-note.server";
import { requireUser } from "~/http/auth.server";
import { domainErrorMessage, domainErrorStatus } from "~/http/errors.server";
import { localeOf } from "~/http/locale.server";
import { pdfResponse, renderPdf } from "~/infra/pdf.server";

/** The credit note as a PDF ("avoir-A-<number>.pdf"), in the reader's language; same rights as the page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = localeOf(request, user.locale);
  const wanted = readCreditNoteParams(params);
  try {
    const note = wanted ? await findCreditNote({ ...wanted, viewer: creditNoteViewer(user) }) : null;
    if (!note) throw new DomainError("not_found");
    const view = creditNoteView(note, locale);
    return pdfResponse(await renderPdf(creditNotePdfSpec(view, locale)), view.fileName);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return new Response(domainErrorMessage(error, locale), { status: domainErrorStatus(error.code), headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}
