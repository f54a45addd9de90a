import { readRows } from "~/db.server";
import { storage } from "~/infra/storage.server";

/** A stored photo's bytes and the type recorded when we produced them, or null. */
export async function getStoredPhoto(id: string): Promise<{ bytes: Uint8Array; contentType: string } | null> {
  const rows = await readRows<{ storageKey: string; contentType: string }>(
    `SELECT "storageKey", "contentType" FROM "StoredFile" WHERE id = $1`,
    [id],
  );
  const file = rows[0];
  if (!file) return null;
  const bytes = await storage().get(file.storageKey);
  return bytes ? { bytes, contentType: file.contentType } : null;
}
