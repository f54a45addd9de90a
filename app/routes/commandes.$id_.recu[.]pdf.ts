import type { LoaderFunctionArgs } from "@remix-run/node";
import { DomainError, isDomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { findOwnReceipt } from "~/domain/ordering/read-receipt.server";
import { receiptPdfSpec, receiptView } from "~/domain/ordering/receipt";
import { requireUser } from "~/http/auth.server";
import { domainErrorMessage, domainErrorStatus } from "~/http/errors.server";
import { localeOf } from "~/http/locale.server";
import { pdfResponse, renderPdf } from "~/infra/pdf.server";

/** The receipt as a PDF ("recu-commande-<number>.pdf"), in the reader's language; same rights as the page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = localeOf(request, user.locale);
  const id = idField.safeParse(params.id);
  try {
    const receipt = id.success ? await findOwnReceipt({ orderId: id.data, userId: user.id }) : null;
    if (!receipt) throw new DomainError("not_found");
    const view = receiptView(receipt, locale);
    return pdfResponse(await renderPdf(receiptPdfSpec(view, locale)), view.fileName);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return new Response(domainErrorMessage(error, locale), { status: domainErrorStatus(error.code), headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}
