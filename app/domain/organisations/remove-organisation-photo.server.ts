import { db } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { deletePhotoBytes, photoKeysSelect } from "~/domain/catalog/photo-image.server";

/** Removes one photo of the member's own organisation: the row, then its bytes at every stored width. Another's photo is a 404. */
export async function removeOrganisationPhoto(input: { organisationId: string; userId: string; photoId: string }): Promise<void> {
  const removed = await db().$transaction(async (tx) => {
    const photo = await tx.storedFile.findFirst({
      where: {
        id: input.photoId,
        purpose: "ORGANISATION_PHOTO",
        organisationId: input.organisationId,
        organisation: { memberships: { some: { userId: input.userId, role: "PRODUCER" } } },
      },
      select: { id: true, ...photoKeysSelect },
    });
    if (!photo) throw new DomainError("not_found");
    await tx.storedFile.delete({ where: { id: photo.id }, select: { id: true } });
    return photo;
  });
  await deletePhotoBytes(removed);
}
