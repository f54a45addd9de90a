import { leftToPayAtStall } from "~/domain/payments/refund-rules";

/**
 * What a customer is owed back after a weighing (decision 019): what they already paid beyond
 * what their part of the order now costs. A weighing that makes this grow is recorded only once
 * the producer has confirmed that exact amount (they saw it and will give it back); one that
 * makes it shrink or stay needs no confirmation.
 */
export type OwedBackDecision = { kind: "record"; owedBackCents: number } | { kind: "confirm"; owedBackCents: number };

export function owedBackAfterWeighing(part: { dueCents: number; paidCents: number; recordedOwedBackCents: number; acceptedOwedBackCents?: number }): OwedBackDecision {
  const owedBackCents = Math.max(0, part.paidCents - part.dueCents);
  if (owedBackCents > part.recordedOwedBackCents && part.acceptedOwedBackCents !== owedBackCents) return { kind: "confirm", owedBackCents };
  return { kind: "record", owedBackCents };
}

/**
 * What the stall asks of one producer's part of an order, the online payment counted (decision
 * 027 §9, `leftToPayAtStall`). A card-paid part was charged at order what it can cost at most, so
 * the stall usually has nothing to take; and when a lighter weighing makes it cost less than was
 * charged, nothing is given back at the stall either: the difference is refunded to the card at
 * the close (`refundAfterCloseCents`) — giving it back at the stall too would pay the customer
 * back twice. A part paid at pickup is as before: due = what it costs.
 */
export type StallPart = { dueCents: number; paidOnlineCents: number; weighedRefundedCents: number; paidAtStallCents: number };

export function stallMoney(part: StallPart): { dueAtStallCents: number; leftCents: number; refundAfterCloseCents: number } {
  const left = leftToPayAtStall({ dueCents: part.dueCents, paidOnlineCents: part.paidOnlineCents, refundedOnlineCents: part.weighedRefundedCents, paidAtStallCents: 0 });
  const dueAtStallCents = Math.max(0, left);
  const refundAfterCloseCents = part.paidOnlineCents > 0 ? Math.max(0, -left) : 0;
  return { dueAtStallCents, leftCents: dueAtStallCents - part.paidAtStallCents, refundAfterCloseCents };
}
