import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { readCatalogueBytes } from "~/domain/catalog/import/catalogue-file";
import type { CsvProblem } from "~/domain/catalog/import/csv";

export type UploadCatalogueResult = { ok: true; id: string } | { ok: false; problem: CsvProblem };

/**
 * First step of an import: the file is checked as a whole (text, separator, columns, size, rows)
 * and kept as uploaded, waiting to be previewed; nothing in the catalogue changes yet. A file
 * that cannot be read is refused with its reason and nothing is stored.
 */
export async function uploadCatalogue(options: {
  producerId: string;
  userId: string;
  fileName: string;
  bytes: Uint8Array;
  now: Date;
}): Promise<UploadCatalogueResult> {
  const file = readCatalogueBytes(options.bytes);
  if (!file.ok) return file;
  const id = randomUUID();
  await db().catalogueImport.create({
    data: {
      id,
      producerId: options.producerId,
      createdById: options.userId,
      fileName: safeFileName(options.fileName),
      content: file.value.text,
      status: "PREVIEWED",
      totalRows: file.value.records.length,
      createdAt: options.now,
    },
    select: { id: true },
  });
  return { ok: true, id };
}

/** The name shown in the history: its last path segment, printable, at most 120 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const printable = base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 120);
  return printable === "" ? "catalogue.csv" : printable;
}
