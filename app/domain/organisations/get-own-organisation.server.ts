import { db } from "~/db.server";
import { verificationStatus } from "~/domain/organisations/review-organisation";

/** The organisation page of the producer space: profile, status, members, invitations still open. */
export async function getOwnOrganisation(input: { organisationId: string; userId: string; now: Date }) {
  const organisation = await db().organisation.findFirst({
    where: { id: input.organisationId, kind: "PRODUCER", memberships: { some: { userId: input.userId } } },
    select: {
      id: true,
      name: true,
      slug: true,
      siret: true,
      producerKind: true,
      communeInsee: true,
      address: true,
      lat: true,
      lon: true,
      description: true,
      openingHours: true,
      openingHoursWeek: true,
      visits: true,
      visitBooking: true,
      organicCertified: true,
      organicControlBody: true,
      contactEmail: true,
      contactPhone: true,
      verifiedAt: true,
      refusedAt: true,
      refusalReason: true,
      reviewRequestedAt: true,
      memberships: { select: { role: true, user: { select: { name: true, email: true } } }, orderBy: { user: { name: "asc" } } },
      files: {
        where: { purpose: "ORGANISATION_PHOTO" },
        select: { id: true, width: true, height: true },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      },
      invitations: {
        where: { acceptedAt: null, expiresAt: { gt: input.now } },
        select: { id: true, email: true, expiresAt: true },
        orderBy: { createdAt: "desc" },
      },
    },
  });
  if (!organisation) return null;
  const { memberships, files, ...profile } = organisation;
  return {
    ...profile,
    status: verificationStatus(organisation),
    // The rule inviteMember enforces: an organisation the territory has not verified invites no one.
    canInvite: organisation.verifiedAt !== null,
    photos: files,
    members: memberships.map((membership) => ({ role: membership.role, ...membership.user })),
  };
}
