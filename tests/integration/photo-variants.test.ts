import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, expect, test } from "vitest";
import { db } from "~/db.server";
import { archiveProduct } from "~/domain/catalog/archive-product.server";
import { attachProductPhoto } from "~/domain/catalog/attach-product-photo.server";
import { removeProductPhoto } from "~/domain/catalog/remove-product-photo.server";
import { attachLotPhoto } from "~/domain/donations/attach-lot-photo.server";
import { addOrganisationPhoto } from "~/domain/organisations/add-organisation-photo.server";
import { removeOrganisationPhoto } from "~/domain/organisations/remove-organisation-photo.server";
import { storage } from "~/infra/storage.server";
import { loader as photoLoader } from "~/routes/photos.$id";
import { createProducerUser, ensureCategory } from "../factories";
import { createLot } from "../factories-donations";

/**
 * A photo is made at a few widths once, at upload, and a phone asks for the one it needs; when
 * the photo is replaced or removed, every width's bytes go with it.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), "terre-et-mer-variants-"));
process.env.DATA_DIR = dataDir;
const filesDir = path.join(dataDir, "files");
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const now = new Date("2026-12-06T09:00:00Z");

function storedFiles(): string[] {
  if (!existsSync(filesDir)) return [];
  return readdirSync(filesDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(filesDir, path.join(entry.parentPath, entry.name)));
}

/** The files stored for one photo: its key and the variants named after it. */
function filesOf(storageKey: string): string[] {
  const stem = storageKey.replace(/\.webp$/, "");
  return storedFiles().filter((file) => file.startsWith(stem));
}

async function jpeg(width: number, height: number): Promise<Uint8Array> {
  return new Uint8Array(await sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 60 } } }).jpeg({ quality: 90 }).toBuffer());
}

async function producerWithProduct() {
  const categoryId = await ensureCategory("legumes");
  const producer = await createProducerUser();
  const productId = crypto.randomUUID();
  await db().product.create({ data: { id: productId, producerId: producer.producerId, categoryId, name: "Poireaux", unit: "KG", priceCents: 380, vatRateBp: 550 } });
  return { ...producer, productId };
}

async function serve(id: string, query = "") {
  return (await photoLoader({ request: new Request(`http://localhost/photos/${id}${query}`), params: { id }, context: {} })) as Response;
}

async function servedSize(id: string, query: string) {
  const response = await serve(id, query);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("image/webp");
  expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  const metadata = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
  return { format: metadata.format, width: metadata.width, height: metadata.height, exif: metadata.exif };
}

test("an upload stores the photo at 160, 320, 640 and 1024 px wide, and the route serves the nearest width at least as wide as asked", async () => {
  const { producerId, productId } = await producerWithProduct();
  const { photoId } = await attachProductPhoto({ producerId, productId, bytes: await jpeg(2000, 1500), now });

  const file = await db().storedFile.findUniqueOrThrow({ where: { id: photoId }, select: { width: true, height: true, variantWidths: true, storageKey: true } });
  expect(file).toMatchObject({ width: 1024, height: 768, variantWidths: [160, 320, 640, 1024] });
  expect(filesOf(file.storageKey)).toHaveLength(4);

  expect(await servedSize(photoId, "?w=160")).toMatchObject({ format: "webp", width: 160, height: 120 });
  expect(await servedSize(photoId, "?w=300")).toMatchObject({ width: 320, height: 240 });
  expect(await servedSize(photoId, "?w=640")).toMatchObject({ width: 640, height: 480 });
  expect(await servedSize(photoId, "?w=641")).toMatchObject({ width: 1024, height: 768 });
  expect(await servedSize(photoId, "?w=5000")).toMatchObject({ width: 1024, height: 768 });
  expect(await servedSize(photoId, "")).toMatchObject({ width: 1024, height: 768 });
});

