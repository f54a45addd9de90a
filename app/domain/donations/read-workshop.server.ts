import { readRows } from "~/db.server";

/**
 * What a processing workshop's page shows (paniers de la mer), in three statements whatever the
 * numbers: the raw fish it collected (with what it has made of it so far), the processed lots it
 * published with their claims, and the contribution invoices it issued.
 */

export type RawClaim = {
  claimId: string;
  lotId: string;
  productName: string;
  fisherName: string;
  lotNumber: string | null;
  unit: "KG" | "PIECE" | "LITRE";
  quantityMilli: number;
  collectedAt: Date;
  /** Kilos (or units) already published as processed lots made from this claim. */
  processedMilli: number;
  processedLots: number;
};

export type ProcessedLotClaim = {
  id: string;
  charityName: string;
  quantityMilli: number;
  contributionCents: number;
  status: "RESERVED" | "COLLECTED" | "MISSED" | "CANCELLED";
  createdAt: Date;
  collectedAt: Date | null;
  invoiceNumber: string | null;
};

export type ProcessedLot = {
  id: string;
  productName: string;
  unit: "KG" | "PIECE" | "LITRE";
  storage: "AMBIENT" | "CHILLED" | "FROZEN";
  quantityMilli: number;
  claimedMilli: number;
  contributionCentsPerUnit: number;
  lotNumber: string | null;
  useBy: string | null;
  bestBefore: string | null;
  pickupStart: Date;
  pickupEnd: Date;
  status: "OPEN" | "EXPIRED" | "WITHDRAWN";
  sourceProductName: string;
  claims: ProcessedLotClaim[];
};

export type IssuedInvoice = { id: string; number: string; issuedAt: Date; charityName: string; productName: string; amountCents: number };

export type WorkshopPage = { rawClaims: RawClaim[]; processedLots: ProcessedLot[]; invoices: IssuedInvoice[] };

/** Whether a charity is approved by the territory as a processing workshop. */
export async function isProcessingWorkshop(organisationId: string): Promise<boolean> {
  const [row] = await readRows<{ processingWorkshop: boolean }>(
    `SELECT "processingWorkshop" FROM "CharitySettings" WHERE "organisationId" = $1`,
    [organisationId],
  );
  return row?.processingWorkshop ?? false;
}

const RAW_CLAIMS = `
  SELECT c.id AS "claimId", l.id AS "lotId", l."productName", d.name AS "fisherName", l."lotNumber", l.unit::text AS unit,
    c."quantityMilli", c."collectedAt",
    COALESCE(SUM(p."quantityMilli") FILTER (WHERE p.unit = l.unit), 0)::int AS "processedMilli", COUNT(p.id)::int AS "processedLots"
  FROM "DonationClaim" c
  JOIN "DonationLot" l ON l.id = c."lotId"
  JOIN "Organisation" d ON d.id = l."donorId"
  LEFT JOIN "DonationLot" p ON p."sourceClaimId" = c.id
  WHERE c."charityId" = $1 AND c.status = 'COLLECTED' AND l."rawFishery"`;

export async function readWorkshop(workshopId: string): Promise<WorkshopPage> {
  const [rawClaims, processedLots, invoices] = await Promise.all([
    readRows<RawClaim>(`${RAW_CLAIMS} GROUP BY c.id, l.id, d.name ORDER BY c."collectedAt" DESC, c.id LIMIT 200`, [workshopId]),
    readRows<Omit<ProcessedLot, "claims"> & { claims: Array<Omit<ProcessedLotClaim, "createdAt" | "collectedAt"> & { createdAt: string; collectedAt: string | null }> }>(
      `SELECT l.id, l."productName", l.unit::text AS unit, l.storage::text AS storage, l."quantityMilli", l."claimedMilli", l."contributionCentsPerUnit",
         l."lotNumber", l."useBy", l."bestBefore", l."pickupStart", l."pickupEnd", l.status::text AS status, s."productName" AS "sourceProductName",
         COALESCE((SELECT json_agg(json_build_object('id', c.id, 'charityName', ch.name, 'quantityMilli', c."quantityMilli", 'contributionCents', c."contributionCents",
             'status', c.status, 'createdAt', c."createdAt", 'collectedAt', c."collectedAt", 'invoiceNumber', i.number) ORDER BY c."createdAt", c.id)
           FROM "DonationClaim" c JOIN "Organisation" ch ON ch.id = c."charityId" LEFT JOIN "ContributionInvoice" i ON i."claimId" = c.id
           WHERE c."lotId" = l.id), '[]'::json) AS claims
       FROM "DonationLot" l
       JOIN "DonationClaim" sc ON sc.id = l."sourceClaimId"
       JOIN "DonationLot" s ON s.id = sc."lotId"
       WHERE l."donorId" = $1
       ORDER BY l."createdAt" DESC, l.id LIMIT 100`,
      [workshopId],
    ),
    readRows<IssuedInvoice>(
      `SELECT i.id, i.number, i."issuedAt", ch.name AS "charityName", l."productName", i."amountCents"
       FROM "ContributionInvoice" i JOIN "Organisation" ch ON ch.id = i."charityId"
       JOIN "DonationClaim" c ON c.id = i."claimId" JOIN "DonationLot" l ON l.id = c."lotId"
       WHERE i."issuerId" = $1 ORDER BY i.year DESC, i.sequence DESC LIMIT 500`,
      [workshopId],
    ),
  ]);
  return {
    rawClaims,
    processedLots: processedLots.map((lot) => ({
      ...lot,
      contributionCentsPerUnit: lot.contributionCentsPerUnit ?? 0,
      claims: lot.claims.map((claim) => ({ ...claim, createdAt: new Date(claim.createdAt), collectedAt: claim.collectedAt === null ? null : new Date(claim.collectedAt) })),
    })),
    invoices,
  };
}

/** One collected raw claim of the workshop, to make a processed lot from; null if not one. */
export async function readRawClaim(workshopId: string, claimId: string): Promise<RawClaim | null> {
  const [row] = await readRows<RawClaim>(`${RAW_CLAIMS} AND c.id = $2 GROUP BY c.id, l.id, d.name`, [workshopId, claimId]);
  return row ?? null;
}

/** What a hand-over just recorded, to say it: the charity, the quantity, the invoice issued with it. */
export async function readHandover(claimId: string): Promise<{ charityName: string; quantityMilli: number; unit: "KG" | "PIECE" | "LITRE"; invoiceNumber: string | null } | null> {
  const [row] = await readRows<{ charityName: string; quantityMilli: number; unit: "KG" | "PIECE" | "LITRE"; invoiceNumber: string | null }>(
    `SELECT ch.name AS "charityName", c."quantityMilli", l.unit::text AS unit, i.number AS "invoiceNumber"
     FROM "DonationClaim" c JOIN "Organisation" ch ON ch.id = c."charityId" JOIN "DonationLot" l ON l.id = c."lotId"
     LEFT JOIN "ContributionInvoice" i ON i."claimId" = c.id
     WHERE c.id = $1`,
    [claimId],
  );
  return row ?? null;
}
