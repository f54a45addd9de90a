/**
 * RNA numbers (Répertoire national des associations): "W" followed by 9 digits, e.g. W763001234
 * for an association declared at the Seine-Maritime prefecture. The database holds only that form
 * (Organisation_rna_check). People type it in lower case, with spaces or dots, as printed on the
 * receipt of declaration: those are removed before checking. (Corsica's "W2A…"/"W2B…" and the
 * older prefecture numbers are not RNA numbers in this form; such an association gives its SIRET.)
 */
export const RNA_PATTERN = /^W\d{9}$/;

/** " w 763 001 234 " → "W763001234". */
export function normaliseRna(value: string): string {
  return value.replace(/[\s.\u00a0-]/g, "").toUpperCase();
}

export function isValidRna(value: string): boolean {
  return RNA_PATTERN.test(value);
}
