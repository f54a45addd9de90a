import type { LoaderFunctionArgs } from "@remix-run/node";
import { summaryCsv } from "~/domain/donations/donation-documents";
import { yearlyDonationSummary } from "~/domain/donations/yearly-donation-summary.server";
import { parisYear, summaryYearSchema } from "~/domain/donations/yearly-summary";
import { csvResponse } from "~/domain/preparation/preparation-csv";
import { now } from "~/http/clock.server";
import { localeOf } from "~/http/locale.server";
import { requireProducer } from "~/http/producer.server";
import { translate } from "~/i18n/messages";

/** The donor's yearly summary as CSV (?annee=2026): semicolons, decimal commas, UTF-8 with BOM. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const year = summaryYearSchema.safeParse(new URL(request.url).searchParams.get("annee") ?? String(parisYear(now())));
  if (!year.success) {
    return new Response(translate(localeOf(request, user.locale), "taxSummary.field.year"), { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const summary = await yearlyDonationSummary({ donorId: producer.id, year: year.data });
  return csvResponse(summaryCsv(summary), `recapitulatif-dons-${year.data}.csv`);
}
