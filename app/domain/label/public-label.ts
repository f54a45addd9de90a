/**
 * What the public may read of a label (issue 12), as pure rules: the status at an instant, the
 * badge a product shows, the form of a number. Expiry is a fact of time (product.md): a label
 * whose end has passed is expired wherever and whenever it is read, snapshot included, so every
 * public reader gives these rules its own `now` rather than trusting a stored status.
 */

import { normaliseLabelNumber, publicLabelStatusAt, type StoredLabelStatus } from "~/domain/label/label-criteria";

/** The statuses a visitor may see. Pending, changes requested and refused are never public. */
export const PUBLIC_LABEL_STATUSES = ["GRANTED", "SUSPENDED", "REVOKED", "EXPIRED"] as const;
export type PublicLabelStatus = (typeof PUBLIC_LABEL_STATUSES)[number];

function isPublicStatus(status: string): status is PublicLabelStatus {
  return (PUBLIC_LABEL_STATUSES as readonly string[]).includes(status);
}

function isStoredStatus(status: string): status is StoredLabelStatus {
  return ["PENDING", "CHANGES_REQUESTED", "GRANTED", "REFUSED", "SUSPENDED", "REVOKED"].includes(status);
}

/** What a visitor types or scans, made a number (the label part's one rule); null when it cannot be one. */
export const parseLabelNumber = normaliseLabelNumber;

/**
 * The status a visitor reads at `now`, or null when nothing may be shown (a label never granted: no
 * validity). The label part's one public rule (publicLabelStatusAt): a granted or suspended label is
 * expired from its validUntil instant on, a revoked one stays revoked, and a numbered label sent back
 * to review (applied for again, refused then) reads as the expired label consumers knew — nothing of
 * the new application shows.
 */
export function publicStatusAt(stored: string, validUntil: Date | null, now: Date): PublicLabelStatus | null {
  if (validUntil === null || !isStoredStatus(stored)) return null;
  const status = publicLabelStatusAt({ status: stored, validUntil }, now);
  return isPublicStatus(status) ? status : null;
}
