import { readRows } from "~/db.server";
import { servedPhotoKey, type StoredPhotoKeys } from "~/domain/catalog/photo-image.server";
import { storage } from "~/infra/storage.server";

/**
 * A stored photo's bytes and the type recorded when we produced them, or null: at the narrowest
 * stored width at least `width` pixels wide (the widest when none is; the largest when no width
 * is asked). A photo stored before widths were made has only its original, served for any width.
 */
export async function getStoredPhoto(id: string, width: number | null = null): Promise<{ bytes: Uint8Array; contentType: string } | null> {
  const rows = await readRows<StoredPhotoKeys & { contentType: string }>(
    `SELECT "storageKey", "contentType", width, "variantWidths" FROM "StoredFile" WHERE id = $1`,
    [id],
  );
  const file = rows[0];
  if (!file) return null;
  const bytes = await storage().get(servedPhotoKey(file, width));
  return bytes ? { bytes, contentType: file.contentType } : null;
}
