import { randomUUID } from "node:crypto";
import { db, type Tx } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { outcomeOf, readCatalogueText, readRows, type ImportedProduct, type ReadRow, type RowError } from "~/domain/catalog/import/catalogue-file";
import { productsByReference } from "~/domain/catalog/import/stored-products.server";
import { productInputContext } from "~/domain/catalog/product-input-context.server";
import { DomainError } from "~/domain/errors";
import { isTransientDbError } from "~/infra/transient-db-error";

/** Rows written per transaction: the progress bar moves, and no transaction holds locks long. */
export const IMPORT_BATCH_SIZE = 200;
const BATCH_TRANSACTION_OPTIONS = { maxWait: 20_000, timeout: 30_000 } as const;

/**
 * Second step of an import: the producer confirms the preview. One conditional UPDATE moves the
 * import from PREVIEWED to RUNNING, so a second click (or a second tab) starts nothing; the rows'
 * errors, as the file reads now, are kept with it. Another producer's import is not found.
 */
export async function startCatalogueImport(options: { importId: string; producerId: string }): Promise<{ started: boolean }> {
  const job = await db().catalogueImport.findFirst({
    where: { id: options.importId, producerId: options.producerId },
    select: { status: true, content: true },
  });
  if (!job) throw new DomainError("not_found");
  if (job.status !== "PREVIEWED") return { started: false };
  const rows = await rowsOf(options.producerId, job.content);
  const errors = rows.flatMap((row) => row.errors ?? []);
  const started = await db().catalogueImport.updateMany({
    where: { id: options.importId, producerId: options.producerId, status: "PREVIEWED" },
    data: { status: "RUNNING", errors },
  });
  return { started: started.count === 1 };
}

const runningHere = new Set<string>();

/** Attempts of one batch when the database passes through a failure, and the pauses between them. */
const TRANSIENT_RETRY_PAUSES_MS = [100, 500, 2_000];

/**
 * Writes the rows of a RUNNING import, batch after batch, until it is DONE. Each batch is one
 * transaction that holds the import's row lock: two runners (a second process, a resumed run)
 * never write the same rows, and a batch interrupted by a crash is rolled back and done again by
 * the next runner. Safe to call at any time; it returns when nothing is left for it to do.
 *
 * A passing database failure (connection lost, failover, lock or statement timeout) is not the
 * import's outcome: the batch is tried again a few times, and if the database is still away the
 * import stays RUNNING and resumes from its last written batch when its page is next looked at
 * (or the runner is called again). Only an error that doing it again cannot fix marks it FAILED.
 */
export async function runCatalogueImport(importId: string, options: { batchSize?: number } = {}): Promise<void> {
  if (runningHere.has(importId)) return;
  runningHere.add(importId);
  try {
    const job = await db().catalogueImport.findFirst({ where: { id: importId, status: "RUNNING" }, select: { producerId: true, content: true } });
    if (!job) return;
    const rows = await rowsOf(job.producerId, job.content);
    for (;;) {
      const step = await retryingTransientFailures(() =>
        db().$transaction((tx) => importBatch(tx, importId, rows, options.batchSize ?? IMPORT_BATCH_SIZE), BATCH_TRANSACTION_OPTIONS),
      );
      if (step !== "more") break;
    }
  } catch (error) {
    if (isTransientDbError(error)) {
      // Still RUNNING, its written batches kept: the next call resumes where it stopped.
      console.warn(`[import] base de données indisponible, import ${importId} repris à la prochaine consultation :`, error instanceof Error ? error.message : error);
      return;
    }
    // Nothing of the failed batch was written; the import says it stopped instead of running forever.
    await db().catalogueImport.updateMany({ where: { id: importId, status: "RUNNING" }, data: { status: "FAILED", finishedAt: new Date() } });
    throw error;
  } finally {
    runningHere.delete(importId);
  }
}

