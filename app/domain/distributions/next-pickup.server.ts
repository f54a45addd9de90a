import { readRows } from "~/db.server";
import { nextPickup, type NextPickup, type UpcomingOrder } from "~/domain/distributions/next-pickup";

/** A resident rarely has more open orders than this at once (three per distribution at most: decision 019). */
const CANDIDATES = 10;

type Row = Omit<UpcomingOrder, "distribution" | "slot" | "pickupPoint"> & {
  distributionId: string;
  distributionStatus: string;
  startsAt: Date;
  endsAt: Date;
  slotStartsAt: Date;
  slotEndsAt: Date;
  pointName: string;
  pointAddress: string;
  commune: string;
};

/**
 * The signed-in resident's next pickup (where, when, what, how much): their confirmed orders of
 * distributions not ended yet, with lines, hand-overs and payments, in one statement; the pure
 * rule picks the one still to collect.
 */
export async function findNextPickup(userId: string, now: Date): Promise<NextPickup | null> {
  const rows = await readRows<Row>(
    `
    SELECT o.id, o.number, o.status::text AS status,
           d.id AS "distributionId", d.status::text AS "distributionStatus", d."startsAt", d."endsAt",
           s."startsAt" AS "slotStartsAt", s."endsAt" AS "slotEndsAt",
           pp.name AS "pointName", pp.address AS "pointAddress", c.name AS commune,
           COALESCE((SELECT json_agg(json_build_object(
                       'productName', l."productName", 'unit', l.unit, 'quantity', l.quantity, 'unitPriceCents', l."unitPriceCents",
                       'variableWeight', l."variableWeight", 'capCents', l."capCents", 'finalCents', l."finalCents", 'producerId', l."producerId"
                     ) ORDER BY l."productName") FROM "OrderLine" l WHERE l."orderId" = o.id), '[]'::json) AS lines,
           COALESCE((SELECT json_agg(json_build_object('producerId', h."producerId", 'status', h.status))
                     FROM "Handover" h WHERE h."orderId" = o.id), '[]'::json) AS handovers,
           COALESCE((SELECT sum(p."amountCents")::int FROM "PickupPayment" p WHERE p."orderId" = o.id), 0) AS "paidCents"
    FROM "Order" o
    JOIN "Distribution" d ON d.id = o."distributionId"
    JOIN "PickupSlot" s ON s.id = o."slotId"
    JOIN "PickupPoint" pp ON pp.id = d."pickupPointId"
    JOIN "Commune" c ON c."inseeCode" = pp."communeInsee"
    WHERE o."userId" = $1 AND o.status = 'CONFIRMED' AND d.status = 'SCHEDULED' AND d."endsAt" > $2
    ORDER BY s."startsAt", o.number
    LIMIT $3`,
    [userId, now, CANDIDATES],
  );
  return nextPickup(
    rows.map((row) => ({
      id: row.id,
      number: row.number,
      status: row.status,
      distribution: { id: row.distributionId, status: row.distributionStatus, startsAt: row.startsAt, endsAt: row.endsAt },
      slot: { startsAt: row.slotStartsAt, endsAt: row.slotEndsAt },
      pickupPoint: { name: row.pointName, address: row.pointAddress, commune: row.commune },
      lines: row.lines,
      handovers: row.handovers,
      paidCents: row.paidCents,
    })),
    now,
  );
}
