import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { expect, test } from "vitest";
import { DEMO_PICTURES, DEMO_PICTURES_DIR, DEMO_PRODUCER_PICTURES, DEMO_PRODUCT_PICTURES } from "~/demo/demo-pictures";
import { DEMO_PRODUCERS, DEMO_PRODUCTS } from "~/demo/demo-territory";

const dir = path.resolve(DEMO_PICTURES_DIR);

test("every demo product and every producer has a picture", () => {
  expect(DEMO_PRODUCTS.filter((product) => !DEMO_PRODUCT_PICTURES.has(product.key)).map((product) => product.key)).toEqual([]);
  expect(DEMO_PRODUCERS.filter((producer) => !DEMO_PRODUCER_PICTURES.has(producer.key)).map((producer) => producer.key)).toEqual([]);
  // And no picture for a product the demo no longer has.
  const productKeys = new Set(DEMO_PRODUCTS.map((product) => product.key));
  expect([...DEMO_PRODUCT_PICTURES.keys()].filter((key) => !productKeys.has(key))).toEqual([]);
});

test("each picture is committed as a 1024 × 768 WebP, the whole folder stays small, and nothing is there that no product uses", async () => {
  const files = readdirSync(dir).filter((file) => file.endsWith(".webp"));
  expect(files.sort()).toEqual(DEMO_PICTURES.map((picture) => `${picture.slug}.webp`).sort());
  let total = 0;
  for (const file of files) {
    const metadata = await sharp(path.join(dir, file)).metadata();
    expect({ file, format: metadata.format, width: metadata.width, height: metadata.height }).toEqual({ file, format: "webp", width: 1024, height: 768 });
    total += statSync(path.join(dir, file)).size;
  }
  expect(total).toBeLessThan(3 * 1024 * 1024);
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
