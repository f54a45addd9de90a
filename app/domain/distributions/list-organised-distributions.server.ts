import { readRows } from "~/db.server";

export type OrganisedSeries = {
  id: string;
  pointName: string;
  weekday: number;
  startTime: string;
  endTime: string;
  cutoffDaysBefore: number;
  cutoffTime: string;
  firstDate: string;
  lastDate: string;
};

export type OrganisedDistribution = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  cutoffAt: Date;
  status: "SCHEDULED" | "CANCELLED";
  cancellationReason: string | null;
  pointName: string;
  seriesId: string | null;
  orders: number;
};

/** The organiser's page: its series, and its distributions from today on (at most 200), soonest first. */
export async function listOrganisedDistributions(organiserId: string, now: Date) {
  const [series, distributions] = await Promise.all([
    readRows<OrganisedSeries>(
      `SELECT s.id, p.name AS "pointName", s.weekday, s."startTime", s."endTime", s."cutoffDaysBefore", s."cutoffTime", s."firstDate", s."lastDate"
       FROM "DistributionSeries" s JOIN "PickupPoint" p ON p.id = s."pickupPointId"
       WHERE s."organiserId" = $1 ORDER BY s."createdAt" DESC LIMIT 50`,
      [organiserId],
    ),
    readRows<OrganisedDistribution>(
      `SELECT d.id, d."startsAt", d."endsAt", d."cutoffAt", d.status::text AS status, d."cancellationReason", p.name AS "pointName", d."seriesId",
         (SELECT count(*)::int FROM "Order" o WHERE o."distributionId" = d.id AND o.status = 'CONFIRMED') AS orders
       FROM "Distribution" d JOIN "PickupPoint" p ON p.id = d."pickupPointId"
       WHERE d."organiserId" = $1 AND d."endsAt" >= $2 ORDER BY d."startsAt" LIMIT 200`,
      [organiserId, now],
    ),
  ]);
  return { series, distributions };
}

/** The pickup points a series can use, by name. */
export function listPickupPoints() {
  return readRows<{ id: string; name: string; communeName: string }>(
    `SELECT p.id, p.name, c.name AS "communeName" FROM "PickupPoint" p JOIN "Commune" c ON c."inseeCode" = p."communeInsee" ORDER BY p.name, p.id LIMIT 500`,
    [],
  );
}
