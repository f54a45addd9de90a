import { expect, test } from "vitest";
import { defaultUnsoldPickupPlace, defaultUnsoldUseBy, defaultUnsoldWindow, donationQuantityOf, donorLotState, unsoldDefaults, type UnsoldProductFacts } from "~/domain/donations/unsold-stock";

test("unsold sale units become lot units, in thousandths", () => {
  expect(donationQuantityOf("KG", 15)).toEqual({ unit: "kg", quantityMilli: 15_000 });
  expect(donationQuantityOf("G100", 7)).toEqual({ unit: "kg", quantityMilli: 700 });
  expect(donationQuantityOf("LITRE", 4)).toEqual({ unit: "litre", quantityMilli: 4000 });
  expect(donationQuantityOf("PIECE", 3)).toEqual({ unit: "piece", quantityMilli: 3000 });
  expect(donationQuantityOf("BUNCH", 5)).toEqual({ unit: "piece", quantityMilli: 5000 });
  expect(donationQuantityOf("DOZEN", 2)).toEqual({ unit: "piece", quantityMilli: 24_000 });
});

const product = (facts: Partial<UnsoldProductFacts>): UnsoldProductFacts => ({ kind: "PRODUCT", categoryId: "legumes", scientificName: null, productionMethod: null, ingredients: null, ...facts });

test("sea products are proposed chilled, raw when nothing was cooked, smoked or marinated", () => {
  expect(unsoldDefaults(product({ categoryId: "poissons", scientificName: "Solea solea", productionMethod: "CAUGHT_AT_SEA" }))).toEqual({ storage: "chilled", rawFishery: true });
  expect(unsoldDefaults(product({ categoryId: "coquillages", scientificName: "Buccinum undatum", ingredients: "Bulots, eau, sel." }))).toEqual({ storage: "chilled", rawFishery: false });
  expect(unsoldDefaults(product({ categoryId: "legumes" }))).toEqual({ storage: "ambient", rawFishery: false });
  expect(unsoldDefaults(product({ categoryId: "cremerie" }))).toEqual({ storage: "chilled", rawFishery: false });
  expect(unsoldDefaults(product({ kind: "BASKET", categoryId: "paniers" }))).toEqual({ storage: "ambient", rawFishery: false });
});

test("the default pickup window: from now (to the 5 minutes) to tomorrow 19:00 in Paris, across the autumn change", () => {
  const winter = defaultUnsoldWindow(new Date("2026-11-27T18:03:20Z"));
  expect(winter.start.toISOString()).toBe("2026-11-27T18:00:00.000Z");
  expect(winter.end.toISOString()).toBe("2026-11-28T18:00:00.000Z");
  // Saturday 24 October 2026, 21:00 in Paris (summer time); Sunday the clocks go back.
  const change = defaultUnsoldWindow(new Date("2026-10-24T19:00:00Z"));
  expect(change.end.toISOString()).toBe("2026-10-25T18:00:00.000Z");
  // 23:30 UTC is already 00:30 on Saturday in Paris: tomorrow is Sunday.
  const late = defaultUnsoldWindow(new Date("2026-11-27T23:30:00Z"));
  expect(late.end.toISOString()).toBe("2026-11-29T18:00:00.000Z");
});

test("a lot as its donor reads it", () => {
  const lot = { status: "OPEN" as const, quantityMilli: 15_000, claimedMilli: 0, pickupEnd: new Date("2026-11-28T18:00:00Z") };
  const before = new Date("2026-11-28T10:00:00Z");
  expect(donorLotState(lot, before)).toBe("open");
  expect(donorLotState({ ...lot, claimedMilli: 15_000 }, before)).toBe("all_claimed");
  expect(donorLotState(lot, new Date("2026-11-28T18:00:00Z"))).toBe("expired");
  expect(donorLotState({ ...lot, status: "EXPIRED" }, before)).toBe("expired");
  expect(donorLotState({ ...lot, status: "WITHDRAWN" }, before)).toBe("withdrawn");
});

test("unsold stock is offered where the latest distribution was held, else at the farm, in at most 200 characters", () => {
  expect(defaultUnsoldPickupPlace({ pickupPointName: "Marché du Puits-Salé", pickupPointAddress: "Place du Puits-Salé, 76200 Dieppe" }, "Ferme, 76200 Dieppe")).toBe("Marché du Puits-Salé, Place du Puits-Salé, 76200 Dieppe");
  expect(defaultUnsoldPickupPlace(undefined, "Ferme, 76200 Dieppe")).toBe("Ferme, 76200 Dieppe");
  expect(defaultUnsoldPickupPlace(undefined, "x".repeat(250))).toHaveLength(200);
});

test("the use-by date proposed for unsold stock: three days after the distribution's Paris day for chilled food, a week for dairy, none for ambient food", () => {
  const fish: UnsoldProductFacts = { kind: "PRODUCT", categoryId: "poissons", scientificName: "Solea solea", productionMethod: "CAUGHT_AT_SEA", ingredients: null };
  // Friday 27 November 2026, 23:30 in Paris is still Friday there (22:30 UTC).
  const fridayLate = new Date("2026-11-27T22:30:00Z");
  expect(defaultUnsoldUseBy(fish, fridayLate)).toBe("2026-11-30");
  expect(defaultUnsoldUseBy({ ...fish, categoryId: "cremerie", scientificName: null, productionMethod: null }, fridayLate)).toBe("2026-12-04");
  expect(defaultUnsoldUseBy({ kind: "PRODUCT", categoryId: "legumes", scientificName: null, productionMethod: null, ingredients: null }, fridayLate)).toBeNull();
});
