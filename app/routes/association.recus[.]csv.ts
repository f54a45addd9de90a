import type { LoaderFunctionArgs } from "@remix-run/node";
import { impactYearSchema } from "~/domain/donations/donation-impact.server";
import { csvUnitWords, DONATION_UNITS } from "~/domain/donations/donation-quantity";
import { listReceivedDonations } from "~/domain/donations/list-claims.server";
import { parisYear } from "~/domain/donations/yearly-summary";
import { csvDocument, csvEuros, csvResponse } from "~/domain/preparation/preparation-csv";
import { formatParis } from "~/domain/time/paris";
import { requireCharity } from "~/http/charity.server";
import { now } from "~/http/clock.server";
import { translateIssues } from "~/http/errors.server";
import { localeOf } from "~/http/locale.server";

/**
 * The donations a charity received in a calendar year, as on /association/recus: one line per
 * collected claim, then one "Total" line per unit (kg, pièces, litres) and the contributions paid.
 * Semicolons, decimal commas, UTF-8 with a byte-order mark (preparation-csv.ts).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, charity } = await requireCharity(request);
  const asked = new URL(request.url).searchParams.get("annee") ?? String(parisYear(now()));
  const year = impactYearSchema.safeParse(asked);
  if (!year.success) {
    const messages = translateIssues(year.error, localeOf(request, user.locale)).map((issue) => issue.message);
    return new Response(messages.join("\n"), { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const { claims, totals } = await listReceivedDonations({ charityId: charity.id, year: year.data });
  const rows = claims.map((claim) => [
    claim.collectedAt ? formatParis(claim.collectedAt, "fr", "yyyy-MM-dd HH:mm") : null,
    claim.productName,
    claim.quantity,
    csvUnitWords[claim.unitCode],
    claim.donor.name,
    claim.lotNumber,
    claim.temperatureC,
    claim.contributionCents > 0 ? csvEuros(claim.contributionCents) : null,
    `/dons/bordereau/${claim.id}`,
  ]);
  const totalRows = DONATION_UNITS.map((unit) => ["Total", null, totals[unit], csvUnitWords[unit], null, null, null, null, null]);
  const contributionRow = ["Total", "Contributions solidaires", null, null, null, null, null, csvEuros(totals.contributionCents), null];
  return csvResponse(
    csvDocument(
      ["Date du retrait", "Produit", "Quantité", "Unité", "Donateur", "N° de lot", "Température (°C)", "Contribution (€)", "Bordereau"],
      [...rows, ...totalRows, contributionRow],
    ),
    `dons-recus-${year.data}.csv`,
  );
}
