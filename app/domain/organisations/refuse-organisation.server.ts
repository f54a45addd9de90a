import { z } from "zod";
import { db } from "~/db.server";
import { can, type Principal } from "~/domain/accounts/permissions";
import { DomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { enqueueEmail } from "~/domain/mail/enqueue-email.server";
import { organisationRefusedEmail } from "~/domain/organisations/emails";
import { organisationMembers } from "~/domain/organisations/notify-admins.server";
import { refusalReasonField } from "~/domain/organisations/review-organisation";

export const reviewOrganisationSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("verify"), organisationId: idField }),
  z.object({ intent: z.literal("refuse"), organisationId: idField, reason: refusalReasonField }),
]);

/**
 * A territory admin refuses a producer with a reason its members read (by email, and on their
 * organisation page). A verified producer can be refused too: it stops selling at once. The
 * members correct their profile and save it to resubmit (update-organisation.server.ts).
 */
export async function refuseOrganisation(input: { organisationId: string; reason: string; admin: Principal; now: Date; appUrl: string }): Promise<{ changed: boolean }> {
  if (!can(input.admin, "verify:organisation:any")) throw new DomainError("forbidden");
  return db().$transaction(async (tx) => {
    const changed = await tx.organisation.updateMany({
      where: { id: input.organisationId, kind: "PRODUCER", refusedAt: null },
      data: { refusedAt: input.now, refusalReason: input.reason, verifiedAt: null },
    });
    const organisation = await tx.organisation.findFirst({ where: { id: input.organisationId, kind: "PRODUCER" }, select: { name: true } });
    if (!organisation) throw new DomainError("not_found");
    if (changed.count === 0) return { changed: false };
    for (const member of await organisationMembers(tx, input.organisationId)) {
      await enqueueEmail(tx, {
        to: member.email,
        locale: member.locale,
        ...organisationRefusedEmail(member.locale, { name: member.name, organisationName: organisation.name, reason: input.reason, profileUrl: `${input.appUrl}/producteur/organisation` }),
      });
    }
    return { changed: true };
  });
}
