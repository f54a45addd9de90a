import { expect, test } from "vitest";
import {
  canCollectBetween,
  claimBreaches,
  donationValueCents,
  hoursLeftAt,
  lotClaimableUntil,
  lotPublicationBreaches,
  matchesCharity,
  pickupBreaches,
  useByDeadline,
  type CharityFacts,
  type LotFacts,
} from "~/domain/donations/donation-rules";
import { parisDateTime, parisIsoDate } from "~/domain/time/paris";

// Europe/Paris changes on the last Sunday of October (03:00 CEST → 02:00 CET, 25 October 2026)
// and of March (02:00 CET → 03:00 CEST, 28 March 2027). Hours left are REAL elapsed hours.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function lot(overrides: Partial<LotFacts> = {}): LotFacts {
  return {
    storage: "AMBIENT",
    useBy: null,
    bestBefore: null,
    rawFishery: false,
    categoryId: null,
    quantityMilli: 15_000,
    pickupStart: parisDateTime("2026-12-01", "09:00"),
    pickupEnd: parisDateTime("2026-12-01", "18:00"),
    frozenAtMinus18: false,
    ...overrides,
  };
}

function charity(overrides: Partial<CharityFacts> = {}): CharityFacts {
  return {
    storesAmbient: true,
    storesChilled: true,
    storesFrozen: true,
    acceptedCategoryIds: [],
    minQuantityMilli: null,
    maxQuantityMilli: null,
    collectionWeekdays: [1, 2, 3, 4, 5, 6, 7],
    collectionFrom: "00:00",
    collectionTo: "24:00",
    redistributesSameDay: false,
    approvedRawFishery: false,
    ...overrides,
  };
}

function rules(breaches: { rule: string }[]): string[] {
  return breaches.map((breach) => breach.rule);
}

const beforeAll = parisDateTime("2026-11-20", "08:00");

// ——— use-by deadline and hours left ———

test("a use-by date is fit to eat until the end of that day in Paris: winter, summer and both sides of each time change", () => {
  expect(useByDeadline("2026-12-01").toISOString()).toBe("2026-12-01T23:00:00.000Z");
  expect(useByDeadline("2026-07-14").toISOString()).toBe("2026-07-14T22:00:00.000Z");
  expect(useByDeadline("2026-10-24").toISOString()).toBe("2026-10-24T22:00:00.000Z");
  expect(useByDeadline("2026-10-25").toISOString()).toBe("2026-10-25T23:00:00.000Z");
  expect(useByDeadline("2027-03-27").toISOString()).toBe("2027-03-27T23:00:00.000Z");
  expect(useByDeadline("2027-03-28").toISOString()).toBe("2027-03-28T22:00:00.000Z");
  expect(useByDeadline("2026-12-31").toISOString()).toBe("2026-12-31T23:00:00.000Z");
  expect(() => useByDeadline("2026-02-30")).toThrow();
});

test("hours left count real time: across the spring change Saturday 18:00 → end of Monday is 53 h, not the 54 h of the clock", () => {
  expect(hoursLeftAt("2027-03-29", parisDateTime("2027-03-27", "18:00"))).toBe(53);
  // A week earlier, no change in between: 54 h as the clock says.
  expect(hoursLeftAt("2027-03-22", parisDateTime("2027-03-20", "18:00"))).toBe(54);
});

test("hours left count real time: across the autumn change Saturday 18:00 → end of Monday is 55 h, not the 54 h of the clock", () => {
  expect(hoursLeftAt("2026-10-26", parisDateTime("2026-10-24", "18:00"))).toBe(55);
  expect(hoursLeftAt("2026-11-02", parisDateTime("2026-10-31", "18:00"))).toBe(54);
});

test("hours left are negative once the use-by date is over", () => {
  expect(hoursLeftAt("2026-12-01", parisDateTime("2026-12-02", "01:00"))).toBe(-1);
});

