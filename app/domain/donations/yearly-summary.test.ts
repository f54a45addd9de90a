import { expect, test } from "vitest";
import { summariseDonations, summaryYearSchema, yearBounds, yearChoices, type SummaryRow } from "~/domain/donations/yearly-summary";

const donor = { name: "Le Pourquoi-Pas", address: "Quai Henri IV, 76200 Dieppe", siret: "12345678900011" };
const secours = { id: "c-secours", name: "Secours populaire", address: "", rna: "W761000001", siret: null };
const restos = { id: "c-restos", name: "Restos du cœur", address: "", rna: null, siret: "98765432100012" };

function row(overrides: Partial<SummaryRow>): SummaryRow {
  return {
    claimId: "aaaaaaaa-0000-4000-8000-000000000000",
    collectedAt: new Date("2026-12-06T10:00:00Z"),
    charity: secours,
    productName: "Sole",
    lotNumber: "L-42",
    quantityMilli: 10_000,
    unit: "KG",
    useBy: "2026-12-10",
    bestBefore: null,
    costPriceCents: 1200,
    ...overrides,
  };
}

test("a chilled lot with a use-by date of 10 December at 12 €/kg: 10 kg on the 6th count 120 € at 100 %, 5 kg on the 8th 30 € at 50 %", () => {
  const summary = summariseDonations(2026, donor, [
    row({ claimId: "bbbbbbbb-0000-4000-8000-000000000000", collectedAt: new Date("2026-12-08T09:00:00Z"), quantityMilli: 5_000, charity: restos }),
    row({}),
  ]);
  expect(summary.valueCents).toBe(15_000);
  expect(summary.donations).toBe(2);
  expect(summary.milliByUnit).toEqual({ KG: 15_000, PIECE: 0, LITRE: 0 });
  // Charities in alphabetical order, each with its own subtotal: each issues its own tax receipt.
  expect(summary.charities.map((charity) => [charity.charity.name, charity.valueCents, charity.lines[0]?.ratePercent])).toEqual([
    ["Restos du cœur", 3_000, 50],
    ["Secours populaire", 12_000, 100],
  ]);
  expect(summary.charities[1]?.lines[0]?.slipNumber).toBe("DON-2026-AAAAAAAA");
});

test("the date is the pickup's Paris date: 23:30 in Paris on the 7th is the 7th (100 %), 00:10 on the 8th is the 8th (50 %)", () => {
  const summary = summariseDonations(2026, donor, [
    row({ claimId: "1", collectedAt: new Date("2026-12-07T22:30:00Z") }),
    row({ claimId: "2", collectedAt: new Date("2026-12-07T23:10:00Z") }),
  ]);
  expect(summary.charities[0]?.lines.map((line) => line.ratePercent)).toEqual([100, 50]);
});

test("best-before and undated products always count 100 %; pieces and litres are added apart from kilos", () => {
  const summary = summariseDonations(2026, donor, [
    row({ claimId: "1", useBy: null, bestBefore: "2026-12-07", unit: "PIECE", quantityMilli: 4_000, costPriceCents: 250 }),
    row({ claimId: "2", useBy: null, unit: "LITRE", quantityMilli: 2_500, costPriceCents: 100 }),
  ]);
  expect(summary.charities[0]?.lines.map((line) => [line.ratePercent, line.valueCents])).toEqual([
    [100, 1_000],
    [100, 250],
  ]);
  expect(summary.milliByUnit).toEqual({ KG: 0, PIECE: 4_000, LITRE: 2_500 });
});

test("nothing collected: an empty summary, zero everywhere", () => {
  const summary = summariseDonations(2025, donor, []);
  expect(summary).toMatchObject({ year: 2025, charities: [], donations: 0, valueCents: 0 });
});

test("a Paris calendar year starts and ends at midnight in Paris (UTC+1 in winter)", () => {
  expect(yearBounds(2026)).toEqual({ from: new Date("2025-12-31T23:00:00Z"), to: new Date("2026-12-31T23:00:00Z") });
});

test("the year is four digits between 2000 and 2100", () => {
  expect(summaryYearSchema.safeParse("2026").data).toBe(2026);
  expect(summaryYearSchema.safeParse(" 2025 ").data).toBe(2025);
  for (const bad of ["", "abc", "26", "99999", "1999", "2101", "-2026", "2026.5", "2026abc", "٢٠٢٦"]) {
    const parsed = summaryYearSchema.safeParse(bad);
    expect(parsed.success, bad).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("taxSummary.field.year");
  }
});

test("a year picker offers the last five years, the current one first, and a year asked outside them first", () => {
  expect(yearChoices(2026)).toEqual([2026, 2025, 2024, 2023, 2022]);
  expect(yearChoices(2026, 2024)).toEqual([2026, 2025, 2024, 2023, 2022]);
  expect(yearChoices(2026, 2020)).toEqual([2020, 2026, 2025, 2024, 2023, 2022]);
});
