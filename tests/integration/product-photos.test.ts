import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, expect, test } from "vitest";
import { db } from "~/db.server";
import { MAX_PHOTO_BYTES } from "~/domain/catalog/product-photo";
import { loader as photoLoader } from "~/routes/photos.$id";
import { action as editAction, loader as editLoader } from "~/routes/producteur.produits.$id";
import { loader as offerLoader } from "~/routes/offres.$id";
import { createDistribution, createProducerUser, ensureCategory } from "../factories";

/**
 * Photo uploads tried the way an abuser would: too big, HTML calling itself a JPEG, a path in the
 * file name. Each is refused with a clear message and leaves nothing stored; a real photo is
 * resized, stored outside public/ under a random key, and served with a fixed type and nosniff.
 */

// This run's files go to a folder of their own (the storage reads DATA_DIR on first use).
const dataDir = mkdtempSync(path.join(tmpdir(), "terre-et-mer-photos-"));
process.env.DATA_DIR = dataDir;
const filesDir = path.join(dataDir, "files");
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

type Failure = { init: { status: number } | null; data: { ok: false; message: string; fieldErrors: Record<string, string> } };

async function producerWithProduct() {
  const categoryId = await ensureCategory("legumes");
  const producer = await createProducerUser();
  const productId = crypto.randomUUID();
  await db().product.create({
    data: { id: productId, producerId: producer.producerId, categoryId, name: "Carottes", unit: "KG", priceCents: 320, vatRateBp: 550 },
  });
  return { ...producer, productId };
}

function upload(productId: string, cookie: string, file: { bytes: Uint8Array; name: string; type: string }, extraHeaders: Record<string, string> = {}) {
  const form = new FormData();
  form.append("photo", new Blob([Buffer.from(file.bytes)], { type: file.type }), file.name);
  const request = new Request(`http://localhost/producteur/produits/${productId}`, { method: "POST", body: form, headers: { cookie, ...extraHeaders } });
  return editAction({ request, params: { id: productId }, context: {} });
}

function storedFiles(): string[] {
  if (!existsSync(filesDir)) return [];
  return readdirSync(filesDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(filesDir, path.join(entry.parentPath, entry.name)));
}

async function photoState(producerId: string, productId: string) {
  const product = await db().product.findUniqueOrThrow({ where: { id: productId }, select: { photoId: true } });
  const files = await db().storedFile.count({ where: { organisationId: producerId } });
  return { photoId: product.photoId, files };
}

async function jpeg(width: number, height: number): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 30 } } })
      .jpeg({ quality: 90 })
      .toBuffer(),
  );
}

test("a real JPEG is accepted, resized to 1024 px, stored outside public/ and served with its fixed type and nosniff", async () => {
  const { cookie, producerId, productId } = await producerWithProduct();
  const result = await upload(productId, cookie, { bytes: await jpeg(2048, 1536), name: "IMG_2041.JPG", type: "image/jpeg" });
  expect(result).toBeInstanceOf(Response);
  expect((result as Response).headers.get("location")).toBe(`/producteur/produits/${productId}?photo=1`);

  const product = await db().product.findUniqueOrThrow({ where: { id: productId }, select: { photo: true } });
  expect(product.photo).toMatchObject({ organisationId: producerId, purpose: "PRODUCT_PHOTO", contentType: "image/webp", width: 1024, height: 768 });
  expect(product.photo!.storageKey).toMatch(/^photos\/[0-9a-f-]{36}\.webp$/);
  expect(product.photo!.storageKey).not.toContain("IMG_2041");
  expect(storedFiles()).toContain(product.photo!.storageKey);
  expect(existsSync(path.resolve("public", product.photo!.storageKey))).toBe(false);

  const served = (await photoLoader({ request: new Request(`http://localhost/photos/${product.photo!.id}`), params: { id: product.photo!.id }, context: {} })) as Response;
  expect(served.status).toBe(200);
  expect(served.headers.get("content-type")).toBe("image/webp");
  expect(served.headers.get("x-content-type-options")).toBe("nosniff");
  expect(served.headers.get("content-disposition")).toBe("inline");
  expect(served.headers.get("cache-control")).toContain("max-age");
  const bytes = Buffer.from(await served.arrayBuffer());
  expect(bytes.byteLength).toBe(product.photo!.byteSize);
  const metadata = await sharp(bytes).metadata();
  expect(metadata).toMatchObject({ format: "webp", width: 1024, height: 768 });

  const page = (await editLoader({ request: new Request(`http://localhost/producteur/produits/${productId}`, { headers: { cookie } }), params: { id: productId }, context: {} })) as Awaited<ReturnType<typeof editLoader>>;
  expect(page.product.photo).toEqual({ id: product.photo!.id, width: 1024, height: 768 });
});

