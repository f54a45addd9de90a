/**
 * How failed logins slow the next tries (decision 014). Only failures count. Within a window,
 * the first `freeFailures` cost nothing; each failure after them earns a wait that doubles, up
 * to a ceiling: an attacker is slowed to a few guesses an hour, a person who mistyped twice
 * never notices. The owner is never locked out: from a browser where they logged in before, the
 * right password passes whatever these counters say.
 */
export type ThrottleRule = {
  /** Failures in a window that earn no wait. */
  freeFailures: number;
  /** The wait after the first failure beyond the free ones; it doubles with each further one. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** The count starts again from zero this long after the window's first failure. */
  windowSeconds: number;
};

const MINUTE = 60;
const HOUR = 3600;

/** One account from one address: the ordinary guesser. */
export const PER_ACCOUNT_AND_ADDRESS: ThrottleRule = { freeFailures: 5, firstDelaySeconds: MINUTE, maxDelaySeconds: HOUR, windowSeconds: 24 * HOUR };
/** One account from anywhere: guesses spread over many addresses. */
export const PER_ACCOUNT: ThrottleRule = { freeFailures: 10, firstDelaySeconds: MINUTE, maxDelaySeconds: HOUR, windowSeconds: 24 * HOUR };
/**
 * One address over every account: credential stuffing. Generous, and forgotten within the hour,
 * because a market's wifi or a phone operator's shared address holds many honest people.
 */
export const PER_ADDRESS: ThrottleRule = { freeFailures: 30, firstDelaySeconds: MINUTE, maxDelaySeconds: 15 * MINUTE, windowSeconds: HOUR };

/** Wrong passwords in a row from a known browser before it is treated as unknown again. */
export const KNOWN_DEVICE_MAX_FAILURES = 5;
/** A browser stays known this long after its last successful login. */
export const KNOWN_DEVICE_DAYS = 365;

/** The wait earned once a window holds `failures` failures (counting the one being made). */
export function delayAfterFailures(failures: number, rule: ThrottleRule): number {
  if (failures < rule.freeFailures) return 0;
  const doublings = failures - rule.freeFailures;
  // 2^doublings overflows nothing before the ceiling is reached: cap the exponent first.
  if (doublings >= 31) return rule.maxDelaySeconds;
  return Math.min(rule.firstDelaySeconds * 2 ** doublings, rule.maxDelaySeconds);
}

export type ThrottleKey = { key: string; rule: ThrottleRule };

/**
 * The counters a login attempt touches, in a fixed order (rows are locked in this order, so two
 * attempts never wait on each other crosswise).
 */
export function loginThrottleKeys(email: string, clientAddress: string): ThrottleKey[] {
  const keys = [
    { key: `login:account:${email}`, rule: PER_ACCOUNT },
    { key: accountAtAddressKey(email, clientAddress), rule: PER_ACCOUNT_AND_ADDRESS },
    { key: `login:address:${clientAddress}`, rule: PER_ADDRESS },
  ];
  return keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The counter of one account at one address: wiped when that address proves the password. */
export function accountAtAddressKey(email: string, clientAddress: string): string {
  return `login:account-address:${email}|${clientAddress}`;
}
