import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { deletePhotoIfUnused, photoFile, storePhoto, uploadedPhoto } from "~/domain/catalog/photo-image.server";
import { DomainError } from "~/domain/errors";

/**
 * Gives a lot of the donor's own its photo (replacing the previous one), through the product
 * photos' machinery: type read from the bytes, re-encoded by sharp, stored under a random key
 * before the row that names it. A previous photo is deleted only when nothing else shows it (a
 * lot made from unsold stock starts with its product's photo).
 */
export async function attachLotPhoto(options: { donorId: string; lotId: string; bytes: Uint8Array; now: Date }): Promise<{ photoId: string }> {
  const owned = await db().donationLot.findFirst({ where: { id: options.lotId, donorId: options.donorId }, select: { id: true } });
  if (!owned) throw new DomainError("not_found");
  const image = await uploadedPhoto(options.bytes);

  const photoId = randomUUID();
  await storePhoto(image, (storageKey) =>
    db().$transaction(async (tx) => {
      const [lot] = await tx.$queryRaw<Array<{ photoId: string | null }>>`
        SELECT "photoId" FROM "DonationLot" WHERE id = ${options.lotId} AND "donorId" = ${options.donorId} FOR UPDATE`;
      if (!lot) throw new DomainError("not_found");
      await tx.storedFile.create({ data: photoFile({ id: photoId, organisationId: options.donorId, purpose: "PRODUCT_PHOTO", storageKey, image, now: options.now }), select: { id: true } });
      await tx.donationLot.update({ where: { id: options.lotId }, data: { photoId }, select: { id: true } });
      if (!lot.photoId) return null;
      return deletePhotoIfUnused(tx, lot.photoId);
    }),
  );
  return { photoId };
}
