/**
 * Makes the home-screen and browser icons from the one drawing, public/favicon.svg:
 * apple-touch-icon.png (180×180, opaque: iOS rounds the corners itself), icon-192.png,
 * icon-512.png (the web app manifest's) and favicon.ico (16, 32 and 48 px PNGs in one ICO,
 * for browsers that do not read SVG icons). Run `npm run icons` after changing the drawing and
 * commit what it writes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

const publicDir = path.resolve(import.meta.dirname, "../public");
const svg = readFileSync(path.join(publicDir, "favicon.svg"));
/** sea-900, the colour of the drawing's own background and of the header. */
const sea = "#062f3f";

function png(size: number, options: { opaque?: boolean } = {}): Promise<Buffer> {
  const image = sharp(svg, { density: Math.ceil((72 * size) / 512) * 2 }).resize(size, size);
  return (options.opaque ? image.flatten({ background: sea }) : image).png({ compressionLevel: 9 }).toBuffer();
}

/** An ICO file whose entries are PNG images (read by every browser since 2007). */
function ico(images: { size: number; bytes: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const directory = Buffer.alloc(16 * images.length);
  let offset = header.length + directory.length;
  images.forEach(({ size, bytes }, index) => {
    const entry = index * 16;
    directory.writeUInt8(size >= 256 ? 0 : size, entry); // width (0 means 256)
    directory.writeUInt8(size >= 256 ? 0 : size, entry + 1); // height
    directory.writeUInt8(0, entry + 2); // no palette
    directory.writeUInt8(0, entry + 3); // reserved
    directory.writeUInt16LE(1, entry + 4); // colour planes
    directory.writeUInt16LE(32, entry + 6); // bits per pixel
    directory.writeUInt32LE(bytes.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += bytes.length;
  });
  return Buffer.concat([header, directory, ...images.map((image) => image.bytes)]);
}

const outputs: [string, Buffer][] = [
  ["apple-touch-icon.png", await png(180, { opaque: true })],
  ["icon-192.png", await png(192)],
  ["icon-512.png", await png(512)],
  ["favicon.ico", ico(await Promise.all([16, 32, 48].map(async (size) => ({ size, bytes: await png(size) }))))],
];
for (const [name, bytes] of outputs) {
  writeFileSync(path.join(publicDir, name), bytes);
  console.info(`public/${name} : ${bytes.length} octets`);
}
