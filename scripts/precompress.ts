/**
 * After `remix vite:build`: each script, stylesheet and SVG of build/client/assets gets a
 * brotli copy at the highest quality (`x.js.br`), made once here rather than at quality 4 on
 * every request (scripts/precompressed-assets.ts serves them; docs/decisions/025). Files whose
 * names carry their content's hash never change, so neither does their copy.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const ASSETS = path.resolve("build/client/assets");
const WORTH_IT = 1024;

let files = 0;
let before = 0;
let after = 0;
for (const name of readdirSync(ASSETS)) {
  if (!/\.(js|css|svg|json)$/.test(name)) continue;
  const file = path.join(ASSETS, name);
  if (statSync(file).size < WORTH_IT) continue;
  const bytes = readFileSync(file);
  const compressed = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
  writeFileSync(`${file}.br`, compressed);
  files += 1;
  before += bytes.length;
  after += compressed.length;
}
console.info(`[precompress] ${files} fichiers, ${(before / 1000).toFixed(0)} kB → ${(after / 1000).toFixed(0)} kB (brotli 11)`);
