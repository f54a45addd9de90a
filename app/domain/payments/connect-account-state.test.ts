import { expect, test } from "vitest";
import { connectAccountState } from "~/domain/payments/connect-account-state";

const noRequirements = { currently_due: [], eventually_due: [], past_due: [], pending_verification: [], disabled_reason: null };

test("an account just created, onboarding not finished: details missing, no transfer", () => {
  expect(
    connectAccountState({ details_submitted: false, capabilities: { transfers: "inactive" }, requirements: { ...noRequirements, currently_due: ["external_account"] } }),
  ).toEqual({ state: "DETAILS_MISSING", transfersEnabled: false });
});

test("every detail given, Stripe checking them: under review, still no transfer", () => {
  expect(connectAccountState({ details_submitted: true, capabilities: { transfers: "pending" }, requirements: { ...noRequirements, pending_verification: ["individual.id_number"] } })).toEqual({
    state: "UNDER_REVIEW",
    transfersEnabled: false,
  });
});

test("details given but Stripe asks for more (past due): details missing again", () => {
  expect(connectAccountState({ details_submitted: true, capabilities: { transfers: "inactive" }, requirements: { ...noRequirements, past_due: ["individual.verification.document"] } })).toEqual({
    state: "DETAILS_MISSING",
    transfersEnabled: false,
  });
});

test("the transfers capability active: ready, transfers enabled", () => {
  expect(connectAccountState({ details_submitted: true, capabilities: { transfers: "active" }, requirements: noRequirements })).toEqual({ state: "READY", transfersEnabled: true });
});

test("an account object without capabilities or requirements is not taken for ready", () => {
  expect(connectAccountState({})).toEqual({ state: "DETAILS_MISSING", transfersEnabled: false });
});
