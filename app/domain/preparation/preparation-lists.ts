import type { SaleUnit } from "~/domain/catalog/units";
import { lineAmountCents } from "~/domain/ordering/variable-weight";
import { stallMoney } from "~/domain/preparation/owed-back";

/**
 * The three lists a producer works from after the cutoff, built from one flat read of THEIR
 * order lines for one distribution (read-preparation.server.ts): cancelled orders and other
 * producers' lines never reach these functions, so a customer's name only appears here when the
 * order holds something this producer sells.
 */

export type HandoverStatus = "COLLECTED" | "NOT_COLLECTED";
export type PaymentMethod = "CASH" | "CHEQUE" | "CARD_TERMINAL";

/** One order line of this producer, with what its order says (repeated on each of its lines). */
export type PreparationRow = {
  orderId: string;
  orderNumber: number;
  customerName: string;
  slotStartsAt: Date;
  slotEndsAt: Date;
  lineId: string;
  offerId: string;
  productName: string;
  unit: SaleUnit;
  quantity: number;
  unitPriceCents: number;
  variableWeight: boolean;
  gramsPerUnit: number | null;
  capCents: number | null;
  weighedGrams: number | null;
  finalCents: number | null;
  /** Already paid but no longer due after a lighter weighing (decision 019); absent is 0. */
  owedBackCents?: number;
  handoverStatus: HandoverStatus | null;
  paidCashCents: number;
  paidChequeCents: number;
  paidCardCents: number;
  /** How the order is paid (decision 027 §9): ONLINE_CARD = « Carte bancaire en ligne »; absent is AT_PICKUP. */
  paymentMethod?: "AT_PICKUP" | "ONLINE_CARD";
  /** A card-paid order: refunds to the card for this producer's lines, the close's weighed-lighter one included (a reduction before the cutoff is already in the lines); absent is 0. */
  refundedOnlineCents?: number;
  /** Of which for lighter weighings (made at the close); absent is 0. */
  weighedRefundedCents?: number;
};

export type PickingItem = {
  offerId: string;
  productName: string;
  unit: SaleUnit;
  /** Units ordered in all (kg for a product sold by the kg). */
  quantity: number;
  orders: number;
  variableWeight: boolean;
  /** Sold by weight: what the orders add up to by estimate, and what the scale said so far. */
  estimatedGrams: number | null;
  weighedGrams: number | null;
  linesToWeigh: number;
};

export type PackingLine = {
  lineId: string;
  productName: string;
  unit: SaleUnit;
  quantity: number;
  unitPriceCents: number;
  variableWeight: boolean;
  estimatedGrams: number | null;
  weighedGrams: number | null;
  capCents: number | null;
  /** What the line costs now: weighed price once weighed, else quantity × price. */
  amountCents: number;
};

export type PackingOrder = {
  orderId: string;
  number: number;
  customerName: string;
  slot: { startsAt: Date; endsAt: Date };
  lines: PackingLine[];
};

export type PickupOrder = PackingOrder & {
  /** This producer's part of the order: weighed lines at their final price, others quantity × price. */
  dueCents: number;
  /** Taken at the stall (cash, cheque, the stall's card terminal). */
  paid: { cashCents: number; chequeCents: number; cardCents: number; totalCents: number };
  /**
   * Paid online (« Carte bancaire en ligne »), null for an order paid at pickup: charged for this
   * producer's lines (the cap of a line sold by weight), refunded to the card since, and the net.
   */
  online: { chargedCents: number; refundedCents: number; paidCents: number } | null;
  /** A card-paid part weighed lighter than charged: refunded to the card after the close, never given back at the stall. */
  refundAfterCloseCents: number;
  /**
   * What remains to pay at the stall, the online payment counted (`leftToPayAtStall`): usually 0 for
   * a card-paid order. Negative when more was taken at the stall than is due (a weighing lowered the
   * price after payment).
   */
  toPayCents: number;
  /** What the producer confirmed they will give back, recorded at the weighing (equals −toPayCents then). */
  owedBackCents: number;
  awaitingWeighing: boolean;
  handover: HandoverStatus | null;
};

/**
 * What the pickup card says of money after what was paid: the amount owed back after a lighter
 * weighing, said alone with its reason when it is the whole overpayment (two lines of the same
 * amount read as two sums to give back); otherwise what is left to pay or to refund, with the
 * amount owed back beside it when there is one.
 */
export type PickupSettlement = { balance: { kind: "toPay" | "toRefund"; cents: number } | null; owedBackCents: number };

export function pickupSettlement(order: Pick<PickupOrder, "toPayCents" | "owedBackCents">): PickupSettlement {
  if (order.owedBackCents > 0 && order.toPayCents === -order.owedBackCents) return { balance: null, owedBackCents: order.owedBackCents };
  return { balance: { kind: order.toPayCents < 0 ? "toRefund" : "toPay", cents: Math.abs(order.toPayCents) }, owedBackCents: order.owedBackCents };
}

export type PickupSheet = {
  orders: PickupOrder[];
  totals: { orders: number; dueCents: number; paidCents: number; toPayCents: number; collected: number; notCollected: number };
};

const names = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

function estimateOf(row: Pick<PreparationRow, "variableWeight" | "gramsPerUnit" | "quantity">): number | null {
  return row.variableWeight && row.gramsPerUnit !== null ? row.gramsPerUnit * row.quantity : null;
}

