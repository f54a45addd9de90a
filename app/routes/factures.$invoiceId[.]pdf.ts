import type { LoaderFunctionArgs } from "@remix-run/node";
import { contributionInvoiceDocument } from "~/domain/donations/contribution-invoice-document";
import { documentReader } from "~/domain/donations/document-reader";
import { readContributionInvoice } from "~/domain/donations/read-contribution-invoice.server";
import { isDomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { requireUser } from "~/http/auth.server";
import { localeOf } from "~/http/locale.server";
import { pdfResponse, renderPdf } from "~/infra/pdf.server";

/**
 * A contribution invoice as PDF (paniers de la mer): for the members of the workshop that issued
 * it, of the charity that pays it, and territory admins; anyone else gets 404, as if it did not exist.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idField.safeParse(params.invoiceId);
  if (!id.success) throw new Response("Not found", { status: 404 });
  try {
    const invoice = await readContributionInvoice(id.data, documentReader(user));
    const bytes = await renderPdf(contributionInvoiceDocument(invoice, localeOf(request, user.locale)));
    return pdfResponse(bytes, `facture-${invoice.number}.pdf`);
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") throw new Response("Not found", { status: 404 });
    throw error;
  }
}
