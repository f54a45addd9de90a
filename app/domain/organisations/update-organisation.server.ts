import { db } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { notifyAdminsAwaitingVerification } from "~/domain/organisations/notify-admins.server";
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
 * it goes back to pending and the admins are told again. A verified one stays verified (the slug
 * does not change either: public links keep working).
 */
export async function updateOrganisation(input: UpdateInput): Promise<{ resubmitted: boolean }> {
  const commune = communeByInsee(input.profile.communeInsee);
  if (!commune) throw new DomainError("invalid", { field: "communeInsee" });
  return db().$transaction(async (tx) => {
    await tx.commune.createMany({ data: [commune], skipDuplicates: true });
    const updated = await tx.organisation.updateMany({
      where: { id: input.organisationId, kind: "PRODUCER", memberships: { some: { userId: input.userId, role: "PRODUCER" } } },
      data: input.profile,
    });
    if (updated.count === 0) throw new DomainError("not_found");
    const resubmitted = await tx.organisation.updateMany({
      where: { id: input.organisationId, refusedAt: { not: null } },
      data: { refusedAt: null, refusalReason: null },
    });
    if (resubmitted.count > 0) {
      await notifyAdminsAwaitingVerification(tx, { organisationName: input.profile.name, communeName: commune.name, resubmitted: true, appUrl: input.appUrl });
    }
    return { resubmitted: resubmitted.count > 0 };
  });
}
