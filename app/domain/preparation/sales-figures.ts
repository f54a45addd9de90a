import { distributionShares, type CloseLine } from "~/domain/payments/compute-transfers";
import type { OrderShare } from "~/domain/payments/producer-shares";

/**
 * What a producer sold and is owed over a period. Every figure is this producer's part of
 * confirmed orders, in cents (an order waiting for its card payment is not an order yet):
 * - ordered: quantity × price at order;
 * - weighing: what the scale changed (final price − ordered price of weighed lines);
 * - due: ordered + weighing;
 * - collected / notCollected: due of the orders marked so at the pickup;
 * - paid: taken at pickup, by method (paidCents is their sum);
 * - paidOnline: the due of card-paid orders (a card order is charged at most its cap before pickup
 *   and refunded the rest, never asked for more at the stall);
 * - stillDue ("what the producer is owed"): due, less the orders paid at pickup that were not
 *   collected, less what was paid — a card-paid order is never still due, collected or not.
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
  paidOnlineCents: number;
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
  /** Due of this producer's part of orders paid by card online. */
  paidOnlineCents: number;
  /** Due of the orders paid by card online marked not collected (paid all the same). */
  notCollectedOnlineCents: number;
};

export type SalesLine = Omit<SalesRow, keyof SalesFigures | "notCollectedOnlineCents"> & SalesFigures;

export type SalesSummary = {
  /** One line per distribution and producer, by date. */
  distributions: SalesLine[];
  /** One line per producer over the period: what each is owed. */
  producers: Array<{ producerId: string; producerName: string } & SalesFigures>;
  total: SalesFigures;
};

