import { allocateCents, assertCents } from "~/domain/payments/allocate-cents";

/**
 * What each producer is paid of a distribution's card payments (decision 027).
 *
 * One order is one card charge; its lines belong to several producers. For each order and
 * producer:
 * - charged: what the customer was charged for that producer's lines (the cap for a line sold by
 *   weight, quantity × price otherwise), as the order's lines stand after any change before the
 *   cutoff;
 * - refunded: every refund given back to the customer for those lines (lighter weighing, a line
 *   refunded by the producer, a gesture spread by `refundAllocation`);
 * - kept = charged − refunded: what the customer finally paid for that producer's goods;
 * - commission = kept × commissionBp / 10 000, rounded DOWN to the cent (never more than the rate);
 * - fee: Stripe's fee on the order's charge is shared between its producers in proportion to what
 *   was charged for each (largest remainder: `allocateCents`), so a refund on one producer's line
 *   never moves another producer's fee; a producer never bears more fee than what is left to them
 *   after commission, and what they cannot bear — and the whole fee of an order with no line left,
 *   a cancelled one — is borne by the platform;
 * - transfer = kept − commission − fee: that order's part of the producer's one transfer for the
 *   distribution (`producers[].transferCents`, the sum over their orders).
 *
 * Every cent of every charge ends in exactly one place: refunded, commission, a producer's fee,
 * the platform's fee, or a transfer (tested with random distributions).
 */
export type ChargedLine = { orderId: string; producerId: string; chargedCents: number };
export type AttributedRefund = { orderId: string; producerId: string; amountCents: number };
export type ChargeFee = { orderId: string; feeCents: number };

export type OrderShare = {
  orderId: string;
  producerId: string;
  chargedCents: number;
  refundedCents: number;
  keptCents: number;
  commissionCents: number;
  feeCents: number;
  transferCents: number;
};

export type ProducerTotal = Omit<OrderShare, "orderId"> & { orders: number };

export type DistributionShares = {
  /** One per order and producer, in (order, producer) order: the statement's order lines. */
  orderShares: OrderShare[];
  /** One per producer, in producer order: each producer's one transfer for this distribution (when > 0). */
  producers: ProducerTotal[];
  platform: { commissionCents: number; feeCents: number };
  totals: { chargedCents: number; refundedCents: number; feeCents: number; transferCents: number };
};

export const MAX_COMMISSION_BP = 10_000;

export function assertCommissionBp(commissionBp: number): void {
  if (!Number.isInteger(commissionBp) || commissionBp < 0 || commissionBp > MAX_COMMISSION_BP) {
    throw new RangeError(`commissionBp must be a whole number of basis points between 0 and ${MAX_COMMISSION_BP} (got ${commissionBp})`);
  }
}

/** The commission on what a customer finally paid a producer, rounded down to the cent. */
export function commissionCents(keptCents: number, commissionBp: number): number {
  assertCents(keptCents, "keptCents");
  assertCommissionBp(commissionBp);
  return Math.floor((keptCents * commissionBp) / MAX_COMMISSION_BP);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function producerShares(input: {
  lines: ReadonlyArray<ChargedLine>;
  refunds: ReadonlyArray<AttributedRefund>;
  fees: ReadonlyArray<ChargeFee>;
  commissionBp: number;
}): DistributionShares {
  assertCommissionBp(input.commissionBp);

  // (order → producer → charged/refunded), built from the rows as the database gives them.
  const orders = new Map<string, Map<string, { charged: number; refunded: number }>>();
  for (const line of input.lines) {
    assertCents(line.chargedCents, "chargedCents");
    const parts = orders.get(line.orderId) ?? new Map<string, { charged: number; refunded: number }>();
    orders.set(line.orderId, parts);
    const part = parts.get(line.producerId) ?? { charged: 0, refunded: 0 };
    part.charged += line.chargedCents;
    parts.set(line.producerId, part);
  }
  for (const refund of input.refunds) {
    assertCents(refund.amountCents, "refund amountCents");
    const part = orders.get(refund.orderId)?.get(refund.producerId);
    if (!part) throw new RangeError(`a refund of order ${refund.orderId} names producer ${refund.producerId}, who has no line in it`);
    part.refunded += refund.amountCents;
    if (part.refunded > part.charged) throw new RangeError(`order ${refund.orderId}: producer ${refund.producerId} refunded ${part.refunded} of ${part.charged} charged`);
  }
  const feeByOrder = new Map<string, number>();
  for (const fee of input.fees) {
    assertCents(fee.feeCents, "feeCents");
    if (feeByOrder.has(fee.orderId)) throw new RangeError(`order ${fee.orderId}: one fee per charge, given twice`);
    feeByOrder.set(fee.orderId, fee.feeCents);
  }

  const orderShares: OrderShare[] = [];
  let platformFee = 0;
  for (const orderId of [...new Set([...orders.keys(), ...feeByOrder.keys()])].sort(compare)) {
    const parts = [...(orders.get(orderId) ?? new Map<string, { charged: number; refunded: number }>()).entries()].sort(([a], [b]) => compare(a, b));
    const fee = feeByOrder.get(orderId) ?? 0;
    const chargedTotal = parts.reduce((sum, [, part]) => sum + part.charged, 0);
    const feeParts = chargedTotal > 0 ? allocateCents(fee, parts.map(([producerId, part]) => ({ key: producerId, weight: part.charged }))) : new Map<string, number>();
    let borneByProducers = 0;
    for (const [producerId, part] of parts) {
      const keptCents = part.charged - part.refunded;
      const commission = commissionCents(keptCents, input.commissionBp);
      const feeCents = Math.min(feeParts.get(producerId) ?? 0, keptCents - commission);
      borneByProducers += feeCents;
      orderShares.push({
        orderId,
        producerId,
        chargedCents: part.charged,
        refundedCents: part.refunded,
        keptCents,
        commissionCents: commission,
        feeCents,
        transferCents: keptCents - commission - feeCents,
      });
    }
    platformFee += fee - borneByProducers;
  }

  const byProducer = new Map<string, ProducerTotal>();
  for (const share of orderShares) {
    const total = byProducer.get(share.producerId) ?? { producerId: share.producerId, orders: 0, chargedCents: 0, refundedCents: 0, keptCents: 0, commissionCents: 0, feeCents: 0, transferCents: 0 };
    total.orders += 1;
    total.chargedCents += share.chargedCents;
    total.refundedCents += share.refundedCents;
    total.keptCents += share.keptCents;
    total.commissionCents += share.commissionCents;
    total.feeCents += share.feeCents;
    total.transferCents += share.transferCents;
    byProducer.set(share.producerId, total);
  }
  const producers = [...byProducer.values()].sort((a, b) => compare(a.producerId, b.producerId));
  const sum = (pick: (share: OrderShare) => number) => orderShares.reduce((total, share) => total + pick(share), 0);
  return {
    orderShares,
    producers,
    platform: { commissionCents: sum((share) => share.commissionCents), feeCents: platformFee },
    totals: {
      chargedCents: sum((share) => share.chargedCents),
      refundedCents: sum((share) => share.refundedCents),
      feeCents: [...feeByOrder.values()].reduce((total, fee) => total + fee, 0),
      transferCents: sum((share) => share.transferCents),
    },
  };
}
