import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { catalogueImage } from "~/domain/catalog/photo-image.server";
import { MAX_PHOTO_BYTES, sniffImageType } from "~/domain/catalog/product-photo";
import { DomainError } from "~/domain/errors";
import { newStorageKey, storage } from "~/infra/storage.server";

/** A profile shows a few photos of the farm, the boat or the stall; more would only slow it down. */
export const MAX_ORGANISATION_PHOTOS = 6;

/**
 * Adds a photo to the member's own organisation, checked and resized exactly like product photos
 * (type read from the content, WebP at most 800 px, no metadata, random key outside public/).
 * The organisation row is locked while counting, so two uploads at once never make a seventh.
 */
export async function addOrganisationPhoto(input: { organisationId: string; userId: string; bytes: Uint8Array; now: Date }): Promise<{ photoId: string }> {
  const member = await db().organisation.findFirst({
    where: { id: input.organisationId, memberships: { some: { userId: input.userId, role: "PRODUCER" } } },
    select: { id: true },
  });
  if (!member) throw new DomainError("not_found");
  if (input.bytes.byteLength > MAX_PHOTO_BYTES) throw new DomainError("file_too_large", { maxBytes: MAX_PHOTO_BYTES });
  if (input.bytes.byteLength === 0) throw new DomainError("invalid", { field: "photo" });
  if (!sniffImageType(input.bytes)) throw new DomainError("file_type_refused");
  const image = await catalogueImage(input.bytes);

  const key = newStorageKey("photos", "webp");
  await storage().put(key, image.bytes, image.contentType);
  const photoId = randomUUID();
  try {
    await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ${input.organisationId} FOR UPDATE`;
      const photos = await tx.storedFile.aggregate({
        where: { organisationId: input.organisationId, purpose: "ORGANISATION_PHOTO" },
        _count: { _all: true },
        _max: { position: true },
      });
      if (photos._count._all >= MAX_ORGANISATION_PHOTOS) throw new DomainError("invalid", { field: "photos" });
      await tx.storedFile.create({
        data: {
          id: photoId,
          organisationId: input.organisationId,
          purpose: "ORGANISATION_PHOTO",
          storageKey: key,
          contentType: image.contentType,
          byteSize: image.bytes.byteLength,
          width: image.width,
          height: image.height,
          position: (photos._max.position ?? -1) + 1,
          createdAt: input.now,
        },
        select: { id: true },
      });
    });
  } catch (error) {
    await storage().delete(key);
    throw error;
  }
  return { photoId };
}
