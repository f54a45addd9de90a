import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { catalogueImage } from "~/domain/catalog/photo-image.server";
import { MAX_PHOTO_BYTES, sniffImageType } from "~/domain/catalog/product-photo";
import { DomainError } from "~/domain/errors";
import { newStorageKey, storage } from "~/infra/storage.server";

/**
 * Gives a lot of the donor's own its photo (replacing the previous one), through the product
 * photos' machinery: type read from the bytes, re-encoded by sharp, stored under a random key
 * before the row that names it. A previous photo is deleted only when nothing else shows it (a
 * lot made from unsold stock starts with its product's photo).
 */
export async function attachLotPhoto(options: { donorId: string; lotId: string; bytes: Uint8Array; now: Date }): Promise<{ photoId: string }> {
  const owned = await db().donationLot.findFirst({ where: { id: options.lotId, donorId: options.donorId }, select: { id: true } });
  if (!owned) throw new DomainError("not_found");
  if (options.bytes.byteLength > MAX_PHOTO_BYTES) throw new DomainError("file_too_large", { maxBytes: MAX_PHOTO_BYTES });
  if (options.bytes.byteLength === 0) throw new DomainError("invalid", { field: "photo" });
  if (!sniffImageType(options.bytes)) throw new DomainError("file_type_refused");
  const image = await catalogueImage(options.bytes);

  const key = newStorageKey("photos", "webp");
  await storage().put(key, image.bytes, image.contentType);
  const photoId = randomUUID();
  let previousKey: string | null = null;
  try {
    previousKey = await db().$transaction(async (tx) => {
      const [lot] = await tx.$queryRaw<Array<{ photoId: string | null }>>`
        SELECT "photoId" FROM "DonationLot" WHERE id = ${options.lotId} AND "donorId" = ${options.donorId} FOR UPDATE`;
      if (!lot) throw new DomainError("not_found");
      await tx.storedFile.create({
        data: {
          id: photoId,
          organisationId: options.donorId,
          purpose: "PRODUCT_PHOTO",
          storageKey: key,
          contentType: image.contentType,
          byteSize: image.bytes.byteLength,
          width: image.width,
          height: image.height,
          createdAt: options.now,
        },
        select: { id: true },
      });
      await tx.donationLot.update({ where: { id: options.lotId }, data: { photoId }, select: { id: true } });
      if (!lot.photoId) return null;
      const [deleted] = await tx.$queryRaw<Array<{ storageKey: string }>>`
        DELETE FROM "StoredFile" f WHERE f.id = ${lot.photoId} AND f.purpose = 'PRODUCT_PHOTO'
          AND NOT EXISTS (SELECT 1 FROM "Product" p WHERE p."photoId" = f.id)
          AND NOT EXISTS (SELECT 1 FROM "DonationLot" l WHERE l."photoId" = f.id)
        RETURNING f."storageKey"`;
      return deleted?.storageKey ?? null;
    });
  } catch (error) {
    await storage().delete(key);
    throw error;
  }
  if (previousKey) await storage().delete(previousKey);
  return { photoId };
}
