import { expect, test } from "vitest";
import { allocateCents } from "~/domain/payments/allocate-cents";
import { seeded } from "../../../tests/seeded-random";

test("10.00 € split in three equal parts: 3.34 + 3.33 + 3.33, the extra cent to the first key", () => {
  const parts = allocateCents(1000, [
    { key: "c", weight: 1 },
    { key: "a", weight: 1 },
    { key: "b", weight: 1 },
  ]);
  expect(Object.fromEntries(parts)).toEqual({ a: 334, b: 333, c: 333 });
});

test("a 0.27 € Stripe fee on a 30 € charge of 20 € and 10 €: 0.18 € and 0.09 €", () => {
  const parts = allocateCents(27, [
    { key: "fisher", weight: 2000 },
    { key: "farmer", weight: 1000 },
  ]);
  expect(Object.fromEntries(parts)).toEqual({ fisher: 18, farmer: 9 });
});

test("the left-over cents go to the largest fractional parts, whatever the input order", () => {
  const one = allocateCents(100, [
    { key: "x", weight: 1 },
    { key: "y", weight: 2 },
    { key: "z", weight: 4 },
  ]);
  const other = allocateCents(100, [
    { key: "z", weight: 4 },
    { key: "x", weight: 1 },
    { key: "y", weight: 2 },
  ]);
  // 14.29, 28.57, 57.14 → 14, 29, 57
  expect(Object.fromEntries(one)).toEqual({ x: 14, y: 29, z: 57 });
  expect(Object.fromEntries(other)).toEqual(Object.fromEntries(one));
});

test("2,000 random splits: the parts always add up to the amount, each within a cent of its exact share and never above its weight", () => {
  const random = seeded(11);
  for (let run = 0; run < 2000; run += 1) {
    const count = 1 + Math.floor(random() * 7);
    const parts = Array.from({ length: count }, (_, index) => ({ key: `p${index}`, weight: Math.floor(random() * 50_000) }));
    if (parts.every((part) => part.weight === 0)) parts[0]!.weight = 1;
    const totalWeight = parts.reduce((sum, part) => sum + part.weight, 0);
    const amount = Math.floor(random() * (totalWeight + 1));
    const result = allocateCents(amount, parts);
    expect([...result.values()].reduce((sum, cents) => sum + cents, 0)).toBe(amount);
    for (const part of parts) {
      const cents = result.get(part.key)!;
      const exact = (amount * part.weight) / totalWeight;
      expect(Math.abs(cents - exact)).toBeLessThan(1);
      expect(cents).toBeLessThanOrEqual(part.weight);
    }
  }
});

test("nothing to split gives zeros; an amount with nothing to split it by, a negative or fractional amount, or a key twice are refused", () => {
  expect(Object.fromEntries(allocateCents(0, [{ key: "a", weight: 0 }]))).toEqual({ a: 0 });
  expect(() => allocateCents(5, [{ key: "a", weight: 0 }])).toThrow(RangeError);
  expect(() => allocateCents(-1, [{ key: "a", weight: 1 }])).toThrow(RangeError);
  expect(() => allocateCents(1.5, [{ key: "a", weight: 1 }])).toThrow(RangeError);
  expect(() => allocateCents(1, [{ key: "a", weight: -1 }])).toThrow(RangeError);
  expect(() =>
    allocateCents(1, [
      { key: "a", weight: 1 },
      { key: "a", weight: 1 },
    ]),
  ).toThrow(RangeError);
});
