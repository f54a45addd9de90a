// What a shopper's phone downloads to run a page (issue 10, docs/decisions/025), read from the
// production build (`npm run build` first, as `npm test` does): the scripts of each shopper page
// — Remix's entry, the root, the route and every module they import — plus the page's messages,
// brotli-compressed as the app sends them (scripts: the build's .br copies; messages: quality 4,
// the `compression` package's). Bytes, not time.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, constants } from "node:zlib";
import { beforeAll, expect, test } from "vitest";
import { dictionaryOf } from "~/i18n/dictionaries.server";
import { en, fr } from "~/i18n/messages";
import { processTestBed, type ServerProcess } from "./server-process";

const CLIENT = path.resolve(import.meta.dirname, "../../build/client");
const BUDGET_BYTES = 150_000;

type RemixManifest = {
  entry: { module: string; imports: string[] };
  routes: Record<string, { module: string; imports?: string[] }>;
};

function remixManifest(): RemixManifest {
  const file = readdirSync(path.join(CLIENT, "assets")).find((name) => /^manifest-[\w-]+\.js$/.test(name));
  if (!file) throw new Error("build/client/assets/manifest-*.js manque : lancez `npm run build` avant les tests de processus.");
  const source = readFileSync(path.join(CLIENT, "assets", file), "utf8");
  return JSON.parse(source.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as RemixManifest;
}

const SHOPPER_PAGES = ["routes/_index", "routes/distributions.$id", "routes/offres.$id", "routes/panier.$distributionId", "routes/commandes._index", "routes/commandes.$id"];

/** The page's scripts, and those they import when they run (`import("./leaflet….js")`): a phone loads them all. */
function scriptsOf(manifest: RemixManifest, routeId: string): string[] {
  const route = manifest.routes[routeId];
  const root = manifest.routes.root;
  if (!route || !root) throw new Error(`route absente du manifeste : ${routeId}`);
  const scripts = new Set([manifest.entry.module, ...manifest.entry.imports, root.module, ...(root.imports ?? []), route.module, ...(route.imports ?? [])]);
  for (const script of scripts) {
    const source = readFileSync(path.join(CLIENT, script), "utf8");
    for (const match of source.matchAll(/import\("\.\/([\w.-]+\.js)"\)/g)) scripts.add(`/assets/${match[1]}`);
  }
  return [...scripts];
}

/** As the `compression` package sends an answer made on the fly (its default quality, 4). */
const onTheFly = (bytes: Buffer | string) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }).length;

/** What the server sends for a script: its .br copy made at build, or under 1 KB the script as it is. */
function sentBytes(file: string): number {
  const copy = path.join(CLIENT, `${file}.br`);
  if (existsSync(copy)) return readFileSync(copy).length;
  const size = readFileSync(path.join(CLIENT, file)).length;
  expect(size, `${file}: no .br copy (scripts/precompress.ts)`).toBeLessThan(1024);
  return size;
}

