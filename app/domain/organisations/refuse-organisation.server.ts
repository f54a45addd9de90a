import { z } from "zod";
import { db } from "~/db.server";
import { can, type Principal } from "~/domain/accounts/permissions";
import { DomainError } from "~/domain/errors";
import { Prisma } from "~/generated/prisma/client";
import { idField } from "~/domain/fields";
import { enqueueEmail } from "~/domain/mail/enqueue-email.server";
import { organisationRefusedEmail } from "~/domain/organisations/emails";
import { organisationMembers } from "~/domain/organisations/notify-admins.server";
import { refusalReasonField } from "~/domain/organisations/review-organisation";
import { REVIEWED_KINDS } from "~/domain/organisations/verify-organisation.server";

export const reviewOrganisationSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("verify"), organisationId: idField }),
  z.object({ intent: z.literal("refuse"), organisationId: idField, reason: refusalReasonField }),
]);

/**
 * A territory admin refuses a producer or a charity with a reason its members read (by email, and
 * on their organisation page or charity space). A verified one can be refused too: a producer
 * stops selling, a charity stops claiming, at once. Producers correct their profile and save it
 * to resubmit (update-organisation.server.ts); a charity contacts the territory.
 */
export async function refuseOrganisation(input: { organisationId: string; reason: string; admin: Principal; now: Date; appUrl: string }): Promise<{ changed: boolean }> {
  if (!can(input.admin, "verify:organisation:any")) throw new DomainError("forbidden");
  return db().$transaction(async (tx) => {
    const changed = await tx.organisation.updateMany({
      where: { id: input.organisationId, kind: { in: [...REVIEWED_KINDS] }, refusedAt: null },
      data: { refusedAt: input.now, refusalReason: input.reason, verifiedAt: null, reviewRequestedAt: null, identityChanges: Prisma.DbNull },
    });
    const organisation = await tx.organisation.findFirst({ where: { id: input.organisationId, kind: { in: [...REVIEWED_KINDS] } }, select: { name: true, kind: true } });
    if (!organisation) throw new DomainError("not_found");
    if (changed.count === 0) return { changed: false };
    const kind = organisation.kind === "CHARITY" ? "CHARITY" : "PRODUCER";
    const profileUrl = `${input.appUrl}${kind === "CHARITY" ? "/association" : "/producteur/organisation"}`;
    for (const member of await organisationMembers(tx, input.organisationId)) {
      await enqueueEmail(tx, {
        to: member.email,
        locale: member.locale,
        ...organisationRefusedEmail(member.locale, { kind, name: member.name, organisationName: organisation.name, reason: input.reason, profileUrl }),
      });
    }
    return { changed: true };
  });
}
