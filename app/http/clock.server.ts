/**
 * The one place routes read the time. Use cases never call `new Date()` themselves: they take
 * `now`, which is how the cutoff tests inject a clock.
 */
export function now(): Date {
  return new Date();
}
