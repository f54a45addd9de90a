import { db } from "~/db.server";
import { lockOwnProduct } from "~/domain/catalog/archive-product.server";
import { deletePhotoBytes, photoKeysSelect } from "~/domain/catalog/photo-image.server";

/** Takes the photo off a product of the producer's own catalogue, and deletes its bytes at every stored width. */
export async function removeProductPhoto(options: { producerId: string; productId: string; now: Date }): Promise<void> {
  const removed = await db().$transaction(async (tx) => {
    const product = await lockOwnProduct(tx, options.producerId, options.productId);
    if (!product.photoId) return null;
    await tx.product.update({ where: { id: product.id }, data: { photoId: null, updatedAt: options.now }, select: { id: true } });
    return tx.storedFile.delete({ where: { id: product.photoId }, select: photoKeysSelect });
  });
  if (removed) await deletePhotoBytes(removed);
}
