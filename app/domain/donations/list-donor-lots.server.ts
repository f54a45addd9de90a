import { readRows } from "~/db.server";
import type { LotCommon } from "~/domain/donations/lot";

/** A claim on a donor's lot, as its donor sees it: never the pickup code (the charity gives it at hand-over). */
export type DonorClaim = {
  id: string;
  charityName: string;
  quantityMilli: number;
  status: "RESERVED" | "COLLECTED" | "MISSED" | "CANCELLED";
  createdAt: Date;
  collectedAt: Date | null;
  temperatureDeciC: number | null;
};

export type DonorLot = LotCommon & {
  claimedMilli: number;
  costPriceCents: number;
  status: "OPEN" | "EXPIRED" | "WITHDRAWN";
  createdAt: Date;
  offerId: string | null;
  photo: { id: string; width: number; height: number } | null;
  claims: DonorClaim[];
};

/** A donor's page shows this many lots at most: the latest ones (older ones live in the yearly summary). */
export const DONOR_LOTS_LIMIT = 200;

type Row = Omit<DonorLot, "claims" | "photo"> & {
  photoId: string | null;
  photoWidth: number | null;
  photoHeight: number | null;
  claims: Array<Omit<DonorClaim, "createdAt" | "collectedAt"> & { createdAt: string; collectedAt: string | null }>;
};

function select(where: string): string {
  return `SELECT l.id, l."productName", l.description, l."categoryId", l.unit::text AS unit, l."quantityMilli", l."claimedMilli",
      l.storage::text AS storage, l."useBy", l."bestBefore", l."lotNumber", l."rawFishery", l."pickupPlace", l."pickupStart", l."pickupEnd",
      l."costPriceCents", l.status::text AS status, l."createdAt", l."offerId",
      f.id AS "photoId", f.width AS "photoWidth", f.height AS "photoHeight",
      COALESCE((SELECT json_agg(json_build_object(
          'id', c.id, 'charityName', ch.name, 'quantityMilli', c."quantityMilli", 'status', c.status,
          'createdAt', c."createdAt", 'collectedAt', c."collectedAt", 'temperatureDeciC', c."temperatureDeciC")
          ORDER BY c."createdAt", c.id)
        FROM "DonationClaim" c JOIN "Organisation" ch ON ch.id = c."charityId" WHERE c."lotId" = l.id), '[]'::json) AS claims
    FROM "DonationLot" l LEFT JOIN "StoredFile" f ON f.id = l."photoId"
    WHERE ${where}`;
}

function present(row: Row): DonorLot {
  const { photoId, photoWidth, photoHeight, claims, ...lot } = row;
  return {
    ...lot,
    photo: photoId ? { id: photoId, width: photoWidth ?? 800, height: photoHeight ?? 600 } : null,
    claims: claims.map((claim) => ({
      ...claim,
      createdAt: new Date(claim.createdAt),
      collectedAt: claim.collectedAt === null ? null : new Date(claim.collectedAt),
    })),
  };
}

/**
 * A donor's lots with their claims, in ONE statement whatever their number: the lots still
 * offered first (open, window not over), then the others, latest pickups first.
 */
export async function listDonorLots(options: { donorId: string; now: Date }): Promise<DonorLot[]> {
  const rows = await readRows<Row>(
    `${select(`l."donorId" = $1`)}
     ORDER BY (l.status = 'OPEN' AND l."pickupEnd" > $2) DESC, l."pickupStart" DESC, l.id
     LIMIT ${DONOR_LOTS_LIMIT}`,
    [options.donorId, options.now],
  );
  return rows.map(present);
}

/** One lot of the donor's own with its claims, or null: another donor's lot is not found. */
export async function getDonorLot(options: { donorId: string; lotId: string }): Promise<DonorLot | null> {
  const [row] = await readRows<Row>(select(`l.id = $1 AND l."donorId" = $2`), [options.lotId, options.donorId]);
  return row ? present(row) : null;
}
