// The preparation lists and catalogue import benchmark (issues 3 and 9):
// `npx tsx scripts/bench-preparation.ts [--lines 5000] [--runs 7] [--import-runs 5] [--only lists|import] [--write]`.
//
// Starts its own embedded PostgreSQL in a temporary folder (or uses DATABASE_URL when set), seeds
// ONE distribution past its cutoff where ONE producer (a fisher) has --lines order lines spread
// over about a third as many orders (≈ 3 lines each, from 12 products, 4 of them sold by weight,
// half of those weighed; a third of the orders handed over, a quarter paid; another producer has
// lines in the same orders), then measures in-process, with real Requests through the route
// modules themselves:
//   - each list's PAGE: the producer layout's loader and the page's loader, then both rendered to
//     HTML with React's renderToString through react-router's static handler, and the loaders'
//     data encoded with turbo-stream for hydration (what Remix does on the server, without the
//     document shell: <head>, header and scripts);
//   - each list's CSV resource route, body read to the end;
//   - the pickup-sheet API (JSON), body read to the end.
// Each measurement runs --runs times after one warm-up; it reports median and max, the SQL
// statements per request (statementsIssued()) and the size of the answer. The aim: under 2 s each.
//
// Then the catalogue import of issue 3's show file (tests/catalogue-show-file.ts, the very file
// tests/integration/catalogue-import.test.ts checks: 2,000 rows, 40 of them bad), through the
// real use cases, from the producer's confirmation to DONE (startCatalogueImport +
// runCatalogueImport), --import-runs times after one warm-up, each
// into a new producer: total ms, rows per second, SQL statements per 200-row batch (they must not
// grow with the rows), and its floor measured right after each run in the same database: the same
// 1,960 products stored by PostgreSQL in one INSERT through `pg` (fastest of 3 tries). The figure that travels
// between machines is the ratio import ÷ floor. The aim, the test's old "< 10 s": under 10 s.
// --write appends the results, dated, with the machine, to docs/benchmarks.md.
// It is not a test: nothing here runs in `npm test`.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { appendFileSync, chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { RouteObject } from "react-router-dom";
import { db, disconnectDb, statementsIssued } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { hashPassword } from "~/domain/accounts/password.server";
import { createSession, SESSION_COOKIE } from "~/domain/accounts/session.server";
import { readCatalogueText, readRows as readCatalogueRows } from "~/domain/catalog/import/catalogue-file";
import { IMPORT_BATCH_SIZE, runCatalogueImport, startCatalogueImport } from "~/domain/catalog/import/run-catalogue-import.server";
import { uploadCatalogue } from "~/domain/catalog/import/upload-catalogue.server";
import { productInputContext } from "~/domain/catalog/product-input-context.server";
import { capFor, priceForWeight } from "~/domain/ordering/variable-weight";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "~/infra/embedded-postgres.server";
import { freePort } from "~/infra/free-port.server";
import { migrate } from "~/infra/migrate.server";
import { SHOW_FILE_ROWS, showCatalogueFile } from "../tests/catalogue-show-file";

// React and the route modules are loaded once NODE_ENV is set: React picks its development or
// production build when first imported, and the server runs the production one.
process.env.NODE_ENV ??= "production";
const { createElement } = await import("react");
const { renderToString } = await import("react-dom/server");
const { Outlet } = await import("react-router-dom");
const { createStaticHandler, createStaticRouter, StaticRouterProvider } = await import("react-router-dom/server");
// What Remix (single fetch) uses to put the loaders' data into the document for hydration.
const { encode } = await import("turbo-stream");
const { loader: pickupSheetApi } = await import("~/routes/api.v1.producer.distributions.$id.pickup-sheet");
const producerLayout = await import("~/routes/producteur");
const preparationPage = await import("~/routes/producteur.preparation.$distributionId");
const { loader: packingCsv } = await import("~/routes/producteur.preparation.$distributionId.colisage[.]csv");
const { loader: pickingCsv } = await import("~/routes/producteur.preparation.$distributionId.cueillette[.]csv");
const { loader: pickupCsv } = await import("~/routes/producteur.preparation.$distributionId.retrait[.]csv");

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DOC = path.join(ROOT, "docs", "benchmarks.md");
const AIM_MS = 2000;

type Options = { lines: number; runs: number; importRuns: number; only: "lists" | "import" | null; write: boolean };

