import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { notifyAdminsAwaitingVerification } from "~/domain/organisations/notify-admins.server";
import type { OrganisationProfile } from "~/domain/organisations/organisation-input";
import { freeSlug } from "~/domain/organisations/slug.server";
import { communeByInsee, slugify } from "~/domain/organisations/territory";

export { organisationProfileSchema as createProducerOrganisationSchema } from "~/domain/organisations/organisation-input";

type CreateInput = {
  userId: string;
  profile: OrganisationProfile;
  now: Date;
  appUrl: string;
};

/**
 * A signed-in person registers their farm, boat or workshop. It starts pending (verifiedAt null):
 * it can prepare its catalogue but neither sells nor appears publicly until a territory admin
 * verifies it. The creator becomes its first PRODUCER member; the admins are told by email in the
 * same transaction. One producer organisation per person: a double submit creates one.
 */
export async function createProducerOrganisation(input: CreateInput): Promise<{ id: string; slug: string }> {
  return db().$transaction(async (tx) => {
    // Serialises two submissions of the same person (double tap): the second sees the first.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${input.userId} FOR UPDATE`;
    const already = await tx.membership.findFirst({
      where: { userId: input.userId, role: "PRODUCER", organisation: { kind: "PRODUCER" } },
      select: { organisationId: true },
    });
    if (already) throw new DomainError("forbidden");

    const commune = communeByInsee(input.profile.communeInsee);
    if (!commune) throw new DomainError("invalid", { field: "communeInsee" });
    // The Commune table holds the reference list; make sure this one is there (seeded databases have all).
    await tx.commune.createMany({ data: [commune], skipDuplicates: true });

    const id = randomUUID();
    const slug = await freeSlug(tx, slugify(input.profile.name));
    await tx.organisation.create({
      data: {
        id,
        kind: "PRODUCER",
        slug,
        ...input.profile,
        verifiedAt: null,
        createdById: input.userId,
        createdAt: input.now,
        memberships: { create: { userId: input.userId, role: "PRODUCER" } },
      },
      select: { id: true },
    });
    await notifyAdminsAwaitingVerification(tx, { organisationName: input.profile.name, communeName: commune.name, resubmitted: false, appUrl: input.appUrl });
    return { id, slug };
  });
}
