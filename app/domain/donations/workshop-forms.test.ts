import { expect, test } from "vitest";
import { decimalFrom, processedLotFormSchema, processedLotInput, workshopHandoverFormSchema } from "~/domain/donations/workshop-forms";

const form = {
  sourceClaimId: "c1",
  productName: " Filets de lieu noir ",
  quantity: "2,5",
  unit: "kg",
  storage: "frozen",
  useBy: "",
  bestBefore: "2027-05-01",
  lotNumber: "",
  pickupPlace: "",
  pickupStart: "2027-03-27T09:00",
  pickupEnd: "2027-03-28T18:00",
  contribution: "1,50 €",
  costPrice: "3.2",
  frozenAtMinus18: "on",
};

test("French decimals, euros and Paris wall-clock times are read as a French user types them", () => {
  const parsed = processedLotFormSchema.parse(form);
  expect(parsed).toMatchObject({ productName: "Filets de lieu noir", quantity: 2.5, contribution: 150, costPrice: 320, useBy: null, bestBefore: "2027-05-01", lotNumber: null, frozenAtMinus18: true });
  // Winter time on the 27th (UTC+1), summer time on the 28th (UTC+2): the clocks change that night.
  expect(parsed.pickupStart.toISOString()).toBe("2027-03-27T08:00:00.000Z");
  expect(parsed.pickupEnd.toISOString()).toBe("2027-03-28T16:00:00.000Z");
  expect(processedLotInput(parsed)).toMatchObject({ quantity: 2.5, unit: "kg", storage: "frozen", costPriceCents: 320, rawFishery: false, pickupPlace: null });
});

test("an unchecked box is false; a missing field is refused by name", () => {
  const { frozenAtMinus18: _, ...unchecked } = form;
  expect(processedLotFormSchema.parse(unchecked).frozenAtMinus18).toBe(false);
  const { productName: __, ...nameless } = form;
  const result = processedLotFormSchema.safeParse(nameless);
  expect(result.success).toBe(false);
  expect(result.error?.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`)).toEqual(["productName:sea.field.productName"]);
});

test("decimals: comma or point, a sign, units after; anything else stays as typed", () => {
  expect(decimalFrom("2,5")).toBe(2.5);
  expect(decimalFrom("−18,5 °C")).toBe(-18.5);
  expect(decimalFrom("-0.5")).toBe(-0.5);
  expect(decimalFrom("12 kg")).toBe(12);
  expect(decimalFrom("1e9")).toBe("1e9");
  expect(decimalFrom("deux")).toBe("deux");
  expect(decimalFrom("1,2,3")).toBe("1,2,3");
});

test("impossible times and dates are refused", () => {
  for (const [field, value] of [["pickupStart", "2027-02-30T09:00"], ["pickupStart", "2027-03-27T25:00"], ["bestBefore", "2027-13-01"], ["pickupEnd", ""]]) {
    const result = processedLotFormSchema.safeParse({ ...form, [field as string]: value });
    expect(result.success, `${field}=${value}`).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  }
});

test("the hand-over: six digits, a temperature with a comma, or none", () => {
  expect(workshopHandoverFormSchema.parse({ claimId: "c1", pickupCode: " 048213 ", temperatureC: "-19,5" })).toEqual({ claimId: "c1", pickupCode: "048213", temperatureC: -19.5 });
  expect(workshopHandoverFormSchema.parse({ claimId: "c1", pickupCode: "048213", temperatureC: "" }).temperatureC).toBeUndefined();
  expect(workshopHandoverFormSchema.safeParse({ claimId: "c1", pickupCode: "4821" }).success).toBe(false);
  expect(workshopHandoverFormSchema.safeParse({ claimId: "c1", pickupCode: "048213", temperatureC: "25" }).success).toBe(false);
});
