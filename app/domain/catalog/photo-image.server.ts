import sharp from "sharp";
import type { Tx } from "~/db.server";
import { MAX_PHOTO_BYTES, PHOTO_MAX_SIDE, photoVariantWidths, servedWidth, sniffImageType } from "~/domain/catalog/product-photo";
import { DomainError } from "~/domain/errors";
import { newStorageKey, storage } from "~/infra/storage.server";

/** One stored width of a photo. */
export type PhotoWidth = { bytes: Uint8Array; width: number; height: number };

/** A photo ready to store: its largest size (bytes, width, height) and the narrower widths made from it. */
export type CatalogueImage = PhotoWidth & { contentType: "image/webp"; narrower: PhotoWidth[] };

// A 5 MB file can still declare a 100 000 × 100 000 canvas: refuse such "decompression bombs".
const MAX_INPUT_PIXELS = 40_000_000;

/**
 * The catalogue sizes of an uploaded photo: turned upright (EXIF orientation), at most
 * PHOTO_MAX_SIDE pixels on its longer side, then each width of PHOTO_WIDTH_STEPS narrower than
 * that (photoVariantWidths), all WebP, without the camera's metadata (GPS position included).
 * The file is decoded once; the widths are made from its upright pixels. A file that is not a
 * decodable image is refused as one.
 */
export async function catalogueImage(bytes: Uint8Array): Promise<CatalogueImage> {
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .rotate()
      .resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: "inside", withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
    const encode = async (width: number): Promise<PhotoWidth> => {
      const pipeline = sharp(data, raw);
      if (width < info.width) pipeline.resize({ width });
      // effort 2 (of 0–6): half the time of the default 4 for files about 8 % larger, measured on the demo's pictures.
      const encoded = await pipeline.webp({ quality: 80, effort: 2 }).toBuffer({ resolveWithObject: true });
      return { bytes: new Uint8Array(encoded.data), width: encoded.info.width, height: encoded.info.height };
    };
    const widths = await Promise.all(photoVariantWidths(info.width).map(encode));
    const largest = widths.pop()!;
    return { ...largest, contentType: "image/webp", narrower: widths };
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
    variantWidths: [...options.image.narrower.map((narrower) => narrower.width), options.image.width],
    createdAt: options.now,
  };
}

/** Where one width of a photo is stored: the largest under the row's storageKey, the others beside it (`photos/<id>-w320.webp`). */
export function photoVariantKey(storageKey: string, width: number): string {
  return storageKey.replace(/(\.[a-z0-9]+)?$/, `-w${width}$1`);
}

/** The stored files of a photo, as its row names them. */
export type StoredPhotoKeys = { storageKey: string; width: number; variantWidths: number[] };

/** The key holding the width to serve when `asked` pixels are wanted (no width asked: the largest). */
export function servedPhotoKey(photo: StoredPhotoKeys, asked: number | null): string {
  const width = asked === null ? null : servedWidth(photo.variantWidths, asked);
  return width === null || width === photo.width ? photo.storageKey : photoVariantKey(photo.storageKey, width);
}

/**
 * Deletes the bytes of a photo at every width it was stored at, once the row that named them is
 * gone. A failure here only leaves orphan files, never a row naming missing bytes.
 */
export async function deletePhotoBytes(photo: StoredPhotoKeys): Promise<void> {
  const narrower = photo.variantWidths.filter((width) => width !== photo.width);
  await Promise.all([storage().delete(photo.storageKey), ...narrower.map((width) => storage().delete(photoVariantKey(photo.storageKey, width)))]);
}

/**
 * Deletes a product photo's row once nothing shows it any more: no product, no donation lot (a lot
 * made from unsold stock starts with its product's photo, and keeps it). Returns its keys, for
 * deletePhotoBytes once the transaction is committed; null while something still shows it.
 */
export async function deletePhotoIfUnused(tx: Tx, photoId: string): Promise<StoredPhotoKeys | null> {
  const [deleted] = await tx.$queryRaw<StoredPhotoKeys[]>`
    DELETE FROM "StoredFile" f WHERE f.id = ${photoId} AND f.purpose = 'PRODUCT_PHOTO'
      AND NOT EXISTS (SELECT 1 FROM "Product" p WHERE p."photoId" = f.id)
      AND NOT EXISTS (SELECT 1 FROM "DonationLot" l WHERE l."photoId" = f.id)
    RETURNING f."storageKey", f.width, f."variantWidths"`;
  return deleted ?? null;
}

/** What a row's delete must return so that deletePhotoBytes can remove all of a photo's files. */
export const photoKeysSelect = { storageKey: true, width: true, variantWidths: true } as const;

/** Writes a photo's bytes at every width under a new random key; on a failure, removes what was written. */
export async function writePhotoBytes(image: CatalogueImage): Promise<StoredPhotoKeys> {
  const key = newStorageKey("photos", "webp");
  const written: StoredPhotoKeys = { storageKey: key, width: image.width, variantWidths: [] };
  try {
    await storage().put(key, image.bytes, image.contentType);
    for (const narrower of image.narrower) {
      await storage().put(photoVariantKey(key, narrower.width), narrower.bytes, image.contentType);
      written.variantWidths.push(narrower.width);
    }
  } catch (error) {
    await deletePhotoBytes(written);
    throw error;
  }
  return written;
}

/**
 * Stores a photo's bytes (every width) under a new random key, then lets `name` write the rows
 * that name it and return the photo it replaced, if any. Bytes are written before the row that
 * names them and removed if that row is not written, so a stored file is never named by nothing
 * for long, and a row never names missing bytes; the replaced bytes go once the rows are written.
 */
export async function storePhoto(image: CatalogueImage, name: (storageKey: string) => Promise<StoredPhotoKeys | null>): Promise<void> {
  const written = await writePhotoBytes(image);
  let previous: StoredPhotoKeys | null = null;
  try {
    previous = await name(written.storageKey);
  } catch (error) {
    await deletePhotoBytes(written);
    throw error;
  }
  if (previous) await deletePhotoBytes(previous);
}