test("a photo is never made wider than it is: a small portrait keeps its own width as its largest", async () => {
  const { producerId, productId } = await producerWithProduct();
  const { photoId } = await attachProductPhoto({ producerId, productId, bytes: await jpeg(450, 800), now });
  const file = await db().storedFile.findUniqueOrThrow({ where: { id: photoId }, select: { width: true, height: true, variantWidths: true } });
  expect(file).toMatchObject({ width: 450, height: 800, variantWidths: [160, 320, 450] });
  expect(await servedSize(photoId, "?w=320")).toMatchObject({ width: 320, height: 569 });
  expect(await servedSize(photoId, "?w=640")).toMatchObject({ width: 450, height: 800 });
});

test("no width keeps the camera's metadata", async () => {
  const { producerId, productId } = await producerWithProduct();
  const withGps = new Uint8Array(
    await sharp({ create: { width: 700, height: 500, channels: 3, background: "#884422" } })
      .withExif({ IFD0: { Make: "Fairphone", Model: "FP5" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "49/1 55/1 20/1" } })
      .jpeg()
      .toBuffer(),
  );
  expect((await sharp(withGps).metadata()).exif).toBeDefined();
  const { photoId } = await attachProductPhoto({ producerId, productId, bytes: withGps, now });
  for (const query of ["?w=160", "?w=320", "?w=640", ""]) expect((await servedSize(photoId, query)).exif, query).toBeUndefined();
});

test("replacing or removing a product's photo removes the bytes of every width", async () => {
  const { producerId, productId } = await producerWithProduct();
  const first = await attachProductPhoto({ producerId, productId, bytes: await jpeg(1200, 900), now });
  const firstKey = (await db().storedFile.findUniqueOrThrow({ where: { id: first.photoId }, select: { storageKey: true } })).storageKey;
  expect(filesOf(firstKey)).toHaveLength(4);

  const second = await attachProductPhoto({ producerId, productId, bytes: await jpeg(800, 600), now });
  expect(filesOf(firstKey)).toEqual([]);
  expect((await serve(first.photoId, "?w=320")).status).toBe(404);
  const secondKey = (await db().storedFile.findUniqueOrThrow({ where: { id: second.photoId }, select: { storageKey: true } })).storageKey;
  expect(filesOf(secondKey)).toHaveLength(4);

  await removeProductPhoto({ producerId, productId, now });
  expect(filesOf(secondKey)).toEqual([]);
});

test("deleting a never-offered product removes its photo at every width", async () => {
  const { producerId, productId } = await producerWithProduct();
  const { photoId } = await attachProductPhoto({ producerId, productId, bytes: await jpeg(700, 700), now });
  const key = (await db().storedFile.findUniqueOrThrow({ where: { id: photoId }, select: { storageKey: true } })).storageKey;
  expect(filesOf(key)).toHaveLength(4);
  expect(await archiveProduct({ producerId, productId, now })).toEqual({ outcome: "deleted" });
  expect(filesOf(key)).toEqual([]);
});

test("an organisation's photo and a donation lot's photo get the same widths, and lose them all when replaced or removed", async () => {
  const { producerId, user } = await producerWithProduct();
  const organisationPhoto = await addOrganisationPhoto({ organisationId: producerId, userId: user.id, bytes: await jpeg(1600, 1000), now });
  const organisationFile = await db().storedFile.findUniqueOrThrow({ where: { id: organisationPhoto.photoId }, select: { storageKey: true, variantWidths: true } });
  expect(organisationFile.variantWidths).toEqual([160, 320, 640, 1024]);
  await removeOrganisationPhoto({ organisationId: producerId, userId: user.id, photoId: organisationPhoto.photoId });
  expect(filesOf(organisationFile.storageKey)).toEqual([]);

  const { id: lotId } = await createLot({ donorId: producerId, createdById: user.id });
  const lotPhoto = await attachLotPhoto({ donorId: producerId, lotId, bytes: await jpeg(900, 600), now });
  const lotFile = await db().storedFile.findUniqueOrThrow({ where: { id: lotPhoto.photoId }, select: { storageKey: true, variantWidths: true } });
  expect(lotFile.variantWidths).toEqual([160, 320, 640, 900]);
  await attachLotPhoto({ donorId: producerId, lotId, bytes: await jpeg(300, 200), now });
  expect(filesOf(lotFile.storageKey)).toEqual([]);
});

