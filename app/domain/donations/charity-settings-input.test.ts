import { expect, test } from "vitest";
import { charitySettingsSchema, parseCharitySettings } from "~/domain/donations/charity-settings-input";

const good = {
  acceptedCategoryIds: ["legumes", "poissons"],
  storesAmbient: "on",
  storesChilled: "on",
  minQuantity: "2,5",
  maxQuantity: "20",
  collectionWeekdays: ["5", "1", "1"],
  collectionFrom: "9:00",
  collectionTo: "17:30",
  redistributesSameDay: "on",
};

function issues(input: Record<string, unknown>) {
  const parsed = charitySettingsSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]);
}

test("a form as a phone sends it: comma decimals in thousandths, days sorted once, times padded, unticked boxes false", () => {
  expect(charitySettingsSchema.parse(good)).toEqual({
    acceptedCategoryIds: ["legumes", "poissons"],
    storesAmbient: true,
    storesChilled: true,
    storesFrozen: false,
    minQuantityMilli: 2500,
    maxQuantityMilli: 20000,
    collectionWeekdays: [1, 5],
    collectionFrom: "09:00",
    collectionTo: "17:30",
    redistributesSameDay: true,
    inDirectory: false,
    publicContact: false,
  });
});

test("empty quantities mean no limit; no category ticked means all; a dot works like a comma", () => {
  const parsed = charitySettingsSchema.parse({ ...good, acceptedCategoryIds: undefined, minQuantity: " ", maxQuantity: "0.125" });
  expect(parsed.acceptedCategoryIds).toEqual([]);
  expect(parsed.minQuantityMilli).toBeNull();
  expect(parsed.maxQuantityMilli).toBe(125);
});

test("the minimum may equal the maximum, not exceed it", () => {
  expect(issues({ ...good, minQuantity: "20", maxQuantity: "20" })).toEqual([]);
  expect(issues({ ...good, minQuantity: "20,001", maxQuantity: "20" })).toEqual([["maxQuantity", "charity.settings.field.maxQuantity.below_min"]]);
});

test("collection hours: from strictly before to, on both sides of the limit", () => {
  expect(issues({ ...good, collectionFrom: "17:29", collectionTo: "17:30" })).toEqual([]);
  expect(issues({ ...good, collectionFrom: "17:30", collectionTo: "17:30" })).toEqual([["collectionTo", "charity.settings.field.collectionTo.before_from"]]);
  expect(issues({ ...good, collectionFrom: "18:00", collectionTo: "09:00" })).toEqual([["collectionTo", "charity.settings.field.collectionTo.before_from"]]);
});

test("at least one weekday and one storage", () => {
  expect(issues({ ...good, collectionWeekdays: [] })).toEqual([["collectionWeekdays", "charity.settings.field.weekdays.required"]]);
  expect(issues({ ...good, storesAmbient: undefined, storesChilled: "" })).toEqual([["storage", "charity.settings.field.storage.required"]]);
});

test.each([
  ["minQuantity", "-1", "charity.settings.field.minQuantity.too_small"],
  ["minQuantity", "0", "charity.settings.field.minQuantity.too_small"],
  ["minQuantity", "abc", "charity.settings.field.minQuantity.invalid"],
  ["minQuantity", "1e3", "charity.settings.field.minQuantity.invalid"],
  ["maxQuantity", "100000,5", "charity.settings.field.maxQuantity.too_large"],
  ["maxQuantity", "999999999999", "charity.settings.field.maxQuantity.too_large"],
  ["maxQuantity", "2,1255", "charity.settings.field.maxQuantity.decimals"],
  ["collectionFrom", "24:00", "charity.settings.field.collectionFrom"],
  ["collectionFrom", "", "charity.settings.field.collectionFrom"],
  ["collectionTo", "18h60", "charity.settings.field.collectionTo"],
  ["collectionWeekdays", ["8"], "charity.settings.field.weekdays.invalid"],
  ["collectionWeekdays", ["lundi"], "charity.settings.field.weekdays.invalid"],
  ["acceptedCategoryIds", ["légumes; DROP"], "charity.settings.field.categories"],
  ["storesFrozen", "peut-être", "charity.settings.field.storage.invalid"],
  ["inDirectory", "oui!", "charity.settings.field.directory"],
  ["publicContact", "oui!", "charity.settings.field.publicContact"],
  ["redistributesSameDay", "2", "charity.settings.field.sameDay"],
])("%s = %j is refused with the message naming the field", (field, value, key) => {
  expect(issues({ ...good, [field]: value })).toEqual([[field, key]]);
});

test("a refused form names every rule at once: no storage and hours the wrong way round are named with a bad quantity, not after it is fixed", () => {
  const refused = parseCharitySettings({ ...good, storesAmbient: undefined, storesChilled: "", minQuantity: "abc", collectionFrom: "18:00", collectionTo: "09:00" });
  expect(refused.success).toBe(false);
  expect(refused.error?.issues.map((issue) => [issue.path.join("."), issue.message]).sort()).toEqual([
    ["collectionTo", "charity.settings.field.collectionTo.before_from"],
    ["minQuantity", "charity.settings.field.minQuantity.invalid"],
    ["storage", "charity.settings.field.storage.required"],
  ]);
  const quantities = parseCharitySettings({ ...good, minQuantity: "30", maxQuantity: "20", collectionWeekdays: ["9"] });
  expect(quantities.error?.issues.map((issue) => issue.path.join(".")).sort()).toEqual(["collectionWeekdays", "maxQuantity"]);
  expect(parseCharitySettings(good).success).toBe(true);
});
