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
