import type { LoaderFunctionArgs } from "@remix-run/node";
import { salesStatement } from "~/domain/preparation/sales-summary.server";
import { statementFileName, statementPdfSpec } from "~/domain/preparation/statement-documents";
import { env } from "~/env.server";
import { now } from "~/http/clock.server";
import { localeOf } from "~/http/locale.server";
import { requireProducer } from "~/http/producer.server";
import { askedPeriod } from "~/http/sales-period.server";
import { pdfResponse, renderPdf } from "~/infra/pdf.server";

/** The producer's statement as a PDF, in the reader's language: the same totals as the page and the CSV. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const locale = localeOf(request, user.locale);
  const asked = askedPeriod(request, locale);
  if (!asked.ok) return new Response(asked.messages.join("\n"), { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { statement } = await salesStatement({ actor: user, producerId: producer.id, ...asked.period, commissionBp: env().PLATFORM_COMMISSION_BP });
  const heading = { producerName: producer.name, ...asked.period, locale, issuedAt: now() };
  return pdfResponse(await renderPdf(statementPdfSpec(statement, heading)), statementFileName(heading, "pdf"));
}
