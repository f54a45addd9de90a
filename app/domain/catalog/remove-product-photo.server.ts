import { db } from "~/db.server";
import { lockOwnProduct } from "~/domain/catalog/archive-product.server";
import { deletePhotoBytes, deletePhotoIfUnused } from "~/domain/catalog/photo-image.server";

/** Takes the photo off a product of the producer's own catalogue, and deletes its bytes at every stored width (unless a donation lot made from the product still shows it). */
export async function removeProductPhoto(options: { producerId: string; productId: string; now: Date }): Promise<void> {
  const removed = await db().$transaction(async (tx) => {
    const product = await lockOwnProduct(tx, options.producerId, options.productId);
    if (!product.photoId) return null;
    await tx.product.update({ where: { id: product.id }, data: { photoId: null, updatedAt: options.now }, select: { id: true } });
    return deletePhotoIfUnused(tx, product.photoId);
  });
  if (removed) await deletePhotoBytes(removed);
}
