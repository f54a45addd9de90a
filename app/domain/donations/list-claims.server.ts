import { readRows } from "~/db.server";
import { toUnits, unitNames } from "~/domain/donations/donation-quantity";
import { yearBounds } from "~/domain/donations/yearly-summary";

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
  donorPhone: string | null;
  contributionCents: number;
  storage: "AMBIENT" | "CHILLED" | "FROZEN";
};

const LIMIT = 500;

/** A Row per claim; the caller adds WHERE and ORDER BY. */
const CLAIM_ROWS = `SELECT c.id, c."lotId", l."productName", l."lotNumber", c."quantityMilli", l.unit::text AS unit, c.status::text AS status,
      l."pickupPlace", l."pickupStart", l."pickupEnd", c."collectedAt", c."temperatureDeciC",
      d.id AS "donorId", d.name AS "donorName", ch.id AS "charityId", ch.name AS "charityName", c."pickupCode",
      d."contactPhone" AS "donorPhone", c."contributionCents", l.storage::text AS storage
    FROM "DonationClaim" c
    JOIN "DonationLot" l ON l.id = c."lotId"
    JOIN "Organisation" d ON d.id = l."donorId"
    JOIN "Organisation" ch ON ch.id = c."charityId"`;

function select(where: string): string {
  return `${CLAIM_ROWS}
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

/** What the charity's own pages show of a claim: the API's item, and what the pickup and the receipts need. */
export type CharityClaimView = ClaimListItem & {
  pickupCode: string;
  unitCode: "KG" | "PIECE" | "LITRE";
  storage: "AMBIENT" | "CHILLED" | "FROZEN";
  donorPhone: string | null;
  contributionCents: number;
};

function view(row: Row): CharityClaimView {
  return {
    ...present(row, true),
    pickupCode: row.pickupCode,
    unitCode: row.unit,
    storage: row.storage,
    donorPhone: row.donorPhone,
    contributionCents: row.contributionCents,
  };
}

/** A charity's own claims for its pickups page (one statement): with codes, the donor's phone and the storage. */
export async function listCharityClaimViews(charityId: string): Promise<CharityClaimView[]> {
  const rows = await readRows<Row>(select(`c."charityId" = $1`), [charityId]);
  return rows.map(view);
}

export type ReceivedTotals = { KG: number; PIECE: number; LITRE: number; contributionCents: number };

/**
 * What a charity received in a calendar year (claims collected, Paris year of the hand-over),
 * oldest first, with the totals per unit (kg, pieces, litres) summed in thousandths: one statement.
 */
export async function listReceivedDonations(options: { charityId: string; year: number }): Promise<{ claims: CharityClaimView[]; totals: ReceivedTotals }> {
  const { from, to } = yearBounds(options.year);
  const rows = await readRows<Row>(
    `${CLAIM_ROWS}
      WHERE c."charityId" = $1 AND c.status = 'COLLECTED' AND c."collectedAt" >= $2 AND c."collectedAt" < $3
      ORDER BY c."collectedAt", c.id`,
    [options.charityId, from, to],
  );
  const milli = { KG: 0, PIECE: 0, LITRE: 0 };
  let contributionCents = 0;
  for (const row of rows) {
    milli[row.unit] += row.quantityMilli;
    contributionCents += row.contributionCents;
  }
  return {
    claims: rows.map(view),
    totals: { KG: toUnits(milli.KG), PIECE: toUnits(milli.PIECE), LITRE: toUnits(milli.LITRE), contributionCents },
  };
}
