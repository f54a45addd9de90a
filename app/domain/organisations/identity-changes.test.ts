import { expect, test } from "vitest";
import { identityChanges, parseIdentityChanges } from "~/domain/organisations/identity-changes";

const verified = { name: "Ferme des Falaises", siret: "12000101100010", producerKind: "MARKET_GARDENER", organicControlBody: null };

test("a new name, SIRET, kind or organic control body is a change; the same values are none", () => {
  expect(identityChanges(verified, { ...verified })).toEqual([]);
  expect(identityChanges(verified, { ...verified, name: " Ferme des Falaises " })).toEqual([]);
  expect(identityChanges(verified, { ...verified, name: "Ferme Bio du Val", organicControlBody: "FR-BIO-01" })).toEqual([
    { field: "name", before: "Ferme des Falaises", after: "Ferme Bio du Val" },
    { field: "organicControlBody", before: null, after: "FR-BIO-01" },
  ]);
  expect(identityChanges(verified, { ...verified, producerKind: "FISHER", siret: "35600000000048" }).map((change) => change.field)).toEqual(["siret", "producerKind"]);
});

test("changes already awaiting review keep the verified value, and a field set back to it is no longer a change", () => {
  const pending = identityChanges(verified, { ...verified, name: "Nom 2" });
  const current = { ...verified, name: "Nom 2" };
  expect(identityChanges(current, { ...current, name: "Nom 3" }, pending)).toEqual([{ field: "name", before: "Ferme des Falaises", after: "Nom 3" }]);
  expect(identityChanges(current, { ...current, name: "Ferme des Falaises" }, pending)).toEqual([]);
});

test("stored changes of an unknown shape are dropped rather than trusted", () => {
  expect(parseIdentityChanges(null)).toEqual([]);
  expect(parseIdentityChanges([{ field: "name", before: "A", after: "B" }, { field: "passwordHash", before: "x", after: "y" }, "junk"])).toEqual([
    { field: "name", before: "A", after: "B" },
  ]);
});
