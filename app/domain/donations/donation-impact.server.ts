import { z } from "zod";
import { readRows } from "~/db.server";
import { parisDateTime, parisIsoDate } from "~/domain/time/paris";

/**
 * The territory's donation impact: what charities actually collected (claims COLLECTED, dated by
 * the hand-over in Paris time), per month, category, charity and donor. Kilograms are the headline;
 * pieces and litres are counted apart, never converted. One GROUP BY statement; the views are sums
 * of its rows.
 */

export const IMPACT_FIRST_YEAR = 2020;

/** `?annee=2026`, or nothing for the last 12 months. */
export const impactYearSchema = z.preprocess(
  (value) => (typeof value === "string" && /^\s*\d{1,6}\s*$/.test(value) ? Number(value) : value),
  z
    .number({ error: "impact.field.year" })
    .int({ error: "impact.field.year" })
    .min(IMPACT_FIRST_YEAR, { error: "impact.field.year" })
    .max(2100, { error: "impact.field.year" }),
);

/** `?annee=` as the impact pages read it: a year, or null (absent or empty) for the last 12 months. */
export const impactPeriodSchema = z.preprocess((value) => (value === null || value === "" ? null : value), impactYearSchema.nullable());

export type ImpactAmounts = { kg: number; pieces: number; litres: number; claims: number };

export type ImpactRow = ImpactAmounts & {
  /** "YYYY-MM", Paris. */
  month: string;
  categoryId: string | null;
  categoryName: { fr: string; en: string } | null;
  charity: { id: string; name: string };
  donor: { id: string; name: string };
};

export type ImpactLine = ImpactAmounts & { key: string; label: string | null };

export type DonationImpact = {
  period: { year: number | null; from: Date; to: Date; months: string[] };
  total: ImpactAmounts;
  byMonth: ImpactLine[];
  byCategory: Array<ImpactLine & { labelEn: string | null }>;
  byCharity: ImpactLine[];
  byDonor: ImpactLine[];
  /** One row per month × category × charity × donor: the CSV. */
  rows: ImpactRow[];
};

type Row = {
  month: string;
  categoryId: string | null;
  nameFr: string | null;
  nameEn: string | null;
  charityId: string;
  charityName: string;
  donorId: string;
  donorName: string;
  kgMilli: number;
  pieceMilli: number;
  litreMilli: number;
  claims: number;
};

function monthsBetween(firstMonth: string, count: number): string[] {
  const [year, month] = firstMonth.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const zeroBased = month - 1 + index;
    return `${year + Math.floor(zeroBased / 12)}-${String((zeroBased % 12) + 1).padStart(2, "0")}`;
  });
}

/** A calendar year, or the 12 Paris months up to and including the current one. */
export function impactPeriod(year: number | null, now: Date): DonationImpact["period"] {
  if (year !== null) {
    return { year, from: parisDateTime(`${year}-01-01`, "00:00"), to: parisDateTime(`${year + 1}-01-01`, "00:00"), months: monthsBetween(`${year}-01`, 12) };
  }
  const [currentYear, currentMonth] = parisIsoDate(now).split("-").map(Number) as [number, number];
  const months = monthsBetween(`${currentMonth === 12 ? currentYear : currentYear - 1}-${String((currentMonth % 12) + 1).padStart(2, "0")}`, 12);
  const next = monthsBetween(months[11] ?? "", 2)[1] ?? "";
  return { year: null, from: parisDateTime(`${months[0]}-01`, "00:00"), to: parisDateTime(`${next}-01`, "00:00"), months };
}

function empty(): ImpactAmounts {
  return { kg: 0, pieces: 0, litres: 0, claims: 0 };
}

function milliTotals() {
  return { kg: 0, pieces: 0, litres: 0, claims: 0 };
}

function inUnits(milli: ImpactAmounts): ImpactAmounts {
  return { kg: milli.kg / 1000, pieces: milli.pieces / 1000, litres: milli.litres / 1000, claims: milli.claims };
}

