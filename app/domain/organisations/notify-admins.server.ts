import type { Tx } from "~/db.server";
import { enqueueEmail } from "~/domain/mail/enqueue-email.server";
import { awaitingVerificationEmail, identityChangedEmail, type ApplicantKind } from "~/domain/organisations/emails";
import type { IdentityChange } from "~/domain/organisations/identity-changes";

/** Tells every territory admin (ADMIN membership), each in their language, that a producer (or a charity) awaits them. */
export async function notifyAdminsAwaitingVerification(
  tx: Tx,
  input: { kind?: ApplicantKind; organisationName: string; communeName: string; resubmitted: boolean; appUrl: string },
): Promise<void> {
  for (const admin of await territoryAdmins(tx)) {
    await enqueueEmail(tx, {
      to: admin.email,
      locale: admin.locale,
      ...awaitingVerificationEmail(admin.locale, { kind: input.kind, adminName: admin.name, organisationName: input.organisationName, communeName: input.communeName, resubmitted: input.resubmitted, reviewUrl: `${input.appUrl}/admin/organisations` }),
    });
  }
}

/** Tells every territory admin, each in their language, that a verified organisation changed its identity and awaits review again. */
export async function notifyAdminsIdentityChanged(
  tx: Tx,
  input: { kind?: ApplicantKind; organisationName: string; changes: readonly IdentityChange[]; appUrl: string },
): Promise<void> {
  for (const admin of await territoryAdmins(tx)) {
    await enqueueEmail(tx, {
      to: admin.email,
      locale: admin.locale,
      ...identityChangedEmail(admin.locale, { kind: input.kind, adminName: admin.name, organisationName: input.organisationName, changes: input.changes, reviewUrl: `${input.appUrl}/admin/organisations` }),
    });
  }
}

function territoryAdmins(tx: Tx) {
  return tx.user.findMany({
    where: { memberships: { some: { role: "ADMIN" } } },
    select: { email: true, name: true, locale: true },
    orderBy: { email: "asc" },
  });
}

/** The members of an organisation, to tell them what the territory decided. */
export function organisationMembers(tx: Tx, organisationId: string) {
  return tx.user.findMany({
    where: { memberships: { some: { organisationId } } },
    select: { email: true, name: true, locale: true },
    orderBy: { email: "asc" },
  });
}
