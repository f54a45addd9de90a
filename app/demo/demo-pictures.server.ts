import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { deletePhotoBytes, photoFile, uploadedPhoto, writePhotoBytes, type CatalogueImage, type PhotoWidth, type StoredPhotoKeys } from "~/domain/catalog/photo-image.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { DEMO_PICTURES_DIR, DEMO_PRODUCER_PICTURES, DEMO_PRODUCT_PICTURES, type DemoPicture } from "./demo-pictures";
import { DEMO_PRODUCERS, DEMO_PRODUCTS } from "./demo-territory";

type Ids = { productId: (key: string) => string; organisationId: (key: string) => string };

/**
 * Where each picture's stored widths are committed (`<slug>-w<width>.webp`), made by
 * scripts/make-demo-pictures.ts with the upload's own function (uploadedPhoto): exactly the bytes
 * an upload of the picture stores, so the seed writes them without running sharp (it took 5 s of
 * the demo's 7–10 s, and 5 of the bench catalogue's 5.5 s).
 */
export const DEMO_PICTURE_WIDTHS_DIR = `${DEMO_PICTURES_DIR}/widths`;
/** Each picture's source hash and its widths (pixels and hash), written with the widths. */
export const DEMO_PICTURE_WIDTHS_MANIFEST = `${DEMO_PICTURE_WIDTHS_DIR}/widths.json`;
/** Remakes the committed widths from the committed pictures (no emoji package needed). */
export const REMAKE_DEMO_PICTURE_WIDTHS = "npx tsx scripts/make-demo-pictures.ts --widths";

export type DemoPictureWidths = { source: string; widths: Array<{ width: number; height: number; sha256: string }> };
export type DemoPictureWidthsManifest = { pictures: Record<string, DemoPictureWidths> };

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function demoPictureWidthFile(slug: string, width: number): string {
  return path.resolve(DEMO_PICTURE_WIDTHS_DIR, `${slug}-w${width}.webp`);
}

/** A committed picture's source bytes (app/demo/pictures/<slug>.webp). */
export async function demoPictureSource(picture: DemoPicture): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path.resolve(DEMO_PICTURES_DIR, `${picture.slug}.webp`)));
}

/** A committed picture made ready exactly like an upload: checks, the widths, no metadata (sharp: for the script and the tests). */
export async function uploadedDemoPicture(picture: DemoPicture): Promise<CatalogueImage> {
  return uploadedPhoto(await demoPictureSource(picture));
}

export async function readDemoPictureWidthsManifest(): Promise<DemoPictureWidthsManifest> {
  try {
    return JSON.parse(await readFile(path.resolve(DEMO_PICTURE_WIDTHS_MANIFEST), "utf8")) as DemoPictureWidthsManifest;
  } catch (error) {
    throw new Error(`Largeurs des images de démonstration illisibles (${DEMO_PICTURE_WIDTHS_MANIFEST}) : refaites-les avec « ${REMAKE_DEMO_PICTURE_WIDTHS} »`, { cause: error });
  }
}

/** A picture's committed widths, as the upload made them: no sharp, only reading files. */
async function committedPicture(picture: DemoPicture, manifest: DemoPictureWidthsManifest): Promise<CatalogueImage> {
  const entry = manifest.pictures[picture.slug];
  if (!entry || entry.widths.length === 0) throw new Error(`Pas de largeurs pour l'image de démonstration ${picture.slug} : refaites-les avec « ${REMAKE_DEMO_PICTURE_WIDTHS} »`);
  const widths: PhotoWidth[] = await Promise.all(
    entry.widths.map(async ({ width, height }) => ({ bytes: new Uint8Array(await readFile(demoPictureWidthFile(picture.slug, width))), width, height })),
  );
  const largest = widths.pop()!;
  return { ...largest, contentType: "image/webp", narrower: widths };
}

/** How many pictures are worked on at once. */
const AT_ONCE = 4;

async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>, atOnce = AT_ONCE): Promise<void> {
  for (let start = 0; start < items.length; start += atOnce) await Promise.all(items.slice(start, start + atOnce).map(work));
}

/** The demo's pictures made ready (read from their committed widths), by slug. */
export type PreparedDemoPictures = ReadonlyMap<string, CatalogueImage>;

/**
 * Reads every picture's committed widths (what the upload pipeline made from it, see
 * DEMO_PICTURE_WIDTHS_DIR). Started before the demo's rows are written, so the reading overlaps
 * the database's work.
 */
export async function prepareDemoPictures(pictures: readonly DemoPicture[] = [...DEMO_PRODUCT_PICTURES.values(), ...DEMO_PRODUCER_PICTURES.values()]): Promise<PreparedDemoPictures> {
  const manifest = await readDemoPictureWidthsManifest();
  const prepared = new Map<string, CatalogueImage>();
  await inBatches(
    pictures,
    async (picture) => {
      prepared.set(picture.slug, await committedPicture(picture, manifest));
    },
    16,
  );
  return prepared;
}

