import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { photoFile, storePhoto, uploadedPhoto } from "~/domain/catalog/photo-image.server";
import { DomainError } from "~/domain/errors";

/** A profile shows a few photos of the farm, the boat or the stall; more would only slow it down. */
export const MAX_ORGANISATION_PHOTOS = 6;

/**
 * Adds a photo to the member's own organisation, checked and resized exactly like product photos
 * (type read from the content, WebP at a few widths up to 1024 px, no metadata, random key outside public/).
 * The organisation row is locked while counting, so two uploads at once never make a seventh.
 */
export async function addOrganisationPhoto(input: { organisationId: string; userId: string; bytes: Uint8Array; now: Date }): Promise<{ photoId: string }> {
  const member = await db().organisation.findFirst({
    where: { id: input.organisationId, memberships: { some: { userId: input.userId, role: "PRODUCER" } } },
    select: { id: true },
  });
  if (!member) throw new DomainError("not_found");
  const image = await uploadedPhoto(input.bytes);

  const photoId = randomUUID();
  await storePhoto(image, (storageKey) =>
    db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ${input.organisationId} FOR UPDATE`;
      const photos = await tx.storedFile.aggregate({
        where: { organisationId: input.organisationId, purpose: "ORGANISATION_PHOTO" },
        _count: { _all: true },
        _max: { position: true },
      });
      if (photos._count._all >= MAX_ORGANISATION_PHOTOS) throw new DomainError("invalid", { field: "photos" });
      await tx.storedFile.create({
        data: { ...photoFile({ id: photoId, organisationId: input.organisationId, purpose: "ORGANISATION_PHOTO", storageKey, image, now: input.now }), position: (photos._max.position ?? -1) + 1 },
        select: { id: true },
      });
      return null;
    }),
  );
  return { photoId };
}
