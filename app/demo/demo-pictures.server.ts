import { readFile } from "node:fs/promises";
import path from "node:path";
import { deletePhotoBytes, photoFile, storePhoto, uploadedPhoto, writePhotoBytes, type CatalogueImage, type StoredPhotoKeys } from "~/domain/catalog/photo-image.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { DEMO_PICTURES_DIR, DEMO_PRODUCER_PICTURES, DEMO_PRODUCT_PICTURES, type DemoPicture } from "./demo-pictures";
import { DEMO_PRODUCERS, DEMO_PRODUCTS } from "./demo-territory";

type Ids = { productId: (key: string) => string; organisationId: (key: string) => string };

/** How many pictures are worked on at once: sharp has its own threads, more would only queue. */
const AT_ONCE = 4;

async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += AT_ONCE) await Promise.all(items.slice(start, start + AT_ONCE).map(work));
}

/** A committed picture made ready exactly like an upload: checks, the widths, no metadata. */
async function preparedPicture(picture: DemoPicture): Promise<CatalogueImage> {
  return uploadedPhoto(new Uint8Array(await readFile(path.resolve(DEMO_PICTURES_DIR, `${picture.slug}.webp`))));
}

/** The demo's pictures made ready (sharp's work: CPU only, no database), by slug. */
export type PreparedDemoPictures = ReadonlyMap<string, CatalogueImage>;

/**
 * Runs every committed picture through the upload checks and makes its widths. Started before
 * the demo's rows are written, so this CPU work overlaps the database's.
 */
export async function prepareDemoPictures(): Promise<PreparedDemoPictures> {
  const prepared = new Map<string, CatalogueImage>();
  const pictures = [...DEMO_PRODUCT_PICTURES.values(), ...DEMO_PRODUCER_PICTURES.values()];
  await inBatches(pictures, async (picture) => {
    prepared.set(picture.slug, await preparedPicture(picture));
  });
  return prepared;
}

/**
 * Gives every demo product and producer its picture (app/demo/pictures, PROVENANCE.md), through
 * the upload pipeline (uploadedPhoto, then storePhoto: bytes before the row that names them), so
 * each is stored at every width like a producer's own photo. Runs once the demo's rows exist.
 */
export async function attachDemoPictures(prisma: PrismaClient, prepared: PreparedDemoPictures, options: Ids & { now: Date }): Promise<{ pictures: number }> {
  const jobs: Array<{ slug: string; attach: (storageKey: string, image: CatalogueImage, photoId: string) => Promise<void> }> = [];
  for (const product of DEMO_PRODUCTS) {
    const picture = DEMO_PRODUCT_PICTURES.get(product.key);
    if (!picture) continue;
    const productId = options.productId(product.key);
    const organisationId = options.organisationId(product.producer);
    jobs.push({
      slug: picture.slug,
      attach: async (storageKey, image, photoId) => {
        await prisma.$transaction([
          prisma.storedFile.create({ data: photoFile({ id: photoId, organisationId, purpose: "PRODUCT_PHOTO", storageKey, image, now: options.now }), select: { id: true } }),
          prisma.product.update({ where: { id: productId }, data: { photoId }, select: { id: true } }),
        ]);
      },
    });
  }
  for (const producer of DEMO_PRODUCERS) {
    const picture = DEMO_PRODUCER_PICTURES.get(producer.key);
    if (!picture) continue;
    const organisationId = options.organisationId(producer.key);
    jobs.push({
      slug: picture.slug,
      attach: async (storageKey, image, photoId) => {
        await prisma.storedFile.create({ data: { ...photoFile({ id: photoId, organisationId, purpose: "ORGANISATION_PHOTO", storageKey, image, now: options.now }), position: 0 }, select: { id: true } });
      },
    });
  }
  await inBatches(jobs, async ({ slug, attach }) => {
    const image = prepared.get(slug);
    if (!image) throw new Error(`Image de démonstration non préparée : ${slug}`);
    await storePhoto(image, async (storageKey) => {
      await attach(storageKey, image, crypto.randomUUID());
      return null;
    });
  });
  return { pictures: jobs.length };
}

/**
 * The load-test catalogue's products (copies of demo products, scripts/bench.ts) get their
 * model's picture, so the catalogue is measured with a photo in every card: each model's picture
 * goes through the upload pipeline once, its bytes are stored under a key of each product's own
 * (removing one product's photo never touches another's), and the rows are written in bulk.
 */
export async function attachBenchPictures(prisma: PrismaClient, products: ReadonlyArray<{ id: string; producerId: string; model: string }>, now: Date): Promise<void> {
  const prepared = new Map<string, CatalogueImage>();
  const models = [...new Set(products.map((product) => product.model))].flatMap((model) => DEMO_PRODUCT_PICTURES.get(model) ?? []);
  await inBatches(models, async (picture) => {
    prepared.set(picture.slug, await preparedPicture(picture));
  });
  const files: Array<ReturnType<typeof photoFile>> = [];
  const photoOf: Array<{ productId: string; photoId: string }> = [];
  const written: StoredPhotoKeys[] = [];
  try {
    await inBatches(products, async (product) => {
      const image = prepared.get(DEMO_PRODUCT_PICTURES.get(product.model)?.slug ?? "");
      if (!image) return;
      const keys = await writePhotoBytes(image);
      written.push(keys);
      const photoId = crypto.randomUUID();
      files.push(photoFile({ id: photoId, organisationId: product.producerId, purpose: "PRODUCT_PHOTO", storageKey: keys.storageKey, image, now }));
      photoOf.push({ productId: product.id, photoId });
    });
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
