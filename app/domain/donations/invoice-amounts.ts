import { vatRates } from "~/domain/reference/reference-data";

/**
 * Paniers de la mer: the solidarity contribution a charity pays for a processed lot is food sold
 * for deferred consumption, at the reduced VAT rate (shared/data/vat-rates.json, "reduced-5.5").
 * The amount recorded on the claim is VAT included; the invoice shows HT, TVA and TTC.
 */
export const CONTRIBUTION_VAT_CODE = "reduced-5.5";

/** The contribution's VAT rate in thousandths (5.5 % → 55), the unit ContributionInvoice stores. */
export const CONTRIBUTION_VAT_PERMILLE: number = vatPermille(CONTRIBUTION_VAT_CODE);

function vatPermille(code: string): number {
  const rate = vatRates.find((candidate) => candidate.code === code);
  if (!rate) throw new Error(`Taux de TVA absent des données de référence : ${code}`);
  return Math.round(rate.ratePercent * 10);
}

export type InvoiceAmounts = { exclVatCents: number; vatCents: number; inclVatCents: number };

/**
 * HT, TVA and TTC of a VAT-inclusive amount in cents. The VAT is TTC × rate / (1 + rate) rounded
 * to the nearest cent (halves up), in integers; HT is what remains, so HT + TVA = TTC always.
 */
export function invoiceAmounts(inclVatCents: number, vatRatePermille: number): InvoiceAmounts {
  if (!Number.isSafeInteger(inclVatCents) || inclVatCents < 0) throw new Error(`Montant TTC invalide : ${inclVatCents}`);
  if (!Number.isInteger(vatRatePermille) || vatRatePermille < 0 || vatRatePermille > 1000) throw new Error(`Taux de TVA invalide : ${vatRatePermille}`);
  const denominator = BigInt(1000 + vatRatePermille);
  const vatCents = Number((BigInt(inclVatCents) * BigInt(vatRatePermille) * 2n + denominator) / (2n * denominator));
  return { exclVatCents: inclVatCents - vatCents, vatCents, inclVatCents };
}

/** "2026-0001": the year, then the sequence on at least 4 digits. */
export function invoiceNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(4, "0")}`;
}

/** 55 → "5,5 %" / "5.5%". */
export function vatRateText(vatRatePermille: number, locale: "fr" | "en"): string {
  const percent = vatRatePermille / 10;
  return locale === "fr" ? `${String(percent).replace(".", ",")} %` : `${percent}%`;
}