test("a lot stops being claimable at the end of its window, or at its use-by deadline if sooner", () => {
  expect(lotClaimableUntil(lot({ useBy: null }))).toEqual(parisDateTime("2026-12-01", "18:00"));
  expect(lotClaimableUntil(lot({ useBy: "2026-12-05" }))).toEqual(parisDateTime("2026-12-01", "18:00"));
  expect(lotClaimableUntil(lot({ useBy: "2026-11-30" }))).toEqual(parisDateTime("2026-12-01", "00:00"));
});

// ——— the 48 h rule ———

const deadlineDec4 = useByDeadline("2026-12-04");
const chilledDec4 = (pickupEnd: Date) =>
  lot({ storage: "CHILLED", useBy: "2026-12-04", pickupStart: new Date(pickupEnd.getTime() - 2 * HOUR), pickupEnd });

test("48 h rule at claim: 48:00 left at the end of the window is accepted, 47:59 is refused with the hours left", () => {
  expect(claimBreaches(chilledDec4(new Date(deadlineDec4.getTime() - 48 * HOUR)), charity(), 1000, beforeAll)).toEqual([]);

  const breaches = claimBreaches(chilledDec4(new Date(deadlineDec4.getTime() - 48 * HOUR + MINUTE)), charity(), 1000, beforeAll);
  expect(breaches).toEqual([{ rule: "use_by_48h", messageKey: "donations.rule.use_by_48h", params: { hours: 47 } }]);
});

test("48 h rule at claim is measured at the END of the window: 60 h left at its start but 40 h at its end is refused", () => {
  const breaches = claimBreaches(
    lot({ storage: "CHILLED", useBy: "2026-12-04", pickupStart: new Date(deadlineDec4.getTime() - 60 * HOUR), pickupEnd: new Date(deadlineDec4.getTime() - 40 * HOUR) }),
    charity(),
    1000,
    beforeAll,
  );
  expect(rules(breaches)).toEqual(["use_by_48h"]);
});

test("48 h rule does not apply to a charity that redistributes the same day", () => {
  const sameDay = charity({ redistributesSameDay: true });
  expect(claimBreaches(chilledDec4(new Date(deadlineDec4.getTime() - 47 * HOUR)), sameDay, 1000, beforeAll)).toEqual([]);
  expect(claimBreaches(chilledDec4(new Date(deadlineDec4.getTime() - 2 * HOUR)), sameDay, 1000, beforeAll)).toEqual([]);
});

test("48 h rule applies only to chilled products with a use-by date: not ambient, not frozen, not best-before", () => {
  const end = new Date(deadlineDec4.getTime() - 10 * HOUR);
  const start = new Date(end.getTime() - HOUR);
  expect(claimBreaches(lot({ storage: "AMBIENT", useBy: "2026-12-04", pickupStart: start, pickupEnd: end }), charity(), 1000, beforeAll)).toEqual([]);
  expect(claimBreaches(lot({ storage: "FROZEN", frozenAtMinus18: true, useBy: "2026-12-04", pickupStart: start, pickupEnd: end }), charity(), 1000, beforeAll)).toEqual([]);
  expect(claimBreaches(lot({ storage: "CHILLED", bestBefore: "2026-12-04", pickupStart: start, pickupEnd: end }), charity(), 1000, beforeAll)).toEqual([]);
});

test("48 h rule across the spring change: use-by Monday 29 March 2027, a window ending Saturday 23:00 leaves exactly 48 h (the clock says 49); 23:30 leaves 47.5 h and is refused", () => {
  const at = (time: string) => lot({ storage: "CHILLED", useBy: "2027-03-29", pickupStart: parisDateTime("2027-03-27", "18:00"), pickupEnd: parisDateTime("2027-03-27", time) });
  expect(claimBreaches(at("23:00"), charity(), 1000, beforeAll)).toEqual([]);
  expect(claimBreaches(at("23:30"), charity(), 1000, beforeAll)).toEqual([
    { rule: "use_by_48h", messageKey: "donations.rule.use_by_48h", params: { hours: 47 } },
  ]);
});

