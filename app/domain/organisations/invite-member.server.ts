import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "~/db.server";
import { hitRateLimit, type RateLimitRule } from "~/domain/accounts/rate-limit.server";
import { DomainError } from "~/domain/errors";
import { emailField } from "~/domain/fields";
import { linkWithPlaceholder, unknowableTokenHash } from "~/domain/mail/email-links.server";
import { enqueueEmail } from "~/domain/mail/enqueue-email.server";
import { invitationEmail } from "~/domain/organisations/emails";
import type { Locale } from "~/i18n/messages";

export const INVITATION_DAYS = 7;

export const inviteMemberSchema = z.object({ email: emailField });

type InviteInput = {
  organisationId: string;
  inviter: { id: string; name: string; locale: Locale };
  email: string;
  now: Date;
  appUrl: string;
};

/** A farm takes on a few people at a time: this many invitations an hour per organisation... */
export const INVITATIONS_PER_ORGANISATION: RateLimitRule = { limit: 30, windowSeconds: 3600 };
/** ...this many a day per member who sends them... */
export const INVITATIONS_PER_SENDER: RateLimitRule = { limit: 20, windowSeconds: 24 * 3600 };
/** ...and this many a day to one address, from every organisation together: no one is flooded. */
export const INVITATIONS_PER_ADDRESS: RateLimitRule = { limit: 3, windowSeconds: 24 * 3600 };

/**
 * A member of a VERIFIED organisation invites someone by email to join as a PRODUCER: an
 * organisation the territory has not verified (or has refused) invites no one, since its
 * invitations would carry an unchecked name to strangers. The database keeps only the hash of the
 * link's token, and the token is made when the email is sent (decision 015): neither a leaked
 * table nor the outbox opens anything. Valid 7 days, once. Limited per organisation, per sender
 * and per invited address; nothing is counted for a refused request.
 */
export async function inviteMember(input: InviteInput): Promise<{ id: string; expiresAt: Date }> {
  const organisation = await db().organisation.findFirst({
    where: { id: input.organisationId, memberships: { some: { userId: input.inviter.id, role: "PRODUCER" } } },
    select: { id: true, name: true, verifiedAt: true },
  });
  if (!organisation) throw new DomainError("not_found");
  if (!organisation.verifiedAt) throw new DomainError("not_verified", { messageKey: "accountsEmail.invitation.notVerified" });
  for (const [key, rule] of [
    [`invite:${organisation.id}`, INVITATIONS_PER_ORGANISATION],
    [`invite:sender:${input.inviter.id}`, INVITATIONS_PER_SENDER],
    [`invite:address:${input.email}`, INVITATIONS_PER_ADDRESS],
  ] as const) {
    const limit = await hitRateLimit(db(), key, rule, input.now);
    if (!limit.allowed) throw new DomainError("rate_limited", { retryAfterSeconds: limit.retryAfterSeconds });
  }
  return db().$transaction(async (tx) => {
    // Read again in the transaction: an organisation refused meanwhile sends nothing.
    const still = await tx.organisation.findFirst({ where: { id: organisation.id, verifiedAt: { not: null } }, select: { id: true } });
    if (!still) throw new DomainError("not_verified", { messageKey: "accountsEmail.invitation.notVerified" });
    const invitee = await tx.user.findUnique({ where: { email: input.email }, select: { locale: true } });
    const id = randomUUID();
    const expiresAt = new Date(input.now.getTime() + INVITATION_DAYS * 24 * 3600_000);
    await tx.organisationInvitation.create({
      data: { id, organisationId: organisation.id, email: input.email, role: "PRODUCER", tokenHash: unknowableTokenHash(), invitedById: input.inviter.id, expiresAt, createdAt: input.now },
      select: { id: true },
    });
    const locale = invitee?.locale ?? input.inviter.locale;
    const link = linkWithPlaceholder(input.appUrl, "/invitation/");
    await enqueueEmail(
      tx,
      { to: input.email, locale, ...invitationEmail(locale, { inviterName: input.inviter.name, organisationName: organisation.name, link, expiresAt }) },
      { kind: "INVITATION", ref: id },
    );
    return { id, expiresAt };
  });
}
