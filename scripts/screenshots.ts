// The screenshots a reviewer looks at: `npm run screenshots`.
//
// Needs the PRODUCTION build first (`npm run build`: this script builds nothing). Starts its own
// server (scripts/server.ts, NODE_ENV=production, DEMO=true) on a free port, with a fresh
// DATA_DIR (.data/screenshots, emptied first) and its own embedded PostgreSQL port, so it never
// meets a running `npm start` or the Playwright journeys' server. Drives Debian's Chromium at a
// phone's size (Pixel 5) and a desktop's (1280×800), signed in as the demo accounts through the
// login form as a person would, and writes full-page PNGs (cut at MAX_HEIGHT px, palette-encoded)
// to docs/screenshots/<page>-phone.png and <page>-desktop.png, plus the printed pickup sheet's
// first A4 page (pdftoppm; skipped with a warning when poppler-utils is missing) and
// docs/screenshots/README.md saying when and from which commit they were made.
// The server is stopped (SIGTERM, then waited for) at the end, even on failure. Not a test.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, devices, type Browser, type BrowserContext, type Page } from "@playwright/test";
import sharp from "sharp";
import { DEMO_PASSWORD } from "~/demo/demo-territory";
import { freePort } from "~/infra/free-port.server";
import { startScriptServer, stopScriptServer, type ScriptServer } from "./script-server";

const USAGE = "usage : npm run build && npm run screenshots   (the production build must exist: this command builds nothing)";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SERVER_BUILD = path.join(ROOT, "build", "server", "index.js");
/** SCREENSHOTS_DIR=/tmp/mine writes there instead (a look at work in progress, not committed), with its own data folder. */
const OUT = process.env.SCREENSHOTS_DIR ? path.resolve(process.env.SCREENSHOTS_DIR) : path.join(ROOT, "docs", "screenshots");
const DATA_DIR = process.env.SCREENSHOTS_DIR ? path.join(OUT, ".data") : path.join(ROOT, ".data", "screenshots");
/** A very long page is cut here: the first 4000 px say what it looks like, and keep the folder small. */
const MAX_HEIGHT = 4000;
const QUAY = "Quai Henri IV — étal des pêcheurs";
const CLIENT = "client@terre-et-mer.test";
const FISHER = "pecheur@terre-et-mer.test";
/** The same flags as playwright.config.ts: Debian's Chromium in a container. */
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const SIZES = {
  // The Pixel 5's layout, touch and user agent, drawn at 2 device pixels per CSS pixel rather than
  // its 2.75: as sharp to read, and half the bytes (scaling a 2.75× picture down blurs the text
  // and makes the palette PNG larger, not smaller).
  phone: { ...devices["Pixel 5"], deviceScaleFactor: 2 },
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
} as const;
type Size = keyof typeof SIZES;


// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

async function startServer(logDir: string): Promise<ScriptServer> {
  const [port, pgPort] = [await freePort(), await freePort()];
  const url = `http://localhost:${port}`;
  rmSync(DATA_DIR, { recursive: true, force: true });
  const { SMTP_URL: _smtp, DATABASE_URL: _database, ...inherited } = process.env;
  return startScriptServer(
    {
      ...inherited,
      NODE_ENV: "production",
      DEMO: "true",
      PORT: String(port),
      APP_URL: url,
      DATA_DIR,
      EMBEDDED_PG_PORT: String(pgPort),
      // One app process: the machine is shared, and a screenshot needs no throughput.
      WEB_CONCURRENCY: "1",
    },
    url,
    path.join(logDir, "server.log"),
  );
}

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

type ApiDistribution = { id: string; pickupPoint: { name: string }; start: string; status: string };

