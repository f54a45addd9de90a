import { parisIsoDate } from "~/domain/time/paris";

/**
 * The number printed on a donation slip: "DON-<Paris year of the pickup>-<first 8 characters of
 * the claim id, upper case>", e.g. DON-2026-3F2A9C1E. Derived, never stored: the same claim always
 * gets the same number, on the page, the PDF and the yearly summary, without a counter to keep.
 * Claim ids are random UUIDs: 8 hex characters leave 4 billion values, and the year narrows it more.
 */
export function slipNumber(claimId: string, collectedAt: Date): string {
  const year = parisIsoDate(collectedAt).slice(0, 4);
  return `DON-${year}-${claimId.replaceAll("-", "").slice(0, 8).toUpperCase()}`;
}
