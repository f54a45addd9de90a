import { allocateCents } from "~/domain/payments/allocate-cents";
import { producerShares, type AttributedRefund, type ChargedLine, type DistributionShares } from "~/domain/payments/producer-shares";
import { refundAllocation, weighedRefund } from "~/domain/payments/refund-rules";

/**
 * From a distribution's rows to what each producer is paid (decision 027 §2, §5, §6): the pure
 * part of the close and of a reversal after a late refund. The rows are read by
 * close-distribution.server.ts / plan-reversals.server.ts; the rules are `producerShares`,
 * `weighedRefund` and `refundAllocation`.
 */

export type CloseLine = {
  /** The line's id (a producer's or admin's refund may name it). */
  id?: string;
  orderId: string;
  producerId: string;
  quantity: number;
  unitPriceCents: number;
  /** Sold by weight: the most the line can cost, agreed at order (what the card was charged for it). */
  capCents: number | null;
  /** Sold by weight and weighed: what it costs. */
  finalCents: number | null;
};

/** A refund of the distribution; one with status FAILED gave nothing back and counts in no share (as in CardPayment.refundedCents). */
export type CloseRefund = { orderId: string; producerId: string | null; amountCents: number; reason: string; status?: string; orderLineId?: string | null };

/** A card order's one charge: what was charged (the cap of the order) and Stripe's fee on it. */
export type ClosePayment = { orderId: string; amountCents: number; feeCents: number | null };

/** What the card was charged for a line: the cap of a line sold by weight, quantity × price otherwise. */
export function chargedForLine(line: Pick<CloseLine, "quantity" | "unitPriceCents" | "capCents">): number {
  return line.capCents ?? line.quantity * line.unitPriceCents;
}

/**
 * The weighed-lighter refund of each order (one refund per order, §2, §5): the sum over its
 * weighed lines of cap − final, less what was already refunded on that line (not FAILED), and the
 * part of it for each producer. Orders with nothing to refund are absent.
 */
export function weighedLighterRefunds(lines: readonly CloseLine[], refunds: readonly CloseRefund[] = []): Map<string, { amountCents: number; byProducer: Map<string, number> }> {
  // What the producer or an admin already gave back on a line (a damaged shell, a missing fish)
  // comes off its weighed refund: a line is never refunded more than it was charged.
  const refundedOnLine = new Map<string, number>();
  for (const refund of refunds) {
    if (!refund.orderLineId || refund.status === "FAILED" || refund.reason === "WEIGHED_LIGHTER") continue;
    refundedOnLine.set(refund.orderLineId, (refundedOnLine.get(refund.orderLineId) ?? 0) + refund.amountCents);
  }
  const byOrder = new Map<string, { amountCents: number; byProducer: Map<string, number> }>();
  for (const line of lines) {
    if (line.capCents === null || line.finalCents === null) continue;
    const cents = Math.max(0, weighedRefund(line.capCents, line.finalCents) - (line.id ? refundedOnLine.get(line.id) ?? 0 : 0));
    if (cents === 0) continue;
    const order = byOrder.get(line.orderId) ?? { amountCents: 0, byProducer: new Map<string, number>() };
    order.amountCents += cents;
    order.byProducer.set(line.producerId, (order.byProducer.get(line.producerId) ?? 0) + cents);
    byOrder.set(line.orderId, order);
  }
  return byOrder;
}

/**
 * Every producer's share of a distribution's card orders.
 *
 * Per order and producer, charged = their lines as they stand, charged at the cap (a line lowered
 * before the cutoff is already lower) + the ORDER_REDUCED refunds that name them; when that does
 * not add up to the order's charge (a reduction that named no producer), the charge is spread over
 * the producers by what their lines were charged, the gap counted as refunded.
 *
 * Refunds: one naming a producer of the order is theirs; a WEIGHED_LIGHTER refund naming none is
 * attributed by each producer's lighter lines (cap − final); any other naming none is spread by
 * `refundAllocation` over what each producer still keeps, in the order given. An ORDER_REDUCED
 * refund naming no producer is the gap above, counted once.
 */