/** Every message long enough to be unmistakable, of every group, in both languages. */
function catalogueTexts(): string[] {
  return [...Object.values(fr), ...Object.values(en)].filter((text) => text.length >= 30 && !/["\\{}]/.test(text));
}

let manifest: RemixManifest;
beforeAll(() => {
  manifest = remixManifest();
});

test(`each shopper page's scripts and messages come under ${BUDGET_BYTES / 1000} kB brotli-compressed`, () => {
  const messages = onTheFly(JSON.stringify({ group: "shopper", locale: "fr", messages: dictionaryOf("shopper", "fr") }));
  const weights = SHOPPER_PAGES.map((routeId) => {
    const files = scriptsOf(manifest, routeId);
    const raw = files.reduce((sum, file) => sum + readFileSync(path.join(CLIENT, file)).length, 0);
    const compressed = files.reduce((sum, file) => sum + sentBytes(file), 0) + messages;
    return { routeId, raw, compressed };
  });
  console.info(weights.map(({ routeId, raw, compressed }) => `[poids] ${routeId}: ${(raw / 1000).toFixed(0)} kB de scripts, ${(compressed / 1000).toFixed(1)} kB br avec ses messages`).join("\n"));
  for (const { routeId, compressed } of weights) expect(compressed, routeId).toBeLessThan(BUDGET_BYTES);
});

test("no shopper page's scripts hold any message (they come as data, for one group in one language) nor zod", () => {
  const texts = catalogueTexts();
  expect(texts.length).toBeGreaterThan(500);
  for (const routeId of SHOPPER_PAGES) {
    const source = scriptsOf(manifest, routeId)
      .map((file) => readFileSync(path.join(CLIENT, file), "utf8"))
      .join("\n");
    expect(texts.filter((text) => source.includes(text)), routeId).toEqual([]);
    expect(source.match(/\$Zod[A-Z]\w+/)?.[0], routeId).toBeUndefined();
  }
});

const bed = processTestBed({ stopServers: "afterAll" });
let server: ServerProcess;

function get(url: string, headers: Record<string, string> = {}) {
  return fetch(url, { headers: { "Accept-Encoding": "br", ...headers } });
}

test("a page preloads its group's messages, a file cached for a year and compressed; a stale version is not kept", async () => {
  server = await bed.start({ DATABASE_URL: await bed.cluster.createDatabase("page_weight") });
  await server.waitUntilHealthy();
  const home = await (await get(`${server.url}/`)).text();
  const href = /<link rel="preload" as="fetch" crossorigin="anonymous" href="(\/i18n\/[^"]+\/shopper\.fr\.json)" data-messages=""\/>/.exec(home)?.[1];
  expect(href).toBeDefined();

  const file = await get(`${server.url}${href}`);
  expect(file.status).toBe(200);
  expect(file.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  expect(file.headers.get("content-encoding")).toBe("br");
  const body = (await file.json()) as { group: string; locale: string; messages: Record<string, string> };
  expect(body).toMatchObject({ group: "shopper", locale: "fr" });
  expect(body.messages["nav.home"]).toBe("Accueil");
  expect(body.messages["offers.sheet.title"]).toBeUndefined();

  const english = (await (await get(`${server.url}/`, { Cookie: "tm_lang=en" })).text());
  expect(english).toContain("/shopper.en.json");
  expect(english).toMatch(/\/i18n\/[^"]+\/shopper\.en\.json/);

  const stale = await get(`${server.url}/i18n/0ld/producer.en.json`);
  expect(stale.status).toBe(200);
  expect(stale.headers.get("cache-control")).toBe("no-cache");
  expect(((await stale.json()) as { group: string }).group).toBe("producer");

  expect((await get(`${server.url}${href!.replace("shopper.fr", "everything.fr")}`)).status).toBe(404);
});

test("scripts go out as their brotli copy made at build, typed and cached a year; gzip is still made on the fly", async () => {
  const script = /<link rel="modulepreload" href="(\/assets\/[^"]+\.js)"/.exec(await (await get(`${server.url}/`)).text())?.[1];
  expect(script).toBeDefined();
  const response = await get(`${server.url}${script}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-encoding")).toBe("br");
  expect(response.headers.get("content-type")).toMatch(/^(text|application)\/javascript/);
  expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  expect(response.headers.get("vary")).toMatch(/accept-encoding/i);
  // fetch decodes the body: the script itself, byte for byte.
  expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(path.join(CLIENT, script!)))).toBe(true);
  expect(brotliDecompressSync(readFileSync(path.join(CLIENT, `${script}.br`))).equals(readFileSync(path.join(CLIENT, script!)))).toBe(true);

  const gzip = await get(`${server.url}${script}`, { "Accept-Encoding": "gzip" });
  expect(gzip.headers.get("content-encoding")).toBe("gzip");
  expect(gzip.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  expect((await get(`${server.url}/assets/nothing-here.js`)).status).toBe(404);
});
