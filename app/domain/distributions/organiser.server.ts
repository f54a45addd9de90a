import { db } from "~/db.server";
import type { CurrentUser } from "~/domain/accounts/session.server";

/** The roles that organise distributions (permission manage:distribution:own), in the order one is chosen. */
export const ORGANISER_ROLES = ["PRODUCER", "AMAP_COORDINATOR", "ADMIN"] as const;

export type Organiser = { id: string; name: string; verified: boolean };

/**
 * The organisation a person organises distributions for: their producer organisation, else their
 * AMAP, else the territory. Someone in several acts for the first (choosing comes when needed).
 */
export async function organiserOf(user: Pick<CurrentUser, "memberships">): Promise<Organiser | null> {
  for (const role of ORGANISER_ROLES) {
    const ids = user.memberships.filter((membership) => membership.role === role).map((membership) => membership.organisationId);
    if (ids.length === 0) continue;
    const organisation = await db().organisation.findFirst({
      where: { id: { in: ids } },
      select: { id: true, name: true, verifiedAt: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
    if (organisation) return { id: organisation.id, name: organisation.name, verified: organisation.verifiedAt !== null };
  }
  return null;
}

/** Organisations whose distributions this person may cancel (admins may cancel any). */
export function organiserIds(user: Pick<CurrentUser, "memberships">): string[] {
  return user.memberships
    .filter((membership) => (ORGANISER_ROLES as readonly string[]).includes(membership.role))
    .map((membership) => membership.organisationId);
}