test("a small PNG is kept at its size; replacing a photo removes the old one", async () => {
  const { cookie, producerId, productId } = await producerWithProduct();
  const png = new Uint8Array(await sharp({ create: { width: 40, height: 20, channels: 4, background: "#336699" } }).png().toBuffer());
  await upload(productId, cookie, { bytes: png, name: "carottes.png", type: "image/png" });
  const first = await db().product.findUniqueOrThrow({ where: { id: productId }, select: { photo: true } });
  expect(first.photo).toMatchObject({ width: 40, height: 20, contentType: "image/webp" });

  await upload(productId, cookie, { bytes: await jpeg(300, 300), name: "nouvelle.jpg", type: "image/jpeg" });
  const second = await db().product.findUniqueOrThrow({ where: { id: productId }, select: { photo: true } });
  expect(second.photo!.id).not.toBe(first.photo!.id);
  expect(await photoState(producerId, productId)).toEqual({ photoId: second.photo!.id, files: 1 });
  expect(storedFiles()).not.toContain(first.photo!.storageKey);
  const gone = (await photoLoader({ request: new Request("http://localhost/photos/x"), params: { id: first.photo!.id }, context: {} })) as Response;
  expect(gone.status).toBe(404);

  await editAction({ request: new Request(`http://localhost/producteur/produits/${productId}`, { method: "POST", body: new URLSearchParams({ intent: "remove-photo" }), headers: { cookie } }), params: { id: productId }, context: {} });
  expect(await photoState(producerId, productId)).toEqual({ photoId: null, files: 0 });
  expect(storedFiles()).not.toContain(second.photo!.storageKey);
});

test("an oversize file is refused with the limit in the message, and nothing is stored", async () => {
  const { cookie, producerId, productId } = await producerWithProduct();
  const before = storedFiles();
  const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
  big.set(await jpeg(10, 10));
  const result = (await upload(productId, cookie, { bytes: big, name: "enorme.jpg", type: "image/jpeg" })) as Failure;
  expect(result.init?.status).toBe(413);
  expect(result.data.message).toBe("Ce fichier est trop lourd : 5 Mo au plus.");
  expect(await photoState(producerId, productId)).toEqual({ photoId: null, files: 0 });
  expect(storedFiles()).toEqual(before);
});

test("a body announcing gigabytes is refused before it is read; one that streams on is cut off at the limit", async () => {
  const { cookie, producerId, productId } = await producerWithProduct();
  let pulled = 0;
  // A body that never ends, produced only as it is read: how much was read is how much was pulled.
  const boundary = "----terre-et-mer";
  const head = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
  const endless = () =>
    new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled === 0) controller.enqueue(head);
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(65));
      },
    });

  const announced = new Request(`http://localhost/producteur/produits/${productId}`, {
    method: "POST",
    body: endless(),
    headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": String(4 * 1024 * 1024 * 1024) },
    duplex: "half",
  } as RequestInit);
  const refused = (await editAction({ request: announced, params: { id: productId }, context: {} })) as Failure;
  expect(refused.init?.status).toBe(413);
  expect(pulled).toBeLessThan(2 * 1024 * 1024);

  pulled = 0;
  const streamed = new Request(`http://localhost/producteur/produits/${productId}`, {
    method: "POST",
    body: endless(),
    headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    duplex: "half",
  } as RequestInit);
  const cut = (await editAction({ request: streamed, params: { id: productId }, context: {} })) as Failure;
  expect(cut.init?.status).toBe(413);
  expect(cut.data.message).toBe("Ce fichier est trop lourd : 5 Mo au plus.");
  // Read up to the limit and a little beyond (buffers in flight), never the 200 MB on offer.
  expect(pulled).toBeLessThan(MAX_PHOTO_BYTES + 4 * 1024 * 1024);
  expect(await photoState(producerId, productId)).toEqual({ photoId: null, files: 0 });
});

test("an HTML file named .jpg and declared as a JPEG is refused from its content", async () => {
  const { cookie, producerId, productId } = await producerWithProduct();
  const before = storedFiles();
  const html = new TextEncoder().encode("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
  const result = (await upload(productId, cookie, { bytes: html, name: "photo.jpg", type: "image/jpeg" })) as Failure;
  expect(result.init?.status).toBe(415);
  expect(result.data.message).toBe("Ce fichier n'est pas une image JPEG, PNG ou WebP.");
  expect(await photoState(producerId, productId)).toEqual({ photoId: null, files: 0 });
  expect(storedFiles()).toEqual(before);
});

test("a file that starts like a JPEG but is not one is refused too", async () => {
  const { cookie, producerId, productId } = await producerWithProduct();
  const fake = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode("<script>alert(1)</script>")]);
  const result = (await upload(productId, cookie, { bytes: fake, name: "faux.jpg", type: "image/jpeg" })) as Failure;
  expect(result.init?.status).toBe(415);
  expect(await photoState(producerId, productId)).toEqual({ photoId: null, files: 0 });
});

