import type { MessageKey } from "~/i18n/messages";
import { parisDateTime } from "~/domain/time/paris";

/**
 * The donation rules of product.md, pure: no database, `now` always passed in. Publishing,
 * claiming and the hand-over each ask their own question and get back every rule the lot (or the
 * claim) breaks, with a message that names the rule.
 */

export type LotFacts = {
  storage: "AMBIENT" | "CHILLED" | "FROZEN";
  /** Use-by date (DLC), "YYYY-MM-DD": fit to eat until the end of that day in Paris. */
  useBy: string | null;
  /** Best-before date (DDM), "YYYY-MM-DD". Never both with useBy. */
  bestBefore: string | null;
  rawFishery: boolean;
  categoryId: string | null;
  /**
   * Thousandths of the unit. At publication: the lot's quantity. At claim time: what can still be
   * claimed (quantityMilli − claimedMilli of the row) — the minimum-quantity exception and
   * matchesCharity read it that way.
   */
  quantityMilli: number;
  pickupStart: Date;
  pickupEnd: Date;
  /** The donor states the lot is kept at −18 °C or below (required for FROZEN lots). */
  frozenAtMinus18: boolean;
};

export type CharityFacts = {
  storesAmbient: boolean;
  storesChilled: boolean;
  storesFrozen: boolean;
  /** Empty = accepts every category. */
  acceptedCategoryIds: readonly string[];
  minQuantityMilli: number | null;
  maxQuantityMilli: number | null;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  collectionWeekdays: readonly number[];
  /** Paris wall-clock "HH:MM". A `collectionTo` at or before `collectionFrom` runs past midnight. */
  collectionFrom: string;
  collectionTo: string;
  redistributesSameDay: boolean;
  approvedRawFishery: boolean;
};

export type RuleBreach = {
  rule: "use_by_48h" | "raw_fishery" | "frozen_statement" | "storage" | "category" | "quantity" | "collection_hours" | "dates" | "window";
  messageKey: MessageKey;
  params?: Record<string, string | number>;
};

/** Hours a chilled product with a use-by date must still have when a charity takes it. */
export const USE_BY_MIN_HOURS = 48;
/** Longest pickup window a donor may offer. */
export const MAX_PICKUP_WINDOW_DAYS = 14;
/** Within the last this-many days of its use-by date a donation counts half (product.md). */
export const REDUCED_VALUE_LAST_DAYS = 3;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR_MINUTE = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** True for a "YYYY-MM-DD" that exists on the calendar (2026-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  return dayNumber(value) !== null;
}

/** Days since 1970-01-01 of a calendar date, or null when it is not one. */
function dayNumber(isoDate: string): number | null {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, day);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return utc / DAY_MS;
}

