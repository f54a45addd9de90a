import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { lockOwnProduct } from "~/domain/catalog/archive-product.server";
import { catalogueImage } from "~/domain/catalog/photo-image.server";
import { MAX_PHOTO_BYTES, sniffImageType } from "~/domain/catalog/product-photo";
import { DomainError } from "~/domain/errors";
import { newStorageKey, storage } from "~/infra/storage.server";

/**
 * Gives a product of the producer's own catalogue its photo (replacing the previous one). The
 * type is read from the content; only the resized catalogue variant is kept, under a random key.
 * Bytes are written before the row that names them and removed if that row is not written, so a
 * stored file is never named by nothing for long, and a row never names missing bytes.
 */
export async function attachProductPhoto(options: { producerId: string; productId: string; bytes: Uint8Array; now: Date }): Promise<{ photoId: string }> {
  const owned = await db().product.findFirst({ where: { id: options.productId, producerId: options.producerId }, select: { id: true } });
  if (!owned) throw new DomainError("not_found");
  if (options.bytes.byteLength > MAX_PHOTO_BYTES) throw new DomainError("file_too_large", { maxBytes: MAX_PHOTO_BYTES });
  if (options.bytes.byteLength === 0) throw new DomainError("invalid", { field: "photo" });
  if (!sniffImageType(options.bytes)) throw new DomainError("file_type_refused");
  const image = await catalogueImage(options.bytes);

  const key = newStorageKey("photos", "webp");
  await storage().put(key, image.bytes, image.contentType);
  let previousKey: string | null = null;
  const photoId = randomUUID();
  try {
    previousKey = await db().$transaction(async (tx) => {
      const product = await lockOwnProduct(tx, options.producerId, options.productId);
      await tx.storedFile.create({
        data: {
          id: photoId,
          organisationId: options.producerId,
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
      await tx.product.update({ where: { id: product.id }, data: { photoId, updatedAt: options.now }, select: { id: true } });
      if (!product.photoId) return null;
      const previous = await tx.storedFile.delete({ where: { id: product.photoId }, select: { storageKey: true } });
      return previous.storageKey;
    });
  } catch (error) {
    await storage().delete(key);
    throw error;
  }
  if (previousKey) await storage().delete(previousKey);
  return { photoId };
}