test("48 h rule across the autumn change: use-by Monday 26 October 2026, a window ending Sunday 01:00 leaves exactly 48 h (the clock says 47); 01:01 is refused", () => {
  const at = (time: string) => lot({ storage: "CHILLED", useBy: "2026-10-26", pickupStart: parisDateTime("2026-10-24", "18:00"), pickupEnd: parisDateTime("2026-10-25", time) });
  const before = parisDateTime("2026-10-20", "08:00");
  expect(claimBreaches(at("01:00"), charity(), 1000, before)).toEqual([]);
  expect(rules(claimBreaches(at("01:01"), charity(), 1000, before))).toEqual(["use_by_48h"]);
});

test("48 h rule at the hand-over is measured at the actual moment: 48:00 left passes, 47:59 is refused, a same-day charity takes it", () => {
  const chilled = lot({ storage: "CHILLED", useBy: "2026-12-04", pickupStart: parisDateTime("2026-12-01", "09:00"), pickupEnd: parisDateTime("2026-12-04", "12:00") });
  expect(pickupBreaches(chilled, { redistributesSameDay: false }, new Date(deadlineDec4.getTime() - 48 * HOUR))).toEqual([]);
  expect(pickupBreaches(chilled, { redistributesSameDay: false }, new Date(deadlineDec4.getTime() - 48 * HOUR + MINUTE))).toEqual([
    { rule: "use_by_48h", messageKey: "donations.rule.use_by_48h.pickup", params: { hours: 47 } },
  ]);
  expect(pickupBreaches(chilled, { redistributesSameDay: true }, new Date(deadlineDec4.getTime() - 13 * HOUR))).toEqual([]);
});

test("48 h rule at the hand-over across the spring change: Saturday 27 March 2027 23:00 Paris with use-by Monday 29 passes, 23:01 does not", () => {
  const chilled = lot({ storage: "CHILLED", useBy: "2027-03-29", pickupStart: parisDateTime("2027-03-27", "09:00"), pickupEnd: parisDateTime("2027-03-28", "12:00") });
  expect(pickupBreaches(chilled, { redistributesSameDay: false }, parisDateTime("2027-03-27", "23:00"))).toEqual([]);
  expect(rules(pickupBreaches(chilled, { redistributesSameDay: false }, parisDateTime("2027-03-27", "23:01")))).toEqual(["use_by_48h"]);
});

test("a use-by date already over refuses the hand-over, even to a same-day charity and whatever the storage", () => {
  const ambient = lot({ storage: "AMBIENT", useBy: "2026-12-01", pickupStart: parisDateTime("2026-12-01", "09:00"), pickupEnd: parisDateTime("2026-12-02", "12:00") });
  expect(pickupBreaches(ambient, { redistributesSameDay: true }, parisDateTime("2026-12-01", "23:59"))).toEqual([]);
  expect(pickupBreaches(ambient, { redistributesSameDay: true }, parisDateTime("2026-12-02", "00:00"))).toEqual([
    { rule: "dates", messageKey: "donations.rule.use_by_passed", params: { useBy: "01/12/2026" } },
  ]);
});

test("the hand-over happens within the pickup window, both ends included", () => {
  const window = lot();
  const sameDay = { redistributesSameDay: true };
  expect(pickupBreaches(window, sameDay, parisDateTime("2026-12-01", "09:00"))).toEqual([]);
  expect(pickupBreaches(window, sameDay, parisDateTime("2026-12-01", "18:00"))).toEqual([]);
  expect(pickupBreaches(window, sameDay, parisDateTime("2026-12-01", "08:59"))).toEqual([{ rule: "window", messageKey: "donations.rule.window.not_started" }]);
  expect(pickupBreaches(window, sameDay, parisDateTime("2026-12-01", "18:01"))).toEqual([{ rule: "window", messageKey: "donations.rule.window.ended" }]);
});

// ——— raw fishery ———

