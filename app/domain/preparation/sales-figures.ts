/**
 * What a producer sold and is owed over a period. Every figure is this producer's part of
 * confirmed orders, in cents:
 * - ordered: quantity × price at order;
 * - weighing: what the scale changed (final price − ordered price of weighed lines);
 * - due: ordered + weighing;
 * - collected / notCollected: due of the orders marked so at the pickup;
 * - paid: taken at pickup, by method;
 * - stillDue ("what the producer is owed"): due, less the orders not collected, less what was paid.
 */
export type SalesFigures = {
  orders: number;
  orderedCents: number;
  weighingCents: number;
  dueCents: number;
  collectedCents: number;
  notCollectedCents: number;
  paidCashCents: number;
  paidChequeCents: number;
  paidCardCents: number;
  paidCents: number;
  stillDueCents: number;
};

/** One distribution's figures for one producer, as read from the database. */
export type SalesRow = {
  distributionId: string;
  startsAt: Date;
  pickupPointName: string;
  producerId: string;
  producerName: string;
  orders: number;
  orderedCents: number;
  dueCents: number;
  collectedCents: number;
  notCollectedCents: number;
  paidCashCents: number;
  paidChequeCents: number;
  paidCardCents: number;
};

export type SalesLine = Omit<SalesRow, keyof SalesFigures> & SalesFigures;

export type SalesSummary = {
  /** One line per distribution and producer, by date. */
  distributions: SalesLine[];
  /** One line per producer over the period: what each is owed. */
  producers: Array<{ producerId: string; producerName: string } & SalesFigures>;
  total: SalesFigures;
};

export function emptyFigures(): SalesFigures {
  return { orders: 0, orderedCents: 0, weighingCents: 0, dueCents: 0, collectedCents: 0, notCollectedCents: 0, paidCashCents: 0, paidChequeCents: 0, paidCardCents: 0, paidCents: 0, stillDueCents: 0 };
}

export function figuresOf(row: SalesRow): SalesFigures {
  const paidCents = row.paidCashCents + row.paidChequeCents + row.paidCardCents;
  return {
    orders: row.orders,
    orderedCents: row.orderedCents,
    weighingCents: row.dueCents - row.orderedCents,
    dueCents: row.dueCents,
    collectedCents: row.collectedCents,
    notCollectedCents: row.notCollectedCents,
    paidCashCents: row.paidCashCents,
    paidChequeCents: row.paidChequeCents,
    paidCardCents: row.paidCardCents,
    paidCents,
    stillDueCents: row.dueCents - row.notCollectedCents - paidCents,
  };
}

const FIGURE_KEYS = Object.keys(emptyFigures()) as Array<keyof SalesFigures>;

export function addFigures(into: SalesFigures, figures: SalesFigures): SalesFigures {
  for (const key of FIGURE_KEYS) into[key] += figures[key];
  return into;
}

export function summariseSales(rows: readonly SalesRow[]): SalesSummary {
  const distributions = rows
    .map((row) => ({
      distributionId: row.distributionId,
      startsAt: row.startsAt,
      pickupPointName: row.pickupPointName,
      producerId: row.producerId,
      producerName: row.producerName,
      ...figuresOf(row),
    }))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.producerName.localeCompare(b.producerName, "fr"));
  const byProducer = new Map<string, { producerId: string; producerName: string } & SalesFigures>();
  const total = emptyFigures();
  for (const line of distributions) {
    let producer = byProducer.get(line.producerId);
    if (!producer) {
      producer = { producerId: line.producerId, producerName: line.producerName, ...emptyFigures() };
      byProducer.set(line.producerId, producer);
    }
    addFigures(producer, line);
    addFigures(total, line);
  }
  return {
    distributions,
    producers: [...byProducer.values()].sort((a, b) => a.producerName.localeCompare(b.producerName, "fr")),
    total,
  };
}

/** The period shown when none is asked for: the current month, Paris calendar, both ends included. */
export function currentMonth(parisToday: string): { from: string; to: string } {
  const [year, month] = parisToday.split("-").map(Number);
  if (!year || !month) throw new Error(`Date invalide : ${parisToday}`);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const prefix = `${year}-${String(month).padStart(2, "0")}`;
  return { from: `${prefix}-01`, to: `${prefix}-${String(lastDay).padStart(2, "0")}` };
}
