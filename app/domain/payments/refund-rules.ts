import { allocateCents, assertCents } from "~/domain/payments/allocate-cents";

/**
 * The refunds of a card-paid order (decision 027). A card order is charged at order time the most
 * it can cost — the cap agreed for each line sold by weight — and every later difference is given
 * back by a refund; a customer is never charged twice nor more than the cap.
 */

/** A line sold by weight was charged its cap; once weighed, the customer gets back cap − final. */
export function weighedRefund(capCents: number, finalCents: number): number {
  assertCents(capCents, "capCents");
  assertCents(finalCents, "finalCents");
  if (finalCents > capCents) throw new RangeError(`a weighed line never costs more than its cap (final ${finalCents} > cap ${capCents})`);
  return capCents - finalCents;
}

/**
 * A card order changed before the cutoff. Smaller (or as large): the difference is refunded.
 * Larger than what the customer has paid: refused — the customer places a second order for the
 * extra (decision 027: an order is paid by exactly one charge, never topped up).
 * `newAtMostCents` is what the changed order can cost at most (`amountAtMostCents`: caps for
 * lines sold by weight).
 */
export type CardOrderChange = { kind: "unchanged" } | { kind: "refund"; refundCents: number } | { kind: "refused"; extraCents: number };

export function cardOrderChange(order: { chargedCents: number; refundedCents: number; newAtMostCents: number }): CardOrderChange {
  assertCents(order.chargedCents, "chargedCents");
  assertCents(order.refundedCents, "refundedCents");
  assertCents(order.newAtMostCents, "newAtMostCents");
  if (order.refundedCents > order.chargedCents) throw new RangeError("refunded more than was charged");
  const paidCents = order.chargedCents - order.refundedCents;
  if (order.newAtMostCents > paidCents) return { kind: "refused", extraCents: order.newAtMostCents - paidCents };
  if (order.newAtMostCents < paidCents) return { kind: "refund", refundCents: paidCents - order.newAtMostCents };
  return { kind: "unchanged" };
}

/**
 * A refund of part of an order that names no line (an admin's gesture after the money is final)
 * is spread over the order's producers in proportion to what each still keeps of it, so each
 * producer's share — and transfer — shrinks by their part. The parts add up to the refund exactly
 * (`allocateCents`), none exceeds what that producer keeps, and a refund larger than what the
 * order still holds is refused.
 */
export function refundAllocation(refundCents: number, parts: ReadonlyArray<{ producerId: string; keptCents: number }>): Map<string, number> {
  assertCents(refundCents, "refundCents");
  const keptCents = parts.reduce((sum, part) => sum + part.keptCents, 0);
  if (refundCents > keptCents) throw new RangeError(`a refund of ${refundCents} exceeds the ${keptCents} the order still holds`);
  return allocateCents(
    refundCents,
    parts.map((part) => ({ key: part.producerId, weight: part.keptCents })),
  );
}

/**
 * A refund after a producer's transfer was made: the transfer is reversed by what it now exceeds
 * the producer's share (`producerShares` computed again with the refund). A refund only ever
 * lowers a share, so a share above what was transferred is a fault, not a top-up.
 */
export function reversalAfterRefund(transfer: { transferredCents: number; reversedCents: number; nowDueCents: number }): number {
  assertCents(transfer.transferredCents, "transferredCents");
  assertCents(transfer.reversedCents, "reversedCents");
  assertCents(transfer.nowDueCents, "nowDueCents");
  const standing = transfer.transferredCents - transfer.reversedCents;
  if (standing < 0) throw new RangeError("reversed more than was transferred");
  if (transfer.nowDueCents > standing) throw new RangeError(`a refund never raises a share (due ${transfer.nowDueCents} > transferred ${standing})`);
  return standing - transfer.nowDueCents;
}

/**
 * What remains to pay at the stall for a producer's part of an order (the pickup sheet): what the
 * part costs, less what was paid online for it (net of its refunds) and at the stall. Negative
 * means owed back. A stall payment above what remains is refused by the caller.
 */
export function leftToPayAtStall(part: { dueCents: number; paidOnlineCents: number; refundedOnlineCents: number; paidAtStallCents: number }): number {
  assertCents(part.dueCents, "dueCents");
  assertCents(part.paidOnlineCents, "paidOnlineCents");
  assertCents(part.refundedOnlineCents, "refundedOnlineCents");
  assertCents(part.paidAtStallCents, "paidAtStallCents");
  if (part.refundedOnlineCents > part.paidOnlineCents) throw new RangeError("refunded more than was paid online");
  return part.dueCents - (part.paidOnlineCents - part.refundedOnlineCents) - part.paidAtStallCents;
}
