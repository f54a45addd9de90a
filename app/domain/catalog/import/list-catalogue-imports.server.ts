import { db } from "~/db.server";
import type { ImportStatus } from "~/domain/catalog/import/get-catalogue-import.server";

export type CatalogueImportSummary = {
  id: string;
  fileName: string;
  status: ImportStatus;
  createdAt: Date;
  totalRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
};

export const HISTORY_LIMIT = 30;

/** The producer's latest imports, newest first. One statement. */
export async function listCatalogueImports(producerId: string): Promise<CatalogueImportSummary[]> {
  return db().catalogueImport.findMany({
    where: { producerId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: HISTORY_LIMIT,
    select: { id: true, fileName: true, status: true, createdAt: true, totalRows: true, createdCount: true, updatedCount: true, unchangedCount: true },
  });
}