function addTo(target: ImpactAmounts, row: Row) {
  target.kg += row.kgMilli;
  target.pieces += row.pieceMilli;
  target.litres += row.litreMilli;
  target.claims += row.claims;
}

/** Sums of the rows by one dimension, heaviest first (in thousandths, so sums stay exact). */
function sumBy(rows: readonly Row[], keyOf: (row: Row) => string, labelOf: (row: Row) => string | null): ImpactLine[] {
  const lines = new Map<string, { label: string | null; milli: ImpactAmounts }>();
  for (const row of rows) {
    const key = keyOf(row);
    let line = lines.get(key);
    if (!line) {
      line = { label: labelOf(row), milli: milliTotals() };
      lines.set(key, line);
    }
    addTo(line.milli, row);
  }
  return [...lines.entries()]
    .map(([key, line]) => ({ key, label: line.label, ...inUnits(line.milli) }))
    .sort((a, b) => b.kg - a.kg || b.pieces - a.pieces || b.litres - a.litres || (a.label ?? "").localeCompare(b.label ?? "", "fr"));
}

export async function donationImpact(options: { year: number | null; now: Date }): Promise<DonationImpact> {
  const period = impactPeriod(options.year, options.now);
  const rows = await readRows<Row>(
    `SELECT to_char(c."collectedAt" AT TIME ZONE 'Europe/Paris', 'YYYY-MM') AS month,
        l."categoryId", cat."nameFr", cat."nameEn", ch.id AS "charityId", ch.name AS "charityName", d.id AS "donorId", d.name AS "donorName",
        (SUM(c."quantityMilli") FILTER (WHERE l.unit = 'KG'))::float8 AS "kgMilli",
        (SUM(c."quantityMilli") FILTER (WHERE l.unit = 'PIECE'))::float8 AS "pieceMilli",
        (SUM(c."quantityMilli") FILTER (WHERE l.unit = 'LITRE'))::float8 AS "litreMilli",
        COUNT(*)::int AS claims
      FROM "DonationClaim" c
      JOIN "DonationLot" l ON l.id = c."lotId"
      JOIN "Organisation" d ON d.id = l."donorId"
      JOIN "Organisation" ch ON ch.id = c."charityId"
      LEFT JOIN "Category" cat ON cat.id = l."categoryId"
      WHERE c.status = 'COLLECTED' AND c."collectedAt" >= $1 AND c."collectedAt" < $2
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
      ORDER BY 1, 6, 8, 2`,
    [period.from, period.to],
  );
  const clean = rows.map((row) => ({ ...row, kgMilli: row.kgMilli ?? 0, pieceMilli: row.pieceMilli ?? 0, litreMilli: row.litreMilli ?? 0 }));

  const total = milliTotals();
  for (const row of clean) addTo(total, row);

  const monthly = new Map(sumBy(clean, (row) => row.month, (row) => row.month).map((line) => [line.key, line]));
  const byMonth = period.months.map((month) => monthly.get(month) ?? { key: month, label: month, ...empty() });

  const names = new Map(clean.map((row) => [row.categoryId ?? "", row.nameEn]));
  const byCategory = sumBy(clean, (row) => row.categoryId ?? "", (row) => row.nameFr).map((line) => ({ ...line, labelEn: names.get(line.key) ?? null }));

  return {
    period,
    total: inUnits(total),
    byMonth,
    byCategory,
    byCharity: sumBy(clean, (row) => row.charityId, (row) => row.charityName),
    byDonor: sumBy(clean, (row) => row.donorId, (row) => row.donorName),
    rows: clean.map((row) => ({
      month: row.month,
      categoryId: row.categoryId,
      categoryName: row.nameFr === null ? null : { fr: row.nameFr, en: row.nameEn ?? row.nameFr },
      charity: { id: row.charityId, name: row.charityName },
      donor: { id: row.donorId, name: row.donorName },
      ...inUnits({ kg: row.kgMilli, pieces: row.pieceMilli, litres: row.litreMilli, claims: row.claims }),
    })),
  };
}
