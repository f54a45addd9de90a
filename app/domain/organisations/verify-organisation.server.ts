import { db } from "~/db.server";
import { can, type Principal } from "~/domain/accounts/permissions";
import { DomainError } from "~/domain/errors";
import { enqueueEmail } from "~/domain/mail/enqueue-email.server";
import { organisationVerifiedEmail } from "~/domain/organisations/emails";
import { organisationMembers } from "~/domain/organisations/notify-admins.server";

/**
 * A territory admin verifies a producer: from now on it sells and appears publicly. Its members
 * are told, each in their language. Verifying twice changes nothing and tells nothing twice.
 */
export async function verifyOrganisation(input: { organisationId: string; admin: Principal; now: Date; appUrl: string }): Promise<{ changed: boolean }> {
  if (!can(input.admin, "verify:organisation:any")) throw new DomainError("forbidden");
  return db().$transaction(async (tx) => {
    const changed = await tx.organisation.updateMany({
      where: { id: input.organisationId, kind: "PRODUCER", verifiedAt: null },
      data: { verifiedAt: input.now, refusedAt: null, refusalReason: null },
    });
    const organisation = await tx.organisation.findFirst({ where: { id: input.organisationId, kind: "PRODUCER" }, select: { name: true } });
    if (!organisation) throw new DomainError("not_found");
    if (changed.count === 0) return { changed: false };
    for (const member of await organisationMembers(tx, input.organisationId)) {
      await enqueueEmail(tx, {
        to: member.email,
        locale: member.locale,
        ...organisationVerifiedEmail(member.locale, { name: member.name, organisationName: organisation.name, spaceUrl: `${input.appUrl}/producteur` }),
      });
    }
    return { changed: true };
  });
}
