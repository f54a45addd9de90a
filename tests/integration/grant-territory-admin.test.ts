import { expect, test } from "vitest";
import { db } from "~/db.server";
import { findSessionUser } from "~/domain/accounts/session.server";
import { grantTerritoryAdmin } from "~/domain/accounts/grant-territory-admin.server";
import { createSession } from "~/domain/accounts/session.server";
import { createUser, uniqueEmail } from "../factories";

async function rolesOf(userId: string): Promise<string[]> {
  const session = await createSession(db(), userId, new Date());
  return (await findSessionUser(session.token, new Date()))?.roles ?? [];
}

test("a person who registered becomes the territory's admin by the operator's command, once, in the one territory organisation", async () => {
  const first = await createUser({ email: uniqueEmail("premiere-admin") });
  const second = await createUser();
  expect(await rolesOf(first.id)).not.toContain("ADMIN");

  const granted = await grantTerritoryAdmin({ email: ` ${first.email.toUpperCase()} `, now: new Date() });
  expect(granted.alreadyAdmin).toBe(false);
  expect(await rolesOf(first.id)).toContain("ADMIN");

  const again = await grantTerritoryAdmin({ email: first.email, now: new Date() });
  expect(again).toMatchObject({ alreadyAdmin: true, organisationCreated: false, organisationId: granted.organisationId });
  const other = await grantTerritoryAdmin({ email: second.email, now: new Date() });
  expect(other.organisationId).toBe(granted.organisationId);
  expect(await rolesOf(second.id)).toContain("ADMIN");

  const territories = await db().organisation.findMany({ where: { kind: "TERRITORY" }, select: { id: true, verifiedAt: true } });
  expect(territories.map((territory) => territory.id)).toContain(granted.organisationId);
  expect(territories.find((territory) => territory.id === granted.organisationId)?.verifiedAt).not.toBeNull();
  expect(await db().membership.count({ where: { userId: first.id, role: "ADMIN" } })).toBe(1);
});

test("an address with no account is refused and nothing is created: the person registers first, with their own password", async () => {
  const before = await db().organisation.count({ where: { kind: "TERRITORY" } });
  const membershipsBefore = await db().membership.count({ where: { role: "ADMIN" } });
  await expect(grantTerritoryAdmin({ email: uniqueEmail("personne"), now: new Date() })).rejects.toMatchObject({ code: "not_found" });
  expect(await db().organisation.count({ where: { kind: "TERRITORY" } })).toBe(before);
  expect(await db().membership.count({ where: { role: "ADMIN" } })).toBe(membershipsBefore);
});
