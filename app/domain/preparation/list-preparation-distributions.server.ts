import { readRows } from "~/db.server";
import { preparationState, type PreparationState } from "~/domain/preparation/preparation-window";

export type PreparationDistributionSummary = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  cutoffAt: Date;
  pickupPointName: string;
  commune: string;
  state: PreparationState;
  orders: number;
  lines: number;
  linesToWeigh: number;
  handedOver: number;
  upcoming: boolean;
};

type Row = Omit<PreparationDistributionSummary, "state" | "upcoming"> & { status: string };

/** How many distributions the page lists, newest first (older ones stay reachable by their link). */
const LIMIT = 60;

/**
 * The distributions where this producer has offers, past and upcoming, with how many orders
 * hold their lines, how many lines are still to weigh and how many orders were handed over.
 * One statement.
 */
export async function listPreparationDistributions(producerId: string, now: Date): Promise<PreparationDistributionSummary[]> {
  const rows = await readRows<Row>(
    `SELECT d.id, d."startsAt", d."endsAt", d."cutoffAt", d.status::text AS status, pp.name AS "pickupPointName", COALESCE(c.name, '') AS commune,
            COALESCE(x.orders, 0)::int AS orders, COALESCE(x.lines, 0)::int AS lines, COALESCE(x."linesToWeigh", 0)::int AS "linesToWeigh",
            (SELECT count(*) FROM "Handover" h JOIN "Order" ho ON ho.id = h."orderId"
              WHERE h."producerId" = $1 AND ho."distributionId" = d.id AND ho.status = 'CONFIRMED' AND h.status = 'COLLECTED')::int AS "handedOver"
     FROM "Distribution" d
     JOIN "PickupPoint" pp ON pp.id = d."pickupPointId"
     LEFT JOIN "Commune" c ON c."inseeCode" = pp."communeInsee"
     LEFT JOIN LATERAL (
       SELECT count(DISTINCT o.id) AS orders, count(*) AS lines,
              count(*) FILTER (WHERE ol."variableWeight" AND ol."weighedGrams" IS NULL) AS "linesToWeigh"
       FROM "Order" o JOIN "OrderLine" ol ON ol."orderId" = o.id AND ol."producerId" = $1
       WHERE o."distributionId" = d.id AND o.status = 'CONFIRMED'
     ) x ON true
     WHERE d.id IN (SELECT ofr."distributionId" FROM "Offer" ofr JOIN "Product" p ON p.id = ofr."productId" WHERE p."producerId" = $1)
     ORDER BY d."startsAt" DESC
     LIMIT ${LIMIT}`,
    [producerId],
  );
  return rows.map(({ status, ...row }) => ({
    ...row,
    state: preparationState({ status, cutoffAt: row.cutoffAt }, now),
    upcoming: row.endsAt.getTime() >= now.getTime(),
  }));
}
