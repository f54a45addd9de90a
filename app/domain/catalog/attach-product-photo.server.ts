import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { lockOwnProduct } from "~/domain/catalog/archive-product.server";
import { deletePhotoIfUnused, photoFile, storePhoto, uploadedPhoto } from "~/domain/catalog/photo-image.server";
import { DomainError } from "~/domain/errors";

/**
 * Gives a product of the producer's own catalogue its photo (replacing the previous one). The
 * type is read from the content; only the resized catalogue widths are kept, under a random key
 * (storePhoto: bytes before the row that names them); the previous photo goes at every width,
 * unless a donation lot made from the product still shows it.
 */
export async function attachProductPhoto(options: { producerId: string; productId: string; bytes: Uint8Array; now: Date }): Promise<{ photoId: string }> {
  const owned = await db().product.findFirst({ where: { id: options.productId, producerId: options.producerId }, select: { id: true } });
  if (!owned) throw new DomainError("not_found");
  const image = await uploadedPhoto(options.bytes);

  const photoId = randomUUID();
  await storePhoto(image, (storageKey) =>
    db().$transaction(async (tx) => {
      const product = await lockOwnProduct(tx, options.producerId, options.productId);
      await tx.storedFile.create({ data: photoFile({ id: photoId, organisationId: options.producerId, purpose: "PRODUCT_PHOTO", storageKey, image, now: options.now }), select: { id: true } });
      await tx.product.update({ where: { id: product.id }, data: { photoId, updatedAt: options.now }, select: { id: true } });
      if (!product.photoId) return null;
      return deletePhotoIfUnused(tx, product.photoId);
    }),
  );
  return { photoId };
}
