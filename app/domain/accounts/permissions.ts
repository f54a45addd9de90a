/**
 * Permissions as data (Epic Stack ADR 028): `action:entity:own|any` per role, checked on the
 * server by `can` and mirrored in the interface. Every signed-in person is a consumer; other
 * roles come from organisation memberships.
 */
export type Role = "CONSUMER" | "PRODUCER" | "AMAP_COORDINATOR" | "CHARITY" | "ADMIN";

export type Permission =
  | "create:order:own"
  | "read:order:own"
  | "update:order:own"
  | "read:outbox:any"
  | "read:order:any"
  | "refund:order:any"
  | "manage:offer:own"
  | "manage:product:own"
  | "prepare:order:own"
  | "manage:organisation:own"
  | "verify:organisation:any"
  | "manage:distribution:own"
  | "claim:donation:own"
  | "donate:lot:own"
  /** The local-products label (decision 029): a producer applies for their own products, the territory decides. */
  | "apply:label:own"
  | "decide:label:any";

const permissionsByRole: Record<Role, readonly Permission[]> = {
  CONSUMER: ["create:order:own", "read:order:own", "update:order:own"],
  PRODUCER: ["manage:offer:own", "manage:product:own", "prepare:order:own", "manage:organisation:own", "manage:distribution:own", "donate:lot:own", "apply:label:own"],
  AMAP_COORDINATOR: ["manage:distribution:own", "manage:organisation:own"],
  CHARITY: ["claim:donation:own", "manage:organisation:own"],
  ADMIN: ["read:outbox:any", "read:order:any", "refund:order:any", "manage:distribution:own", "verify:organisation:any", "decide:label:any"],
};

export type Principal = { roles: readonly Role[] };

export function can(principal: Principal, permission: Permission): boolean {
  return principal.roles.some((role) => permissionsByRole[role].includes(permission));
}

export function rolesFromMemberships(memberships: ReadonlyArray<{ role: Exclude<Role, "CONSUMER"> }>): Role[] {
  return ["CONSUMER", ...new Set(memberships.map((membership) => membership.role))];
}
