import { readRows } from "~/db.server";
import type { SaleUnit } from "~/domain/catalog/units";

export type ProducerProductRow = {
  id: string;
  reference: string | null;
  kind: "PRODUCT" | "BASKET";
  name: string;
  categoryId: string;
  unit: SaleUnit;
  priceCents: number;
  vatRateBp: number;
  organic: boolean;
  variableWeight: boolean;
  photoId: string | null;
  archivedAt: Date | null;
};

export const LIST_LIMIT = 500;

/**
 * The producer's own catalogue, in use and archived apart, optionally searched by name or
 * reference (case and accents as typed; `%` and `_` are taken literally). One statement.
 */
export async function listProducerProducts(options: { producerId: string; search?: string }): Promise<{
  active: ProducerProductRow[];
  archived: ProducerProductRow[];
  truncated: boolean;
}> {
  const search = options.search?.trim() ?? "";
  const pattern = search === "" ? null : `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const rows = await readRows<ProducerProductRow>(
    `SELECT id, reference, kind::text AS kind, name, "categoryId", unit::text AS unit, "priceCents", "vatRateBp",
            organic, "variableWeight", "photoId", "archivedAt"
     FROM "Product"
     WHERE "producerId" = $1 AND ($2::text IS NULL OR name ILIKE $2 OR reference ILIKE $2)
     ORDER BY "archivedAt" IS NOT NULL, lower(name), id
     LIMIT ${LIST_LIMIT + 1}`,
    [options.producerId, pattern],
  );
  const truncated = rows.length > LIST_LIMIT;
  const kept = rows.slice(0, LIST_LIMIT);
  return { active: kept.filter((row) => !row.archivedAt), archived: kept.filter((row) => row.archivedAt), truncated };
}
