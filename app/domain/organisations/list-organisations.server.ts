import { readRows } from "~/db.server";
import type { VerificationStatus } from "~/domain/organisations/review-organisation";

export type OrganisationForReview = {
  id: string;
  name: string;
  siret: string | null;
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
};

/** The admins' review list: pending producers first (oldest first), then refused, then verified. */
export function listOrganisationsForReview(): Promise<OrganisationForReview[]> {
  return readRows<OrganisationForReview>(
    `SELECT o.id, o.name, o.siret, o."producerKind"::text AS "producerKind", c.name AS "communeName", o.address,
       o."contactEmail", o."contactPhone", o."organicControlBody", o."createdAt",
       CASE WHEN o."verifiedAt" IS NOT NULL THEN 'verified' WHEN o."refusedAt" IS NOT NULL THEN 'refused' ELSE 'pending' END AS status,
       o."refusalReason",
       (SELECT count(*)::int FROM "Membership" m WHERE m."organisationId" = o.id) AS members
     FROM "Organisation" o LEFT JOIN "Commune" c ON c."inseeCode" = o."communeInsee"
     WHERE o.kind = 'PRODUCER'
     ORDER BY CASE WHEN o."verifiedAt" IS NOT NULL THEN 2 WHEN o."refusedAt" IS NOT NULL THEN 1 ELSE 0 END, o."createdAt", o.name
     LIMIT 500`,
    [],
  );
}