function parseOptions(argv: string[]): Options {
  const options: Options = { lines: 5000, runs: 7, importRuns: 5, only: null, write: false };
  for (let index = 0; index < argv.length; index += 1) {
    const name = argv[index];
    const positive = () => {
      const parsed = Number(argv[++index]);
      if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} attend un entier positif`);
      return parsed;
    };
    if (name === "--lines") options.lines = positive();
    else if (name === "--runs") options.runs = positive();
    else if (name === "--import-runs") options.importRuns = positive();
    else if (name === "--only") {
      const only = argv[++index];
      if (only !== "lists" && only !== "import") throw new Error("--only attend lists ou import");
      options.only = only;
    } else if (name === "--write") options.write = true;
    else throw new Error(`Option inconnue : ${name} (usage : --lines N --runs R --import-runs I --only lists|import --write)`);
  }
  return options;
}


// ---------------------------------------------------------------------------------------------
// The data
// ---------------------------------------------------------------------------------------------

const PRODUCTS = [
  { name: "Coquilles Saint-Jacques de Dieppe", unit: "KG", priceCents: 2400, weighed: true, grams: null },
  { name: "Bar de ligne", unit: "PIECE", priceCents: 1800, weighed: true, grams: 900 },
  { name: "Turbot", unit: "PIECE", priceCents: 3200, weighed: true, grams: 1500 },
  { name: "Maquereaux", unit: "KG", priceCents: 900, weighed: true, grams: null },
  { name: "Harengs fumés", unit: "PIECE", priceCents: 350, weighed: false, grams: null },
  { name: "Moules de bouchot", unit: "KG", priceCents: 550, weighed: false, grams: null },
  { name: "Crevettes grises", unit: "G100", priceCents: 420, weighed: false, grams: null },
  { name: "Soupe de poissons (1 l)", unit: "LITRE", priceCents: 780, weighed: false, grams: null },
  { name: "Rillettes de maquereau", unit: "PIECE", priceCents: 590, weighed: false, grams: null },
  { name: "Bulots cuits", unit: "G100", priceCents: 290, weighed: false, grams: null },
  { name: "Huîtres n°3 (douzaine)", unit: "DOZEN", priceCents: 1100, weighed: false, grams: null },
  { name: "Sole", unit: "PIECE", priceCents: 2200, weighed: false, grams: null },
] as const;

const FIRST_NAMES = ["Jeanne", "Émile", "Zoé", "Louis", "Chloé", "Hugo", "Léa", "Jules", "Manon", "Arthur", "Inès", "Gabriel", "Camille", "Raphaël", "Éléonore"];
const LAST_NAMES = ["Lefèvre", "Dubois", "Martin", "Lemaire", "Duval", "Leroux", "Morel", "Fournier", "Girard", "Mercier", "Boucher", "Lecoq"];

type Seeded = { distributionId: string; cookie: string; orders: number; lines: number; otherLines: number };

async function seed(lineCount: number): Promise<Seeded> {
  const prisma = db();
  const now = new Date();
  const run = randomUUID().slice(0, 8);
  await prisma.commune.createMany({ data: [{ inseeCode: "76217", name: "Dieppe", postalCode: "76200", lat: 49.9229, lon: 1.0775 }], skipDuplicates: true });
  await prisma.category.createMany({ data: [{ id: "mer", nameFr: "Produits de la mer", nameEn: "Seafood", position: 1 }], skipDuplicates: true });

  const fisherId = randomUUID();
  const farmerId = randomUUID();
  await prisma.organisation.createMany({
    data: [
      { id: fisherId, kind: "PRODUCER", producerKind: "FISHER", name: `Pêcherie du Pollet ${run}`, slug: `banc-prep-${run}-peche`, communeInsee: "76217", verifiedAt: now },
      { id: farmerId, kind: "PRODUCER", producerKind: "MARKET_GARDENER", name: `Ferme des Hêtres ${run}`, slug: `banc-prep-${run}-ferme`, communeInsee: "76217", verifiedAt: now },
    ],
  });
  const passwordHash = await hashPassword(randomUUID());
  const fisherUserId = randomUUID();
  await prisma.user.create({ data: { id: fisherUserId, email: `pecheur-${run}@example.test`, name: "Paul Pêcheur", passwordHash } });
  await prisma.membership.create({ data: { userId: fisherUserId, organisationId: fisherId, role: "PRODUCER" } });
  const session = await createSession(prisma, fisherUserId, now);

  // Friday at the quay, tomorrow 17:00–19:00 in eight slots; orders closed an hour ago.
  const pickupPointId = randomUUID();
  await prisma.pickupPoint.create({ data: { id: pickupPointId, name: "Quai Henri IV", kind: "PORT", communeInsee: "76217", address: "Quai Henri IV", lat: 49.926, lon: 1.08 } });
  const startsAt = new Date(now.getTime() + 24 * 3600_000);
  const distributionId = randomUUID();
  const slots = Array.from({ length: 8 }, (_, index) => ({
    id: randomUUID(),
    startsAt: new Date(startsAt.getTime() + index * 15 * 60_000),
    endsAt: new Date(startsAt.getTime() + (index + 1) * 15 * 60_000),
    capacity: 100_000,
  }));
  await prisma.distribution.create({
    data: {
      id: distributionId,
      pickupPointId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
      opensAt: new Date(now.getTime() - 7 * 24 * 3600_000),
      cutoffAt: new Date(now.getTime() - 3600_000),
      slots: { createMany: { data: slots } },
    },
  });

  const products = PRODUCTS.map((product) => ({ ...product, id: randomUUID(), offerId: randomUUID() }));
  const vegetables = { id: randomUUID(), offerId: randomUUID(), name: "Poireaux", priceCents: 250 };
  await prisma.product.createMany({
    data: [
      ...products.map((product) => ({
        id: product.id,
        producerId: fisherId,
        categoryId: "mer",
        name: product.name,
        unit: product.unit,
        priceCents: product.priceCents,
        vatRateBp: 550,
        variableWeight: product.weighed,
        estimatedWeightGrams: product.grams,
      })),
      { id: vegetables.id, producerId: farmerId, categoryId: "mer", name: vegetables.name, unit: "BUNCH" as const, priceCents: vegetables.priceCents, vatRateBp: 550 },
    ],
  });
  await prisma.offer.createMany({
    data: [
      ...products.map((product) => ({ id: product.offerId, distributionId, productId: product.id, priceCents: product.priceCents, stock: 1_000_000, ordered: 0 })),
      { id: vegetables.offerId, distributionId, productId: vegetables.id, priceCents: vegetables.priceCents, stock: 1_000_000, ordered: 0 },
    ],
  });

  // About three lines per order: orderCount orders share lineCount lines of the fisher.
  const orderCount = Math.ceil(lineCount / 3);
  const users = Array.from({ length: orderCount }, (_, index) => ({
    id: randomUUID(),
    email: `client-${run}-${index}@example.test`,
    name: `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length]} ${index}`,
    passwordHash,
    emailVerifiedAt: new Date(),
  }));
  await prisma.user.createMany({ data: users });

  const orders: Array<{ id: string; userId: string; distributionId: string; slotId: string; paymentMethod: "AT_PICKUP"; totalCents: number; createdAt: Date; updatedAt: Date }> = [];
  const lines: Prisma.OrderLineCreateManyInput[] = [];
  const handovers: Array<{ orderId: string; producerId: string; status: "COLLECTED" | "NOT_COLLECTED"; recordedAt: Date; recordedById: string }> = [];
  const payments: Array<{ id: string; orderId: string; producerId: string; method: "CASH" | "CHEQUE" | "CARD_TERMINAL"; amountCents: number; recordedAt: Date; recordedById: string }> = [];
  let fisherLines = 0;
  let otherLines = 0;
  for (let index = 0; index < orderCount; index += 1) {
    const orderId = randomUUID();
    const lineTotal = Math.min(3, lineCount - fisherLines);
    let total = 0;
    let due = 0;
    for (let offset = 0; offset < lineTotal; offset += 1) {
      const product = products[(index * 3 + offset * 5) % products.length]!;
      const quantity = 1 + ((index + offset) % 3);
      const line = {
        id: randomUUID(),
        orderId,
        offerId: product.offerId,
        productName: product.name,
        unit: product.unit,
        quantity,
        unitPriceCents: product.priceCents,
        vatRateBp: 550,
        producerId: fisherId,
        variableWeight: product.weighed,
        gramsPerUnit: product.weighed ? (product.unit === "KG" ? 1000 : product.grams) : null,
        capCents: product.weighed ? capFor(quantity, product.priceCents) : null,
        weighedGrams: null as number | null,
        finalCents: null as number | null,
        weighedAt: null as Date | null,
      };
      // Half of the weighed lines are weighed already, a little over or under the estimate.
      if (line.variableWeight && line.gramsPerUnit !== null && line.capCents !== null && index % 2 === 0) {
        const grams = Math.round(quantity * line.gramsPerUnit * (0.9 + (index % 7) * 0.03));
        line.weighedGrams = grams;
        line.finalCents = priceForWeight({ weighedGrams: grams, gramsPerUnit: line.gramsPerUnit, unitPriceCents: line.unitPriceCents, capCents: line.capCents }).cents;
        line.weighedAt = now;
      }
      total += quantity * product.priceCents;
      due += line.finalCents ?? quantity * product.priceCents;
      lines.push(line);
      fisherLines += 1;
    }
    // One order in three also holds the farmer's leeks: not the fisher's to see.
    if (index % 3 === 0) {
      lines.push({ id: randomUUID(), orderId, offerId: vegetables.offerId, productName: vegetables.name, unit: "BUNCH", quantity: 2, unitPriceCents: vegetables.priceCents, vatRateBp: 550, producerId: farmerId });
      total += 2 * vegetables.priceCents;
      otherLines += 1;
    }
    orders.push({ id: orderId, userId: users[index]!.id, distributionId, slotId: slots[index % slots.length]!.id, paymentMethod: "AT_PICKUP", totalCents: total, createdAt: now, updatedAt: now });
    if (index % 3 === 1) handovers.push({ orderId, producerId: fisherId, status: index % 15 === 1 ? "NOT_COLLECTED" : "COLLECTED", recordedAt: now, recordedById: fisherUserId });
    if (index % 4 === 1 && due > 0) {
      const first = Math.ceil(due / 2);
      payments.push({ id: randomUUID(), orderId, producerId: fisherId, method: "CASH", amountCents: first, recordedAt: now, recordedById: fisherUserId });
      if (due - first > 0) payments.push({ id: randomUUID(), orderId, producerId: fisherId, method: index % 8 === 1 ? "CHEQUE" : "CARD_TERMINAL", amountCents: due - first, recordedAt: now, recordedById: fisherUserId });
    }
    if (fisherLines >= lineCount) break;
  }
  for (let start = 0; start < orders.length; start += 1000) await prisma.order.createMany({ data: orders.slice(start, start + 1000) });
  for (let start = 0; start < lines.length; start += 2000) await prisma.orderLine.createMany({ data: lines.slice(start, start + 2000) });
  await prisma.handover.createMany({ data: handovers });
  await prisma.pickupPayment.createMany({ data: payments });
  await prisma.$executeRawUnsafe("ANALYZE");
  return { distributionId, cookie: `${SESSION_COOKIE}=${session.token}`, orders: orders.length, lines: fisherLines, otherLines };
}

// ---------------------------------------------------------------------------------------------
// The measurements
// ---------------------------------------------------------------------------------------------

type Measure = { name: string; runs: number[]; statements: number; bytes: number; split: string };

/** Where a page's time went in its last run: loaders, HTML, encoded data (ms), and the two sizes. */
let pageSplit: { loaders: number[]; html: number[]; data: number[]; htmlBytes: number; dataBytes: number } | null = null;

async function measure(name: string, runs: number, once: () => Promise<number>): Promise<Measure> {
  await once(); // warm-up: module code compiled, plans cached
  pageSplit = null;
  const times: number[] = [];
  let statements = 0;
  let bytes = 0;
  for (let run = 0; run < runs; run += 1) {
    const before = statementsIssued();
    const started = performance.now();
    bytes = await once();
    times.push(performance.now() - started);
    statements = statementsIssued() - before;
  }
  const split = describeSplit();
  const result = { name, runs: times, statements, bytes, split };
  console.info(`[bench] ${name} : médiane ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms, ${statements} requêtes SQL, ${(bytes / 1024).toFixed(0)} kB ${split}`);
  return result;
}

function describeSplit(): string {
  return pageSplit
    ? `loaders ${median(pageSplit.loaders).toFixed(0)} ms, HTML ${median(pageSplit.html).toFixed(0)} ms (${(pageSplit.htmlBytes / 1024).toFixed(0)} kB), data ${median(pageSplit.data).toFixed(0)} ms (${(pageSplit.dataBytes / 1024).toFixed(0)} kB)`
    : "";
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The page as the server renders it: the layout's and the page's loaders on a real Request, then
 * their components to HTML. The root is reduced to what these components read from it (the
 * language); the real root also renders the header, <head> and scripts.
 */
async function renderPage(url: string, cookie: string): Promise<number> {
  const routes: RouteObject[] = [
    {
      id: "root",
      path: "/",
      loader: () => ({ locale: "fr" as const, user: { name: "Paul Pêcheur", canReadOutbox: false, isProducer: true } }),
      Component: Outlet,
      children: [
        {
          id: "routes/producteur",
          path: "producteur",
          loader: ({ request, params }) => producerLayout.loader({ request, params, context: {} }),
          Component: producerLayout.default,
          children: [{ id: "routes/producteur.preparation.$distributionId", path: "preparation/:distributionId", loader: ({ request, params }) => preparationPage.loader({ request, params, context: {} }), Component: preparationPage.default }],
        },
      ],
    },
  ];
  const started = performance.now();
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(url, { headers: { cookie } }));
  if (context instanceof Response) throw new Error(`La page a répondu ${context.status}`);
  if (context.errors) throw new Error(`La page a échoué : ${JSON.stringify(context.errors).slice(0, 300)}`);
  const loaded = performance.now();
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = renderToString(createElement(StaticRouterProvider, { router, context, hydrate: false }));
  // The document also carries the loaders' data, encoded for the browser to hydrate the page.
  const rendered = performance.now();
  let dataBytes = 0;
  const reader = encode(context.loaderData).getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) dataBytes += Buffer.byteLength(chunk.value);
  const encoded = performance.now();
  const htmlBytes = Buffer.byteLength(html);
  pageSplit ??= { loaders: [], html: [], data: [], htmlBytes, dataBytes };
  pageSplit.loaders.push(loaded - started);
  pageSplit.html.push(rendered - loaded);
  pageSplit.data.push(encoded - rendered);
  return htmlBytes + dataBytes;
}

async function bodyBytes(response: Response): Promise<number> {
  if (response.status !== 200) throw new Error(`Réponse ${response.status}`);
  return (await response.arrayBuffer()).byteLength;
}

// ---------------------------------------------------------------------------------------------
// The catalogue import (issue 3's show item; its "< 10 s" left the integration test in issue 9)
// ---------------------------------------------------------------------------------------------

const IMPORT_AIM_MS = 10_000;
/** Floor inserts after each import run; the fastest is that run's floor. */
const FLOOR_TRIES = 3;

type ImportRun = { ms: number; floorMs: number; statements: number; perBatch: number[]; before: number };
type ImportMeasure = { runs: ImportRun[]; created: number; errors: number; bad: number; batches: number };

/**
 * A verified fisher with an organic certification, as in the test: each run imports into a new
 * one, so that every run creates its 1,960 products instead of finding them unchanged.
 */
async function importingProducer(run: string, index: number, userId: string): Promise<string> {
  const id = randomUUID();
  await db().organisation.create({
    data: { id, kind: "PRODUCER", producerKind: "FISHER", name: `Criée ${run} ${index}`, slug: `banc-import-${run}-${index}`, communeInsee: "76217", verifiedAt: new Date(), organicControlBody: "FR-BIO-01" },
  });
  await db().membership.create({ data: { userId, organisationId: id, role: "PRODUCER" } });
  return id;
}

/**
 * The floor: what PostgreSQL itself takes to store the same 1,960 products in one statement,
 * through `pg` on its own connection to the same database, in autocommit: the rows as one JSON
 * parameter read by jsonb_to_recordset (the import's own statement, for the whole file at once).
 * A multi-row VALUES with 25 × 1,960 bound parameters was tried too and was slower on this machine
 * (124–170 ms against 89–143 ms): the lower of the two is the floor. Not timed: reading the file.
 * Whatever the import takes beyond this is the application's: checking the rows, ten batches in
 * ten transactions with their lock, lookup and progress, Prisma.
 */
async function insertFloor(client: pg.Client, producerId: string, csv: string): Promise<number> {
  const file = readCatalogueText(csv);
  if (!file.ok) throw new Error(`Fichier illisible : ${file.problem.message}`);
  const products = readCatalogueRows(file.value, await productInputContext(producerId)).flatMap((row) => (row.product ? [{ ...row.product, id: randomUUID() }] : []));
  const records = JSON.stringify(products);
  const started = performance.now();
  const result = await client.query(
    `INSERT INTO "Product" (
       id, "producerId", reference, kind, name, "nameEn", description, "categoryId", unit, "netQuantityGrams", "priceCents",
       "vatRateBp", "variableWeight", "estimatedWeightGrams", organic, allergens, ingredients, "commercialName",
       "scientificName", "productionMethod", "faoArea", "gearCategory", thawed, "createdAt", "updatedAt")
     SELECT j.id, $2, j.reference, j.kind, j.name, j."nameEn", j.description, j."categoryId", j.unit, j."netQuantityGrams",
       j."priceCents", j."vatRateBp", j."variableWeight", j."estimatedWeightGrams", j.organic, j.allergens, j.ingredients,
       j."commercialName", j."scientificName", j."productionMethod", j."faoArea", j."gearCategory", j.thawed, $3, $3
     FROM jsonb_to_recordset($1::jsonb) AS j(
       id text, kind "ProductKind", name text, "nameEn" text, description text, "categoryId" text, unit "SaleUnit",
       "netQuantityGrams" int, "priceCents" int, "vatRateBp" int, "variableWeight" boolean, "estimatedWeightGrams" int,
       organic boolean, allergens text[], ingredients text, "commercialName" text, "scientificName" text,
       "productionMethod" "ProductionMethod", "faoArea" text, "gearCategory" text, thawed boolean, reference text)`,
    [records, producerId, new Date()],
  );
  const elapsed = performance.now() - started;
  if (result.rowCount !== products.length) throw new Error(`Plancher : ${result.rowCount} lignes insérées sur ${products.length}`);
  return elapsed;
}

/**
 * The show file imported through the real use cases, from the producer's confirmation to DONE:
 * uploadCatalogue first (not timed: the file is checked and kept, the preview shown), then timed
 * startCatalogueImport (what the confirm button's action awaits) and runCatalogueImport (what it
 * starts in the background) until the import is DONE. Every run, one warm-up included, checks the
 * outcome the test checks (1,960 created, 40 errors) and that the import is DONE, and is followed
 * by its floor, measured in the same database right after it (the fastest of FLOOR_TRIES inserts).
 */
async function measureImport(runs: number, databaseUrl: string): Promise<ImportMeasure> {
  const run = randomUUID().slice(0, 8);
  await db().commune.createMany({ data: [{ inseeCode: "76217", name: "Dieppe", postalCode: "76200", lat: 49.9229, lon: 1.0775 }], skipDuplicates: true });
  await db().category.createMany({
    data: [
      { id: "legumes", nameFr: "Légumes", nameEn: "Vegetables", position: 1 },
      { id: "poissons", nameFr: "Poissons", nameEn: "Fish", position: 6 },
      { id: "coquillages", nameFr: "Coquillages & céphalopodes", nameEn: "Shellfish & cephalopods", position: 7 },
    ],
    skipDuplicates: true,
  });
  const userId = randomUUID();
  await db().user.create({ data: { id: userId, email: `criee-${run}@example.test`, name: "Paul Pêcheur", passwordHash: await hashPassword(randomUUID()) } });
  const { csv, bad: badLines } = showCatalogueFile();
  const bad = badLines.size;
  const bytes = new TextEncoder().encode(csv);

  // Statements are counted per batch by their text: each batch opens with the import's row lock.
  let perBatch: number[] | null = null;
  let before = 0;
  (db() as unknown as { $on(event: "query", listener: (event: { query: string }) => void): void }).$on("query", (event) => {
    if (!perBatch) return;
    if (event.query.includes("FOR UPDATE SKIP LOCKED")) perBatch.push(0);
    if (perBatch.length === 0) before += 1;
    else perBatch[perBatch.length - 1]! += 1;
  });

  const floorClient = new pg.Client({ connectionString: databaseUrl });
  await floorClient.connect();
  const measured: ImportRun[] = [];
  let outcome = { created: 0, errors: 0 };
  try {
    for (let index = 0; index <= runs; index += 1) {
      const producerId = await importingProducer(run, index, userId);
      const uploaded = await uploadCatalogue({ producerId, userId, fileName: "catalogue.csv", bytes, now: new Date() });
      if (!uploaded.ok) throw new Error(`Fichier refusé : ${uploaded.problem.message}`);

      perBatch = [];
      before = 0;
      const statementsBefore = statementsIssued();
      const started = performance.now();
      const { started: confirmed } = await startCatalogueImport({ importId: uploaded.id, producerId });
      if (!confirmed) throw new Error("L'import n'a pas démarré");
      await runCatalogueImport(uploaded.id);
      const ms = performance.now() - started;
      const statements = statementsIssued() - statementsBefore;
      const batches: number[] = perBatch;
      perBatch = null;

      const job = await db().catalogueImport.findUniqueOrThrow({ where: { id: uploaded.id }, select: { status: true, createdCount: true, errors: true, processedRows: true } });
      const products = await db().product.count({ where: { producerId } });
      const errors = Array.isArray(job.errors) ? job.errors.length : -1;
      if (job.status !== "DONE" || job.processedRows !== SHOW_FILE_ROWS || job.createdCount !== SHOW_FILE_ROWS - bad || products !== SHOW_FILE_ROWS - bad || errors !== bad) {
        throw new Error(`Import inattendu : ${job.status}, ${job.processedRows} lignes lues, ${job.createdCount} créés (${products} en base), ${errors} erreurs`);
      }
      outcome = { created: products, errors };

      // A floor is the least the database needs: the fastest of a few tries, each into a new producer.
      let floorMs = Number.POSITIVE_INFINITY;
      for (let attempt = 0; attempt < FLOOR_TRIES; attempt += 1) {
        floorMs = Math.min(floorMs, await insertFloor(floorClient, await importingProducer(run, (runs + 1) * (attempt + 1) + index, userId), csv));
      }
      // The first run warms up (modules compiled, plans cached) and is not kept.
      if (index === 0) continue;
      measured.push({ ms, floorMs, statements, perBatch: batches, before });
      console.info(`[bench] import du catalogue ${index}/${runs} : ${ms.toFixed(0)} ms, plancher ${floorMs.toFixed(0)} ms, ${statements} requêtes SQL (${before} avant les lots, ${batches.join("/")} par lot)`);
    }
  } finally {
    await floorClient.end().catch(() => {});
  }
  return { runs: measured, created: outcome.created, errors: outcome.errors, bad, batches: Math.ceil(SHOW_FILE_ROWS / IMPORT_BATCH_SIZE) };
}

/** Sorted distinct values, as "4" when all are the same and "4–5" otherwise. */
function spread(values: number[]): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? `${low}` : `${low}–${high}`;
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

/** The preparation lists: seeded, then each page, CSV and the API measured. */
async function measureLists(options: Options): Promise<{ seeded: Seeded; results: Measure[] }> {
  const seededAt = performance.now();
  const seeded = await seed(options.lines);
  console.info(`[bench] ${seeded.orders} commandes, ${seeded.lines} lignes du pêcheur (+ ${seeded.otherLines} d'un autre producteur) en ${((performance.now() - seededAt) / 1000).toFixed(1)} s`);

  const base = `http://localhost/producteur/preparation/${seeded.distributionId}`;
  const params = { distributionId: seeded.distributionId };
  const csv = (loader: typeof pickupCsv, name: string) => async () =>
    bodyBytes(await loader({ request: new Request(`${base}/${name}.csv`, { headers: { cookie: seeded.cookie } }), params, context: {} }));
  const results: Measure[] = [];
  for (const [view, label, loader] of [
    ["cueillette", "picking list « à préparer »", pickingCsv],
    ["colisage", "packing list « par client »", packingCsv],
    ["retrait", "pickup sheet « feuille de retrait »", pickupCsv],
  ] as const) {
    results.push(await measure(`${label}: page (loaders + HTML + data)`, options.runs, () => renderPage(`${base}?vue=${view}`, seeded.cookie)));
    results.push(await measure(`${label}: CSV \`${view}.csv\``, options.runs, csv(loader, view)));
  }
  results.push(
    await measure("pickup sheet: API `GET /api/v1/producer/distributions/{id}/pickup-sheet`", options.runs, async () =>
      bodyBytes(
        await pickupSheetApi({
          request: new Request(`http://localhost/api/v1/producer/distributions/${seeded.distributionId}/pickup-sheet`, { headers: { cookie: seeded.cookie } }),
          params: { id: seeded.distributionId },
          context: {},
        }),
      ),
    ),
  );
  return { seeded, results };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  process.chdir(ROOT);
  const loadBefore = os.loadavg().map((value) => value.toFixed(2)).join(" / ");
  const tmp = mkdtempSync(path.join(os.tmpdir(), "terre-et-mer-bench-prep-"));
  chmodSync(tmp, 0o755);
  let embedded: EmbeddedDatabase | undefined;
  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl) {
      console.warn("[bench] DATABASE_URL est défini : les données de charge sont ajoutées à cette base et y restent.");
    } else {
      embedded = await startEmbeddedPostgres({ dataDir: path.join(tmp, "postgres"), port: await freePort(), database: "terre_et_mer" });
      databaseUrl = embedded.url;
      process.env.DATABASE_URL = databaseUrl;
    }
    await migrate(databaseUrl);
    const versionRows = await db().$queryRawUnsafe<Array<{ server_version: string }>>("SHOW server_version");

    const lists = options.only === "import" ? null : await measureLists(options);
    const imported = options.only === "lists" ? null : await measureImport(options.importRuns, databaseUrl);

    const loadAfter = os.loadavg().map((value) => value.toFixed(2)).join(" / ");
    const cpu = os.cpus();
    let code = "";
    try {
      const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
      const dirty = execFileSync("git", ["status", "--porcelain", "--", "app", "scripts"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean).length;
      code = `sources at commit ${head}${dirty > 0 ? ` + ${dirty} uncommitted file(s) under app/ and scripts/` : ""}, run from source with tsx (NODE_ENV ${process.env.NODE_ENV ?? "unset"})`;
    } catch {
      code = "not a git checkout";
    }
    const command = ["npx tsx scripts/bench-preparation.ts", ...(lists ? [`--lines ${options.lines} --runs ${options.runs}`] : []), ...(imported ? [`--import-runs ${options.importRuns}`] : []), ...(options.only ? [`--only ${options.only}`] : [])].join(" ");
    const context = [
      `- Command: \`${command}\` (one warm-up run before each measurement, then the runs in a row, one at a time)`,
      ...(lists
        ? [
            `- Data: one distribution past its cutoff; the producer has ${lists.seeded.lines} order lines in ${lists.seeded.orders} confirmed orders (12 products, 4 sold by weight, half of those weighed; a third of the orders handed over, a quarter paid in one or two payments); another producer has ${lists.seeded.otherLines} lines in the same orders`,
            `- How: in-process, real \`Request\`s with the producer's session cookie through the route modules; the page is the producer layout's and the page's loaders, both rendered to HTML by React's \`renderToString\` through react-router's static handler, plus the loaders' data encoded with turbo-stream as Remix puts it in the document for hydration (the document shell — \`<head>\`, header, scripts — is not rendered); the answer size counts the HTML and the encoded data; CSV and JSON bodies are read to the end`,
          ]
        : []),
      ...(imported
        ? [
            `- Catalogue import: the show file of tests/integration/catalogue-import.test.ts (${SHOW_FILE_ROWS} rows, ${imported.bad} bad ones), uploaded with \`uploadCatalogue\` (not timed), then timed from the confirmation to DONE: \`startCatalogueImport\` and \`runCatalogueImport\` in-process, batches of ${IMPORT_BATCH_SIZE} rows; each run into a new producer, and checked: ${imported.created} products created, ${imported.errors} errors, DONE. Its floor, right after each run in the same database: the same ${imported.created} products in one \`INSERT … SELECT FROM jsonb_to_recordset($1)\` through \`pg\` (own connection, autocommit), the fastest of ${FLOOR_TRIES} tries, each into a new producer; the ratio is each run's import ÷ its floor`,
          ]
        : []),
      `- Machine: ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB RAM, ${os.type()} ${os.release()}; Node ${process.version}; PostgreSQL ${versionRows[0]?.server_version ?? "?"}${embedded ? " (embedded, default settings, same machine)" : " (DATABASE_URL)"}`,
      `- Code: ${code}`,
      `- Load average (1/5/15 min): ${loadBefore} before, ${loadAfter} after (the machine is shared)`,
    ].join("\n");
    const tables: string[] = [];
    const aims: string[] = [];
    if (lists) {
      tables.push(
        [
          "| measurement | median | max | SQL statements per request | answer size | where the time goes (medians) |",
          "|---|---:|---:|---:|---:|---|",
          ...lists.results.map((result) => `| ${result.name} | ${median(result.runs).toFixed(0)} ms | ${Math.max(...result.runs).toFixed(0)} ms | ${result.statements} | ${(result.bytes / 1024).toFixed(0)} kB | ${result.split} |`),
        ].join("\n"),
      );
      const worst = Math.max(...lists.results.map((result) => Math.max(...result.runs)));
      aims.push(`| each list (page, CSV, API) under ${AIM_MS / 1000} s for ${lists.seeded.lines} order lines | slowest run ${worst.toFixed(0)} ms | ${worst < AIM_MS ? "yes" : "**no**"} |`);
    }
    if (imported) {
      const times = imported.runs.map((run) => run.ms);
      const floors = imported.runs.map((run) => run.floorMs);
      const ratios = imported.runs.map((run) => run.ms / run.floorMs);
      const batches = imported.runs.flatMap((run) => run.perBatch);
      const worst = Math.max(...times);
      tables.push(
        [
          "| measurement | median | max | rows per second (median) | SQL statements | ratio to the floor (median of the runs' ratios) |",
          "|---|---:|---:|---:|---|---:|",
          `| catalogue import, ${SHOW_FILE_ROWS} rows (${imported.bad} bad), confirmation → DONE (${imported.runs.length} runs) | ${median(times).toFixed(0)} ms | ${worst.toFixed(0)} ms | ${((SHOW_FILE_ROWS * 1000) / median(times)).toFixed(0)} | ${spread(imported.runs.map((run) => run.statements))} in all: ${spread(batches)} per ${IMPORT_BATCH_SIZE}-row batch (${imported.batches} batches, every batch of every run), ${spread(imported.runs.map((run) => run.before))} before the first batch, ${spread(imported.runs.map((run) => run.statements - run.before - run.perBatch.reduce((sum, count) => sum + count, 0)))} reading the producer's categories (once to confirm, once to run) | **${median(ratios).toFixed(1)} ×** (runs ${Math.min(...ratios).toFixed(1)}–${Math.max(...ratios).toFixed(1)}) |`,
          `| floor: the same ${imported.created} products in one \`INSERT … SELECT FROM jsonb_to_recordset\` through \`pg\` | ${median(floors).toFixed(0)} ms | ${Math.max(...floors).toFixed(0)} ms | ${((imported.created * 1000) / median(floors)).toFixed(0)} (products) | 1 | 1 × |`,
        ].join("\n"),
      );
      aims.push(`| catalogue import of ${SHOW_FILE_ROWS} rows (${imported.bad} bad) under ${IMPORT_AIM_MS / 1000} s, confirmation → DONE | slowest run ${worst.toFixed(0)} ms (${median(ratios).toFixed(1)} × the floor) | ${worst < IMPORT_AIM_MS ? "yes" : "**no**"} |`);
    }
    const table = [...tables, ["| aim | measured | met? |", "|---|---|---|", ...aims].join("\n")].join("\n\n");
    console.log(`\n${context}\n\n${table}\n`);
    if (options.write) {
      const when = new Date().toISOString().slice(0, 19).replace("T", " ");
      const title = lists && imported ? "Preparation lists and catalogue import" : lists ? "Preparation lists" : "Catalogue import";
      appendFileSync(DOC, `\n### ${title}, ${when} UTC\n\n${context}\n\n${table}\n`);
      console.info(`[bench] résultats ajoutés à ${path.relative(ROOT, DOC)}`);
    }
  } finally {
    await disconnectDb().catch(() => {});
    if (embedded) await embedded.stop().catch((error: unknown) => console.warn("[bench] arrêt de PostgreSQL :", error));
    rmSync(tmp, { recursive: true, force: true });
  }
  // Not process.exitCode: embedded-postgres' exit hook ends the process with 0 on "beforeExit".
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(`[bench] échec : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
