export type Locale = "fr" | "en";

// Building an Intl.NumberFormat costs ~20 µs; a catalogue formats hundreds of prices: build once.
const euroFormats: Record<Locale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }),
  en: new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR" }),
};
const rateFormats: Record<Locale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 }),
};

/** 1234 → "12,34 €" (fr) / "€12.34" (en). Money is integer cents everywhere (product.md). */
export function formatEuros(cents: number, locale: Locale): string {
  return euroFormats[locale].format(cents / 100);
}

/**
 * Integer cents as an exact decimal amount of euros, for documents other programs read (the DFC
 * catalogue, schema.org): 1234 → "12.34", 5 → "0.05", 700 → "7.00" — from the digits, never through a float.
 */
export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`Montant en centimes attendu : ${cents}`);
  const sign = cents < 0 ? "-" : "";
  const digits = String(Math.abs(cents)).padStart(3, "0");
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** The VAT included in a VAT-inclusive amount, rounded to the cent: 1055 at 5.5 % → 55. */
export function vatIncluded(amountInclVatCents: number, vatRateBp: number): number {
  return Math.round((amountInclVatCents * vatRateBp) / (10_000 + vatRateBp));
}

export type VatLine = { vatRateBp: number; baseCents: number; vatCents: number; totalCents: number };

/** Receipts show the VAT breakdown per rate, computed on each rate's total. */
export function vatBreakdown(lines: ReadonlyArray<{ totalCents: number; vatRateBp: number }>): VatLine[] {
  const byRate = new Map<number, number>();
  for (const line of lines) byRate.set(line.vatRateBp, (byRate.get(line.vatRateBp) ?? 0) + line.totalCents);
  return [...byRate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([vatRateBp, totalCents]) => {
      const vatCents = vatIncluded(totalCents, vatRateBp);
      return { vatRateBp, totalCents, vatCents, baseCents: totalCents - vatCents };
    });
}

export function formatVatRate(vatRateBp: number, locale: Locale): string {
  return `${rateFormats[locale].format(vatRateBp / 100)} %`;
}

export type UnitPriceBasis = { unit: "PIECE" | "BUNCH" | "KG" | "G100" | "DOZEN" | "LITRE"; netQuantityGrams: number | null };

/**
 * The price per kg (or per litre for LITRE), which French law asks to show next to the price;
 * null when it cannot be derived (a bunch or a piece without a declared net quantity).
 */
export function pricePerKgCents(priceCents: number, basis: UnitPriceBasis): { cents: number; per: "kg" | "l" } | null {
  switch (basis.unit) {
    case "KG":
      return { cents: priceCents, per: "kg" };
    case "G100":
      return { cents: priceCents * 10, per: "kg" };
    case "LITRE":
      return { cents: priceCents, per: "l" };
    default:
      return basis.netQuantityGrams && basis.netQuantityGrams > 0
        ? { cents: Math.round((priceCents * 1000) / basis.netQuantityGrams), per: "kg" }
        : null;
  }
}
