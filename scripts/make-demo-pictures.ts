/**
 * Composes the demo territory's pictures (app/demo/demo-pictures.ts says which emoji each one
 * shows) from Microsoft's Fluent Emoji 3D, as packaged on npm by @lobehub/fluent-emoji-3d (MIT),
 * and writes app/demo/pictures/<slug>.webp plus PROVENANCE.md (each file's sources and licence),
 * then each picture's stored widths (below).
 *
 *   cd /tmp && npm pack @lobehub/fluent-emoji-3d@1.1.0 && mkdir emoji && tar xzf lobehub-fluent-emoji-3d-1.1.0.tgz -C emoji
 *   npx tsx scripts/make-demo-pictures.ts /tmp/emoji/package
 *
 * The package is not a dependency: the pictures are made once and committed.
 *
 *   npx tsx scripts/make-demo-pictures.ts --widths
 *
 * remakes only the widths, from the committed pictures: app/demo/pictures/widths/<slug>-w<width>.webp
 * and widths.json, made by uploadedPhoto, THE function a producer's upload goes through, so they
 * are the bytes an upload of the picture stores; the demo seed stores them as they are, without
 * sharp. Run it after any change to the upload pipeline (app/domain/catalog/photo-image.server.ts):
 * app/demo/demo-pictures.test.ts fails until then.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { DEMO_PICTURES, DEMO_PICTURES_DIR, type DemoPicture } from "~/demo/demo-pictures";
import {
  DEMO_PICTURE_WIDTHS_DIR,
  DEMO_PICTURE_WIDTHS_MANIFEST,
  demoPictureWidthFile,
  sha256,
  uploadedDemoPicture,
  type DemoPictureWidthsManifest,
} from "~/demo/demo-pictures.server";

const PACKAGE = "@lobehub/fluent-emoji-3d";
const VERSION = "1.1.0";
const WIDTH = 1024;
const HEIGHT = 768;

const widthsOnly = process.argv[2] === "--widths";
const packageDir = widthsOnly ? undefined : process.argv[2];
if (!widthsOnly && (!packageDir || !existsSync(path.join(packageDir, "assets")))) {
  console.error("usage: tsx scripts/make-demo-pictures.ts <unpacked @lobehub/fluent-emoji-3d dir, holding assets/> | --widths");
  process.exit(1);
}
if (packageDir) {
  const manifest = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { name: string; version: string; license: string };
  if (manifest.name !== PACKAGE || manifest.version !== VERSION || manifest.license !== "MIT") {
    console.error(`expected ${PACKAGE}@${VERSION} (MIT), found ${manifest.name}@${manifest.version} (${manifest.license})`);
    process.exit(1);
  }
}

/** Sizes and centres of 1, 2 or 3 emojis: the first largest, the others beside it, overlapping a little. */
function layout(count: number): Array<{ size: number; x: number; y: number }> {
  if (count === 1) return [{ size: 540, x: 512, y: 374 }];
  if (count === 2) return [{ size: 470, x: 390, y: 370 }, { size: 380, x: 700, y: 420 }];
  // In a row, standing on the same line.
  return [{ size: 400, x: 290, y: 380 }, { size: 310, x: 590, y: 425 }, { size: 310, x: 820, y: 425 }];
}

