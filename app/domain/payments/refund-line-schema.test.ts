import { expect, test } from "vitest";
import { refundLineSchema } from "~/domain/payments/refund-line.server";

const line = "0f8fad5b-d9cb-469f-a165-70867728950e";
const amountOf = (amountCents: unknown) => refundLineSchema.safeParse({ orderLineId: line, amountCents, kind: "damaged" });

test("a refund's amount is euros to the cent, as a French or English person types it", () => {
  expect(amountOf("12,34")).toMatchObject({ success: true, data: { amountCents: 1_234 } });
  expect(amountOf("12.5")).toMatchObject({ success: true, data: { amountCents: 1_250 } });
  expect(amountOf("1 000,00 €")).toMatchObject({ success: true, data: { amountCents: 100_000 } });
  expect(amountOf("0,01")).toMatchObject({ success: true, data: { amountCents: 1 } });
});

test("a negative, zero, exponent, three-decimal, empty or absurd amount is refused with the amount's message", () => {
  for (const typed of ["-5", "0", "0,00", "1e9", "12,345", "", "abc", "999999999", 1e9, 12.5, null]) {
    const parsed = amountOf(typed);
    expect(parsed.success, String(typed)).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message), String(typed)).toEqual(["cardRefunds.field.amount.invalid"]);
  }
});
