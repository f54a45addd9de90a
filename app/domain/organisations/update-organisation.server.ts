import { db } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { Prisma } from "~/generated/prisma/client";
import { identityChanges, parseIdentityChanges } from "~/domain/organisations/identity-changes";
import { notifyAdminsAwaitingVerification, notifyAdminsIdentityChanged } from "~/domain/organisations/notify-admins.server";
import type { OrganisationProfile } from "~/domain/organisations/organisation-input";
import { communeByInsee } from "~/domain/organisations/territory";

type UpdateInput = {
  organisationId: string;
  userId: string;
  profile: OrganisationProfile;
  now: Date;
  appUrl: string;
};

/**
 * A member edits their organisation's profile. Saving a refused organisation is its resubmission:
 * it goes back to pending and the admins are told again.
 *
 * A verified organisation that changes what the territory checked (name, SIRET, kind, organic
 * control body: identity-changes.ts) goes back to review: it stays verified meanwhile, so its
 * current offers stay on sale (cutting a farm off its customers for a typo fix would be worse than
 * the risk), but the admins are told what changed and see it on /admin/organisations, and a new
 * organic control body prints "bio" on no product until they decide (product-input-context).
 * Their decision settles it: verify again, or refuse (off the shelves). The slug never changes:
 * public links keep working.
 */
export async function updateOrganisation(input: UpdateInput): Promise<{ resubmitted: boolean; reviewRequested: boolean }> {
  const commune = communeByInsee(input.profile.communeInsee);
  if (!commune) throw new DomainError("invalid", { field: "communeInsee" });
  return db().$transaction(async (tx) => {
    await tx.commune.createMany({ data: [commune], skipDuplicates: true });
    // Locked: two saves at once compare each against what the other wrote, never both against the old profile.
    const locked = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT o.id FROM "Organisation" o
      WHERE o.id = ${input.organisationId} AND o.kind = 'PRODUCER'
        AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."organisationId" = o.id AND m."userId" = ${input.userId} AND m.role = 'PRODUCER')
      FOR UPDATE`;
    if (locked.length === 0) throw new DomainError("not_found");
    const current = await tx.organisation.findUniqueOrThrow({
      where: { id: input.organisationId },
      select: { name: true, siret: true, rna: true, producerKind: true, organicControlBody: true, verifiedAt: true, refusedAt: true, reviewRequestedAt: true, identityChanges: true },
    });
    await tx.organisation.update({ where: { id: input.organisationId }, data: input.profile, select: { id: true } });

    if (current.refusedAt) {
      await tx.organisation.update({ where: { id: input.organisationId }, data: { refusedAt: null, refusalReason: null }, select: { id: true } });
      await notifyAdminsAwaitingVerification(tx, { organisationName: input.profile.name, communeName: commune.name, resubmitted: true, appUrl: input.appUrl });
      return { resubmitted: true, reviewRequested: false };
    }
    if (!current.verifiedAt) return { resubmitted: false, reviewRequested: false };

    const pending = parseIdentityChanges(current.identityChanges);
    const changes = identityChanges(current, input.profile, pending);
    const unchanged = JSON.stringify(changes) === JSON.stringify(pending);
    if (unchanged) return { resubmitted: false, reviewRequested: changes.length > 0 };
    await tx.organisation.update({
      where: { id: input.organisationId },
      data:
        changes.length > 0
          ? { reviewRequestedAt: current.reviewRequestedAt ?? input.now, identityChanges: changes }
          : { reviewRequestedAt: null, identityChanges: Prisma.DbNull },
      select: { id: true },
    });
    if (changes.length === 0) return { resubmitted: false, reviewRequested: false };
    await notifyAdminsIdentityChanged(tx, { organisationName: input.profile.name, changes, appUrl: input.appUrl });
    return { resubmitted: false, reviewRequested: true };
  });
}
