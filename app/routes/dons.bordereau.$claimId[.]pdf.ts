import type { LoaderFunctionArgs } from "@remix-run/node";
import { slipPdfSpec, slipView } from "~/domain/donations/donation-documents";
import { findDonationSlip } from "~/domain/donations/donation-slip.server";
import { DomainError, isDomainError } from "~/domain/errors";
import { requireUser } from "~/http/auth.server";
import { domainErrorMessage, domainErrorStatus } from "~/http/errors.server";
import { localeOf } from "~/http/locale.server";
import { pdfResponse, renderPdf } from "~/infra/pdf.server";

/** The donation slip as a PDF ("bordereau-<number>.pdf"), in the reader's language; same rights as the page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = localeOf(request, user.locale);
  try {
    const slip = await findDonationSlip({ claimId: params.claimId ?? "", user });
    if (!slip) throw new DomainError("not_found");
    const view = slipView(slip, locale);
    return pdfResponse(await renderPdf(slipPdfSpec(view)), view.fileName);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return new Response(domainErrorMessage(error, locale), { status: domainErrorStatus(error.code), headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}