test("a photo stored before widths existed is still served, as it is, whatever width is asked", async () => {
  const { producerId } = await producerWithProduct();
  const id = crypto.randomUUID();
  const storageKey = `photos/${id}.webp`;
  const bytes = new Uint8Array(await sharp({ create: { width: 800, height: 600, channels: 3, background: "#336699" } }).webp().toBuffer());
  await storage().put(storageKey, bytes, "image/webp");
  await db().storedFile.create({ data: { id, organisationId: producerId, purpose: "PRODUCT_PHOTO", storageKey, contentType: "image/webp", byteSize: bytes.byteLength, width: 800, height: 600 } });
  expect(await servedSize(id, "?w=160")).toMatchObject({ width: 800, height: 600 });
  expect(await servedSize(id, "")).toMatchObject({ width: 800, height: 600 });
});

test("an unknown photo, or a width that is not a number of pixels, is a 404", async () => {
  const { producerId, productId } = await producerWithProduct();
  const { photoId } = await attachProductPhoto({ producerId, productId, bytes: await jpeg(400, 300), now });
  expect((await serve(crypto.randomUUID(), "?w=320")).status).toBe(404);
  for (const query of ["?w=abc", "?w=-5", "?w=0", "?w=1e3", "?w=99999999"]) expect((await serve(photoId, query)).status, query).toBe(404);
});

test("a small file that declares a huge canvas (a decompression bomb) is refused before any width is made, and nothing is stored", async () => {
  const { producerId, productId } = await producerWithProduct();
  const bomb = new Uint8Array(await sharp({ create: { width: 8000, height: 6000, channels: 3, background: "#ffffff" } }).png({ compressionLevel: 9 }).toBuffer());
  expect(bomb.byteLength).toBeLessThan(5 * 1024 * 1024);
  const before = storedFiles();
  await expect(attachProductPhoto({ producerId, productId, bytes: bomb, now })).rejects.toMatchObject({ code: "file_type_refused" });
  expect(storedFiles()).toEqual(before);
  expect(await db().product.findUniqueOrThrow({ where: { id: productId }, select: { photoId: true } })).toEqual({ photoId: null });
});

test("a donation lot made from a product keeps the photo it started with when the product's photo is replaced, removed or the product deleted", async () => {
  for (const change of ["replace", "remove", "delete"] as const) {
    const { producerId, productId, user } = await producerWithProduct();
    const { photoId } = await attachProductPhoto({ producerId, productId, bytes: await jpeg(700, 500), now });
    const key = (await db().storedFile.findUniqueOrThrow({ where: { id: photoId }, select: { storageKey: true } })).storageKey;
    // As donateUnsoldStock does: the lot starts with its product's photo.
    const { id: lotId } = await createLot({ donorId: producerId, createdById: user.id });
    await db().donationLot.update({ where: { id: lotId }, data: { photoId } });

    if (change === "replace") await attachProductPhoto({ producerId, productId, bytes: await jpeg(300, 300), now });
    if (change === "remove") await removeProductPhoto({ producerId, productId, now });
    if (change === "delete") expect(await archiveProduct({ producerId, productId, now })).toEqual({ outcome: "deleted" });

    expect(await db().donationLot.findUniqueOrThrow({ where: { id: lotId }, select: { photoId: true } }), change).toEqual({ photoId });
    expect(filesOf(key), change).toHaveLength(4);
    expect((await serve(photoId, "?w=320")).status, change).toBe(200);
  }
});
