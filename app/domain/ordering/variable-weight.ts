import type { SaleUnit } from "~/domain/catalog/units";

/**
 * Sold by weight: the customer orders an estimate ("2 kg", "1 chicken of about 1.8 kg"), the
 * producer weighs at preparation, and the price follows the scale — but never above a cap the
 * customer saw and agreed to when ordering: the estimated price plus this tolerance.
 */
export const WEIGHT_TOLERANCE_BP = 1000;

export type WeighedTerms = { variableWeight: true; gramsPerUnit: number; capCents: number } | { variableWeight: false; gramsPerUnit: null; capCents: null };

/** How many grams one unit of the offer weighs by estimate; null when it cannot be weighed. */
export function gramsPerUnit(unit: SaleUnit, estimatedWeightGrams: number | null): number | null {
  if (unit === "KG") return 1000;
  if (unit === "G100") return 100;
  return estimatedWeightGrams !== null && estimatedWeightGrams > 0 ? estimatedWeightGrams : null;
}

/** The most a weighed line may cost: the estimated price plus the tolerance, rounded up to the cent. */
export function capFor(quantity: number, unitPriceCents: number): number {
  return Math.ceil((quantity * unitPriceCents * (10_000 + WEIGHT_TOLERANCE_BP)) / 10_000);
}

/** What an order line records at order time about weighing. */
export function weighedTerms(line: { variableWeight: boolean; unit: SaleUnit; estimatedWeightGrams: number | null; quantity: number; unitPriceCents: number }): WeighedTerms {
  const grams = line.variableWeight ? gramsPerUnit(line.unit, line.estimatedWeightGrams) : null;
  if (grams === null) return { variableWeight: false, gramsPerUnit: null, capCents: null };
  return { variableWeight: true, gramsPerUnit: grams, capCents: capFor(line.quantity, line.unitPriceCents) };
}

/** The price of what the scale said, at the ordered price per gram, never above the cap. */
export function priceForWeight(line: { weighedGrams: number; gramsPerUnit: number; unitPriceCents: number; capCents: number }): { cents: number; capped: boolean } {
  const cents = Math.round((line.weighedGrams * line.unitPriceCents) / line.gramsPerUnit);
  return cents > line.capCents ? { cents: line.capCents, capped: true } : { cents, capped: false };
}

/** What a line costs: its weighed price once weighed, else quantity × unit price. */
export function lineAmountCents(line: { quantity: number; unitPriceCents: number; finalCents: number | null }): number {
  return line.finalCents ?? line.quantity * line.unitPriceCents;
}

/**
 * The most an order (or any set of lines) can cost once weighed: weighed lines at their weighed
 * price, lines still to weigh at the cap agreed at order, the others as ordered.
 */
export function amountAtMostCents(lines: ReadonlyArray<{ quantity: number; unitPriceCents: number; finalCents: number | null; capCents: number | null }>): number {
  return lines.reduce((sum, line) => sum + (line.finalCents ?? line.capCents ?? line.quantity * line.unitPriceCents), 0);
}
