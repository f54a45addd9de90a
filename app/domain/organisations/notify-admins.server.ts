import type { Tx } from "~/db.server";
import { enqueueEmail } from "~/domain/mail/enqueue-email.server";
import { awaitingVerificationEmail, type ApplicantKind } from "~/domain/organisations/emails";

/** Tells every territory admin (ADMIN membership), each in their language, that a producer (or a charity) awaits them. */
export async function notifyAdminsAwaitingVerification(
  tx: Tx,
  input: { kind?: ApplicantKind; organisationName: string; communeName: string; resubmitted: boolean; appUrl: string },
): Promise<void> {
  const admins = await tx.user.findMany({
    where: { memberships: { some: { role: "ADMIN" } } },
    select: { email: true, name: true, locale: true },
    orderBy: { email: "asc" },
  });
  for (const admin of admins) {
    await enqueueEmail(tx, {
      to: admin.email,
      locale: admin.locale,
      ...awaitingVerificationEmail(admin.locale, { kind: input.kind, adminName: admin.name, organisationName: input.organisationName, communeName: input.communeName, resubmitted: input.resubmitted, reviewUrl: `${input.appUrl}/admin/organisations` }),
    });
  }
}

/** The members of an organisation, to tell them what the territory decided. */
export function organisationMembers(tx: Tx, organisationId: string) {
  return tx.user.findMany({
    where: { memberships: { some: { organisationId } } },
    select: { email: true, name: true, locale: true },
    orderBy: { email: "asc" },
  });
}
