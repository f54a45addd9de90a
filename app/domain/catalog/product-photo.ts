/**
 * Rules for the photos producers upload. Pure: what a file is, is read from its first bytes,
 * never from its name or the type the browser declared.
 */

/** 5 MiB: a phone photo fits; anything bigger is refused before it is read whole. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** The largest stored size of a photo: at most this many pixels wide or high. */
export const PHOTO_MAX_SIDE = 1024;

/**
 * The widths made once at upload, so a phone downloads a card-sized file, never the largest one.
 * A photo is stored at each step narrower than itself, and at its own width.
 */
export const PHOTO_WIDTH_STEPS = [160, 320, 640, 1024] as const;

/** The widths stored for a photo whose largest size is `width` pixels wide (ascending, never wider than it). */
export function photoVariantWidths(width: number): number[] {
  return [...PHOTO_WIDTH_STEPS.filter((step) => step < width), width];
}

/** Of the widths stored, the one to serve when `asked` pixels are wanted: the narrowest at least as wide, else the widest. */
export function servedWidth(stored: readonly number[], asked: number): number | null {
  const ascending = [...stored].sort((a, b) => a - b);
  return ascending.find((width) => width >= asked) ?? ascending.at(-1) ?? null;
}

/** The address of a photo at (about) a width: /photos/<id>?w=<width>. */
export function photoUrl(id: string, width?: number): string {
  return width ? `/photos/${id}?w=${width}` : `/photos/${id}`;
}

export type AcceptedImageType = "image/jpeg" | "image/png" | "image/webp";

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
}

/** The image type announced by the file's magic bytes, or null for anything else. */
export function sniffImageType(bytes: Uint8Array): AcceptedImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  // "RIFF" <size> "WEBP"
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}
