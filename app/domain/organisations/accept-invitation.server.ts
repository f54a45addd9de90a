import { db, type DbOrTx } from "~/db.server";
import { hashToken } from "~/domain/accounts/session.server";
import { DomainError } from "~/domain/errors";

/** Invitation tokens are base64url of 32 random bytes; anything else is not one of ours. */
export function looksLikeInvitationToken(token: string | undefined): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(token);
}

export type InvitationPreview = { organisationName: string; email: string; expiresAt: Date };

/** What the invitation page shows before accepting; null when the link is unknown, used or expired. */
export async function findValidInvitation(token: string, now: Date, tx: DbOrTx = db()): Promise<InvitationPreview | null> {
  if (!looksLikeInvitationToken(token)) return null;
  const invitation = await tx.organisationInvitation.findFirst({
    where: { tokenHash: hashToken(token), acceptedAt: null, expiresAt: { gt: now } },
    select: { email: true, expiresAt: true, organisation: { select: { name: true } } },
  });
  return invitation ? { organisationName: invitation.organisation.name, email: invitation.email, expiresAt: invitation.expiresAt } : null;
}

/**
 * The invitee, signed in with the invited address (or having signed up with it and come back),
 * joins the organisation. The invitation is used by one conditional UPDATE: two clicks, two tabs
 * or two people holding the link make one membership, once. Unknown, used or expired →
 * invitation_invalid; someone signed in with another address → forbidden (the link was sent to a
 * person, not to whoever holds it).
 */
export async function acceptInvitation(input: { token: string; user: { id: string; email: string }; now: Date }): Promise<{ organisationId: string }> {
  if (!looksLikeInvitationToken(input.token)) throw new DomainError("invitation_invalid");
  return db().$transaction(async (tx) => {
    const used = await tx.$queryRaw<Array<{ organisationId: string; role: "PRODUCER" }>>`
      UPDATE "OrganisationInvitation" SET "acceptedAt" = ${input.now}
      WHERE "tokenHash" = ${hashToken(input.token)} AND "acceptedAt" IS NULL AND "expiresAt" > ${input.now}
        AND email = ${input.user.email}
      RETURNING "organisationId", role::text AS role`;
    const invitation = used[0];
    if (!invitation) {
      const other = await findValidInvitation(input.token, input.now, tx);
      throw new DomainError(other ? "forbidden" : "invitation_invalid");
    }
    // Already a member (invited twice, or a member of old): the membership stays as it was.
    await tx.membership.createMany({ data: [{ userId: input.user.id, organisationId: invitation.organisationId, role: invitation.role }], skipDuplicates: true });
    return { organisationId: invitation.organisationId };
  });
}