/** "À préparer": the total quantity of each product, the estimate and what is weighed for weighed ones. */
export function buildPickingList(rows: readonly PreparationRow[]): PickingItem[] {
  const byOffer = new Map<string, PickingItem & { orderIds: Set<string> }>();
  for (const row of rows) {
    let item = byOffer.get(row.offerId);
    if (!item) {
      item = {
        offerId: row.offerId,
        productName: row.productName,
        unit: row.unit,
        quantity: 0,
        orders: 0,
        variableWeight: row.variableWeight,
        estimatedGrams: row.variableWeight ? 0 : null,
        weighedGrams: row.variableWeight ? 0 : null,
        linesToWeigh: 0,
        orderIds: new Set(),
      };
      byOffer.set(row.offerId, item);
    }
    item.quantity += row.quantity;
    item.orderIds.add(row.orderId);
    const estimate = estimateOf(row);
    if (item.estimatedGrams !== null && estimate !== null) item.estimatedGrams += estimate;
    if (item.weighedGrams !== null && row.weighedGrams !== null) item.weighedGrams += row.weighedGrams;
    if (row.variableWeight && row.weighedGrams === null) item.linesToWeigh += 1;
  }
  return [...byOffer.values()]
    .map(({ orderIds, ...item }) => ({ ...item, orders: orderIds.size }))
    .sort((a, b) => names.compare(a.productName, b.productName) || a.offerId.localeCompare(b.offerId));
}

function packingLine(row: PreparationRow): PackingLine {
  return {
    lineId: row.lineId,
    productName: row.productName,
    unit: row.unit,
    quantity: row.quantity,
    unitPriceCents: row.unitPriceCents,
    variableWeight: row.variableWeight,
    estimatedGrams: estimateOf(row),
    weighedGrams: row.weighedGrams,
    capCents: row.capCents,
    amountCents: lineAmountCents(row),
  };
}

function byPickupOrder(a: PackingOrder, b: PackingOrder): number {
  return a.slot.startsAt.getTime() - b.slot.startsAt.getTime() || names.compare(a.customerName, b.customerName) || a.number - b.number;
}

/** Groups the rows by order, keeping the first row of each order as its header. */
function groupByOrder(rows: readonly PreparationRow[]): Array<{ first: PreparationRow; rows: PreparationRow[] }> {
  const byOrder = new Map<string, { first: PreparationRow; rows: PreparationRow[] }>();
  for (const row of rows) {
    const group = byOrder.get(row.orderId);
    if (group) group.rows.push(row);
    else byOrder.set(row.orderId, { first: row, rows: [row] });
  }
  return [...byOrder.values()];
}

function packingOrder(first: PreparationRow, rows: readonly PreparationRow[]): PackingOrder {
  return {
    orderId: first.orderId,
    number: first.orderNumber,
    customerName: first.customerName,
    slot: { startsAt: first.slotStartsAt, endsAt: first.slotEndsAt },
    lines: rows.map(packingLine).sort((a, b) => names.compare(a.productName, b.productName) || a.lineId.localeCompare(b.lineId)),
  };
}

/** "Par client": each order with this producer's lines, by slot then customer name. */
export function buildPackingList(rows: readonly PreparationRow[]): PackingOrder[] {
  return groupByOrder(rows)
    .map(({ first, rows: lines }) => packingOrder(first, lines))
    .sort(byPickupOrder);
}

/** "Feuille de retrait": what to hand over to whom, what is due for this producer's part, what is paid. */
export function buildPickupSheet(rows: readonly PreparationRow[]): PickupSheet {
  const orders = groupByOrder(rows)
    .map(({ first, rows: lines }): PickupOrder => {
      const packing = packingOrder(first, lines);
      const dueCents = packing.lines.reduce((sum, line) => sum + line.amountCents, 0);
      const online =
        first.paymentMethod === "ONLINE_CARD"
          ? (() => {
              const chargedCents = lines.reduce((sum, line) => sum + (line.capCents ?? line.quantity * line.unitPriceCents), 0);
              const refundedCents = Math.min(chargedCents, first.refundedOnlineCents ?? 0);
              return { chargedCents, refundedCents, paidCents: chargedCents - refundedCents };
            })()
          : null;
      const paid = {
        cashCents: first.paidCashCents,
        chequeCents: first.paidChequeCents,
        cardCents: first.paidCardCents,
        totalCents: first.paidCashCents + first.paidChequeCents + first.paidCardCents,
      };
      return {
        ...packing,
        dueCents,
        paid,
        online,
        ...(() => {
          const stall = stallMoney({ dueCents, paidOnlineCents: online?.chargedCents ?? 0, weighedRefundedCents: Math.min(online?.chargedCents ?? 0, first.weighedRefundedCents ?? 0), paidAtStallCents: paid.totalCents });
          return { toPayCents: stall.leftCents, refundAfterCloseCents: stall.refundAfterCloseCents };
        })(),
        owedBackCents: lines.reduce((sum, line) => sum + (line.owedBackCents ?? 0), 0),
        awaitingWeighing: packing.lines.some((line) => line.variableWeight && line.weighedGrams === null),
        handover: first.handoverStatus,
      };
    })
    .sort(byPickupOrder);
  const totals = { orders: orders.length, dueCents: 0, paidCents: 0, toPayCents: 0, collected: 0, notCollected: 0 };
  for (const order of orders) {
    totals.dueCents += order.dueCents;
    totals.paidCents += order.paid.totalCents;
    totals.toPayCents += order.toPayCents;
    if (order.handover === "COLLECTED") totals.collected += 1;
    if (order.handover === "NOT_COLLECTED") totals.notCollected += 1;
  }
  return { orders, totals };
}