/** A soft light in the middle and a shadow on the "table", so the emojis do not float. */
function backdrop(picture: DemoPicture, spots: ReturnType<typeof layout>): Buffer {
  const shadows = spots
    .map((spot) => `<ellipse cx="${spot.x}" cy="${spot.y + spot.size * 0.46}" rx="${spot.size * 0.36}" ry="${spot.size * 0.07}" fill="#000" opacity="0.10"/>`)
    .join("");
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
      <defs><radialGradient id="light" cx="50%" cy="42%" r="65%"><stop offset="0" stop-color="#fff" stop-opacity="0.55"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs>
      <rect width="100%" height="100%" fill="${picture.background}"/>
      <rect width="100%" height="100%" fill="url(#light)"/>
      ${shadows}
    </svg>`,
  );
}

async function compose(picture: DemoPicture): Promise<Buffer> {
  const spots = layout(picture.emojis.length);
  // Drawn from the last (behind) to the first (in front).
  const layers = await Promise.all(
    picture.emojis.map(async (emoji, index) => {
      const spot = spots[index]!;
      const input = await sharp(path.join(packageDir!, "assets", `${emoji}.webp`)).resize(spot.size, spot.size, { kernel: "lanczos3" }).png().toBuffer();
      return { input, left: Math.round(spot.x - spot.size / 2), top: Math.round(spot.y - spot.size / 2) };
    }),
  );
  return sharp(backdrop(picture, spots)).composite(layers.reverse()).webp({ quality: 72, effort: 6, smartSubsample: true }).toBuffer();
}

async function composeAll(): Promise<void> {
  const outDir = path.resolve(DEMO_PICTURES_DIR);
  mkdirSync(outDir, { recursive: true });
  for (const file of readdirSync(outDir)) if (file.endsWith(".webp")) rmSync(path.join(outDir, file));

  let total = 0;
  for (const picture of DEMO_PICTURES) {
    const bytes = await compose(picture);
    writeFileSync(path.join(outDir, `${picture.slug}.webp`), bytes);
    total += bytes.byteLength;
  }

  const rows = DEMO_PICTURES.map((picture) => `| \`${picture.slug}.webp\` | ${picture.emojis.map((emoji) => `\`assets/${emoji}.webp\``).join(", ")} | ${picture.background} |`);
  writeFileSync(
    path.join(outDir, "PROVENANCE.md"),
    `# Where the demo pictures come from

Every picture in this folder is an illustration composed by \`scripts/make-demo-pictures.ts\` (which
\`app/demo/demo-pictures.ts\` tells what to draw): one to three emojis of **Fluent Emoji 3D**, by
Microsoft, placed on a soft coloured background, 1024 × 768 px, WebP.

- Artwork: Fluent Emoji, Copyright (c) Microsoft Corporation, released under the MIT licence
  (https://github.com/microsoft/fluentui-emoji).
- Taken from the npm package \`${PACKAGE}@${VERSION}\` (MIT; packaging Copyright (c) 2023 LobeHub,
  https://github.com/lobehub/fluent-emoji), file paths below are inside that package.
- Composed by scripts/make-demo-pictures.ts; the package is not a dependency of the application.

We may redistribute these pictures, modified, under the MIT licence's one condition: the copyright
notice and the licence text below go with them.

| File | Source assets (in ${PACKAGE}@${VERSION}) | Background |
| --- | --- | --- |
${rows.join("\n")}

## Licence (MIT)

Copyright (c) Microsoft Corporation.
Copyright (c) 2023 LobeHub.

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`,
  );
  console.info(`${DEMO_PICTURES.length} pictures, ${(total / 1024).toFixed(0)} KiB, in ${path.relative(process.cwd(), outDir)}`);
}

/**
 * Each committed picture through uploadedPhoto (the upload's own checks and widths), its widths
 * written beside the pictures with what the seed needs to store them as an upload would.
 */
async function makeWidths(): Promise<void> {
  const widthsDir = path.resolve(DEMO_PICTURE_WIDTHS_DIR);
  rmSync(widthsDir, { recursive: true, force: true });
  mkdirSync(widthsDir, { recursive: true });
  const manifest: DemoPictureWidthsManifest = { pictures: {} };
  let total = 0;
  for (const picture of DEMO_PICTURES) {
    const image = await uploadedDemoPicture(picture);
    const widths = [...image.narrower, image];
    for (const { bytes, width } of widths) {
      writeFileSync(demoPictureWidthFile(picture.slug, width), bytes);
      total += bytes.byteLength;
    }
    const source = readFileSync(path.join(path.resolve(DEMO_PICTURES_DIR), `${picture.slug}.webp`));
    manifest.pictures[picture.slug] = { source: sha256(source), widths: widths.map(({ bytes, width, height }) => ({ width, height, sha256: sha256(bytes) })) };
  }
  // One line per picture: readable in a diff, and small.
  const lines = Object.entries(manifest.pictures).map(([slug, entry]) => `  ${JSON.stringify(slug)}: ${JSON.stringify(entry)}`);
  writeFileSync(path.resolve(DEMO_PICTURE_WIDTHS_MANIFEST), `{ "pictures": {\n${lines.join(",\n")}\n} }\n`);
  console.info(`${DEMO_PICTURES.length} pictures' widths, ${(total / 1024).toFixed(0)} KiB, in ${path.relative(process.cwd(), widthsDir)}`);
}

if (!widthsOnly) await composeAll();
await makeWidths();