async function nextOpenQuayDistribution(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/distributions`);
  if (response.status !== 200) throw new Error(`GET /api/v1/distributions : ${response.status}`);
  const { distributions } = (await response.json()) as { distributions: ApiDistribution[] };
  const next = distributions
    .filter((one) => one.pickupPoint.name === QUAY && one.status === "open")
    .sort((a, b) => a.start.localeCompare(b.start))[0];
  if (!next) throw new Error("Aucune distribution ouverte au quai dans le territoire de démonstration");
  return next.id;
}

async function logIn(page: Page, email: string): Promise<void> {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((target) => !target.pathname.startsWith("/connexion"));
}

/** A full-page PNG, cut at MAX_HEIGHT, palette-encoded (a tenth of the size, and screenshots have few colours). */
async function shoot(page: Page, name: string, size: Size, written: string[]): Promise<void> {
  await page.waitForLoadState("networkidle").catch(() => undefined);
  // Lazy pictures below the fold: scroll through so they load, then back to the top.
  await page.evaluate(async () => {
    for (let y = 0; y < Math.min(document.documentElement.scrollHeight, 4000); y += 600) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState("networkidle").catch(() => undefined);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const width = page.viewportSize()!.width;
  // A bar stuck to the screen's bottom (the producer's « Tout enregistrer ») would be drawn over the
  // rows at the first screen's bottom of a full-page picture: it is shown where it ends, in the flow.
  const unstick = await page.addStyleTag({ content: ".sticky { position: static !important; }" });
  const raw = await page.screenshot({ fullPage: true, animations: "disabled", ...(height > MAX_HEIGHT ? { clip: { x: 0, y: 0, width, height: MAX_HEIGHT } } : {}) });
  await unstick.evaluate((element) => (element as Element).remove());
  await writePng(raw, `${name}-${size}.png`, written);
}

async function writePng(raw: Buffer, file: string, written: string[]): Promise<void> {
  const png = await sharp(raw).png({ palette: true, quality: 90, compressionLevel: 9, effort: 8 }).toBuffer();
  writeFileSync(path.join(OUT, file), png);
  written.push(file);
  console.log(`  ${file} (${(png.length / 1024).toFixed(0)} kB)`);
}

type Step = { name: string; run: () => Promise<void> };

/** Runs every step even when one fails: a reviewer gets every screenshot that could be made, and the failures are listed. */
async function runSteps(steps: Step[], failures: string[]): Promise<void> {
  for (const step of steps) {
    try {
      await step.run();
    } catch (error) {
      const message = `${step.name} : ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
      console.error(`  ÉCHEC ${message}`);
      failures.push(message);
    }
  }
}

/** The territory's admin (issue 12): the guide's ESS actors, a refused actor form, the territory's agenda. */
async function territoryAdmin(browser: Browser, url: string, size: Size, written: string[], failures: string[]): Promise<void> {
  const context = await newContext(browser, url, size);
  const page = await context.newPage();
  try {
    await runSteps(
      [
        { name: `ESS actors (${size})`, run: async () => (await logIn(page, "admin@terre-et-mer.test"), await page.goto("/admin/acteurs"), await shoot(page, "admin-ess-actors", size, written)) },
        {
          name: `ESS actor refused (${size})`,
          run: async () => {
            await page.goto("/admin/acteurs/nouveau");
            await page.getByLabel("Nom").fill("Jardin partagé des Salines");
            await page.getByLabel("Latitude").fill("48,85");
            await page.getByLabel("Longitude").fill("2,35");
            await page.getByRole("button", { name: "Ajouter un acteur" }).click();
            await page.waitForLoadState("networkidle").catch(() => undefined);
            await shoot(page, "admin-ess-actor-refused", size, written);
          },
        },
        { name: `territory agenda (${size})`, run: async () => (await page.goto("/admin/agenda"), await shoot(page, "admin-agenda", size, written)) },
      ],
      failures,
    );
  } finally {
    await context.close();
  }
}

async function newContext(browser: Browser, url: string, size: Size): Promise<BrowserContext> {
  return browser.newContext({ ...SIZES[size], baseURL: url, locale: "fr-FR", timezoneId: "Europe/Paris" });
}