test("a file whose name carries a path is refused with a clear message, whatever it holds; a plain name is stored under a random key", async () => {
  const { cookie, producerId, productId } = await producerWithProduct();
  const before = storedFiles();
  const passwd = new TextEncoder().encode("root:x:0:0:root:/root:/bin/bash\n");
  const image = await jpeg(50, 50);
  for (const file of [
    { bytes: passwd, name: "../../etc/passwd.jpg" },
    { bytes: image, name: "../../../public/evil.jpg" },
    { bytes: image, name: "C:\\Users\\yannick\\coquilles.jpg" },
    { bytes: image, name: "photos/coquilles.jpg" },
  ]) {
    const refused = (await upload(productId, cookie, { ...file, type: "image/jpeg" })) as Failure;
    expect(refused.init?.status, file.name).toBe(400);
    expect(refused.data.message).toBe("Le nom de ce fichier contient un chemin (« / », « \\ » ou « .. ») : renommez-le simplement, par exemple photo.jpg.");
    expect(await photoState(producerId, productId)).toEqual({ photoId: null, files: 0 });
    expect(storedFiles()).toEqual(before);
  }
  expect(existsSync(path.resolve("public/evil.jpg"))).toBe(false);

  await upload(productId, cookie, { bytes: image, name: "coquilles.jpg", type: "image/jpeg" });
  const stored = await db().product.findUniqueOrThrow({ where: { id: productId }, select: { photo: { select: { storageKey: true } } } });
  expect(stored.photo!.storageKey).toMatch(/^photos\/[0-9a-f-]{36}\.webp$/);
  expect(storedFiles().filter((file) => !before.includes(file))).toEqual([stored.photo!.storageKey]);
});

test("a form without a file, or an empty file, is refused naming the photo field", async () => {
  const { cookie, producerId, productId } = await producerWithProduct();
  const empty = (await upload(productId, cookie, { bytes: new Uint8Array(), name: "", type: "application/octet-stream" })) as Failure;
  expect(empty.init?.status).toBe(400);
  expect(empty.data.fieldErrors.photo).toBe("Photo : choisissez un fichier image (JPEG, PNG ou WebP).");
  expect(await photoState(producerId, productId)).toEqual({ photoId: null, files: 0 });
});

test("another producer cannot put a photo on a product that is not theirs", async () => {
  const a = await producerWithProduct();
  const b = await createProducerUser();
  let outcome: unknown;
  try {
    outcome = await upload(a.productId, b.cookie, { bytes: await jpeg(20, 20), name: "x.jpg", type: "image/jpeg" });
  } catch (thrown) {
    outcome = thrown;
  }
  expect(outcome).toBeInstanceOf(Response);
  expect((outcome as Response).status).toBe(404);
  expect(await photoState(a.producerId, a.productId)).toEqual({ photoId: null, files: 0 });
});

test("an unknown photo id is a 404", async () => {
  for (const id of [crypto.randomUUID(), "../../etc/passwd", "x".repeat(500)]) {
    const response = (await photoLoader({ request: new Request("http://localhost/photos/x"), params: { id }, context: {} })) as Response;
    expect(response.status).toBe(404);
  }
});

test("the product's photo is shown to customers on its offer's page", async () => {
  const { cookie, producerId, productId } = await producerWithProduct();
  const distribution = await createDistribution();
  const offerId = crypto.randomUUID();
  await db().offer.create({ data: { id: offerId, distributionId: distribution.id, productId, priceCents: 320, stock: 5 } });
  const offerPage = async () => (await offerLoader({ request: new Request(`http://localhost/offres/${offerId}`), params: { id: offerId }, context: {} })) as { photo: { id: string } | null };
  expect((await offerPage()).photo).toBeNull();

  await upload(productId, cookie, { bytes: await jpeg(120, 90), name: "carottes.jpg", type: "image/jpeg" });
  const { photoId } = await photoState(producerId, productId);
  expect(photoId).not.toBeNull();
  expect((await offerPage()).photo?.id).toBe(photoId);
  const served = await photoLoader({ request: new Request(`http://localhost/photos/${photoId}`), params: { id: photoId! }, context: {} });
  expect(served.status).toBe(200);
});
