import { expect, test } from "vitest";
import { db, statementsIssued } from "~/db.server";

test("the migrated database answers and statements are counted", async () => {
  const before = statementsIssued();
  const count = await db().user.count();
  expect(count).toBe(0);
  expect(statementsIssued() - before).toBe(1);
});
