import { z } from "zod";
import type { DonationUnitCode } from "~/domain/donations/donation-quantity";
import { donationValueCents } from "~/domain/donations/donation-rules";
import { slipNumber } from "~/domain/donations/slip-number";
import { parisDateTime, parisIsoDate } from "~/domain/time/paris";
import { postalAddress } from "~/domain/postal-address";

/**
 * The donor's yearly summary, pure: the collected claims of a calendar year valued by the rule of
 * product.md (donationValueCents), grouped by charity — each charity issues its own tax receipt
 * (Cerfa n° 11580) — with the year's totals. The database part only reads the rows.
 */

export const FIRST_SUMMARY_YEAR = 2000;
export const LAST_SUMMARY_YEAR = 2100;

/** "?annee=2026": four digits, within the years the platform can have records for. */
export const summaryYearSchema = z
  .string({ error: "taxSummary.field.year" })
  .trim()
  .regex(/^\d{4}$/, { error: "taxSummary.field.year" })
  .transform(Number)
  .refine((year) => year >= FIRST_SUMMARY_YEAR && year <= LAST_SUMMARY_YEAR, { error: "taxSummary.field.year" });

/** The instants a Paris calendar year starts and ends (the end excluded). */
export function yearBounds(year: number): { from: Date; to: Date } {
  return { from: parisDateTime(`${year}-01-01`, "00:00"), to: parisDateTime(`${year + 1}-01-01`, "00:00") };
}

/** The Paris calendar year of an instant, e.g. the current one as the page's default. */
export function parisYear(instant: Date): number {
  return Number(parisIsoDate(instant).slice(0, 4));
}

/** How many years back a year picker offers, the current one included. */
const PICKED_YEARS = 5;

/** The years a page offers to pick, the current one first; a year asked outside them comes first. */
export function yearChoices(currentYear: number, asked: number | null = null): number[] {
  const years = Array.from({ length: PICKED_YEARS }, (_, index) => currentYear - index);
  return asked === null || years.includes(asked) ? years : [asked, ...years];
}

export type OrganisationIdentity = { name: string; address: string; siret: string | null };
export type CharityIdentity = OrganisationIdentity & { id: string; rna: string | null };

/** One collected claim of the donor's lots, as read. */
export type SummaryRow = {
  claimId: string;
  collectedAt: Date;
  charity: CharityIdentity;
  productName: string;
  lotNumber: string | null;
  quantityMilli: number;
  unit: DonationUnitCode;
  useBy: string | null;
  bestBefore: string | null;
  costPriceCents: number;
};

export type SummaryLine = Omit<SummaryRow, "charity"> & { slipNumber: string; ratePercent: 100 | 50; valueCents: number };

/** Thousandths of each unit: kilos are the figure everyone asks for, pieces and litres exist too. */
export type UnitTotals = Record<DonationUnitCode, number>;

export type CharitySubtotal = { charity: CharityIdentity; lines: SummaryLine[]; donations: number; valueCents: number; milliByUnit: UnitTotals };

export type YearlySummary = {
  year: number;
  donor: OrganisationIdentity;
  charities: CharitySubtotal[];
  donations: number;
  valueCents: number;
  milliByUnit: UnitTotals;
};

function noUnits(): UnitTotals {
  return { KG: 0, PIECE: 0, LITRE: 0 };
}

/** Values each row (the donation date is the pickup's Paris date) and adds them up per charity. */
export function summariseDonations(year: number, donor: OrganisationIdentity, rows: readonly SummaryRow[]): YearlySummary {
  const byCharity = new Map<string, CharitySubtotal>();
  const ordered = [...rows].sort(
    (a, b) => a.charity.name.localeCompare(b.charity.name, "fr") || a.charity.id.localeCompare(b.charity.id) || a.collectedAt.getTime() - b.collectedAt.getTime() || a.claimId.localeCompare(b.claimId),
  );
  const summary: YearlySummary = { year, donor, charities: [], donations: 0, valueCents: 0, milliByUnit: noUnits() };
  for (const { charity, ...row } of ordered) {
    const { valueCents, ratePercent } = donationValueCents({ costPriceCents: row.costPriceCents, quantityMilli: row.quantityMilli, useBy: row.useBy, pickupDate: parisIsoDate(row.collectedAt) });
    let subtotal = byCharity.get(charity.id);
    if (!subtotal) {
      subtotal = { charity, lines: [], donations: 0, valueCents: 0, milliByUnit: noUnits() };
      byCharity.set(charity.id, subtotal);
      summary.charities.push(subtotal);
    }
    subtotal.lines.push({ ...row, slipNumber: slipNumber(row.claimId, row.collectedAt), ratePercent, valueCents });
    for (const total of [subtotal, summary]) {
      total.donations += 1;
      total.valueCents += valueCents;
      total.milliByUnit[row.unit] += row.quantityMilli;
    }
  }
  return summary;
}

/** The claiming charity's identity as the documents read it, one column each (slip, yearly summary). */
export type CharityColumns = {
  charityId: string;
  charityName: string;
  charityAddress: string;
  charityPostalCode: string | null;
  charityCommune: string | null;
  charityRna: string | null;
  charitySiret: string | null;
};

/** Those columns, for a statement that names the claim `c`: add CHARITY_JOINS to its FROM. */
export const CHARITY_COLUMNS = `ch.id AS "charityId", ch.name AS "charityName", ch.address AS "charityAddress", chc."postalCode" AS "charityPostalCode", chc.name AS "charityCommune",
        ch.rna AS "charityRna", ch.siret AS "charitySiret"`;
export const CHARITY_JOINS = `JOIN "Organisation" ch ON ch.id = c."charityId"
     LEFT JOIN "Commune" chc ON chc."inseeCode" = ch."communeInsee"`;

export function charityIdentity(row: CharityColumns): CharityIdentity {
  return {
    id: row.charityId,
    name: row.charityName,
    address: postalAddress(row.charityAddress, row.charityPostalCode, row.charityCommune),
    rna: row.charityRna,
    siret: row.charitySiret,
  };
}
