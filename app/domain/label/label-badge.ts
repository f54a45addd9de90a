/**
 * The label's badge and the words of its validity, pure and light (no configuration, no zod): the
 * catalogue's pure view and the pages' loaders import it. A public status other than the badge's
 * is public-label.ts's.
 */

/** A granted label as the catalogue's snapshot keeps it: the validity travels, the decision is made at read. */
export type GrantedLabel = { number: string; validFrom: Date; validUntil: Date };

/** The number a product's badge shows at `now`, or null: only inside the validity, end excluded. */
export function badgeAt(label: GrantedLabel | null, now: Date): string | null {
  if (!label) return null;
  const at = now.getTime();
  return label.validFrom.getTime() <= at && at < label.validUntil.getTime() ? label.number : null;
}

/** Where a label is checked, the address its QR code encodes (decision 032). */
export function verificationUrl(appUrl: string, number: string): string {
  return `${appUrl.replace(/\/+$/, "")}/label/${encodeURIComponent(number)}`;
}

const validityFormats = {
  fr: new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" }),
  en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" }),
};

/**
 * A validity bound as a reader needs it, year and Paris time included (« 6 décembre 2027 à 14:03 »):
 * a label ends at an instant, not at the end of a day, and stickers outlive the year they were printed.
 */
export function validityInstant(value: Date | string, locale: "fr" | "en"): string {
  return validityFormats[locale].format(typeof value === "string" ? new Date(value) : value);
}