async function retryingTransientFailures<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const pause = TRANSIENT_RETRY_PAUSES_MS[attempt];
      if (pause === undefined || !isTransientDbError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

async function rowsOf(producerId: string, content: string): Promise<ReadRow[]> {
  const file = readCatalogueText(content);
  // The file was read when it was uploaded; it cannot have become unreadable since.
  if (!file.ok) throw new Error(`Fichier d'import illisible : ${file.problem.message}`);
  return readRows(file.value, await productInputContext(producerId));
}

type BatchStep = "more" | "done" | "busy";

async function importBatch(tx: Tx, importId: string, rows: readonly ReadRow[], batchSize: number): Promise<BatchStep> {
  const locked = await tx.$queryRaw<Array<{ producerId: string; processedRows: number; totalRows: number }>>`
    SELECT "producerId", "processedRows", "totalRows" FROM "CatalogueImport"
    WHERE id = ${importId} AND status = 'RUNNING'
    FOR UPDATE SKIP LOCKED`;
  const job = locked[0];
  // Another runner holds this batch (it goes on to the next), or the import is over.
  if (!job) return "busy";
  const batch = rows.slice(job.processedRows, Math.min(job.processedRows + batchSize, job.totalRows));
  const products = batch.flatMap((row) => (row.product ? [row.product] : []));
  const existing = await productsByReference(tx, job.producerId, products.map((product) => product.reference));
  const now = new Date();

  const created: ImportedProduct[] = [];
  const updated: ProductRecord[] = [];
  let unchanged = 0;
  for (const product of products) {
    const stored = existing.get(product.reference);
    const outcome = outcomeOf(product, stored);
    if (outcome === "new") created.push(product);
    else if (outcome === "updated" && stored) updated.push({ ...product, id: stored.id });
    else unchanged += 1;
  }

  if (created.length > 0) await insertProducts(tx, job.producerId, created.map((product) => ({ ...product, id: randomUUID() })), now);
  if (updated.length > 0) await updateProducts(tx, job.producerId, updated, now);

  const processedRows = job.processedRows + batch.length;
  const done = processedRows >= job.totalRows;
  await tx.catalogueImport.update({
    where: { id: importId },
    data: {
      processedRows,
      createdCount: { increment: created.length },
      updatedCount: { increment: updated.length },
      unchangedCount: { increment: unchanged },
      ...(done ? { status: "DONE", finishedAt: now } : {}),
    },
    select: { id: true },
  });
  return done ? "done" : "more";
}

// The products of a batch travel as one JSON parameter read by jsonb_to_recordset: one statement
// per batch, and far less work for the client than 200 rows of 24 bound parameters each.
const RECORD_COLUMNS = Prisma.sql`(
  id text, kind "ProductKind", name text, "nameEn" text, description text, "categoryId" text, unit "SaleUnit",
  "netQuantityGrams" int, "priceCents" int, "vatRateBp" int, "variableWeight" boolean, "estimatedWeightGrams" int,
  organic boolean, allergens text[], ingredients text, "commercialName" text, "scientificName" text,
  "productionMethod" "ProductionMethod", "faoArea" text, "gearCategory" text, thawed boolean, reference text)`;

type ProductRecord = ImportedProduct & { id: string };

/** The new products of a batch in one statement (the unique reference per producer still holds). */
async function insertProducts(tx: Tx, producerId: string, products: readonly ProductRecord[], now: Date): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "Product" (
      id, "producerId", reference, kind, name, "nameEn", description, "categoryId", unit, "netQuantityGrams", "priceCents",
      "vatRateBp", "variableWeight", "estimatedWeightGrams", organic, allergens, ingredients, "commercialName",
      "scientificName", "productionMethod", "faoArea", "gearCategory", thawed, "createdAt", "updatedAt")
    SELECT j.id, ${producerId}, j.reference, j.kind, j.name, j."nameEn", j.description, j."categoryId", j.unit, j."netQuantityGrams",
      j."priceCents", j."vatRateBp", j."variableWeight", j."estimatedWeightGrams", j.organic, j.allergens, j.ingredients,
      j."commercialName", j."scientificName", j."productionMethod", j."faoArea", j."gearCategory", j.thawed, ${now}, ${now}
    FROM jsonb_to_recordset(${JSON.stringify(products)}::jsonb) AS j${RECORD_COLUMNS}`;
}

/** All the changed products of a batch in one statement; ownership is in its WHERE. */
async function updateProducts(tx: Tx, producerId: string, products: readonly ProductRecord[], now: Date): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Product" p SET
      kind = j.kind, name = j.name, "nameEn" = j."nameEn", description = j.description, "categoryId" = j."categoryId",
      unit = j.unit, "netQuantityGrams" = j."netQuantityGrams", "priceCents" = j."priceCents", "vatRateBp" = j."vatRateBp",
      "variableWeight" = j."variableWeight", "estimatedWeightGrams" = j."estimatedWeightGrams", organic = j.organic,
      allergens = j.allergens, ingredients = j.ingredients, "commercialName" = j."commercialName",
      "scientificName" = j."scientificName", "productionMethod" = j."productionMethod", "faoArea" = j."faoArea",
      "gearCategory" = j."gearCategory", thawed = j.thawed, "updatedAt" = ${now}
    FROM jsonb_to_recordset(${JSON.stringify(products)}::jsonb) AS j${RECORD_COLUMNS}
    WHERE p.id = j.id AND p."producerId" = ${producerId}`;
}

export type { RowError };