async function shopper(browser: Browser, url: string, size: Size, distributionId: string, written: string[], failures: string[]): Promise<void> {
  const context = await newContext(browser, url, size);
  const page = await context.newPage();
  try {
    await runSteps(
      [
        { name: `home (${size})`, run: async () => (await page.goto("/"), await shoot(page, "home", size, written)) },
        // The directory (issue 12): a search, a producer's page and a pickup point's page reached from it.
        { name: `directory (${size})`, run: async () => (await page.goto("/annuaire?q=coquilles"), await shoot(page, "directory", size, written)) },
        // Near Dieppe, nearest first with distances; past the first page, the map's dots for the other results.
        { name: `directory near (${size})`, run: async () => (await page.goto("/annuaire?pres=dieppe&km=40"), await shoot(page, "directory-near", size, written)) },
        {
          name: `producer page (${size})`,
          run: async () => {
            await page.goto("/annuaire?type=pecheur");
            await page.locator('[data-testid="directory-result"] h3 a').first().click();
            await page.waitForURL(/\/producteurs\//);
            await shoot(page, "producer-page", size, written);
          },
        },
        {
          name: `pickup point page (${size})`,
          run: async () => {
            await page.goto("/annuaire?type=point-de-retrait");
            await page.locator('[data-testid="directory-result"] h3 a').first().click();
            await page.waitForURL(/\/points-de-retrait\//);
            await shoot(page, "pickup-point-page", size, written);
          },
        },
        // The directory's other actors (issue 12): an ESS actor's page and a charity's page.
        { name: `ESS actor page (${size})`, run: async () => (await page.goto("/acteurs/jardin-val-druel"), await shoot(page, "ess-actor-page", size, written)) },
        { name: `charity page (${size})`, run: async () => (await page.goto("/associations/secours-populaire-dieppe"), await shoot(page, "charity-page", size, written)) },
        {
          // The quay chosen on the map (its marker is a button): the home then shows that point's dates and baskets.
          name: `home, point chosen (${size})`,
          run: async () => {
            await page.goto("/");
            await page.getByRole("button", { name: /^Choisir Quai Henri IV/ }).click();
            await page.getByRole("heading", { level: 1, name: /^Près de chez vous/ }).waitFor();
            await shoot(page, "home-chosen", size, written);
          },
        },
        { name: `catalogue (${size})`, run: async () => (await page.goto(`/distributions/${distributionId}`), await shoot(page, "catalogue", size, written)) },
        // The agenda (issue 12): coming events, one event's page.
        {
          name: `agenda (${size})`,
          run: async () => {
            await page.goto("/agenda");
            await shoot(page, "agenda", size, written);
            await page.locator('main a[href^="/agenda/"]').first().click();
            await page.waitForURL(/\/agenda\/[^/]+$/);
            await shoot(page, "agenda-event", size, written);
          },
        },
        // The label (issue 12): its criteria, the catalogue filtered on it, and a badge's number checked.
        { name: `label criteria (${size})`, run: async () => (await page.goto("/label"), await shoot(page, "label", size, written)) },
        {
          name: `label verification (${size})`,
          run: async () => {
            await page.goto(`/distributions/${distributionId}?label=1`);
            await shoot(page, "catalogue-label", size, written);
            await page.getByTestId("label-badge").first().click();
            await page.waitForURL(/\/label\/DM-/);
            await shoot(page, "label-verification", size, written);
          },
        },
        {
          name: `product (${size})`,
          run: async () => {
            await page.goto(`/distributions/${distributionId}`);
            // The first offer's own page: a link from the catalogue to /produits/… or /offres/…, whatever its wording.
            const href = await page.evaluate((id) => {
              const links = [...document.querySelectorAll<HTMLAnchorElement>("main a[href]")].map((link) => link.getAttribute("href")!);
              return links.find((link) => link.startsWith(`/distributions/${id}/`)) ?? links.find((link) => /^\/(offres|produits)\//.test(link)) ?? null;
            }, distributionId);
            if (!href) throw new Error("aucun lien vers la page d'un produit dans le catalogue");
            await page.goto(href);
            await shoot(page, "product", size, written);
          },
        },
        {
          // A visitor fills a cart without an account (decision 024): the header shows it, the cart page asks to sign up or log in.
          name: `visitor's cart (${size})`,
          run: async () => {
            await page.goto(`/distributions/${distributionId}`);
            await page.getByRole("button", { name: /^Ajouter / }).first().click();
            await page.getByRole("status").filter({ hasText: "Ajouté au panier" }).first().waitFor();
            await page.goto(`/panier/${distributionId}`);
            await shoot(page, "cart-visitor", size, written);
            // The header's menu, opened (on a phone; a desktop shows its links inline).
            const menu = page.locator("header summary").filter({ hasText: "Menu" });
            if (await menu.isVisible()) {
              await menu.click();
              await shoot(page, "header-menu", size, written);
            }
            // A second distribution's cart: the header lists both, each with its date, count and total.
            const listed = (await (await page.request.get("/api/v1/distributions")).json()) as { distributions: ApiDistribution[] };
            const other = listed.distributions.find((one) => one.status === "open" && one.id !== distributionId);
            if (other) {
              await page.goto(`/distributions/${other.id}`);
              await page.getByRole("button", { name: /^Ajouter / }).first().click();
              await page.getByRole("status").filter({ hasText: "Ajouté au panier" }).first().waitFor();
              await page.reload();
              await page.locator("header summary").filter({ hasText: "Paniers" }).click();
              await shoot(page, "header-carts", size, written);
            }
          },
        },
        {
          name: `cart (${size})`,
          run: async () => {
            await logIn(page, CLIENT);
            await page.goto(`/distributions/${distributionId}`);
            await page.getByRole("button", { name: /^Ajouter / }).first().click();
            await page.getByRole("status").filter({ hasText: "Ajouté au panier" }).first().waitFor();
            await page.goto(`/panier/${distributionId}`);
            await shoot(page, "cart", size, written);
          },
        },
        {
          name: `confirmation (${size})`,
          run: async () => {
            const slots = page.getByRole("group", { name: "Créneau de retrait" }).getByRole("radio");
            if ((await slots.count()) > 0) await slots.first().check();
            const atPickup = page.getByRole("radio", { name: /^Au retrait/ });
            if ((await atPickup.count()) > 0) await atPickup.check();
            await page.getByRole("button", { name: /^Confirmer la commande/ }).click();
            await page.waitForURL(/\/commandes\/[\w-]+/);
            await shoot(page, "confirmation", size, written);
          },
        },
        { name: `my orders (${size})`, run: async () => (await page.goto("/commandes"), await shoot(page, "my-orders", size, written)) },
        // Signed in with an order to collect: « your next pickup » first on the home page.
        { name: `home, signed in (${size})`, run: async () => (await page.goto("/"), await shoot(page, "home-signed-in", size, written)) },
      ],
      failures,
    );
  } finally {
    await context.close();
  }
}

async function fisher(browser: Browser, url: string, size: Size, distributionId: string, written: string[], failures: string[]): Promise<void> {
  const context = await newContext(browser, url, size);
  const page = await context.newPage();
  try {
    await runSteps(
      [
        { name: `log in as the fisher (${size})`, run: () => logIn(page, FISHER) },
        { name: `weekly sales (${size})`, run: async () => (await page.goto(`/producteur/ventes/${distributionId}`), await shoot(page, "weekly-sales", size, written)) },
        { name: `unsold stock (${size})`, run: async () => (await page.goto("/producteur/dons/invendus"), await shoot(page, "unsold-stock", size, written)) },
        { name: `organisation profile (${size})`, run: async () => (await page.goto("/producteur/organisation"), await shoot(page, "organisation-profile", size, written)) },
        { name: `own events (${size})`, run: async () => (await page.goto("/producteur/agenda"), await shoot(page, "producer-agenda", size, written)) },
        { name: `online payments (${size})`, run: async () => (await page.goto("/producteur/paiements"), await shoot(page, "online-payments", size, written)) },
        { name: `payments statement (${size})`, run: async () => (await page.goto("/producteur/releve"), await shoot(page, "payments-statement", size, written)) },
        { name: `sales summary (${size})`, run: async () => (await page.goto("/producteur/bilan"), await shoot(page, "sales-summary", size, written)) },
        { name: `label list (${size})`, run: async () => (await page.goto("/producteur/label"), await shoot(page, "label-own", size, written)) },
        {
          name: `label application (${size})`,
          run: async () => {
            await page.goto("/producteur/label");
            const href = await page.locator('main a[href^="/producteur/label/"]').first().getAttribute("href");
            if (!href) throw new Error("aucun produit dans /producteur/label");
            await page.goto(href);
            await page.getByRole("button", { name: /Vérifier la demande/ }).click();
            await page.waitForLoadState("load");
            await shoot(page, "label-application", size, written);
          },
        },
        {
          name: `pickup sheet (${size})`,
          run: async () => {
            const sheet = await pickupSheetPath(page);
            await page.goto(sheet);
            await shoot(page, "pickup-sheet", size, written);
            if (size === "desktop") await printedSheet(page, written);
          },
        },
      ],
      failures,
    );
  } finally {
    await context.close();
  }
}

/** The pickup sheet of a distribution whose orders are closed: last week's at the quay (it has orders), from the preparation list. */
async function pickupSheetPath(page: Page): Promise<string> {
  await page.goto("/producteur/preparation");
  // (No function declared inside page.evaluate: tsx's esbuild wraps named functions in a helper the page does not have.)
  const hrefsOf = (selector: string) => page.$$eval(selector, (links) => links.map((link) => link.getAttribute("href")!));
  // The past distributions are listed after the upcoming ones, in their own section.
  const past = await hrefsOf('main section:not([aria-labelledby="a-venir"]) a[href^="/producteur/preparation/"]');
  const href = past[0] ?? (await hrefsOf('main a[href^="/producteur/preparation/"]'))[0] ?? null;
  if (!href) throw new Error("aucune distribution dans /producteur/preparation");
  return `${href.split("?")[0]}?vue=retrait`;
}

/** The sheet as printed: Chromium's PDF (print styles, A4), first page to PNG with pdftoppm. */
async function printedSheet(page: Page, written: string[]): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "screenshots-pdf-"));
  try {
    const pdf = path.join(tmp, "sheet.pdf");
    await page.pdf({ path: pdf, format: "A4", printBackground: true });
    try {
      execFileSync("pdftoppm", ["-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", pdf, path.join(tmp, "sheet")]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        console.warn("  pdftoppm absent (paquet poppler-utils) : pas d'image de la feuille imprimée.");
        return;
      }
      throw error;
    }
    await writePng(readFileSync(path.join(tmp, "sheet.png")), "pickup-sheet-printed-a4.png", written);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

function madeFrom(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "app", "scripts/server.ts", "public"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean).length;
    return `commit ${head}${dirty > 0 ? ` + ${dirty} uncommitted file(s) under app/ or public/` : ""}`;
  } catch {
    return "an unknown commit (not a git checkout)";
  }
}