export function distributionShares(input: {
  lines: readonly CloseLine[];
  refunds: readonly CloseRefund[];
  payments: readonly ClosePayment[];
  commissionBp: number;
}): DistributionShares {
  const linesByOrder = groupBy(input.lines, (line) => line.orderId);
  // A refund Stripe refused gave nothing back: it counts nowhere, like the payment's refunded sum (markRefundFailed).
  const refundsByOrder = groupBy(input.refunds.filter((refund) => refund.status !== "FAILED"), (refund) => refund.orderId);
  const weighed = weighedLighterRefunds(input.lines);
  const charged: ChargedLine[] = [];
  const refunds: AttributedRefund[] = [];

  for (const payment of input.payments) {
    const lines = linesByOrder.get(payment.orderId) ?? [];
    const orderRefunds = refundsByOrder.get(payment.orderId) ?? [];
    const byProducer = new Map<string, { charged: number; refunded: number }>();
    const part = (producerId: string) => {
      const found = byProducer.get(producerId) ?? { charged: 0, refunded: 0 };
      byProducer.set(producerId, found);
      return found;
    };
    for (const line of lines) part(line.producerId).charged += chargedForLine(line);
    for (const refund of orderRefunds) {
      if (refund.reason === "ORDER_REDUCED" && refund.producerId !== null && byProducer.has(refund.producerId)) {
        part(refund.producerId).charged += refund.amountCents;
        part(refund.producerId).refunded += refund.amountCents;
      }
    }
    if (byProducer.size === 0) {
      // No line at all: nothing to share; the fee stays the platform's (producerShares counts it).
      continue;
    }
    const sum = [...byProducer.values()].reduce((total, one) => total + one.charged, 0);
    if (sum !== payment.amountCents) {
      // The order's charge is the truth: spread it by what each producer's lines were charged.
      const spread = allocateCents(payment.amountCents, [...byProducer.entries()].map(([key, one]) => ({ key, weight: Math.max(one.charged, 0) })));
      for (const [producerId, one] of byProducer) {
        const cents = spread.get(producerId) ?? 0;
        if (cents > one.charged) one.refunded += cents - one.charged;
        one.charged = cents;
        one.refunded = Math.min(one.refunded, one.charged);
      }
    }

    const unattributed: CloseRefund[] = [];
    for (const refund of orderRefunds) {
      // A reduction is already in the charge above: naming its producer, or, naming none, in the gap between the charge and the lines.
      if (refund.reason === "ORDER_REDUCED") continue;
      if (refund.producerId !== null && byProducer.has(refund.producerId)) {
        const one = part(refund.producerId);
        one.refunded = Math.min(one.charged, one.refunded + refund.amountCents);
      } else {
        unattributed.push(refund);
      }
    }
    for (const refund of unattributed) {
      const lighter = weighed.get(payment.orderId);
      const kept = [...byProducer.entries()].map(([producerId, one]) => ({ producerId, keptCents: one.charged - one.refunded }));
      const keptTotal = kept.reduce((total, one) => total + one.keptCents, 0);
      const amount = Math.min(refund.amountCents, keptTotal);
      let split: Map<string, number>;
      if (refund.reason === "WEIGHED_LIGHTER" && lighter && lighter.amountCents === amount && [...lighter.byProducer].every(([producerId, cents]) => (kept.find((one) => one.producerId === producerId)?.keptCents ?? 0) >= cents)) {
        split = lighter.byProducer;
      } else {
        split = refundAllocation(amount, kept);
      }
      for (const [producerId, cents] of split) part(producerId).refunded += cents;
    }

    for (const [producerId, one] of byProducer) {
      charged.push({ orderId: payment.orderId, producerId, chargedCents: one.charged });
      if (one.refunded > 0) refunds.push({ orderId: payment.orderId, producerId, amountCents: one.refunded });
    }
  }

  return producerShares({
    lines: charged,
    refunds,
    fees: input.payments.map((payment) => ({ orderId: payment.orderId, feeCents: payment.feeCents ?? 0 })),
    commissionBp: input.commissionBp,
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
