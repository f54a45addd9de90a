import { currentMonth } from "~/domain/preparation/sales-figures";
import { salesPeriodSchema } from "~/domain/preparation/sales-summary.server";
import { parisIsoDate } from "~/domain/time/paris";
import { now } from "~/http/clock.server";
import { fieldErrors, translateIssues } from "~/http/errors.server";
import type { Locale } from "~/i18n/messages";

export type AskedPeriod =
  | { ok: true; period: { from: string; to: string } }
  | { ok: false; asked: { from: string; to: string }; errors: Record<string, string>; messages: string[] };

/** The period of a sales page, CSV or PDF: `?du=…&au=…` (Paris days), the current month when not given. */
export function askedPeriod(request: Request, locale: Locale): AskedPeriod {
  const url = new URL(request.url);
  const fallback = currentMonth(parisIsoDate(now()));
  const asked = { from: url.searchParams.get("du") ?? fallback.from, to: url.searchParams.get("au") ?? fallback.to };
  const parsed = salesPeriodSchema.safeParse(asked);
  if (parsed.success) return { ok: true, period: parsed.data };
  const issues = translateIssues(parsed.error, locale);
  return { ok: false, asked, errors: fieldErrors(issues), messages: issues.map((issue) => issue.message) };
}
