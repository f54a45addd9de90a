import { db } from "~/db.server";
import { lockOwnProduct } from "~/domain/catalog/archive-product.server";
import { storage } from "~/infra/storage.server";

/** Takes the photo off a product of the producer's own catalogue, and deletes its bytes. */
export async function removeProductPhoto(options: { producerId: string; productId: string; now: Date }): Promise<void> {
  const key = await db().$transaction(async (tx) => {
    const product = await lockOwnProduct(tx, options.producerId, options.productId);
    if (!product.photoId) return null;
    await tx.product.update({ where: { id: product.id }, data: { photoId: null, updatedAt: options.now }, select: { id: true } });
    const photo = await tx.storedFile.delete({ where: { id: product.photoId }, select: { storageKey: true } });
    return photo.storageKey;
  });
  if (key) await storage().delete(key);
}
