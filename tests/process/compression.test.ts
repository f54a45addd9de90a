// The app compresses its own answers (a newcomer runs it without a proxy: decision 020): whole
// responses, as the browser asks (brotli or gzip), never what is already compressed, and not at
// all with COMPRESSION=false. The body is read raw here (fetch would decompress it silently).
import http from "node:http";
import { brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { beforeAll, expect, test } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "~/demo/demo-territory";
import { processTestBed, type ServerProcess } from "./server-process";

const bed = processTestBed({ stopServers: "afterAll" });
let server: ServerProcess;
let catalogue: string;

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function rawGet(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

/** The first distribution the home page links to: the demo catalogue a resident opens. */
async function firstCataloguePath(url: string): Promise<string> {
  const home = await rawGet(`${url}/`);
  const link = /href="(\/distributions\/[^"?#]+)"/.exec(home.body.toString("utf8"));
  if (!link) throw new Error("la page d'accueil ne mène à aucune distribution");
  return link[1]!;
}

const page = (body: Buffer) => body.toString("utf8");

beforeAll(async () => {
  server = await bed.start({ DATABASE_URL: await bed.cluster.createDatabase("compression"), DEMO: "true" });
  await server.waitUntilHealthy();
  catalogue = await firstCataloguePath(server.url);
});

test("the catalogue page comes compressed as the browser asks (brotli, else gzip), streamed, and decompresses to the same page", async () => {
  const plain = await rawGet(`${server.url}${catalogue}`);
  expect(plain.status).toBe(200);
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect(page(plain.body)).toContain("</html>");

  const gzip = await rawGet(`${server.url}${catalogue}`, { "Accept-Encoding": "gzip" });
  expect(gzip.status).toBe(200);
  expect(gzip.headers["content-encoding"]).toBe("gzip");
  expect(gzip.headers["vary"]).toMatch(/accept-encoding/i);
  // Streamed: no length announced for a page written as React renders it.
  expect(gzip.headers["content-length"]).toBeUndefined();
  expect(page(gunzipSync(gzip.body))).toBe(page(plain.body));

  const brotli = await rawGet(`${server.url}${catalogue}`, { "Accept-Encoding": "gzip, deflate, br" });
  expect(brotli.headers["content-encoding"]).toBe("br");
  expect(page(brotliDecompressSync(brotli.body))).toBe(page(plain.body));

  // Whole-response compression: within 5 % of gzipping the finished page at once (compressing
  // each streamed chunk apart, as remix-serve did, came out 2 to 3 times bigger).
  const wholeAtOnce = gzipSync(plain.body).length;
  expect(gzip.body.length).toBeLessThan(wholeAtOnce * 1.05);
  expect(brotli.body.length).toBeLessThan(wholeAtOnce * 1.05);
  console.info(
    `[compression] ${catalogue}: ${plain.body.length} octets, gzip ${gzip.body.length}, br ${brotli.body.length}, gzip de la page entière d'un coup ${wholeAtOnce}`,
  );
});

test("an image or a PDF is sent as it is, never compressed again; a small answer is not compressed", async () => {
  const icon = await rawGet(`${server.url}/icon-512.png`, { "Accept-Encoding": "gzip, br" });
  expect(icon.status).toBe(200);
  expect(icon.headers["content-type"]).toBe("image/png");
  expect(icon.body.length).toBeGreaterThan(1024);
  expect(icon.headers["content-encoding"]).toBeUndefined();
  expect(icon.body.subarray(1, 4).toString("latin1")).toBe("PNG");

  // The producer's yearly donation summary, a PDF made by the app.
  const login = await fetch(`${server.url}/connexion`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
    body: new URLSearchParams({ email: DEMO_ACCOUNTS.fisher, password: DEMO_PASSWORD, redirectTo: "/" }),
  });
  expect(login.status).toBe(302);
  const cookie = login.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  const pdf = await rawGet(`${server.url}/producteur/dons/recapitulatif.pdf`, { "Accept-Encoding": "gzip, br", Cookie: cookie });
  expect(pdf.status).toBe(200);
  expect(pdf.headers["content-type"]).toBe("application/pdf");
  expect(pdf.headers["content-encoding"]).toBeUndefined();
  expect(pdf.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(Number(pdf.headers["content-length"])).toBe(pdf.body.length);

  const health = await rawGet(`${server.url}/healthz`, { "Accept-Encoding": "gzip, br" });
  expect(health.status).toBe(200);
  expect(health.headers["content-encoding"]).toBeUndefined();
  expect(JSON.parse(health.body.toString("utf8"))).toEqual({ status: "ok" });
});

test("the web app manifest and the icons answer with their types; static files are cached, hashed assets for a year", async () => {
  const manifest = await rawGet(`${server.url}/manifest.webmanifest`);
  expect(manifest.status).toBe(200);
  expect(manifest.headers["content-type"]).toMatch(/^application\/manifest\+json/);
  expect(manifest.headers["cache-control"]).toBe("public, max-age=3600");
  const parsed = JSON.parse(manifest.body.toString("utf8")) as { name: string; start_url: string; display: string; theme_color: string; icons: { src: string; sizes: string; type: string }[] };
  expect(parsed).toMatchObject({ name: "Terre & Mer", start_url: "/", display: "standalone", theme_color: "#062f3f" });
  for (const icon of parsed.icons) {
    const response = await rawGet(`${server.url}${icon.src}`);
    expect(response.status, icon.src).toBe(200);
    expect(response.headers["content-type"], icon.src).toBe(icon.type);
  }
  expect(parsed.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));

  for (const [file, type] of [
    ["/favicon.ico", "image/x-icon"],
    ["/apple-touch-icon.png", "image/png"],
    ["/icon-192.png", "image/png"],
    ["/icon-512.png", "image/png"],
  ] as const) {
    const response = await rawGet(`${server.url}${file}`);
    expect(response.status, file).toBe(200);
    expect(response.headers["content-type"], file).toBe(type);
  }

  // The page tells the browser where they are.
  const home = page((await rawGet(`${server.url}/`)).body);
  expect(home).toContain('<link rel="manifest" href="/manifest.webmanifest"/>');
  expect(home).toContain('<link rel="apple-touch-icon" href="/apple-touch-icon.png"/>');
  expect(home).toContain('<meta name="theme-color" content="#062f3f"/>');
  const script = /<script type="module" src="(\/assets\/[^"]+\.js)"|<link rel="modulepreload" href="(\/assets\/[^"]+\.js)"/.exec(home);
  const asset = script?.[1] ?? script?.[2];
  expect(asset).toBeDefined();
  const assetResponse = await rawGet(`${server.url}${asset}`, { "Accept-Encoding": "gzip" });
  expect(assetResponse.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(assetResponse.headers["content-encoding"]).toBe("gzip");
});

test("COMPRESSION=false (a proxy in front compresses) sends every answer as it is", async () => {
  const uncompressed = await bed.start({ DATABASE_URL: await bed.cluster.createDatabase("no_compression"), COMPRESSION: "false" });
  await uncompressed.waitUntilHealthy();
  const home = await rawGet(`${uncompressed.url}/`, { "Accept-Encoding": "gzip, deflate, br" });
  expect(home.status).toBe(200);
  expect(home.headers["content-encoding"]).toBeUndefined();
  expect(page(home.body)).toContain("</html>");
  // The same script the other server sends gzipped (test above).
  const script = /\/assets\/[^"]+\.js/.exec(page(home.body))![0];
  const asset = await rawGet(`${uncompressed.url}${script}`, { "Accept-Encoding": "gzip, deflate, br" });
  expect(asset.status).toBe(200);
  expect(asset.body.length).toBeGreaterThan(1024);
  expect(asset.headers["content-encoding"]).toBeUndefined();
  expect(asset.headers["vary"]).toBeUndefined();
});
