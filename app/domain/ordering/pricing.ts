import { vatBreakdown, type VatLine } from "~/domain/money";

/** A line as priced: quantity × unit price, or, once a line sold by weight is weighed, its final amount. */
export type PricedLine = { quantity: number; unitPriceCents: number; vatRateBp: number; finalCents?: number | null };

/** What a line costs does not depend on its VAT rate: a cart line, which has none, is costed alike. */
type CostedLine = Omit<PricedLine, "vatRateBp"> & { vatRateBp?: number };

export function lineTotalCents(line: CostedLine): number {
  return line.finalCents ?? line.quantity * line.unitPriceCents;
}

export function orderTotalCents(lines: readonly CostedLine[]): number {
  return lines.reduce((sum, line) => sum + lineTotalCents(line), 0);
}

export function orderVatBreakdown(lines: readonly PricedLine[]): VatLine[] {
  return vatBreakdown(lines.map((line) => ({ totalCents: lineTotalCents(line), vatRateBp: line.vatRateBp })));
}

/** Lines asking twice for the same offer become one line with the summed quantity. */
export function mergeLines<T extends { offerId: string; quantity: number }>(lines: readonly T[]): Array<{ offerId: string; quantity: number }> {
  const byOffer = new Map<string, number>();
  for (const line of lines) byOffer.set(line.offerId, (byOffer.get(line.offerId) ?? 0) + line.quantity);
  return [...byOffer.entries()].map(([offerId, quantity]) => ({ offerId, quantity }));
}
