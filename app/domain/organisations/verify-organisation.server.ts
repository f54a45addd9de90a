import { db } from "~/db.server";
import { can, type Principal } from "~/domain/accounts/permissions";
import { DomainError } from "~/domain/errors";
import { Prisma } from "~/generated/prisma/client";
import { enqueueEmail } from "~/domain/mail/enqueue-email.server";
import { organisationVerifiedEmail } from "~/domain/organisations/emails";
import { organisationMembers } from "~/domain/organisations/notify-admins.server";

/** The kinds of organisation the territory verifies: producers (to sell) and charities (to receive donations). */
export const REVIEWED_KINDS = ["PRODUCER", "CHARITY"] as const;

/** Where a member of each kind acts once verified. */
export function spacePath(kind: (typeof REVIEWED_KINDS)[number]): string {
  return kind === "CHARITY" ? "/association" : "/producteur";
}

/**
 * A territory admin verifies a producer (from now on it sells and appears publicly) or a charity
 * (from now on it sees and claims lots). Its members are told, each in their language, and sent
 * to their space. Verifying twice changes nothing and tells nothing twice.
 */
export async function verifyOrganisation(input: { organisationId: string; admin: Principal; now: Date; appUrl: string }): Promise<{ changed: boolean }> {
  if (!can(input.admin, "verify:organisation:any")) throw new DomainError("forbidden");
  return db().$transaction(async (tx) => {
    // Pending, refused, or verified with an identity change awaiting review (update-organisation.server.ts).
    const changed = await tx.organisation.updateMany({
      where: { id: input.organisationId, kind: { in: [...REVIEWED_KINDS] }, OR: [{ verifiedAt: null }, { reviewRequestedAt: { not: null } }] },
      data: { verifiedAt: input.now, refusedAt: null, refusalReason: null, reviewRequestedAt: null, identityChanges: Prisma.DbNull },
    });
    const organisation = await tx.organisation.findFirst({ where: { id: input.organisationId, kind: { in: [...REVIEWED_KINDS] } }, select: { name: true, kind: true } });
    if (!organisation) throw new DomainError("not_found");
    if (changed.count === 0) return { changed: false };
    const kind = organisation.kind === "CHARITY" ? "CHARITY" : "PRODUCER";
    for (const member of await organisationMembers(tx, input.organisationId)) {
      await enqueueEmail(tx, {
        to: member.email,
        locale: member.locale,
        ...organisationVerifiedEmail(member.locale, { kind, name: member.name, organisationName: organisation.name, spaceUrl: `${input.appUrl}${spacePath(kind)}` }),
      });
    }
    return { changed: true };
  });
}
