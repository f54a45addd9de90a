import { expect, test } from "vitest";
import { preparationState } from "~/domain/preparation/preparation-window";

const cutoffAt = new Date("2026-11-25T19:00:00Z");

test("preparation opens at the cutoff instant itself, not a millisecond before", () => {
  expect(preparationState({ status: "SCHEDULED", cutoffAt }, new Date(cutoffAt.getTime() - 1))).toBe("provisional");
  expect(preparationState({ status: "SCHEDULED", cutoffAt }, cutoffAt)).toBe("open");
  expect(preparationState({ status: "SCHEDULED", cutoffAt }, new Date("2026-12-25T00:00:00Z"))).toBe("open");
});

test("a cancelled distribution has nothing to prepare", () => {
  expect(preparationState({ status: "CANCELLED", cutoffAt }, new Date("2026-12-25T00:00:00Z"))).toBe("cancelled");
});
