import { z } from "zod";
import { db } from "~/db.server";
import { can, type Principal } from "~/domain/accounts/permissions";
import { checkboxField } from "~/domain/donations/charity-settings-input";
import { DomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";

export const setCharityApprovalsSchema = z.object({
  intent: z.literal("approvals"),
  organisationId: idField,
  approvedRawFishery: checkboxField("charity.approvals.field.rawFishery"),
  processingWorkshop: checkboxField("charity.approvals.field.workshop"),
});

/**
 * The territory grants (or withdraws) the two approvals that gate food safety and money: raw
 * fishery products go only to structures approved for them, and only an approved insertion
 * workshop processes the paniers de la mer and invoices contributions. They are the territory's
 * decision after its own checks, never the charity's declaration, so only an admin sets them, and
 * only for a verified charity. A producer's id, or an unknown one, is a 404.
 */
export async function setCharityApprovals(input: {
  organisationId: string;
  approvedRawFishery: boolean;
  processingWorkshop: boolean;
  admin: Principal;
  now: Date;
}): Promise<void> {
  if (!can(input.admin, "verify:organisation:any")) throw new DomainError("forbidden");
  await db().$transaction(async (tx) => {
    // Locked: a refusal at the same instant either comes first (and this is refused) or waits.
    const [charity] = await tx.$queryRaw<Array<{ verified: boolean }>>`
      SELECT "verifiedAt" IS NOT NULL AS verified FROM "Organisation" WHERE id = ${input.organisationId} AND kind = 'CHARITY' FOR UPDATE`;
    if (!charity) throw new DomainError("not_found");
    if (!charity.verified) throw new DomainError("invalid", { field: "organisationId", messageKey: "charity.approvals.not_verified" });
    const approvals = { approvedRawFishery: input.approvedRawFishery, processingWorkshop: input.processingWorkshop, updatedAt: input.now };
    await tx.charitySettings.upsert({
      where: { organisationId: input.organisationId },
      create: { organisationId: input.organisationId, ...approvals },
      update: approvals,
      select: { organisationId: true },
    });
  });
}
