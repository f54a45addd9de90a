import { expect, test } from "vitest";
import { documentReader } from "~/domain/donations/document-reader";

test("a member reads the documents of their organisations; a territory admin reads them all", () => {
  expect(documentReader({ roles: ["CONSUMER", "CHARITY"], organisationIds: ["org-1"] })).toEqual({ organisationIds: ["org-1"], isAdmin: false });
  expect(documentReader({ roles: ["CONSUMER", "PRODUCER"], organisationIds: ["org-2", "org-3"] })).toEqual({ organisationIds: ["org-2", "org-3"], isAdmin: false });
  expect(documentReader({ roles: ["CONSUMER", "ADMIN"], organisationIds: [] })).toEqual({ organisationIds: [], isAdmin: true });
});