const TITLES: Record<string, string> = {
  home: "Home page",
  catalogue: "Catalogue of the next open quay distribution",
  product: "A product page (the catalogue's first offer)",
  cart: "Cart, as client@terre-et-mer.test, after adding a product",
  confirmation: "Order confirmation (paid at pickup)",
  "my-orders": "My orders",
  "weekly-sales": "The fisher's weekly sales page (pecheur@terre-et-mer.test)",
  "unsold-stock": "The unsold-stock form",
  "pickup-sheet": "The pickup sheet on screen (last week's quay distribution)",
  "pickup-sheet-printed": "The pickup sheet as printed: first A4 page (Chromium PDF, pdftoppm at 100 dpi)",
};

function writeReadme(written: string[], failures: string[]): void {
  const built = statSync(SERVER_BUILD).mtime.toISOString().slice(0, 16).replace("T", " ");
  const rows = Object.entries(TITLES)
    .map(([key, title]) => {
      const files = written.filter((file) => file.replace(/-(phone|desktop|a4)\.png$/, "") === key).sort((a, b) => b.localeCompare(a));
      return files.length > 0 ? `| ${title} | ${files.map((file) => `[${file}](${file})`).join(" · ")} |` : null;
    })
    .filter(Boolean);
  const text = [
    "# Screenshots",
    "",
    `Made by \`npm run screenshots\` (scripts/screenshots.ts) on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC from ${madeFrom()} (production build of ${built} UTC), with the demo territory, in Debian's Chromium: *phone* is Playwright's Pixel 5 (393×851 CSS pixels, drawn at 2×), *desktop* 1280×800. Pages longer than ${MAX_HEIGHT} px are cut there.`,
    "",
    "| page | files |",
    "|---|---|",
    ...rows,
    ...(failures.length > 0 ? ["", "Not made on this run:", "", ...failures.map((failure) => `- ${failure}`)] : []),
    "",
  ].join("\n");
  writeFileSync(path.join(OUT, "README.md"), text);
}

