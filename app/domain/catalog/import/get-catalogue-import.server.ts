import { db } from "~/db.server";
import { outcomeOf, readCatalogueText, readRows, type RowError, type RowOutcome } from "~/domain/catalog/import/catalogue-file";
import { productsByReference } from "~/domain/catalog/import/stored-products.server";
import { productInputContext } from "~/domain/catalog/product-input-context.server";
import { DomainError } from "~/domain/errors";

export type ImportStatus = "PREVIEWED" | "RUNNING" | "DONE" | "FAILED";

/** The rows of a preview listed one by one (the counts cover them all). */
export const PREVIEW_ROWS_SHOWN = 200;

/** `twin`: a new row named like a product of the catalogue that has no reference (it will not be matched). */
export type PreviewRow = { line: number; reference: string; name: string; outcome: RowOutcome; twin: boolean };

export type CatalogueImportView = {
  id: string;
  fileName: string;
  status: ImportStatus;
  createdAt: Date;
  finishedAt: Date | null;
  totalRows: number;
  processedRows: number;
  /** `errors`: the rows refused (a row may have several errors). */
  counts: { created: number; updated: number; unchanged: number; errors: number };
  errors: RowError[];
  /** Before the import: what each valid row will do, as the catalogue stands now. */
  preview: { rows: PreviewRow[]; hiddenRows: number; twins: number } | null;
};

/**
 * One import of the producer's, as its page shows it: before confirmation, the preview (each
 * row new, updated or unchanged, each error by line and column) computed against the catalogue
 * as it is now, in one read of the products concerned; while running, its progress; at the end,
 * its counts and errors. Another producer's import is not found.
 */
export async function getCatalogueImport(options: { importId: string; producerId: string }): Promise<CatalogueImportView> {
  const job = await db().catalogueImport.findFirst({
    where: { id: options.importId, producerId: options.producerId },
    select: {
      id: true,
      fileName: true,
      status: true,
      createdAt: true,
      finishedAt: true,
      totalRows: true,
      processedRows: true,
      createdCount: true,
      updatedCount: true,
      unchangedCount: true,
      errors: true,
    },
  });
  if (!job) throw new DomainError("not_found");
  const base = {
    id: job.id,
    fileName: job.fileName,
    status: job.status,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
  };
  if (job.status !== "PREVIEWED") {
    const errors = storedErrors(job.errors);
    return {
      ...base,
      counts: { created: job.createdCount, updated: job.updatedCount, unchanged: job.unchangedCount, errors: refusedRows(errors) },
      errors,
      preview: null,
    };
  }

  const { content } = await db().catalogueImport.findFirstOrThrow({ where: { id: job.id, producerId: options.producerId }, select: { content: true } });
  const file = readCatalogueText(content);
  if (!file.ok) throw new Error(`Fichier d'import illisible : ${file.problem.message}`);
  const rows = readRows(file.value, await productInputContext(options.producerId));
  const products = rows.flatMap((row) => (row.product ? [{ line: row.line, product: row.product }] : []));
  const existing = await productsByReference(db(), options.producerId, products.map(({ product }) => product.reference));
  const unreferenced = await db().product.findMany({ where: { producerId: options.producerId, reference: null, archivedAt: null }, select: { name: true } });
  const unreferencedNames = new Set(unreferenced.map((product) => foldName(product.name)));
  const counts = { created: 0, updated: 0, unchanged: 0, errors: 0 };
  const listed: PreviewRow[] = [];
  let twins = 0;
  for (const { line, product } of products) {
    const outcome = outcomeOf(product, existing.get(product.reference));
    if (outcome === "new") counts.created += 1;
    else if (outcome === "updated") counts.updated += 1;
    else counts.unchanged += 1;
    // A product created without reference cannot be matched: say so before it is doubled.
    const twin = outcome === "new" && unreferencedNames.has(foldName(product.name));
    if (twin) twins += 1;
    // Unchanged rows are counted, not listed: what the producer checks is what will change.
    if (outcome !== "unchanged") listed.push({ line, reference: product.reference, name: product.name, outcome, twin });
  }
  const errors = rows.flatMap((row) => row.errors ?? []);
  counts.errors = refusedRows(errors);
  return {
    ...base,
    counts,
    errors,
    preview: { rows: listed.slice(0, PREVIEW_ROWS_SHOWN), hiddenRows: Math.max(0, listed.length - PREVIEW_ROWS_SHOWN), twins },
  };
}

function refusedRows(errors: readonly RowError[]): number {
  return new Set(errors.map((error) => error.line)).size;
}

function foldName(name: string): string {
  return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** The errors kept with an import (written by this code, so read back with a light check). */
function storedErrors(value: unknown): RowError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is RowError =>
      typeof item === "object" && item !== null && typeof item.line === "number" && typeof item.message === "string" && typeof item.column === "string",
  );
}