test("raw fishery products go only to structures approved for them", () => {
  const rawSole = lot({ storage: "CHILLED", rawFishery: true, categoryId: "fish" });
  expect(claimBreaches(rawSole, charity({ approvedRawFishery: false }), 1000, beforeAll)).toEqual([{ rule: "raw_fishery", messageKey: "donations.rule.raw_fishery" }]);
  expect(claimBreaches(rawSole, charity({ approvedRawFishery: true }), 1000, beforeAll)).toEqual([]);
  expect(matchesCharity(rawSole, charity({ approvedRawFishery: false }), beforeAll)).toBe(false);
  expect(matchesCharity(rawSole, charity({ approvedRawFishery: true }), beforeAll)).toBe(true);
});

test("processed sea products (fillets, frozen bags) are not raw: any charity with the storage may take them", () => {
  const bags = lot({ storage: "FROZEN", frozenAtMinus18: true, rawFishery: false });
  expect(claimBreaches(bags, charity({ approvedRawFishery: false }), 1000, beforeAll)).toEqual([]);
});

// ——— publication ———

test("a well-formed lot publishes with no breach", () => {
  expect(lotPublicationBreaches(lot(), beforeAll)).toEqual([]);
  expect(lotPublicationBreaches(lot({ storage: "CHILLED", useBy: "2026-12-10" }), beforeAll)).toEqual([]);
  expect(lotPublicationBreaches(lot({ bestBefore: "2026-12-10" }), beforeAll)).toEqual([]);
});

test("publishing: use-by and best-before are never both given, and each must exist on the calendar", () => {
  expect(lotPublicationBreaches(lot({ useBy: "2026-12-10", bestBefore: "2026-12-10" }), beforeAll)).toEqual([{ rule: "dates", messageKey: "donations.rule.dates.both" }]);
  expect(lotPublicationBreaches(lot({ useBy: "2026-02-30" }), beforeAll)).toEqual([{ rule: "dates", messageKey: "donations.rule.dates.use_by_invalid" }]);
  expect(lotPublicationBreaches(lot({ bestBefore: "2026-13-01" }), beforeAll)).toEqual([{ rule: "dates", messageKey: "donations.rule.dates.best_before_invalid" }]);
  expect(lotPublicationBreaches(lot({ useBy: "10/12/2026" }), beforeAll)).toEqual([{ rule: "dates", messageKey: "donations.rule.dates.use_by_invalid" }]);
  expect(lotPublicationBreaches(lot({ pickupStart: new Date(Number.NaN) }), beforeAll)).toEqual([{ rule: "dates", messageKey: "donations.rule.dates.pickup_invalid" }]);
});

test("publishing: the window ends after it starts, ends in the future, and lasts 14 days at most", () => {
  const start = parisDateTime("2026-12-01", "09:00");
  expect(rules(lotPublicationBreaches(lot({ pickupStart: start, pickupEnd: start }), beforeAll))).toEqual(["window"]);
  expect(lotPublicationBreaches(lot({ pickupStart: start, pickupEnd: new Date(start.getTime() - MINUTE) }), beforeAll)).toEqual([
    { rule: "window", messageKey: "donations.rule.window.end_before_start" },
  ]);
  expect(lotPublicationBreaches(lot(), parisDateTime("2026-12-01", "17:59"))).toEqual([]);
  expect(lotPublicationBreaches(lot(), parisDateTime("2026-12-01", "18:00"))).toEqual([{ rule: "window", messageKey: "donations.rule.window.ended" }]);
  expect(lotPublicationBreaches(lot({ pickupStart: start, pickupEnd: new Date(start.getTime() + 14 * 24 * HOUR) }), beforeAll)).toEqual([]);
  expect(lotPublicationBreaches(lot({ pickupStart: start, pickupEnd: new Date(start.getTime() + 14 * 24 * HOUR + MINUTE) }), beforeAll)).toEqual([
    { rule: "window", messageKey: "donations.rule.window.too_long", params: { days: 14 } },
  ]);
});

