import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/domain/preparation/preparation-csv";
import { salesStatement } from "~/domain/preparation/sales-summary.server";
import { statementCsv, statementFileName } from "~/domain/preparation/statement-documents";
import { env } from "~/env.server";
import { now } from "~/http/clock.server";
import { localeOf } from "~/http/locale.server";
import { requireProducer } from "~/http/producer.server";
import { askedPeriod } from "~/http/sales-period.server";

/** The producer's statement as CSV: the same rows and totals as the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const locale = localeOf(request, user.locale);
  const asked = askedPeriod(request, locale);
  if (!asked.ok) return new Response(asked.messages.join("\n"), { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { statement } = await salesStatement({ actor: user, producerId: producer.id, ...asked.period, commissionBp: env().PLATFORM_COMMISSION_BP });
  const heading = { producerName: producer.name, ...asked.period, locale, issuedAt: now() };
  return csvResponse(statementCsv(statement, heading), statementFileName(heading, "csv"));
}
