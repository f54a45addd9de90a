import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "~/db.server";
import { notifyAdminsAwaitingVerification } from "~/domain/organisations/notify-admins.server";
import { organisationProfileSchema, siretField } from "~/domain/organisations/organisation-input";
import { isValidRna, normaliseRna } from "~/domain/organisations/rna";
import { freeSlug } from "~/domain/organisations/slug.server";
import { communeByInsee, slugify } from "~/domain/organisations/territory";
import { DomainError } from "~/domain/errors";
import type { MessageKey } from "~/i18n/messages";

function message(key: MessageKey) {
  return { error: key };
}

/** The producer profile's own field rules, so a charity's name, address and phone read the same. */
const profileFields = organisationProfileSchema.in.shape;

/** Empty text fields mean "not given". */
function blankAsUndefined(value: unknown) {
  return typeof value === "string" && value.trim() === "" ? undefined : value;
}

export const rnaField = z
  .string(message("charity.field.rna.format"))
  .transform(normaliseRna)
  .pipe(z.string().refine(isValidRna, message("charity.field.rna.format")));

/** The application form of /devenir-association. RNA or SIRET, at least one. */
export const charityApplicationSchema = z
  .object({
    name: profileFields.name,
    rna: z.preprocess(blankAsUndefined, rnaField.optional()),
    siret: z.preprocess(blankAsUndefined, siretField.optional()),
    communeInsee: profileFields.communeInsee,
    address: profileFields.address,
    description: z.string(message("charity.field.description.too_long")).trim().max(1000, message("charity.field.description.too_long")).optional().default(""),
    contactEmail: profileFields.contactEmail,
    contactPhone: profileFields.contactPhone,
  })
  .superRefine((application, context) => {
    if (application.rna === undefined && application.siret === undefined) {
      context.addIssue({ code: "custom", path: ["rna"], message: "charity.field.identifier.required" });
    }
  })
  .transform((application) => ({
    name: application.name,
    rna: application.rna ?? null,
    siret: application.siret ?? null,
    communeInsee: application.communeInsee,
    address: application.address,
    description: application.description,
    contactEmail: application.contactEmail,
    contactPhone: application.contactPhone ?? null,
  }));

export type CharityApplication = z.output<typeof charityApplicationSchema>;

/**
 * A signed-in person applies for their charity. It starts pending (verifiedAt null): its members
 * may fill in its settings, but it neither sees nor claims lots until a territory admin verifies
 * it. The applicant becomes its first CHARITY member; it gets its settings row with the defaults;
 * the admins are told by email in the same transaction. One charity per person: someone who
 * already acts for one (a double tap included) creates nothing and is sent to it.
 */
export async function createCharityOrganisation(input: { userId: string; application: CharityApplication; now: Date; appUrl: string }): Promise<{ id: string; created: boolean }> {
  const commune = communeByInsee(input.application.communeInsee);
  if (!commune) throw new DomainError("invalid", { field: "communeInsee" });
  return db().$transaction(async (tx) => {
    // Serialises two submissions of the same person (double tap): the second sees the first.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${input.userId} FOR UPDATE`;
    const already = await tx.membership.findFirst({
      where: { userId: input.userId, role: "CHARITY", organisation: { kind: "CHARITY" } },
      select: { organisationId: true },
    });
    if (already) return { id: already.organisationId, created: false };

    await tx.commune.createMany({ data: [commune], skipDuplicates: true });
    const id = randomUUID();
    await tx.organisation.create({
      data: {
        id,
        kind: "CHARITY",
        slug: await freeSlug(tx, slugify(input.application.name)),
        ...input.application,
        // The directory map places a charity at its commune's centre.
        lat: commune.lat,
        lon: commune.lon,
        verifiedAt: null,
        createdById: input.userId,
        createdAt: input.now,
        memberships: { create: { userId: input.userId, role: "CHARITY" } },
        charitySettings: { create: { updatedAt: input.now } },
      },
      select: { id: true },
    });

    await notifyAdminsAwaitingVerification(tx, { kind: "CHARITY", organisationName: input.application.name, communeName: commune.name, resubmitted: false, appUrl: input.appUrl });
    return { id, created: true };
  });
}
