/**
 * Splitting an amount of cents between parties in proportion to weights, so that the parts add
 * up to the amount exactly: never a cent lost or made up (decision 027).
 *
 * Rule (largest remainder): each part is first rounded down; the cents left over — fewer than the
 * number of parties — go one each to the parties whose exact share had the largest fractional
 * part, ties to the earlier key in code-point order, so the result never depends on the order of
 * the input. A part never exceeds its weight when the amount does not exceed the total weight.
 */
export type Weighted<K extends string = string> = { key: K; weight: number };

export function allocateCents<K extends string>(amountCents: number, parts: ReadonlyArray<Weighted<K>>): Map<K, number> {
  assertCents(amountCents, "amountCents");
  const keys = new Set<K>();
  for (const part of parts) {
    assertCents(part.weight, `weight of ${part.key}`);
    if (keys.has(part.key)) throw new RangeError(`allocateCents: key ${part.key} given twice`);
    keys.add(part.key);
  }
  const totalWeight = parts.reduce((sum, part) => sum + part.weight, 0);
  const result = new Map<K, number>(parts.map((part) => [part.key, 0]));
  if (amountCents === 0) return result;
  if (totalWeight === 0) throw new RangeError("allocateCents: nothing to allocate against (every weight is 0)");

  // Integer arithmetic only, so remainders compare exactly: amount × weight stays a safe integer
  // for any amount this business sees (100,000 € × 100,000 € is 10^14 < 2^53); beyond, it refuses.
  const floors = parts.map((part) => {
    const product = amountCents * part.weight;
    if (!Number.isSafeInteger(product)) throw new RangeError("allocateCents: amounts too large to split exactly");
    return { key: part.key, cents: Math.floor(product / totalWeight), remainder: product % totalWeight };
  });
  let left = amountCents - floors.reduce((sum, part) => sum + part.cents, 0);
  const byRemainder = [...floors].sort((a, b) => b.remainder - a.remainder || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const part of byRemainder) {
    if (left === 0) break;
    part.cents += 1;
    left -= 1;
  }
  for (const part of floors) result.set(part.key, part.cents);
  return result;
}

/** Money is integer cents, never negative where this is called (product.md, decision 003). */
export function assertCents(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole, non-negative number of cents (got ${value})`);
}
