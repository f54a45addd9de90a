import type { LoaderFunctionArgs } from "@remix-run/node";
import { summaryPdfSpec, summaryView } from "~/domain/donations/donation-documents";
import { yearlyDonationSummary } from "~/domain/donations/yearly-donation-summary.server";
import { parisYear, summaryYearSchema } from "~/domain/donations/yearly-summary";
import { now } from "~/http/clock.server";
import { localeOf } from "~/http/locale.server";
import { requireProducer } from "~/http/producer.server";
import { translate } from "~/i18n/messages";
import { pdfResponse, renderPdf } from "~/infra/pdf.server";

/** The donor's yearly summary as a PDF (?annee=2026), in the reader's language: the page's figures. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const locale = localeOf(request, user.locale);
  const year = summaryYearSchema.safeParse(new URL(request.url).searchParams.get("annee") ?? String(parisYear(now())));
  if (!year.success) {
    return new Response(translate(locale, "taxSummary.field.year"), { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const view = summaryView(await yearlyDonationSummary({ donorId: producer.id, year: year.data }), locale);
  return pdfResponse(await renderPdf(summaryPdfSpec(view)), view.fileName);
}
