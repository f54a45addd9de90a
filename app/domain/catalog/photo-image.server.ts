import sharp from "sharp";
import { PHOTO_MAX_SIDE } from "~/domain/catalog/product-photo";
import { DomainError } from "~/domain/errors";

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
