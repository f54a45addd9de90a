import { readRows } from "~/db.server";
import type { VerificationStatus } from "~/domain/organisations/review-organisation";

export type OrganisationForReview = {
  id: string;
  kind: "PRODUCER" | "CHARITY";
  name: string;
  siret: string | null;
  /** Charities: their RNA number, the other way (with SIRET) to identify an association. */
  rna: string | null;
  producerKind: string | null;
  communeName: string | null;
  address: string;
  contactEmail: string | null;
  contactPhone: string | null;
  organicControlBody: string | null;
  createdAt: Date;
  status: VerificationStatus;
  refusalReason: string | null;
  members: number;
  /** A verified organisation whose identity changed since: when, and what (identity-changes.ts); null otherwise. */
  reviewRequestedAt: Date | null;
  identityChanges: unknown;
  /** Charities: the two approvals the territory grants (false when never granted). */
  approvedRawFishery: boolean;
  processingWorkshop: boolean;
};

/**
 * The admins' review list, producers and charities together: pending first (oldest first, the
 * longest waiting), then verified ones whose identity changed (oldest change first), then refused,
 * then verified (newest first: the one just verified is on top,
 * for granting its approvals). One statement; the 500 first.
 */
export function listOrganisationsForReview(): Promise<OrganisationForReview[]> {
  return readRows<OrganisationForReview>(
    `SELECT o.id, o.kind::text AS kind, o.name, o.siret, o.rna, o."producerKind"::text AS "producerKind", c.name AS "communeName", o.address,
       o."contactEmail", o."contactPhone", o."organicControlBody", o."createdAt",
       CASE WHEN o."verifiedAt" IS NOT NULL THEN 'verified' WHEN o."refusedAt" IS NOT NULL THEN 'refused' ELSE 'pending' END AS status,
       o."refusalReason", o."reviewRequestedAt", o."identityChanges",
       (SELECT count(*)::int FROM "Membership" m WHERE m."organisationId" = o.id) AS members,
       COALESCE(s."approvedRawFishery", false) AS "approvedRawFishery",
       COALESCE(s."processingWorkshop", false) AS "processingWorkshop"
     FROM "Organisation" o
     LEFT JOIN "Commune" c ON c."inseeCode" = o."communeInsee"
     LEFT JOIN "CharitySettings" s ON s."organisationId" = o.id
     WHERE o.kind IN ('PRODUCER', 'CHARITY')
     ORDER BY CASE WHEN o."reviewRequestedAt" IS NOT NULL THEN 1 WHEN o."verifiedAt" IS NOT NULL THEN 3 WHEN o."refusedAt" IS NOT NULL THEN 2 ELSE 0 END,
       CASE WHEN o."verifiedAt" IS NULL AND o."refusedAt" IS NULL THEN o."createdAt" END ASC,
       o."reviewRequestedAt" ASC NULLS LAST,
       COALESCE(o."verifiedAt", o."refusedAt") DESC, o.name
     LIMIT 500`,
    [],
  );
}
