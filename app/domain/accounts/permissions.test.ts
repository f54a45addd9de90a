import { expect, test } from "vitest";
import { can, type Role } from "~/domain/accounts/permissions";

const everyRole: Role[] = ["CONSUMER", "PRODUCER", "AMAP_COORDINATOR", "CHARITY", "ADMIN"];

test("refunding any card-paid order is the territory admin's own write permission, not a reading one", () => {
  expect(everyRole.filter((role) => can({ roles: [role] }, "refund:order:any"))).toEqual(["ADMIN"]);
});
