import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { expect, test } from "vitest";
import { DEMO_PICTURES, DEMO_PICTURES_DIR, DEMO_PRODUCER_PICTURES, DEMO_PRODUCT_PICTURES } from "~/demo/demo-pictures";
import {
  DEMO_PICTURE_WIDTHS_DIR,
  demoPictureWidthFile,
  readDemoPictureWidthsManifest,
  REMAKE_DEMO_PICTURE_WIDTHS,
  sha256,
  uploadedDemoPicture,
} from "~/demo/demo-pictures.server";
import { DEMO_PRODUCERS, DEMO_PRODUCTS } from "~/demo/demo-territory";

const dir = path.resolve(DEMO_PICTURES_DIR);

test("every demo product and every producer has a picture", () => {
  expect(DEMO_PRODUCTS.filter((product) => !DEMO_PRODUCT_PICTURES.has(product.key)).map((product) => product.key)).toEqual([]);
  expect(DEMO_PRODUCERS.filter((producer) => !DEMO_PRODUCER_PICTURES.has(producer.key)).map((producer) => producer.key)).toEqual([]);
  // And no picture for a product the demo no longer has.
  const productKeys = new Set(DEMO_PRODUCTS.map((product) => product.key));
  expect([...DEMO_PRODUCT_PICTURES.keys()].filter((key) => !productKeys.has(key))).toEqual([]);
});

test("each picture is committed as a 1024 × 768 WebP, the whole folder (widths included) stays small, and nothing is there that no product uses", async () => {
  const files = readdirSync(dir).filter((file) => file.endsWith(".webp"));
  expect(files.sort()).toEqual(DEMO_PICTURES.map((picture) => `${picture.slug}.webp`).sort());
  for (const file of files) {
    const metadata = await sharp(path.join(dir, file)).metadata();
    expect({ file, format: metadata.format, width: metadata.width, height: metadata.height }).toEqual({ file, format: "webp", width: 1024, height: 768 });
  }
  const widthsDir = path.resolve(DEMO_PICTURE_WIDTHS_DIR);
  const sizeOf = (folder: string) => readdirSync(folder).reduce((sum, file) => sum + statSync(path.join(folder, file)).size, 0);
  const total = readdirSync(dir)
    .filter((file) => file !== "widths")
    .reduce((sum, file) => sum + statSync(path.join(dir, file)).size, 0);
  expect(total + sizeOf(widthsDir)).toBeLessThan(4 * 1000 * 1000);
});

// The demo seed stores each picture's committed widths as they are (no sharp at seed time): they
// must be what a producer's upload of that picture stores today.
const remake = `the committed widths are not what the upload pipeline makes: run « ${REMAKE_DEMO_PICTURE_WIDTHS} » and commit app/demo/pictures/widths`;

test("every picture's widths are committed, from its current source, and nothing else is in the widths folder", async () => {
  const manifest = await readDemoPictureWidthsManifest();
  expect(Object.keys(manifest.pictures).sort(), remake).toEqual(DEMO_PICTURES.map((picture) => picture.slug).sort());
  const expected = ["widths.json"];
  for (const picture of DEMO_PICTURES) {
    const entry = manifest.pictures[picture.slug]!;
    expect(entry.source, `${picture.slug}: its source changed since, ${remake}`).toBe(sha256(readFileSync(path.join(dir, `${picture.slug}.webp`))));
    expect(entry.widths.map(({ width }) => width), `${picture.slug}: ${remake}`).toEqual([160, 320, 640, 1024]);
    for (const { width, sha256: hash } of entry.widths) {
      expect(sha256(readFileSync(demoPictureWidthFile(picture.slug, width))), `${picture.slug} at ${width} px: ${remake}`).toBe(hash);
      expected.push(`${picture.slug}-w${width}.webp`);
    }
  }
  expect(readdirSync(path.resolve(DEMO_PICTURE_WIDTHS_DIR)).sort()).toEqual(expected.sort());
});

test("a demo picture's committed widths are byte for byte what the upload pipeline makes from its source", { timeout: 30_000 }, async () => {
  const manifest = await readDemoPictureWidthsManifest();
  // A change to the pipeline changes every picture's widths: a product's, a basket's and a producer's are enough to tell.
  for (const picture of [DEMO_PRODUCT_PICTURES.get("falaises-carottes")!, DEMO_PRODUCT_PICTURES.get("panier-terre-mer")!, DEMO_PRODUCER_PICTURES.get("le-pourquoi-pas")!]) {
    const uploaded = await uploadedDemoPicture(picture);
    const made = [...uploaded.narrower, uploaded].map(({ bytes, width, height }) => ({ width, height, sha256: sha256(bytes) }));
    expect(manifest.pictures[picture.slug]?.widths, `${picture.slug}: ${remake}`).toEqual(made);
  }
});

test("PROVENANCE.md names each picture's source assets, the package and version, and carries the MIT licence", () => {
  const provenance = readFileSync(path.join(dir, "PROVENANCE.md"), "utf8");
  expect(provenance).toContain("@lobehub/fluent-emoji-3d@1.1.0");
  expect(provenance).toContain("Copyright (c) Microsoft Corporation");
  expect(provenance).toContain("Permission is hereby granted, free of charge");
  for (const picture of DEMO_PICTURES) {
    const row = provenance.split("\n").find((line) => line.startsWith(`| \`${picture.slug}.webp\` |`));
    expect(row, picture.slug).toBeDefined();
    for (const emoji of picture.emojis) expect(row).toContain(`assets/${emoji}.webp`);
  }
});
