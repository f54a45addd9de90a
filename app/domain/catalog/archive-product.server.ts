import { db, type Tx } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { deletePhotoBytes, deletePhotoIfUnused } from "~/domain/catalog/photo-image.server";

/**
 * Takes a product out of the producer's catalogue. A product that was ever put on sale (it has an
 * offer, so it may have been ordered) is archived, never deleted: orders, receipts and sales
 * summaries keep pointing at it. One that never was is deleted with its photo. The product row is
 * locked first, so an offer created meanwhile waits, then finds it archived or gone (the foreign
 * key refuses an offer for a deleted product).
 */
export async function archiveProduct(options: { producerId: string; productId: string; now: Date }): Promise<{ outcome: "archived" | "deleted" }> {
  const result = await db().$transaction(async (tx) => {
    const product = await lockOwnProduct(tx, options.producerId, options.productId);
    const offered = await tx.offer.findFirst({ where: { productId: product.id }, select: { id: true } });
    if (offered) {
      await tx.product.update({ where: { id: product.id }, data: { archivedAt: product.archivedAt ?? options.now, updatedAt: options.now } });
      return { outcome: "archived" as const, photo: null };
    }
    await tx.product.delete({ where: { id: product.id } });
    // A donation lot made from the product keeps showing its photo.
    const photo = product.photoId ? await deletePhotoIfUnused(tx, product.photoId) : null;
    return { outcome: "deleted" as const, photo };
  });
  // The bytes go once the row that named them is gone for good; a failure here only leaves an orphan file.
  if (result.photo) await deletePhotoBytes(result.photo);
  return { outcome: result.outcome };
}

/** Puts an archived product back in the catalogue. */
export async function restoreProduct(options: { producerId: string; productId: string; now: Date }): Promise<void> {
  const { count } = await db().product.updateMany({
    where: { id: options.productId, producerId: options.producerId },
    data: { archivedAt: null, updatedAt: options.now },
  });
  if (count === 0) throw new DomainError("not_found");
}

type LockedProduct = { id: string; archivedAt: Date | null; photoId: string | null };

export async function lockOwnProduct(tx: Tx, producerId: string, productId: string): Promise<LockedProduct> {
  const rows = await tx.$queryRaw<LockedProduct[]>`
    SELECT id, "archivedAt", "photoId" FROM "Product" WHERE id = ${productId} AND "producerId" = ${producerId} FOR UPDATE`;
  const product = rows[0];
  if (!product) throw new DomainError("not_found");
  return product;
}
