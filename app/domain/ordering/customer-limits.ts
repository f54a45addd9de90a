/**
 * What one customer may take of one distribution (decision 019), as pure rules. Stock and slot
 * places are shared by everyone: an account made in a second must not be able to hold them all
 * and cancel just before the cutoff.
 *
 * - At most MAX_OPEN_ORDERS_PER_DISTRIBUTION confirmed orders per customer and distribution:
 *   room for an order placed then a forgotten item, not for booking every slot place.
 * - Of each offer, at most its producer's "N per customer", or DEFAULT_MAX_PER_CUSTOMER units
 *   when the producer set none, over all the customer's confirmed orders of that distribution.
 */
export const MAX_OPEN_ORDERS_PER_DISTRIBUTION = 3;
export const DEFAULT_MAX_PER_CUSTOMER = 20;

export function maxPerCustomer(offer: { maxPerCustomer: number | null }): number {
  return offer.maxPerCustomer ?? DEFAULT_MAX_PER_CUSTOMER;
}

/** The most one customer may take of an offer, and whether its producer set it (shown as "N maximum par personne"). */
export function customerLimitOf(offer: { maxPerCustomer: number | null }): { max: number; setByProducer: boolean } {
  return { max: maxPerCustomer(offer), setByProducer: offer.maxPerCustomer !== null };
}

export type LimitRefusal =
  | { kind: "orders"; max: number }
  | { kind: "offer"; offerId: string; name: string; max: number; alreadyOrdered: number };

/** Why a new order may not be placed, or null: too many open orders, or too much of one offer. */
export function newOrderLimitRefusal(
  openOrders: number,
  lines: ReadonlyArray<{ offerId: string; name: string; quantity: number; maxPerCustomer: number | null; alreadyOrdered: number }>,
): LimitRefusal | null {
  if (openOrders >= MAX_OPEN_ORDERS_PER_DISTRIBUTION) return { kind: "orders", max: MAX_OPEN_ORDERS_PER_DISTRIBUTION };
  for (const line of lines) {
    const refusal = offerLimitRefusal(line);
    if (refusal) return refusal;
  }
  return null;
}

/** Why `quantity` more of one offer is too much when the customer's orders already hold `alreadyOrdered` (0 for a cart line), or null. */
export function offerLimitRefusal(line: { offerId: string; name: string; quantity: number; maxPerCustomer: number | null; alreadyOrdered: number }): LimitRefusal | null {
  const max = maxPerCustomer(line);
  return line.alreadyOrdered + line.quantity > max ? { kind: "offer", offerId: line.offerId, name: line.name, max, alreadyOrdered: line.alreadyOrdered } : null;
}

/** Why a line may not grow to `quantity` when the customer's orders already hold `alreadyOrdered` (this line included), or null. */
export function lineChangeLimitRefusal(line: { offerId: string; name: string; maxPerCustomer: number | null; currentQuantity: number; quantity: number; alreadyOrdered: number }): LimitRefusal | null {
  const max = maxPerCustomer(line);
  const others = line.alreadyOrdered - line.currentQuantity;
  if (line.quantity > line.currentQuantity && others + line.quantity > max) return { kind: "offer", offerId: line.offerId, name: line.name, max, alreadyOrdered: others };
  return null;
}
