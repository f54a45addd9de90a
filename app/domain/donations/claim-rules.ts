/**
 * What a charity may still do with one of its claims, pure: cancel a reservation (the same rule
 * guards the write, cancelClaim's `status = 'RESERVED' AND "pickupEnd" > now`), collect it, and,
 * as a workshop, process the kilos of a collected raw claim (publishProcessedLot checks it again
 * under the claim's row lock).
 */

type ClaimFacts = { status: "reserved" | "collected" | "missed" | "cancelled"; pickupStart: Date; pickupEnd: Date };

/** A reservation may be cancelled — and is still to be collected — until its pickup window ends. */
export function isCancellable(claim: Pick<ClaimFacts, "status" | "pickupEnd">, at: Date): boolean {
  return claim.status === "reserved" && claim.pickupEnd.getTime() > at.getTime();
}

/** Soonest pickup first: the order a charity reads its reservations in. */
export function byPickupStart(a: Pick<ClaimFacts, "pickupStart">, b: Pick<ClaimFacts, "pickupStart">): number {
  return a.pickupStart.getTime() - b.pickupStart.getTime();
}

/** The pickups still ahead of a charity at an instant, soonest first. */
export function upcomingPickups<Claim extends ClaimFacts>(claims: readonly Claim[], at: Date): Claim[] {
  return claims.filter((claim) => isCancellable(claim, at)).sort(byPickupStart);
}

/**
 * The kilos of a workshop's collected raw claim not yet made into processed lots, in thousandths;
 * null when the raw claim is not counted in kilos (pieces or litres are not capped).
 */
export function kilosLeftToProcess(source: { unit: string; quantityMilli: number; processedMilli: number }): number | null {
  return source.unit === "KG" ? Math.max(0, source.quantityMilli - source.processedMilli) : null;
}