test("publishing: a frozen lot states it is kept at −18 °C or below", () => {
  expect(lotPublicationBreaches(lot({ storage: "FROZEN", frozenAtMinus18: false }), beforeAll)).toEqual([{ rule: "frozen_statement", messageKey: "donations.rule.frozen_statement" }]);
  expect(lotPublicationBreaches(lot({ storage: "FROZEN", frozenAtMinus18: true }), beforeAll)).toEqual([]);
});

test("publishing: nothing past its use-by date is given — the use-by deadline may not fall before the end of the window", () => {
  const window = { pickupStart: parisDateTime("2026-11-30", "09:00"), pickupEnd: parisDateTime("2026-12-02", "00:00") };
  expect(lotPublicationBreaches(lot({ ...window, useBy: "2026-12-01" }), beforeAll)).toEqual([]);
  expect(lotPublicationBreaches(lot({ ...window, pickupEnd: parisDateTime("2026-12-02", "00:01"), useBy: "2026-12-01" }), beforeAll)).toEqual([
    { rule: "dates", messageKey: "donations.rule.use_by_passed", params: { useBy: "01/12/2026" } },
  ]);
});

test("publishing: a chilled lot with less than 48 h left is still published, for charities that redistribute the same day — and only they can claim it", () => {
  const shortLived = lot({ storage: "CHILLED", useBy: "2026-12-01", pickupStart: parisDateTime("2026-12-01", "09:00"), pickupEnd: parisDateTime("2026-12-01", "12:00") });
  expect(lotPublicationBreaches(shortLived, beforeAll)).toEqual([]);
  expect(matchesCharity(shortLived, charity({ redistributesSameDay: false }), beforeAll)).toBe(false);
  expect(matchesCharity(shortLived, charity({ redistributesSameDay: true }), beforeAll)).toBe(true);
});

// ——— storage, category, quantity ———

test("storage: a lot goes only to a charity that has that storage", () => {
  const none = charity({ storesAmbient: false, storesChilled: false, storesFrozen: false });
  expect(claimBreaches(lot({ storage: "AMBIENT" }), none, 1000, beforeAll)).toEqual([{ rule: "storage", messageKey: "donations.rule.storage.AMBIENT" }]);
  expect(claimBreaches(lot({ storage: "CHILLED" }), none, 1000, beforeAll)).toEqual([{ rule: "storage", messageKey: "donations.rule.storage.CHILLED" }]);
  expect(claimBreaches(lot({ storage: "FROZEN", frozenAtMinus18: true }), none, 1000, beforeAll)).toEqual([{ rule: "storage", messageKey: "donations.rule.storage.FROZEN" }]);
  expect(claimBreaches(lot({ storage: "CHILLED" }), charity({ storesAmbient: false, storesChilled: true, storesFrozen: false }), 1000, beforeAll)).toEqual([]);
  expect(matchesCharity(lot({ storage: "FROZEN", frozenAtMinus18: true }), charity({ storesFrozen: false }), beforeAll)).toBe(false);
});

test("category: no list accepts everything; a list accepts its categories only, and not an uncategorised lot", () => {
  expect(claimBreaches(lot({ categoryId: "bread" }), charity({ acceptedCategoryIds: [] }), 1000, beforeAll)).toEqual([]);
  expect(claimBreaches(lot({ categoryId: null }), charity({ acceptedCategoryIds: [] }), 1000, beforeAll)).toEqual([]);
  expect(claimBreaches(lot({ categoryId: "bread" }), charity({ acceptedCategoryIds: ["vegetables", "bread"] }), 1000, beforeAll)).toEqual([]);
  expect(claimBreaches(lot({ categoryId: "fish" }), charity({ acceptedCategoryIds: ["vegetables", "bread"] }), 1000, beforeAll)).toEqual([{ rule: "category", messageKey: "donations.rule.category" }]);
  expect(rules(claimBreaches(lot({ categoryId: null }), charity({ acceptedCategoryIds: ["vegetables"] }), 1000, beforeAll))).toEqual(["category"]);
});