function isoDateOfDayNumber(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

function requireDayNumber(isoDate: string): number {
  const days = dayNumber(isoDate);
  if (days === null) throw new Error(`Date invalide : ${isoDate}`);
  return days;
}

/**
 * A use-by date D means fit to eat until the end of D in Paris: the deadline is the instant of
 * D+1 00:00 Paris (midnight always exists there: the clocks change at 02:00 and 03:00).
 */
export function useByDeadline(useBy: string): Date {
  return parisDateTime(isoDateOfDayNumber(requireDayNumber(useBy) + 1), "00:00");
}

/**
 * Real elapsed hours (not wall-clock) from `at` to the use-by deadline; negative once past.
 * Across the spring change a Saturday 18:00 → Tuesday 00:00 span is 53 h, not 54.
 */
export function hoursLeftAt(useBy: string, at: Date): number {
  return (useByDeadline(useBy).getTime() - at.getTime()) / HOUR_MS;
}

/** The instant a lot stops being claimable: the end of its window, or its use-by deadline if sooner. */
export function lotClaimableUntil(lot: Pick<LotFacts, "useBy" | "pickupEnd">): Date {
  if (lot.useBy === null || !isCalendarDate(lot.useBy)) return lot.pickupEnd;
  const deadline = useByDeadline(lot.useBy);
  return deadline.getTime() < lot.pickupEnd.getTime() ? deadline : lot.pickupEnd;
}

function isValidInstant(value: Date): boolean {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** "2026-12-01" → "01/12/2026": reads the same in French and British English. */
function dayMonthYear(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}/${month}/${year}`;
}

function roundedDownHours(hours: number): number {
  return Math.max(0, Math.floor(hours));
}

function unitsOf(milli: number): number {
  return milli / 1000;
}

/**
 * Date facts every stage needs: the two dates are not both given, exist on the calendar, and the
 * pickup instants are real instants. Later rules read the dates only when this is empty.
 */
function dateBreaches(lot: LotFacts): RuleBreach[] {
  const breaches: RuleBreach[] = [];
  if (lot.useBy !== null && lot.bestBefore !== null) breaches.push({ rule: "dates", messageKey: "donations.rule.dates.both" });
  if (lot.useBy !== null && !isCalendarDate(lot.useBy)) breaches.push({ rule: "dates", messageKey: "donations.rule.dates.use_by_invalid" });
  if (lot.bestBefore !== null && !isCalendarDate(lot.bestBefore)) breaches.push({ rule: "dates", messageKey: "donations.rule.dates.best_before_invalid" });
  if (!isValidInstant(lot.pickupStart) || !isValidInstant(lot.pickupEnd)) breaches.push({ rule: "dates", messageKey: "donations.rule.dates.pickup_invalid" });
  return breaches;
}

function useByPassedBreach(useBy: string): RuleBreach {
  return { rule: "dates", messageKey: "donations.rule.use_by_passed", params: { useBy: dayMonthYear(useBy) } };
}

/**
 * Rules checked when a donor publishes a lot.
 *
 * The 48 h rule is NOT applied here: product.md asks for 48 h left "when the charity takes it,
 * unless that charity redistributes the same day", so a chilled lot with only a day left is still
 * worth publishing for same-day charities. It is applied per charity at claim (claimBreaches)
 * and at the hand-over (pickupBreaches). What publishing does refuse is a use-by deadline before
 * the end of the pickup window, whatever the storage: nothing past its date is ever given.
 */
export function lotPublicationBreaches(lot: LotFacts, now: Date): RuleBreach[] {
  const breaches = dateBreaches(lot);
  const datesReadable = breaches.length === 0;

  if (datesReadable) {
    const start = lot.pickupStart.getTime();
    const end = lot.pickupEnd.getTime();
    if (end <= start) {
      breaches.push({ rule: "window", messageKey: "donations.rule.window.end_before_start" });
    } else if (end - start > MAX_PICKUP_WINDOW_DAYS * DAY_MS) {
      breaches.push({ rule: "window", messageKey: "donations.rule.window.too_long", params: { days: MAX_PICKUP_WINDOW_DAYS } });
    }
    if (end <= now.getTime()) breaches.push({ rule: "window", messageKey: "donations.rule.window.ended" });
    if (lot.useBy !== null && useByDeadline(lot.useBy).getTime() < end) breaches.push(useByPassedBreach(lot.useBy));
  }

  if (lot.storage === "FROZEN" && !lot.frozenAtMinus18) breaches.push({ rule: "frozen_statement", messageKey: "donations.rule.frozen_statement" });
  return breaches;
}

function storageBreach(lot: LotFacts, charity: CharityFacts): RuleBreach | null {
  const stores = { AMBIENT: charity.storesAmbient, CHILLED: charity.storesChilled, FROZEN: charity.storesFrozen }[lot.storage];
  if (stores) return null;
  const messageKey = ({ AMBIENT: "donations.rule.storage.AMBIENT", CHILLED: "donations.rule.storage.CHILLED", FROZEN: "donations.rule.storage.FROZEN" } as const)[lot.storage];
  return { rule: "storage", messageKey };
}

/**
 * A charity that lists categories takes only those: an uncategorised lot goes only to charities
 * that accept everything (it is not known to be in their list).
 */
function acceptsCategory(lot: LotFacts, charity: CharityFacts): boolean {
  if (charity.acceptedCategoryIds.length === 0) return true;
  return lot.categoryId !== null && charity.acceptedCategoryIds.includes(lot.categoryId);
}

/**
 * A claim below the charity's own minimum is allowed when it takes all that remains of the lot
 * (`lot.quantityMilli` is what remains): the minimum is there to spare wasted trips, and the
 * last kilos of a lot would otherwise go to nobody.
 */
function quantityBreach(lot: LotFacts, charity: CharityFacts, claimQuantityMilli: number): RuleBreach | null {
  if (!Number.isSafeInteger(claimQuantityMilli) || claimQuantityMilli <= 0) return { rule: "quantity", messageKey: "donations.rule.quantity.not_positive" };
  const takesAllThatRemains = claimQuantityMilli >= lot.quantityMilli;
  if (charity.minQuantityMilli !== null && claimQuantityMilli < charity.minQuantityMilli && !takesAllThatRemains) {
    return { rule: "quantity", messageKey: "donations.rule.quantity.below_min", params: { min: unitsOf(charity.minQuantityMilli), remaining: unitsOf(lot.quantityMilli) } };
  }
  if (charity.maxQuantityMilli !== null && claimQuantityMilli > charity.maxQuantityMilli) {
    return { rule: "quantity", messageKey: "donations.rule.quantity.above_max", params: { max: unitsOf(charity.maxQuantityMilli) } };
  }
  return null;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar day number. */
function isoWeekday(days: number): number {
  const sundayZero = new Date(days * DAY_MS).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

/**
 * Whether the charity's collection slots (its weekdays, from–to in Paris wall-clock time) share
 * some time — more than an instant — with [from, to]. Each slot is built from its own Paris date,
 * so 09:00–18:00 stays 09:00–18:00 across the time changes.
 */
export function canCollectBetween(charity: Pick<CharityFacts, "collectionWeekdays" | "collectionFrom" | "collectionTo">, from: Date, to: Date): boolean {
  if (to.getTime() <= from.getTime()) return false;
  if (!HOUR_MINUTE.test(charity.collectionFrom) || !HOUR_MINUTE.test(charity.collectionTo)) return false;
  const overnight = charity.collectionTo <= charity.collectionFrom;
  // A slot that starts the day before `from` may still be open (overnight slots).
  const firstDay = Math.floor(from.getTime() / DAY_MS) - 1;
  // Past ten days every weekday has come round: a longer span adds nothing but loops.
  const lastDay = Math.min(Math.floor(to.getTime() / DAY_MS) + 1, firstDay + 10);
  for (let day = firstDay; day <= lastDay; day += 1) {
    if (!charity.collectionWeekdays.includes(isoWeekday(day))) continue;
    const slotStart = parisDateTime(isoDateOfDayNumber(day), charity.collectionFrom);
    const slotEnd = parisDateTime(isoDateOfDayNumber(overnight ? day + 1 : day), charity.collectionTo);
    if (slotStart.getTime() < to.getTime() && slotEnd.getTime() > from.getTime()) return true;
  }
  return false;
}

/**
 * Rules checked when a charity claims part or all of a lot (what remains is `lot.quantityMilli`;
 * claiming more than remains is not a rule breach but the 409 exceeds_remaining, decided by the
 * database).
 *
 * The 48 h rule is checked at the END of the pickup window, conservatively: the charity may come
 * at any moment of it, so at a claim we only accept what will still have 48 h at the latest pickup
 * — unless the charity redistributes the same day. The collection-hours rule looks at what is left
 * of the window (from now, or from its start if later).
 */
export function claimBreaches(lot: LotFacts, charity: CharityFacts, claimQuantityMilli: number, now: Date): RuleBreach[] {
  const breaches = dateBreaches(lot);
  const datesReadable = breaches.length === 0;

  if (lot.rawFishery && !charity.approvedRawFishery) breaches.push({ rule: "raw_fishery", messageKey: "donations.rule.raw_fishery" });
  const storage = storageBreach(lot, charity);
  if (storage) breaches.push(storage);
  if (!acceptsCategory(lot, charity)) breaches.push({ rule: "category", messageKey: "donations.rule.category" });
  const quantity = quantityBreach(lot, charity, claimQuantityMilli);
  if (quantity) breaches.push(quantity);

  if (!datesReadable) return breaches;

  const windowOver = lot.pickupEnd.getTime() <= now.getTime();
  if (windowOver) breaches.push({ rule: "window", messageKey: "donations.rule.window.ended" });

  if (lot.useBy !== null) {
    if (useByDeadline(lot.useBy).getTime() <= now.getTime()) {
      breaches.push(useByPassedBreach(lot.useBy));
    } else if (lot.storage === "CHILLED" && !charity.redistributesSameDay) {
      const hoursAtEnd = hoursLeftAt(lot.useBy, lot.pickupEnd);
      if (hoursAtEnd < USE_BY_MIN_HOURS) breaches.push({ rule: "use_by_48h", messageKey: "donations.rule.use_by_48h", params: { hours: roundedDownHours(hoursAtEnd) } });
    }
  }

  if (!windowOver) {
    const from = new Date(Math.max(lot.pickupStart.getTime(), now.getTime()));
    if (!canCollectBetween(charity, from, lot.pickupEnd)) breaches.push({ rule: "collection_hours", messageKey: "donations.rule.collection_hours" });
  }
  return breaches;
}

/**
 * Rules checked at the actual hand-over, at instant `at`: inside the pickup window (both ends
 * included), never past the use-by date, and the 48 h rule measured now, for real, for a chilled
 * product with a use-by date — unless the charity redistributes the same day.
 */
export function pickupBreaches(lot: LotFacts, charity: { redistributesSameDay: boolean }, at: Date): RuleBreach[] {
  const breaches = dateBreaches(lot);
  if (breaches.length > 0) return breaches;

  if (at.getTime() < lot.pickupStart.getTime()) breaches.push({ rule: "window", messageKey: "donations.rule.window.not_started" });
  if (at.getTime() > lot.pickupEnd.getTime()) breaches.push({ rule: "window", messageKey: "donations.rule.window.ended" });

  if (lot.useBy !== null) {
    const hours = hoursLeftAt(lot.useBy, at);
    if (hours <= 0) {
      breaches.push(useByPassedBreach(lot.useBy));
    } else if (lot.storage === "CHILLED" && !charity.redistributesSameDay && hours < USE_BY_MIN_HOURS) {
      breaches.push({ rule: "use_by_48h", messageKey: "donations.rule.use_by_48h.pickup", params: { hours: roundedDownHours(hours) } });
    }
  }
  return breaches;
}

/**
 * A donation's value for the donor's tax receipt (product.md): cost price × quantity, at 100 %,
 * or 50 % when a product with a use-by date D is given within its last 3 days — D-2, D-1 or D —
 * counting from the pickup's Paris date. Best-before or no date: always 100 %. Rounded to the
 * nearest cent, halves up, in exact integer arithmetic.
 */
export function donationValueCents(input: { costPriceCents: number; quantityMilli: number; useBy: string | null; pickupDate: string }): { valueCents: number; ratePercent: 100 | 50 } {
  const ratePercent = valuationRate(input.useBy, input.pickupDate);
  const numerator = BigInt(input.costPriceCents) * BigInt(input.quantityMilli) * BigInt(ratePercent);
  const denominator = 1000n * 100n;
  const valueCents = Number((numerator * 2n + denominator) / (2n * denominator));
  return { valueCents, ratePercent };
}

function valuationRate(useBy: string | null, pickupDate: string): 100 | 50 {
  if (useBy === null) return 100;
  const daysBefore = requireDayNumber(useBy) - requireDayNumber(pickupDate);
  return daysBefore >= REDUCED_VALUE_LAST_DAYS ? 100 : 50;
}

/**
 * Whether the charity could claim at least some of the lot now: the smallest claim it could make
 * (its own minimum, or all that remains if less) breaks no rule. Chooses whom to alert and which
 * lots a charity sees.
 */
export function matchesCharity(lot: LotFacts, charity: CharityFacts, now: Date): boolean {
  if (lot.quantityMilli <= 0) return false;
  const smallestClaim = Math.min(Math.max(charity.minQuantityMilli ?? 1, 1), lot.quantityMilli);
  return claimBreaches(lot, charity, smallestClaim, now).length === 0;
}