/** One picture to store: its widths, whose it is, and the product it is the photo of (none for a producer's own). */
type PictureToStore = { image: CatalogueImage; organisationId: string; purpose: "PRODUCT_PHOTO" | "ORGANISATION_PHOTO"; productId?: string };

/**
 * Stores pictures as an upload would (writePhotoBytes: every width under a key of the picture's
 * own; photoFile: the same StoredFile row), in bulk: all bytes first, then one transaction writes
 * the rows that name them and points the products at them. On a failure the written bytes are
 * removed, so no file is left that no row names, and no row names missing bytes.
 */
async function storePictures(prisma: PrismaClient, pictures: readonly PictureToStore[], now: Date): Promise<void> {
  const files: Array<ReturnType<typeof photoFile>> = [];
  const photoOf: Array<{ productId: string; photoId: string }> = [];
  const written: StoredPhotoKeys[] = [];
  try {
    await inBatches(
      pictures,
      async ({ image, organisationId, purpose, productId }) => {
        const keys = await writePhotoBytes(image);
        written.push(keys);
        const photoId = crypto.randomUUID();
        files.push(photoFile({ id: photoId, organisationId, purpose, storageKey: keys.storageKey, image, now }));
        if (productId) photoOf.push({ productId, photoId });
      },
      16,
    );
    await prisma.$transaction([
      prisma.storedFile.createMany({ data: files }),
      prisma.$executeRaw`
        UPDATE "Product" p SET "photoId" = v.photo
        FROM unnest(${photoOf.map((row) => row.productId)}::text[], ${photoOf.map((row) => row.photoId)}::text[]) AS v(product, photo)
        WHERE p.id = v.product`,
    ]);
  } catch (error) {
    await Promise.all(written.map(deletePhotoBytes));
    throw error;
  }
}

function preparedImage(prepared: PreparedDemoPictures, slug: string): CatalogueImage {
  const image = prepared.get(slug);
  if (!image) throw new Error(`Image de démonstration non préparée : ${slug}`);
  return image;
}

/**
 * Gives every demo product and producer its picture (app/demo/pictures, PROVENANCE.md), stored
 * like a producer's own photo: the widths the upload pipeline made from it (committed, see
 * DEMO_PICTURE_WIDTHS_DIR), the same storage and the same StoredFile row. Runs once the demo's
 * rows exist.
 */
export async function attachDemoPictures(prisma: PrismaClient, prepared: PreparedDemoPictures, options: Ids & { now: Date }): Promise<{ pictures: number }> {
  const pictures: PictureToStore[] = [];
  for (const product of DEMO_PRODUCTS) {
    const picture = DEMO_PRODUCT_PICTURES.get(product.key);
    if (!picture) continue;
    pictures.push({ image: preparedImage(prepared, picture.slug), organisationId: options.organisationId(product.producer), purpose: "PRODUCT_PHOTO", productId: options.productId(product.key) });
  }
  for (const producer of DEMO_PRODUCERS) {
    const picture = DEMO_PRODUCER_PICTURES.get(producer.key);
    if (!picture) continue;
    pictures.push({ image: preparedImage(prepared, picture.slug), organisationId: options.organisationId(producer.key), purpose: "ORGANISATION_PHOTO" });
  }
  await storePictures(prisma, pictures, options.now);
  return { pictures: pictures.length };
}

/**
 * The load-test catalogue's products (copies of demo products, scripts/bench.ts) get their
 * model's picture, so the catalogue is measured with a photo in every card: the model's committed
 * widths (what an upload stores) are copied, without re-encoding, under a key of each product's
 * own, so each card shows its own photo URL as 500 producers' own photos would (the browser's
 * cost is per URL: shared pictures would be fetched once and flatter the page), and removing one
 * product's photo never touches another's.
 */
export async function attachBenchPictures(prisma: PrismaClient, products: ReadonlyArray<{ id: string; producerId: string; model: string }>, now: Date): Promise<void> {
  const models = [...new Set(products.map((product) => product.model))].flatMap((model) => DEMO_PRODUCT_PICTURES.get(model) ?? []);
  const prepared = await prepareDemoPictures(models);
  const pictures = products.flatMap((product): PictureToStore[] => {
    const picture = DEMO_PRODUCT_PICTURES.get(product.model);
    return picture ? [{ image: preparedImage(prepared, picture.slug), organisationId: product.producerId, purpose: "PRODUCT_PHOTO", productId: product.id }] : [];
  });
  await storePictures(prisma, pictures, now);
}