test("quantity: within the charity's minimum and maximum; below the minimum only to take all that remains", () => {
  const fiveToTen = charity({ minQuantityMilli: 5_000, maxQuantityMilli: 10_000 });
  expect(claimBreaches(lot({ quantityMilli: 15_000 }), fiveToTen, 5_000, beforeAll)).toEqual([]);
  expect(claimBreaches(lot({ quantityMilli: 15_000 }), fiveToTen, 10_000, beforeAll)).toEqual([]);
  expect(claimBreaches(lot({ quantityMilli: 15_000 }), fiveToTen, 4_999, beforeAll)).toEqual([
    { rule: "quantity", messageKey: "donations.rule.quantity.below_min", params: { min: 5, remaining: 15 } },
  ]);
  expect(claimBreaches(lot({ quantityMilli: 15_000 }), fiveToTen, 10_001, beforeAll)).toEqual([
    { rule: "quantity", messageKey: "donations.rule.quantity.above_max", params: { max: 10 } },
  ]);
  // Only 2.5 kg remain: taking them all is allowed below the 5 kg minimum; taking 1 kg is not.
  expect(claimBreaches(lot({ quantityMilli: 2_500 }), fiveToTen, 2_500, beforeAll)).toEqual([]);
  expect(rules(claimBreaches(lot({ quantityMilli: 2_500 }), fiveToTen, 1_000, beforeAll))).toEqual(["quantity"]);
});

test("quantity: zero, negative or fractional thousandths are refused", () => {
  for (const quantity of [0, -1_000, 1.5, Number.NaN]) {
    expect(claimBreaches(lot(), charity(), quantity, beforeAll)).toEqual([{ rule: "quantity", messageKey: "donations.rule.quantity.not_positive" }]);
  }
});

test("claiming more than remains is not a rule breach: the database answers it with exceeds_remaining", () => {
  expect(claimBreaches(lot({ quantityMilli: 2_000 }), charity(), 3_000, beforeAll)).toEqual([]);
});

// ——— collection hours ———

const weekdays9to18 = charity({ collectionWeekdays: [1, 2, 3, 4, 5], collectionFrom: "09:00", collectionTo: "18:00" });

test("collection hours: the window must share some time with the charity's days and hours (Friday 4 December 2026)", () => {
  const window = (fromDate: string, from: string, toDate: string, to: string) => lot({ pickupStart: parisDateTime(fromDate, from), pickupEnd: parisDateTime(toDate, to) });
  expect(claimBreaches(window("2026-12-04", "17:59", "2026-12-04", "19:00"), weekdays9to18, 1000, beforeAll)).toEqual([]);
  expect(claimBreaches(window("2026-12-04", "18:00", "2026-12-04", "19:00"), weekdays9to18, 1000, beforeAll)).toEqual([
    { rule: "collection_hours", messageKey: "donations.rule.collection_hours" },
  ]);
  expect(claimBreaches(window("2026-12-04", "07:00", "2026-12-04", "09:00"), weekdays9to18, 1000, beforeAll)).toEqual([
    { rule: "collection_hours", messageKey: "donations.rule.collection_hours" },
  ]);
  // The weekend, then Monday 9:01.
  expect(rules(claimBreaches(window("2026-12-05", "08:00", "2026-12-06", "20:00"), weekdays9to18, 1000, beforeAll))).toEqual(["collection_hours"]);
  expect(claimBreaches(window("2026-12-05", "08:00", "2026-12-07", "09:01"), weekdays9to18, 1000, beforeAll)).toEqual([]);
});

test("collection hours only count what is left of the window: at 18:30 a window ending at 20:00 is out of 9–18 hours", () => {
  const today = lot({ pickupStart: parisDateTime("2026-12-04", "08:00"), pickupEnd: parisDateTime("2026-12-04", "20:00") });
  expect(claimBreaches(today, weekdays9to18, 1000, parisDateTime("2026-12-04", "17:00"))).toEqual([]);
  expect(rules(claimBreaches(today, weekdays9to18, 1000, parisDateTime("2026-12-04", "18:30")))).toEqual(["collection_hours"]);
});

