import { readRows } from "~/db.server";
import type { PreparationRow } from "~/domain/preparation/preparation-lists";
import { preparationState, type PreparationState } from "~/domain/preparation/preparation-window";

export type PreparationDistribution = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  cutoffAt: Date;
  status: "SCHEDULED" | "CANCELLED";
  pickupPoint: { name: string; address: string; commune: string };
};

export type Preparation = {
  distribution: PreparationDistribution;
  state: PreparationState;
  rows: PreparationRow[];
};

type DistributionRow = Omit<PreparationDistribution, "pickupPoint"> & {
  pickupPointName: string;
  address: string;
  commune: string | null;
  slots: Array<{ id: string; startsAt: string; endsAt: string }>;
};

/** A line as read: its order's slot by id (a distribution has a few slots and thousands of lines). */
type LineRow = Omit<PreparationRow, "slotStartsAt" | "slotEndsAt"> & { slotId: string };

/**
 * Everything the three lists of one distribution need, for ONE producer, in two statements
 * whatever the number of orders (they run side by side): the distribution, and this producer's
 * lines of confirmed orders with the customer's name, the slot, the hand-over and the payments
 * taken at pickup, and for a card-paid order its refunds for this producer's lines. Any existing distribution answers, with no rows where the producer sells
 * nothing; an unknown one is null.
 */
export async function readPreparation(distributionId: string, producerId: string, now: Date): Promise<Preparation | null> {
  const [distributions, rows] = await Promise.all([
    readRows<DistributionRow>(
      `SELECT d.id, d."startsAt", d."endsAt", d."cutoffAt", d.status::text AS status,
              pp.name AS "pickupPointName", pp.address, c.name AS commune,
              COALESCE((SELECT json_agg(json_build_object('id', s.id, 'startsAt', s."startsAt", 'endsAt', s."endsAt"))
                        FROM "PickupSlot" s WHERE s."distributionId" = d.id), '[]'::json) AS slots
       FROM "Distribution" d
       JOIN "PickupPoint" pp ON pp.id = d."pickupPointId"
       LEFT JOIN "Commune" c ON c."inseeCode" = pp."communeInsee"
       WHERE d.id = $1`,
      [distributionId],
    ),
    readRows<LineRow>(
      `SELECT o.id AS "orderId", o.number AS "orderNumber", u.name AS "customerName", o."slotId",
              ol.id AS "lineId", ol."offerId", ol."productName", ol.unit::text AS unit, ol.quantity, ol."unitPriceCents",
              ol."variableWeight", ol."gramsPerUnit", ol."capCents", ol."weighedGrams", ol."finalCents", ol."owedBackCents",
              h.status::text AS "handoverStatus",
              COALESCE(p.cash, 0)::int AS "paidCashCents", COALESCE(p.cheque, 0)::int AS "paidChequeCents", COALESCE(p.card, 0)::int AS "paidCardCents",
              o."paymentMethod"::text AS "paymentMethod",
              (COALESCE(r.refunded, 0) + COALESCE(w.cents, 0))::int AS "refundedOnlineCents", COALESCE(w.cents, 0)::int AS "weighedRefundedCents"
       FROM "Order" o
       JOIN "OrderLine" ol ON ol."orderId" = o.id AND ol."producerId" = $2
       JOIN "User" u ON u.id = o."userId"
       LEFT JOIN "Handover" h ON h."orderId" = o.id AND h."producerId" = $2
       LEFT JOIN (
         SELECT pay."orderId",
                sum(pay."amountCents") FILTER (WHERE pay.method = 'CASH') AS cash,
                sum(pay."amountCents") FILTER (WHERE pay.method = 'CHEQUE') AS cheque,
                sum(pay."amountCents") FILTER (WHERE pay.method = 'CARD_TERMINAL') AS card
         FROM "PickupPayment" pay JOIN "Order" po ON po.id = pay."orderId"
         WHERE pay."producerId" = $2 AND po."distributionId" = $1
         GROUP BY pay."orderId"
       ) p ON p."orderId" = o.id
       LEFT JOIN (
         -- A card-paid order's refunds for this producer's lines; a reduction before the cutoff is already
         -- in the lines as they stand, and the close's weighed-lighter refund is counted below. One Stripe
         -- refused (FAILED) gave nothing back: not counted, as in CardPayment."refundedCents".
         SELECT ref."orderId", sum(ref."amountCents") AS refunded
         FROM "Refund" ref JOIN "Order" ro ON ro.id = ref."orderId"
         WHERE ref."producerId" = $2 AND ro."distributionId" = $1 AND ref.reason NOT IN ('ORDER_REDUCED', 'WEIGHED_LIGHTER') AND ref.status <> 'FAILED'
         GROUP BY ref."orderId"
       ) r ON r."orderId" = o.id
       LEFT JOIN (
         -- Once the close refunded the order's lighter weighings (one refund for the whole order), this
         -- producer's part of it is cap − final of their own weighed lines, as the close attributes it.
         SELECT wl."orderId", sum(wl."capCents" - wl."finalCents") AS cents
         FROM "OrderLine" wl JOIN "Order" wo ON wo.id = wl."orderId"
         WHERE wl."producerId" = $2 AND wo."distributionId" = $1 AND wl."capCents" IS NOT NULL AND wl."finalCents" IS NOT NULL
           AND EXISTS (SELECT 1 FROM "Refund" wr WHERE wr."orderId" = wl."orderId" AND wr.reason = 'WEIGHED_LIGHTER' AND wr.status <> 'FAILED')
         GROUP BY wl."orderId"
       ) w ON w."orderId" = o.id
       WHERE o."distributionId" = $1 AND o.status = 'CONFIRMED'`,
      [distributionId, producerId],
    ),
  ]);
  const found = distributions[0];
  if (!found) return null;
  const { pickupPointName, address, commune, slots, ...distribution } = found;
  // One Date per slot, shared by its lines: no timestamps to parse per line.
  const slotTimes = new Map(slots.map((slot) => [slot.id, { startsAt: new Date(slot.startsAt), endsAt: new Date(slot.endsAt) }]));
  return {
    distribution: { ...distribution, pickupPoint: { name: pickupPointName, address, commune: commune ?? "" } },
    state: preparationState(distribution, now),
    rows: rows.map(({ slotId, ...row }) => {
      const slot = slotTimes.get(slotId);
      if (!slot) throw new Error(`Créneau ${slotId} absent de la distribution ${distributionId}.`);
      return { ...row, slotStartsAt: slot.startsAt, slotEndsAt: slot.endsAt };
    }),
  };
}
