/**
 * What the public may read of a label (issue 12), as pure rules: the status at an instant, the
 * badge a product shows, the form of a number. Expiry is a fact of time (product.md): a label
 * whose end has passed is expired wherever and whenever it is read, snapshot included, so every
 * public reader gives these rules its own `now` rather than trusting a stored status.
 */

/** The statuses a visitor may see. Pending, changes requested and refused are never public. */
export const PUBLIC_LABEL_STATUSES = ["GRANTED", "SUSPENDED", "REVOKED", "EXPIRED"] as const;
export type PublicLabelStatus = (typeof PUBLIC_LABEL_STATUSES)[number];

/** The stored statuses that have been decided in public: a number was granted and may be printed. */
const DECIDED = new Set(["GRANTED", "SUSPENDED", "REVOKED"]);

/** `DM-<year>-<4 digits>`, as the number counter writes it (product.md). */
export const LABEL_NUMBER_PATTERN = /^DM-\d{4}-\d{4}$/;

/** What a visitor types or scans, made a number: spaces dropped, lower case raised; null when it cannot be one. */
export function parseLabelNumber(input: string): string | null {
  const number = input.replace(/\s+/g, "").toUpperCase();
  return LABEL_NUMBER_PATTERN.test(number) ? number : null;
}

/**
 * The status a visitor reads at `now`, or null when nothing may be shown (a label never granted,
 * or sent back to review: pending, changes requested, refused). A revoked label stays revoked; a
 * granted or suspended one whose end has passed is expired, from its `validUntil` instant on.
 */
export function publicStatusAt(stored: string, validUntil: Date | null, now: Date): PublicLabelStatus | null {
  if (!DECIDED.has(stored) || validUntil === null) return null;
  if (stored === "REVOKED") return "REVOKED";
  if (validUntil.getTime() <= now.getTime()) return "EXPIRED";
  return stored === "SUSPENDED" ? "SUSPENDED" : "GRANTED";
}

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