test("collection hours keep their Paris wall-clock meaning on the day of the spring change (Sunday 28 March 2027)", () => {
  const sundayMornings = charity({ collectionWeekdays: [7], collectionFrom: "09:00", collectionTo: "10:00" });
  // 09:00–09:30 Paris that day is 07:00–07:30 UTC: inside the slot.
  expect(canCollectBetween(sundayMornings, parisDateTime("2027-03-28", "09:00"), parisDateTime("2027-03-28", "09:30"))).toBe(true);
  expect(canCollectBetween(sundayMornings, new Date("2027-03-28T07:00:00Z"), new Date("2027-03-28T07:30:00Z"))).toBe(true);
  // 08:00–08:59 Paris is before the slot (a fixed UTC+1 would have put it inside).
  expect(canCollectBetween(sundayMornings, parisDateTime("2027-03-28", "08:00"), parisDateTime("2027-03-28", "08:59"))).toBe(false);
  expect(canCollectBetween(sundayMornings, parisDateTime("2026-10-25", "09:59"), parisDateTime("2026-10-25", "11:00"))).toBe(true);
  expect(canCollectBetween(sundayMornings, parisDateTime("2026-10-25", "10:00"), parisDateTime("2026-10-25", "11:00"))).toBe(false);
});

test("collection hours that run past midnight (22:00–02:00) and weekdays absent from the list", () => {
  const nights = charity({ collectionWeekdays: [5], collectionFrom: "22:00", collectionTo: "02:00" });
  // Friday 4 December's night slot runs into Saturday 01:59.
  expect(canCollectBetween(nights, parisDateTime("2026-12-05", "01:00"), parisDateTime("2026-12-05", "03:00"))).toBe(true);
  expect(canCollectBetween(nights, parisDateTime("2026-12-05", "02:00"), parisDateTime("2026-12-05", "21:00"))).toBe(false);
  // Saturday night is not a collection night.
  expect(canCollectBetween(nights, parisDateTime("2026-12-05", "22:00"), parisDateTime("2026-12-05", "23:00"))).toBe(false);
  expect(canCollectBetween(charity({ collectionWeekdays: [] }), parisDateTime("2026-12-01", "00:00"), parisDateTime("2026-12-14", "00:00"))).toBe(false);
});

// ——— claim timing ———

test("a claim after the window ended, or after the use-by date, is refused", () => {
  expect(claimBreaches(lot(), charity(), 1000, parisDateTime("2026-12-01", "18:00"))).toEqual([{ rule: "window", messageKey: "donations.rule.window.ended" }]);
  const ambient = lot({ useBy: "2026-11-30", pickupStart: parisDateTime("2026-11-29", "09:00"), pickupEnd: parisDateTime("2026-12-01", "00:00") });
  expect(claimBreaches(ambient, charity(), 1000, parisDateTime("2026-11-30", "23:00"))).toEqual([]);
  expect(rules(claimBreaches(ambient, charity(), 1000, parisDateTime("2026-12-01", "00:00")))).toContain("dates");
});

test("a claim lists every rule it breaks at once", () => {
  const breaches = claimBreaches(
    lot({ storage: "CHILLED", rawFishery: true, categoryId: "fish" }),
    charity({ storesChilled: false, acceptedCategoryIds: ["bread"], collectionWeekdays: [] }),
    1000,
    beforeAll,
  );
  expect(rules(breaches)).toEqual(["raw_fishery", "storage", "category", "collection_hours"]);
});

// ——— matching ———

