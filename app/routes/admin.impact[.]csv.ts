import type { LoaderFunctionArgs } from "@remix-run/node";
import { donationImpact, impactPeriodSchema } from "~/domain/donations/donation-impact.server";
import { csvDocument, csvResponse } from "~/domain/preparation/preparation-csv";
import { requirePermission } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { translateIssues } from "~/http/errors.server";
import { localeOf } from "~/http/locale.server";

/**
 * The impact as one CSV for a spreadsheet's pivot table: one line per month × category × charity
 * × donor, with kilograms, pieces and litres apart and the number of pickups. `?annee=2026` or
 * the last 12 months, like /admin/impact.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "verify:organisation:any");
  const parsed = impactPeriodSchema.safeParse(new URL(request.url).searchParams.get("annee"));
  if (!parsed.success) {
    const messages = translateIssues(parsed.error, localeOf(request, admin.locale)).map((issue) => issue.message);
    return new Response(messages.join("\n"), { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const year = parsed.data;
  const impact = await donationImpact({ year, now: now() });
  return csvResponse(
    csvDocument(
      ["Mois", "Catégorie", "Association", "Donateur", "Kilos", "Pièces", "Litres", "Retraits"],
      impact.rows.map((row) => [row.month, row.categoryName?.fr ?? "Sans catégorie", row.charity.name, row.donor.name, row.kg, row.pieces, row.litres, row.claims]),
    ),
    `impact-dons-${year ?? "12-mois"}.csv`,
  );
}
