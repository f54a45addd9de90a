import { readRows } from "~/db.server";
import { toUnits, unitNames } from "~/domain/donations/donation-quantity";

export type ClaimListItem = {
  id: string;
  lotId: string;
  productName: string;
  lotNumber: string | null;
  quantity: number;
  unit: "kg" | "piece" | "litre";
  status: "reserved" | "collected" | "missed" | "cancelled";
  pickupPlace: string;
  pickupStart: Date;
  pickupEnd: Date;
  collectedAt: Date | null;
  temperatureC: number | null;
  donor: { id: string; name: string };
  charity: { id: string; name: string };
  /** Only in a charity's own list: the code it gives the donor at hand-over. */
  pickupCode?: string;
};

type Row = {
  id: string;
  lotId: string;
  productName: string;
  lotNumber: string | null;
  quantityMilli: number;
  unit: "KG" | "PIECE" | "LITRE";
  status: "RESERVED" | "COLLECTED" | "MISSED" | "CANCELLED";
  pickupPlace: string;
  pickupStart: Date;
  pickupEnd: Date;
  collectedAt: Date | null;
  temperatureDeciC: number | null;
  donorId: string;
  donorName: string;
  charityId: string;
  charityName: string;
  pickupCode: string;
};

const LIMIT = 500;

function select(where: string): string {
  return `SELECT c.id, c."lotId", l."productName", l."lotNumber", c."quantityMilli", l.unit::text AS unit, c.status::text AS status,
      l."pickupPlace", l."pickupStart", l."pickupEnd", c."collectedAt", c."temperatureDeciC",
      d.id AS "donorId", d.name AS "donorName", ch.id AS "charityId", ch.name AS "charityName", c."pickupCode"
    FROM "DonationClaim" c
    JOIN "DonationLot" l ON l.id = c."lotId"
    JOIN "Organisation" d ON d.id = l."donorId"
    JOIN "Organisation" ch ON ch.id = c."charityId"
    WHERE ${where}
    ORDER BY l."pickupStart" DESC, c."createdAt" DESC, c.id
    LIMIT ${LIMIT}`;
}

function present(row: Row, withCode: boolean): ClaimListItem {
  return {
    id: row.id,
    lotId: row.lotId,
    productName: row.productName,
    lotNumber: row.lotNumber,
    quantity: toUnits(row.quantityMilli),
    unit: unitNames[row.unit],
    status: row.status === "RESERVED" ? "reserved" : row.status === "COLLECTED" ? "collected" : row.status === "MISSED" ? "missed" : "cancelled",
    pickupPlace: row.pickupPlace,
    pickupStart: row.pickupStart,
    pickupEnd: row.pickupEnd,
    collectedAt: row.collectedAt,
    temperatureC: row.temperatureDeciC === null ? null : row.temperatureDeciC / 10,
    donor: { id: row.donorId, name: row.donorName },
    charity: { id: row.charityId, name: row.charityName },
    ...(withCode ? { pickupCode: row.pickupCode } : {}),
  };
}

/** A charity's own claims, latest pickups first, with their pickup codes (theirs to give). */
export async function listCharityClaims(charityId: string): Promise<ClaimListItem[]> {
  const rows = await readRows<Row>(select(`c."charityId" = $1`), [charityId]);
  return rows.map((row) => present(row, true));
}

/** The claims on a donor's lots, latest pickups first, WITHOUT codes: the charity gives it at hand-over. */
export async function listDonorClaims(donorId: string): Promise<ClaimListItem[]> {
  const rows = await readRows<Row>(select(`l."donorId" = $1`), [donorId]);
  return rows.map((row) => present(row, false));
}