test("matching: a charity whose minimum is above what remains still matches (it may take it all); an empty lot matches nobody", () => {
  const minFive = charity({ minQuantityMilli: 5_000 });
  expect(matchesCharity(lot({ quantityMilli: 2_000 }), minFive, beforeAll)).toBe(true);
  expect(matchesCharity(lot({ quantityMilli: 0 }), charity(), beforeAll)).toBe(false);
  expect(matchesCharity(lot(), charity({ maxQuantityMilli: 1_000 }), beforeAll)).toBe(true);
  expect(matchesCharity(lot(), weekdays9to18, beforeAll)).toBe(true);
  expect(matchesCharity(lot(), weekdays9to18, parisDateTime("2026-12-01", "18:00"))).toBe(false);
});

// ——— valuation ———

test("valuation: a use-by product given on D-3 counts 100 %, on D-2, D-1 and D 50 %", () => {
  const value = (pickupDate: string) => donationValueCents({ costPriceCents: 1_250, quantityMilli: 15_000, useBy: "2026-12-10", pickupDate });
  expect(value("2026-12-01")).toEqual({ valueCents: 18_750, ratePercent: 100 });
  expect(value("2026-12-07")).toEqual({ valueCents: 18_750, ratePercent: 100 });
  expect(value("2026-12-08")).toEqual({ valueCents: 9_375, ratePercent: 50 });
  expect(value("2026-12-09")).toEqual({ valueCents: 9_375, ratePercent: 50 });
  expect(value("2026-12-10")).toEqual({ valueCents: 9_375, ratePercent: 50 });
});

test("valuation: best-before products and products without a date always count 100 %", () => {
  expect(donationValueCents({ costPriceCents: 400, quantityMilli: 3_000, useBy: null, pickupDate: "2026-12-10" })).toEqual({ valueCents: 1_200, ratePercent: 100 });
});

test("valuation across the time changes counts calendar days in Paris", () => {
  const spring = (pickupDate: string) => donationValueCents({ costPriceCents: 1_000, quantityMilli: 1_000, useBy: "2027-03-30", pickupDate }).ratePercent;
  expect(spring("2027-03-27")).toBe(100);
  expect(spring("2027-03-28")).toBe(50);
  const autumn = (pickupDate: string) => donationValueCents({ costPriceCents: 1_000, quantityMilli: 1_000, useBy: "2026-10-27", pickupDate }).ratePercent;
  expect(autumn("2026-10-24")).toBe(100);
  expect(autumn("2026-10-25")).toBe(50);
  // The donation date is the pickup's PARIS date: 26 March 23:30 UTC is already 27 March in Paris.
  const lateNight = new Date("2026-03-26T23:30:00Z");
  expect(parisIsoDate(lateNight)).toBe("2026-03-27");
  expect(donationValueCents({ costPriceCents: 1_000, quantityMilli: 1_000, useBy: "2026-03-29", pickupDate: parisIsoDate(lateNight) }).ratePercent).toBe(50);
});

test("valuation rounds to the nearest cent, halves up, and stays exact on huge amounts", () => {
  expect(donationValueCents({ costPriceCents: 333, quantityMilli: 1_500, useBy: "2026-12-10", pickupDate: "2026-12-10" }).valueCents).toBe(250);
  expect(donationValueCents({ costPriceCents: 1, quantityMilli: 500, useBy: null, pickupDate: "2026-12-10" }).valueCents).toBe(1);
  expect(donationValueCents({ costPriceCents: 1, quantityMilli: 499, useBy: null, pickupDate: "2026-12-10" }).valueCents).toBe(0);
  expect(donationValueCents({ costPriceCents: 0, quantityMilli: 15_000, useBy: null, pickupDate: "2026-12-10" }).valueCents).toBe(0);
  expect(donationValueCents({ costPriceCents: 1_000_000, quantityMilli: 100_000_000, useBy: null, pickupDate: "2026-12-10" }).valueCents).toBe(100_000_000_000);
  expect(donationValueCents({ costPriceCents: 999_999, quantityMilli: 99_999_999, useBy: "2026-12-10", pickupDate: "2026-12-10" }).valueCents).toBe(49_999_949_500);
});