export function emptyFigures(): SalesFigures {
  return { orders: 0, orderedCents: 0, weighingCents: 0, dueCents: 0, collectedCents: 0, notCollectedCents: 0, paidCashCents: 0, paidChequeCents: 0, paidCardCents: 0, paidOnlineCents: 0, paidCents: 0, stillDueCents: 0 };
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
    paidOnlineCents: row.paidOnlineCents,
    paidCents,
    stillDueCents: row.dueCents - (row.notCollectedCents - row.notCollectedOnlineCents) - paidCents - row.paidOnlineCents,
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

/*
 * The statement (issue 11, decision 027 §6–§8): the sales summary's orders with their money, per
 * order and producer — paid by card online, paid at the stall by method, refunds with their
 * credit-note numbers, commission, the producer's part of Stripe's fee — and the producer's
 * transfers, so that for every producer, to the cent:
 *
 *   paid online − refunded − commission − fee = transferred + being transferred + held + to come
 *
 * Shares come from `distributionShares` — the close's own rule, so the statement and the transfers
 * cannot disagree — over each distribution's card-paid orders; a closed distribution's money is on
 * its ProducerTransfer row, one not closed yet is « à venir ».
 */

/** What the statement says of one producer's part of one order just as the database has it: the order, its market, the producer, the goods' cost and what was paid at the stall. */
type StatementOrderAsRead = {
  orderId: string;
  number: number;
  status: string;
  paymentMethod: "AT_PICKUP" | "ONLINE_CARD";
  distributionId: string;
  startsAt: Date;
  pickupPointName: string;
  producerId: string;
  producerName: string;
  /** What the goods cost (final amounts once weighed); 0 for a cancelled order. */
  dueCents: number;
  paidCashCents: number;
  paidChequeCents: number;
  paidTerminalCents: number;
};

/** One producer's part of one order, as read from the database (every producer of the order, for the fee's and refunds' split). */
export type StatementOrderRow = StatementOrderAsRead & {
  /** What the customer was charged for these lines at order: caps for weighed lines, quantity × price otherwise. */
  capCents: number;
  /** The order's card charge when it succeeded (null: not paid by card online). */
  chargedCents: number | null;
  /** Stripe's fee of that charge (0 when not known yet). */
  chargeFeeCents: number;
};

export type StatementRefundRow = {
  id: string;
  number: number;
  orderId: string;
  producerId: string | null;
  amountCents: number;
  reason: string;
  status: "PENDING" | "SUCCEEDED" | "FAILED";
  stripeRefundId: string | null;
  createdAt: Date;
};

export type StatementTransferRow = {
  id: string;
  distributionId: string;
  startsAt: Date;
  pickupPointName: string;
  producerId: string;
  producerName: string;
  status: "HELD" | "PENDING" | "SENT";
  amountCents: number;
  reversedCents: number;
  stripeTransferId: string | null;
  sentAt: Date | null;
  reversals: Array<{ id: string; amountCents: number; stripeReversalId: string | null; createdAt: string | Date }>;
};

/** One producer's part of one order on the statement: as read, with its share of the card payment (the close's rule). */
export type StatementOrder = StatementOrderAsRead & {
  paidOnlineCents: number;
  refundedCents: number;
  commissionCents: number;
  feeCents: number;
  netCents: number;
};

/** A refund of an order of the statement, with its credit note's number; `producerName` null when it is the whole order's (spread by what each producer keeps). */
export type StatementRefund = StatementRefundRow & { orderNumber: number; producerName: string | null };

export type StatementTotals = {
  paidOnlineCents: number;
  paidCashCents: number;
  paidChequeCents: number;
  paidTerminalCents: number;
  paidAtStallCents: number;
  refundedCents: number;
  commissionCents: number;
  feeCents: number;
  /** paidOnline − refunded − commission − fee. */
  netCents: number;
  transferredCents: number;
  sendingCents: number;
  heldCents: number;
  upcomingCents: number;
  /** net − (transferred + sending + held + upcoming): 0 when our rows agree; shown otherwise. */
  gapCents: number;
};

export type Statement = {
  orders: StatementOrder[];
  refunds: StatementRefund[];
  transfers: StatementTransferRow[];
  totals: StatementTotals;
  /** Every producer's totals, by name (one for a producer's own statement). */
  producers: Array<{ producerId: string; producerName: string } & StatementTotals>;
  /**
   * The platform's side: the admin's all-producers statement only. A producer's statement has none
   * (null): it would add up every producer of the same markets (their commission, Stripe's fees,
   * the refunds Stripe refused on their lines), which is not the producer's to read.
   */
  platform: { commissionCents: number; feeCents: number; heldCents: number; refundsFailed: number; refundsFailedCents: number } | null;
};

/** The money of an order's line that adds up, as it is, into its producer's totals. */
const ORDER_MONEY = ["paidOnlineCents", "paidCashCents", "paidChequeCents", "paidTerminalCents", "refundedCents", "commissionCents", "feeCents", "netCents"] as const satisfies ReadonlyArray<keyof StatementOrder & keyof StatementTotals>;

export function emptyStatementTotals(): StatementTotals {
  return { paidOnlineCents: 0, paidCashCents: 0, paidChequeCents: 0, paidTerminalCents: 0, paidAtStallCents: 0, refundedCents: 0, commissionCents: 0, feeCents: 0, netCents: 0, transferredCents: 0, sendingCents: 0, heldCents: 0, upcomingCents: 0, gapCents: 0 };
}

/** The statement of the rows read for a period: `producerId` null for every producer's (the admin's). */
export function buildStatement(input: {
  orders: ReadonlyArray<StatementOrderRow>;
  /** Every line of the card-paid orders (the weighed-lighter split needs each line's cap and final). */
  lines: ReadonlyArray<CloseLine>;
  refunds: ReadonlyArray<StatementRefundRow>;
  transfers: ReadonlyArray<StatementTransferRow>;
  commissionBp: number;
  producerId: string | null;
}): Statement {
  const mine = (producerId: string) => input.producerId === null || input.producerId === producerId;
  const orderMeta = new Map(input.orders.map((row) => [row.orderId, row]));
  const distributionOf = (orderId: string) => orderMeta.get(orderId)!.distributionId;
  const refundsInOrder = [...input.refunds].sort((a, b) => a.number - b.number);

  // The close's rule per distribution (a charge's fee is split over its own producers only).
  const shares = new Map<string, OrderShare>();
  let platformCommission = 0;
  let platformFee = 0;
  const cardOrdersBy = new Map<string, StatementOrderRow[]>();
  for (const row of input.orders) {
    if (row.chargedCents === null) continue;
    const rows = cardOrdersBy.get(row.distributionId) ?? [];
    rows.push(row);
    cardOrdersBy.set(row.distributionId, rows);
  }
  for (const rows of cardOrdersBy.values()) {
    const orderIds = new Set(rows.map((row) => row.orderId));
    const payments = [...orderIds].map((orderId) => ({ orderId, amountCents: orderMeta.get(orderId)!.chargedCents!, feeCents: orderMeta.get(orderId)!.chargeFeeCents }));
    const result = distributionShares({
      lines: input.lines.filter((line) => orderIds.has(line.orderId)),
      refunds: refundsInOrder.filter((refund) => orderIds.has(refund.orderId)),
      payments,
      commissionBp: input.commissionBp,
    });
    for (const share of result.orderShares) shares.set(`${share.orderId}|${share.producerId}`, share);
    platformFee += result.platform.feeCents;
    platformCommission += result.platform.commissionCents;
  }

  const names = new Map(input.orders.map((row) => [row.producerId, row.producerName]));
  const orders: StatementOrder[] = [];
  const seen = new Set<string>();
  for (const row of input.orders) {
    if (!mine(row.producerId)) continue;
    const share = shares.get(`${row.orderId}|${row.producerId}`);
    seen.add(`${row.orderId}|${row.producerId}`);
    orders.push(statementOrder(row, share));
  }
  // A producer whose lines were all removed before the cutoff still has a part: its charge and refund.
  for (const [key, share] of shares) {
    if (seen.has(key) || !mine(share.producerId)) continue;
    const meta = orderMeta.get(share.orderId)!;
    orders.push(
      statementOrder({ ...meta, producerId: share.producerId, producerName: names.get(share.producerId) ?? "", capCents: 0, dueCents: 0, paidCashCents: 0, paidChequeCents: 0, paidTerminalCents: 0 }, share),
    );
  }
  orders.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.number - b.number || a.producerName.localeCompare(b.producerName, "fr"));

  const refunds: StatementRefund[] = refundsInOrder
    .filter((refund) => (refund.producerId === null ? input.producerId === null || shares.has(`${refund.orderId}|${input.producerId}`) : mine(refund.producerId)))
    .map((refund) => ({ ...refund, orderNumber: orderMeta.get(refund.orderId)?.number ?? 0, producerName: refund.producerId === null ? null : (names.get(refund.producerId) ?? "") }));

  const transfers = input.transfers.filter((transfer) => mine(transfer.producerId)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.producerName.localeCompare(b.producerName, "fr"));
  const closed = new Set(transfers.map((transfer) => `${transfer.distributionId}|${transfer.producerId}`));

  const byProducer = new Map<string, { producerId: string; producerName: string } & StatementTotals>();
  const totalsOf = (producerId: string) => {
    let totals = byProducer.get(producerId);
    if (!totals) {
      totals = { producerId, producerName: names.get(producerId) ?? transfers.find((transfer) => transfer.producerId === producerId)?.producerName ?? "", ...emptyStatementTotals() };
      byProducer.set(producerId, totals);
    }
    return totals;
  };
  for (const order of orders) {
    const totals = totalsOf(order.producerId);
    for (const key of ORDER_MONEY) totals[key] += order[key];
    if (order.paymentMethod === "ONLINE_CARD" && !closed.has(`${distributionOf(order.orderId)}|${order.producerId}`)) totals.upcomingCents += order.netCents;
  }
  for (const transfer of transfers) {
    const totals = totalsOf(transfer.producerId);
    const left = transfer.amountCents - transfer.reversedCents;
    if (transfer.status === "SENT") totals.transferredCents += left;
    else if (transfer.status === "PENDING") totals.sendingCents += left;
    else totals.heldCents += left;
  }
  const total = emptyStatementTotals();
  for (const totals of byProducer.values()) {
    totals.paidAtStallCents = totals.paidCashCents + totals.paidChequeCents + totals.paidTerminalCents;
    totals.gapCents = totals.netCents - (totals.transferredCents + totals.sendingCents + totals.heldCents + totals.upcomingCents);
    for (const key of Object.keys(total) as Array<keyof StatementTotals>) total[key] += totals[key];
  }
  const failed = input.refunds.filter((refund) => refund.status === "FAILED");
  return {
    orders,
    refunds,
    transfers,
    totals: total,
    producers: [...byProducer.values()].sort((a, b) => a.producerName.localeCompare(b.producerName, "fr")),
    platform: input.producerId !== null ? null : {
      commissionCents: platformCommission,
      feeCents: platformFee,
      heldCents: input.transfers.filter((transfer) => transfer.status === "HELD").reduce((sum, transfer) => sum + transfer.amountCents - transfer.reversedCents, 0),
      refundsFailed: failed.length,
      refundsFailedCents: failed.reduce((sum, refund) => sum + refund.amountCents, 0),
    },
  };
}

function statementOrder(row: StatementOrderRow, share: OrderShare | undefined): StatementOrder {
  const { capCents: _cap, chargedCents: _charged, chargeFeeCents: _fee, ...asRead } = row;
  return {
    ...asRead,
    paidOnlineCents: share?.chargedCents ?? 0,
    refundedCents: share?.refundedCents ?? 0,
    commissionCents: share?.commissionCents ?? 0,
    feeCents: share?.feeCents ?? 0,
    netCents: share?.transferCents ?? 0,
  };
}
