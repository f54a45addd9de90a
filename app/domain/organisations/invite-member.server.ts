import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "~/db.server";
import { hitRateLimit } from "~/domain/accounts/rate-limit.server";
import { hashToken } from "~/domain/accounts/session.server";
import { DomainError } from "~/domain/errors";
import { emailField } from "~/domain/fields";
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

/**
 * A member invites someone by email to join as a PRODUCER. The link carries a random token; the
 * database keeps only its hash (like password resets), so a leaked table opens nothing. Valid 7
 * days, once.
 */
export async function inviteMember(input: InviteInput): Promise<{ id: string; expiresAt: Date }> {
  const limit = await hitRateLimit(db(), `invite:${input.organisationId}`, { limit: 30, windowSeconds: 3600 }, input.now);
  if (!limit.allowed) throw new DomainError("rate_limited", { retryAfterSeconds: limit.retryAfterSeconds });
  return db().$transaction(async (tx) => {
    const organisation = await tx.organisation.findFirst({
      where: { id: input.organisationId, memberships: { some: { userId: input.inviter.id, role: "PRODUCER" } } },
      select: { id: true, name: true },
    });
    if (!organisation) throw new DomainError("not_found");
    const invitee = await tx.user.findUnique({ where: { email: input.email }, select: { locale: true } });
    const token = randomBytes(32).toString("base64url");
    const id = randomUUID();
    const expiresAt = new Date(input.now.getTime() + INVITATION_DAYS * 24 * 3600_000);
    await tx.organisationInvitation.create({
      data: { id, organisationId: organisation.id, email: input.email, role: "PRODUCER", tokenHash: hashToken(token), invitedById: input.inviter.id, expiresAt, createdAt: input.now },
      select: { id: true },
    });
    const locale = invitee?.locale ?? input.inviter.locale;
    await enqueueEmail(tx, {
      to: input.email,
      locale,
      ...invitationEmail(locale, { inviterName: input.inviter.name, organisationName: organisation.name, link: `${input.appUrl}/invitation/${token}`, expiresAt }),
    });
    return { id, expiresAt };
  });
}
