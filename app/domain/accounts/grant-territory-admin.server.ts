import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { freeSlug } from "~/domain/organisations/slug.server";
import { slugify, territoryName } from "~/domain/organisations/territory";

export type GrantTerritoryAdminResult = { userId: string; organisationId: string; organisationCreated: boolean; alreadyAdmin: boolean };

/**
 * Makes a person who has registered (with their own password, on the site) an admin of the
 * territory: the way an operator names the first admin of a new database, since the demo's are
 * never loaded there (decision 016). The territory organisation is made on first use, verified,
 * named from communes.json. Run twice, it changes nothing more. An operator command only: no page
 * or API calls it, so it checks no permission of its own.
 */
export async function grantTerritoryAdmin(options: { email: string; now: Date }): Promise<GrantTerritoryAdminResult> {
  const email = options.email.trim().toLowerCase();
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (!user) throw new DomainError("not_found", { field: "email" });
    // One territory per database: two operators running this at once must not make two.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('territory-organisation', 0))`;
    let territory = await tx.organisation.findFirst({ where: { kind: "TERRITORY" }, orderBy: { createdAt: "asc" }, select: { id: true } });
    const organisationCreated = !territory;
    if (!territory) {
      const name = territoryName();
      territory = await tx.organisation.create({
        data: { id: randomUUID(), kind: "TERRITORY", name, slug: await freeSlug(tx, slugify(name)), verifiedAt: options.now, createdById: user.id },
        select: { id: true },
      });
    }
    const existing = await tx.membership.findUnique({ where: { userId_organisationId: { userId: user.id, organisationId: territory.id } }, select: { role: true } });
    if (existing?.role !== "ADMIN") {
      await tx.membership.upsert({
        where: { userId_organisationId: { userId: user.id, organisationId: territory.id } },
        create: { userId: user.id, organisationId: territory.id, role: "ADMIN" },
        update: { role: "ADMIN" },
      });
    }
    return { userId: user.id, organisationId: territory.id, organisationCreated, alreadyAdmin: existing?.role === "ADMIN" };
  });
}
