import sharp from "sharp";
import { MAX_PHOTO_BYTES, PHOTO_MAX_SIDE, sniffImageType } from "~/domain/catalog/product-photo";
import { DomainError } from "~/domain/errors";
import { newStorageKey, storage } from "~/infra/storage.server";

export type CatalogueImage = { bytes: Uint8Array; contentType: "image/webp"; width: number; height: number };

// A 5 MB file can still declare a 100 000 × 100 000 canvas: refuse such "decompression bombs".
const MAX_INPUT_PIXELS = 40_000_000;

/**
 * The catalogue variant of an uploaded photo: turned upright (EXIF orientation), at most
 * PHOTO_MAX_SIDE pixels on its longer side, WebP, without the camera's metadata (GPS position
 * included). A file that is not a decodable image is refused as one.
 */
export async function catalogueImage(bytes: Uint8Array): Promise<CatalogueImage> {
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .rotate()
      .resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return { bytes: new Uint8Array(data), contentType: "image/webp", width: info.width, height: info.height };
  } catch {
    throw new DomainError("file_type_refused");
  }
}

/** An uploaded photo (of a product, a donation lot, an organisation) checked — size, type read from its bytes — and made its catalogue variant. */
export async function uploadedPhoto(bytes: Uint8Array): Promise<CatalogueImage> {
  if (bytes.byteLength > MAX_PHOTO_BYTES) throw new DomainError("file_too_large", { maxBytes: MAX_PHOTO_BYTES });
  if (bytes.byteLength === 0) throw new DomainError("invalid", { field: "photo" });
  if (!sniffImageType(bytes)) throw new DomainError("file_type_refused");
  return catalogueImage(bytes);
}

/** The StoredFile row of a photo just stored under `storageKey`. */
export function photoFile(options: { id: string; organisationId: string; purpose: "PRODUCT_PHOTO" | "ORGANISATION_PHOTO"; storageKey: string; image: CatalogueImage; now: Date }) {
  return {
    id: options.id,
    organisationId: options.organisationId,
    purpose: options.purpose,
    storageKey: options.storageKey,
    contentType: options.image.contentType,
    byteSize: options.image.bytes.byteLength,
    width: options.image.width,
    height: options.image.height,
    createdAt: options.now,
  };
}

/**
 * Stores a photo's bytes under a new random key, then lets `name` write the rows that name it and
 * return the storage key of the photo it replaced, if any. Bytes are written before the row that
 * names them and removed if that row is not written, so a stored file is never named by nothing
 * for long, and a row never names missing bytes; the replaced bytes go once the rows are written.
 */
export async function storePhoto(image: CatalogueImage, name: (storageKey: string) => Promise<string | null>): Promise<void> {
  const key = newStorageKey("photos", "webp");
  await storage().put(key, image.bytes, image.contentType);
  let previousKey: string | null = null;
  try {
    previousKey = await name(key);
  } catch (error) {
    await storage().delete(key);
    throw error;
  }
  if (previousKey) await storage().delete(previousKey);
}
