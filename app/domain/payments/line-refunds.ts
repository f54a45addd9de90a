import { assertCents } from "~/domain/payments/allocate-cents";

/**
 * The producers' and admins' refunds of a card-paid order's lines (a missing item, a damaged one,
 * decision 027 §5) that still stand against the order as it is now: each line's refunds count up to
 * what the line can cost at most now (a line lowered below its refund, or removed, counts what is
 * left of it, or nothing — its refund never comes back as the customer's due), and a refund naming
 * no line counts in full.
 *
 * Before the cutoff, what the customer still owes for their order is its most (`amountAtMostCents`)
 * less these: comparing what they paid (charged − refunded) with the order's most alone counted a
 * producer's gesture as an advance on the customer's own changes — removing a 10 € line after a
 * 10 € line was refunded gave nothing back, and a 10 € increase was said to cost 20 €.
 */
export function standingLineRefundsCents(
  lines: ReadonlyArray<{ id: string; atMostCents: number }>,
  refunds: ReadonlyArray<{ orderLineId: string | null; amountCents: number }>,
): number {
  const byLine = new Map<string | null, number>();
  for (const refund of refunds) {
    assertCents(refund.amountCents, "amountCents");
    byLine.set(refund.orderLineId, (byLine.get(refund.orderLineId) ?? 0) + refund.amountCents);
  }
  let standing = byLine.get(null) ?? 0;
  for (const line of lines) standing += Math.min(line.atMostCents, byLine.get(line.id) ?? 0);
  return standing;
}
