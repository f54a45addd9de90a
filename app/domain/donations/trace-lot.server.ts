import { readRows } from "~/db.server";
import type { DocumentReader } from "~/domain/donations/document-reader";
import { DomainError } from "~/domain/errors";

export type TraceClaim = {
  id: string;
  charity: { id: string; name: string };
  quantityMilli: number;
  status: "RESERVED" | "COLLECTED" | "MISSED" | "CANCELLED";
  createdAt: Date;
  collectedAt: Date | null;
  /** The processed lots made from this claim (paniers de la mer). */
  processedLotIds: string[];
};

export type TraceLot = {
  id: string;
  /** 0 for the first lot of the chain (the boat's), 1 for what was made from it, … */
  depth: number;
  productName: string;
  donor: { id: string; name: string; kind: "PRODUCER" | "CHARITY" | "AMAP" | "TERRITORY" };
  quantityMilli: number;
  unit: "KG" | "PIECE" | "LITRE";
  storage: "AMBIENT" | "CHILLED" | "FROZEN";
  lotNumber: string | null;
  useBy: string | null;
  bestBefore: string | null;
  rawFishery: boolean;
  /** Species when the lot was made from a sea product of the catalogue. */
  commercialName: string | null;
  scientificName: string | null;
  contributionCentsPerUnit: number | null;
  sourceClaimId: string | null;
  /** For a raw lot: when the fisher published it, i.e. landed and withdrawn unsold. */
  createdAt: Date;
  claims: TraceClaim[];
  /** Reservations of other charities the viewer may not see (counted, not shown). */
  hiddenClaims: number;
};

export type LotTrace = { focusLotId: string; lots: TraceLot[] };

type Row = Omit<TraceLot, "claims" | "hiddenClaims"> & { claims: Array<Omit<TraceClaim, "createdAt" | "collectedAt"> & { createdAt: string; collectedAt: string | null }> };

/** Deeper than any real chain (boat → workshop → charity is 2): a guard against a cycle, not a limit. */
const MAX_DEPTH = 8;

/**
 * Traceability both ways (paniers de la mer): from any lot of a chain, the whole chain — the
 * boat's raw lot (fisher, product, species when known, lot number, landing = publication date), its
 * claims, the lots a workshop made from each claim, and their claims (charity, quantity, dates).
 * One statement: a recursive CTE climbs to the first lot, a second walks down from it.
 *
 * Who sees it: territory admins and the members of every organisation in the chain (donors and
 * charities), else 404. A charity that only received food sees its own claims and the claims the
 * chain runs through, not the other charities' claims (they are counted): a charity never sees
 * another charity's claims.
 */
export async function traceLot(lotId: string, viewer: DocumentReader): Promise<LotTrace> {
  const rows = await readRows<Row>(
    `WITH RECURSIVE up AS (
       SELECT l.id, l."sourceClaimId", 0 AS depth FROM "DonationLot" l WHERE l.id = $1
       UNION ALL
       SELECT p.id, p."sourceClaimId", up.depth + 1 FROM up
       JOIN "DonationClaim" c ON c.id = up."sourceClaimId" JOIN "DonationLot" p ON p.id = c."lotId"
       WHERE up.depth < ${MAX_DEPTH}
     ), root AS (SELECT id FROM up ORDER BY depth DESC LIMIT 1),
     down AS (
       SELECT l.id, 0 AS depth FROM "DonationLot" l JOIN root ON root.id = l.id
       UNION ALL
       SELECT p.id, down.depth + 1 FROM down
       JOIN "DonationClaim" c ON c."lotId" = down.id JOIN "DonationLot" p ON p."sourceClaimId" = c.id
       WHERE down.depth < ${MAX_DEPTH}
     )
     SELECT l.id, down.depth, l."productName", json_build_object('id', d.id, 'name', d.name, 'kind', d.kind) AS donor,
       l."quantityMilli", l.unit::text AS unit, l.storage::text AS storage, l."lotNumber", l."useBy", l."bestBefore", l."rawFishery",
       pr."commercialName", pr."scientificName", l."contributionCentsPerUnit", l."sourceClaimId", l."createdAt",
       COALESCE((SELECT json_agg(json_build_object(
           'id', c.id, 'charity', json_build_object('id', ch.id, 'name', ch.name), 'quantityMilli', c."quantityMilli",
           'status', c.status, 'createdAt', c."createdAt", 'collectedAt', c."collectedAt",
           'processedLotIds', COALESCE((SELECT json_agg(p.id ORDER BY p."createdAt", p.id) FROM "DonationLot" p WHERE p."sourceClaimId" = c.id), '[]'::json)
         ) ORDER BY c."createdAt", c.id)
         FROM "DonationClaim" c JOIN "Organisation" ch ON ch.id = c."charityId" WHERE c."lotId" = l.id), '[]'::json) AS claims
     FROM down JOIN "DonationLot" l ON l.id = down.id JOIN "Organisation" d ON d.id = l."donorId"
     LEFT JOIN "Offer" o ON o.id = l."offerId" LEFT JOIN "Product" pr ON pr.id = o."productId"
     ORDER BY down.depth, l."createdAt", l.id`,
    [lotId],
  );
  if (!rows.some((row) => row.id === lotId)) throw new DomainError("not_found");

  const mine = new Set(viewer.organisationIds);
  const donorInChain = rows.some((row) => mine.has(row.donor.id));
  const inChain = donorInChain || rows.some((row) => row.claims.some((claim) => mine.has(claim.charity.id)));
  if (!viewer.isAdmin && !inChain) throw new DomainError("not_found");
  const seesEveryClaim = viewer.isAdmin || donorInChain;

  return {
    focusLotId: lotId,
    lots: rows.map((row) => {
      const claims = row.claims.map((claim) => ({ ...claim, createdAt: new Date(claim.createdAt), collectedAt: claim.collectedAt === null ? null : new Date(claim.collectedAt) }));
      const visible = seesEveryClaim ? claims : claims.filter((claim) => mine.has(claim.charity.id) || claim.processedLotIds.length > 0);
      return { ...row, createdAt: new Date(row.createdAt), claims: visible, hiddenClaims: claims.length - visible.length };
    }),
  };
}
