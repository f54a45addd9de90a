import type { LoaderFunctionArgs } from "@remix-run/node";
import { can } from "~/domain/accounts/permissions";
import { csvResponse, summaryCsv } from "~/domain/preparation/preparation-csv";
import { currentMonth } from "~/domain/preparation/sales-figures";
import { salesPeriodSchema, salesSummary } from "~/domain/preparation/sales-summary.server";
import { parisIsoDate } from "~/domain/time/paris";
import { requireUser } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { translateIssues } from "~/http/errors.server";
import { localeOf } from "~/http/locale.server";
import { requireProducer } from "~/http/producer.server";

/** The sales summary as CSV: the producer's own figures, or every producer's for a territory admin. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  let producerId: string | null = null;
  if (user.memberships.some((membership) => membership.role === "PRODUCER")) producerId = (await requireProducer(request)).producer.id;
  else if (!can(user, "read:order:any")) throw new Response("Forbidden", { status: 403 });
  const url = new URL(request.url);
  const fallback = currentMonth(parisIsoDate(now()));
  const period = salesPeriodSchema.safeParse({ from: url.searchParams.get("du") ?? fallback.from, to: url.searchParams.get("au") ?? fallback.to });
  if (!period.success) {
    const messages = translateIssues(period.error, localeOf(request, user.locale)).map((issue) => issue.message);
    return new Response(messages.join("\n"), { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const summary = await salesSummary({ actor: user, producerId, ...period.data });
  return csvResponse(summaryCsv(summary), `bilan-${period.data.from}-${period.data.to}.csv`);
}