async function main(): Promise<void> {
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    console.log(USAGE);
    return;
  }
  process.chdir(ROOT);
  if (!existsSync(SERVER_BUILD)) throw new Error(`${SERVER_BUILD} est absent : construisez d'abord l'application.\n${USAGE}`);
  mkdirSync(OUT, { recursive: true });
  const logDir = mkdtempSync(path.join(os.tmpdir(), "screenshots-"));
  console.log(`Serveur de production (journal : ${path.join(logDir, "server.log")})…`);
  const server = await startServer(logDir);
  let browser: Browser | undefined;
  const written: string[] = [];
  const failures: string[] = [];
  try {
    const distributionId = await nextOpenQuayDistribution(server.url);
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
    for (const file of readdirSync(OUT).filter((one) => one.endsWith(".png"))) rmSync(path.join(OUT, file));
    for (const size of Object.keys(SIZES) as Size[]) {
      console.log(`${size} :`);
      await shopper(browser, server.url, size, distributionId, written, failures);
      await fisher(browser, server.url, size, distributionId, written, failures);
      await territoryAdmin(browser, server.url, size, written, failures);
    }
    writeReadme(written, failures);
    const total = written.reduce((sum, file) => sum + statSync(path.join(OUT, file)).size, 0);
    console.log(`${written.length} images, ${(total / 1024 / 1024).toFixed(1)} MB, dans ${path.relative(ROOT, OUT)}/`);
  } finally {
    await browser?.close();
    await stopScriptServer(server, 30_000);
  }
  if (failures.length > 0) {
    console.error(`${failures.length} capture(s) non faite(s) :\n${failures.map((failure) => `- ${failure}`).join("\n")}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
