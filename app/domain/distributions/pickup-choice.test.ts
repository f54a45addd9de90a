import { expect, test } from "vitest";
import { choiceCookieValue, choiceOfAccount, effectiveChoice, parseChoiceCookie } from "~/domain/distributions/pickup-choice";

test("a choice written in the cookie reads back the same", () => {
  const point = { kind: "point", pointId: "0b4a2c1e-8f1d-5e6a-9c3b-2d4e6f8a0b1c" } as const;
  const commune = { kind: "commune", communeInsee: "76217" } as const;
  expect(parseChoiceCookie(choiceCookieValue(point))).toEqual(point);
  expect(parseChoiceCookie(choiceCookieValue(commune))).toEqual(commune);
  expect(parseChoiceCookie("commune:2A004")).toEqual({ kind: "commune", communeInsee: "2A004" });
});

test("a cookie that is not a well-formed choice is no choice, never an error", () => {
  for (const value of [undefined, "", "point:", "point", "commune:7621", "commune:abcde", "ville:76217", "point:a:b", "point:<script>", `point:${"x".repeat(65)}`]) {
    expect(parseChoiceCookie(value)).toBeNull();
  }
});

test("the account's choice wins over the browser's; the browser's serves when the account has none", () => {
  const account = choiceOfAccount({ pickupPointId: null, pickupCommuneInsee: "76217" });
  const cookie = parseChoiceCookie("point:quai");
  expect(account).toEqual({ kind: "commune", communeInsee: "76217" });
  expect(effectiveChoice(account, cookie)).toEqual(account);
  expect(effectiveChoice(choiceOfAccount({ pickupPointId: null, pickupCommuneInsee: null }), cookie)).toEqual({ kind: "point", pointId: "quai" });
  expect(effectiveChoice(null, null)).toBeNull();
});
