/**
 * The rules of what a producer may change on sale, as pure functions (no I/O).
 *
 * - Adding an offer (or copying last week's) stays allowed until the distribution STARTS, not
 *   only until the cutoff: a fisher who lands more than expected after the cutoff may still put
 *   it on the stall list, and raising stock is always harmless to customers.
 * - Stock and price of an existing offer can change at any time; the database refuses stock
 *   below what is ordered (update-offer.server.ts).
 * - The basket composition is a promise to customers: it changes only until the cutoff.
 */
export type SaleWindow = { status: "SCHEDULED" | "CANCELLED"; startsAt: Date; cutoffAt: Date };

export type AddOffersState = "open" | "distribution_cancelled" | "started";

export function addOffersState(distribution: SaleWindow, now: Date): AddOffersState {
  if (distribution.status === "CANCELLED") return "distribution_cancelled";
  if (now.getTime() >= distribution.startsAt.getTime()) return "started";
  return "open";
}

export type CompositionState = "open" | "distribution_cancelled" | "cutoff_passed";

export function compositionState(distribution: SaleWindow, now: Date): CompositionState {
  if (distribution.status === "CANCELLED") return "distribution_cancelled";
  if (now.getTime() >= distribution.cutoffAt.getTime()) return "cutoff_passed";
  return "open";
}

/** The indicative total of a basket's items, and how it compares with the basket's price. */
export function compositionTotal(items: ReadonlyArray<{ indicativePriceCents: number }>, basketPriceCents: number) {
  const totalCents = items.reduce((sum, item) => sum + item.indicativePriceCents, 0);
  return { totalCents, differenceCents: totalCents - basketPriceCents };
}

/**
 * A price typed in euros on a phone: "2,50", "2.5", "3", "12,00 €". Returns cents, or null when
 * it is not an amount with at most two decimals. Done on the digits, never through floats.
 */
export function eurosToCents(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, "").replace(/€$/, "");
  const match = /^(-?)(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const [, sign, whole = "0", fraction = ""] = match;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return sign === "-" ? -cents : cents;
}

/** Cents shown back in an input, in the page's language: 250 → "2,50" (fr) / "2.50" (en). */
export function centsToInput(cents: number, locale: "fr" | "en"): string {
  const text = (cents / 100).toFixed(2);
  return locale === "fr" ? text.replace(".", ",") : text;
}
