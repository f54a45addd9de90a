import { expect, test } from "vitest";
import { decimalFromText, instantToParisLocal, parisLocalToInstant, parseLotForm, parseUnsoldForm } from "~/domain/donations/lot-form";

const goodForm = {
  productName: "Sole commune",
  description: "",
  categoryId: "",
  quantity: "2,5",
  unit: "kg",
  storage: "chilled",
  useBy: "2026-12-04",
  bestBefore: "",
  lotNumber: "DP-1127-01",
  rawFishery: "on",
  pickupPlace: "",
  pickupStart: "2026-11-27T17:00",
  pickupEnd: "2026-11-28T19:00",
  costPrice: "3,20",
};

test("a quantity typed on a phone: comma or point, spaces, the typographic minus", () => {
  expect(decimalFromText("2,5")).toBe(2.5);
  expect(decimalFromText("2.5")).toBe(2.5);
  expect(decimalFromText(" 15 ")).toBe(15);
  expect(decimalFromText("−3,5")).toBe(-3.5);
  expect(decimalFromText("")).toBeUndefined();
  expect(decimalFromText(undefined)).toBeUndefined();
  expect(decimalFromText("deux")).toBe("deux");
  expect(decimalFromText("1e5")).toBe("1e5");
});

test("a datetime-local value is Paris wall-clock time, in winter, in summer and across the spring gap", () => {
  expect(parisLocalToInstant("2026-11-27T17:00")?.toISOString()).toBe("2026-11-27T16:00:00.000Z");
  expect(parisLocalToInstant("2026-07-03T17:00")?.toISOString()).toBe("2026-07-03T15:00:00.000Z");
  expect(parisLocalToInstant("2026-07-03T17:00:00")?.toISOString()).toBe("2026-07-03T15:00:00.000Z");
  // 02:30 does not exist on 29 March 2026 in Paris: clocks go from 02:00 to 03:00.
  expect(parisLocalToInstant("2026-03-29T02:30")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  expect(parisLocalToInstant("2026-02-30T10:00")).toBeNull();
  expect(parisLocalToInstant("2026-11-27T24:00")).toBeNull();
  expect(parisLocalToInstant("2026-11-27T17:00:00+01:00")).toBeNull();
  expect(parisLocalToInstant("")).toBeNull();
  expect(instantToParisLocal(new Date("2026-11-27T16:00:00Z"))).toBe("2026-11-27T17:00");
  expect(instantToParisLocal(new Date("2026-07-03T15:00:00Z"))).toBe("2026-07-03T17:00");
});

test("a good form becomes the API's lot input: cents, units, instants, booleans, empty fields not given", () => {
  const parsed = parseLotForm(goodForm);
  expect(parsed).toEqual({
    ok: true,
    input: {
      productName: "Sole commune",
      description: null,
      categoryId: null,
      quantity: 2.5,
      unit: "kg",
      storage: "chilled",
      useBy: "2026-12-04",
      bestBefore: null,
      lotNumber: "DP-1127-01",
      rawFishery: true,
      frozenAtMinus18: false,
      pickupPlace: null,
      pickupStart: new Date("2026-11-27T16:00:00Z"),
      pickupEnd: new Date("2026-11-28T18:00:00Z"),
      costPriceCents: 320,
    },
  });
});

test("each bad field is named with the form's own message", () => {
  const parsed = parseLotForm({
    ...goodForm,
    productName: "  ",
    quantity: "-2",
    unit: "tonne",
    storage: "",
    useBy: "demain",
    lotNumber: "x".repeat(61),
    rawFishery: "peut-être",
    pickupStart: "2026-02-30T10:00",
    pickupEnd: "",
    costPrice: "3,205",
  });
  expect(parsed.ok).toBe(false);
  if (parsed.ok) return;
  expect(Object.fromEntries(parsed.issues.map((issue) => [issue.field, issue.messageKey]))).toEqual({
    productName: "donations.lot.field.productName",
    quantity: "donations.lot.field.quantity.too_small",
    unit: "donor.field.unit",
    storage: "donor.field.storage",
    useBy: "donor.field.useBy",
    lotNumber: "donations.lot.field.lotNumber",
    rawFishery: "donor.field.checkbox",
    pickupStart: "donor.field.pickupStart",
    pickupEnd: "donor.field.pickupEnd",
    costPrice: "donor.field.costPrice",
  });
});

test("prices and quantities out of bounds are refused by the schema's limits", () => {
  const fields = (parsed: ReturnType<typeof parseLotForm>) => (parsed.ok ? [] : parsed.issues.map((issue) => `${issue.field}:${issue.messageKey}`));
  expect(fields(parseLotForm({ ...goodForm, costPrice: "-1" }))).toEqual(["costPrice:donor.field.costPrice"]);
  expect(fields(parseLotForm({ ...goodForm, costPrice: "10000,01" }))).toEqual(["costPrice:donor.field.costPrice"]);
  expect(fields(parseLotForm({ ...goodForm, costPrice: "" }))).toEqual(["costPrice:donor.field.costPrice"]);
  expect(fields(parseLotForm({ ...goodForm, quantity: "100001" }))).toEqual(["quantity:donations.lot.field.quantity.too_large"]);
  expect(fields(parseLotForm({ ...goodForm, quantity: "1,2345" }))).toEqual(["quantity:donations.lot.field.quantity.decimals"]);
  expect(fields(parseLotForm({ ...goodForm, quantity: "" }))).toEqual(["quantity:donations.lot.field.quantity.invalid"]);
  expect(fields(parseLotForm({ ...goodForm, costPrice: "0" }))).toEqual([]);
});

test("the unsold form: the ticked rows with their own fields, the common window apart", () => {
  const parsed = parseUnsoldForm({
    "give.offre-1": "on",
    "quantity.offre-1": "15",
    "costPrice.offre-1": "4",
    "give.offre-2": "",
    "quantity.offre-2": "3",
    pickupStart: "2026-11-27T17:00",
    pickupEnd: "2026-11-28T19:00",
    pickupPlace: "Quai Henri IV",
  });
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) return;
  expect(parsed.form.rows.map((row) => [row.offerId, row.values.quantity, row.values.costPrice])).toEqual([["offre-1", "15", "4"]]);
  expect(parsed.form.common).toEqual({ pickupPlace: "Quai Henri IV", pickupStart: "2026-11-27T17:00", pickupEnd: "2026-11-28T19:00" });
  expect(parseUnsoldForm({ "quantity.offre-1": "15" })).toEqual({ ok: false, issue: { field: "give", messageKey: "donor.unsold.none_checked" } });
  expect(parseUnsoldForm({ "give.../etc": "on" })).toEqual({ ok: false, issue: { field: "give.../etc", messageKey: "field.id.invalid" } });
});
