import { mapColumns, type ColumnMap } from "~/domain/catalog/import/columns";
import { decodeCsv, parseCsv, type CsvProblem, type CsvRecord, MAX_FILE_BYTES, MAX_ROWS } from "~/domain/catalog/import/csv";
import {
  fold,
  parseProductInput,
  SEA_CATEGORY_IDS,
  type ProductField,
  type ProductInput,
} from "~/domain/catalog/product-input";
import type { MessageKey } from "~/i18n/messages";

/**
 * A catalogue file read row by row: each row becomes a product to write, or the reasons it
 * cannot be, each naming its line (as the spreadsheet numbers it) and its column. Pure.
 */

export type CatalogueFile = { text: string; records: CsvRecord[]; columns: ColumnMap };

/** One reason a row is refused. `column` is the header as the producer wrote it. */
export type RowError = { line: number; field: string; column: string; message: MessageKey; params?: Record<string, string | number> };

export type ImportedProduct = ProductInput & { reference: string };

export type ReadRow = { line: number; product: ImportedProduct; errors?: undefined } | { line: number; product?: undefined; errors: RowError[] };

export type CategoryChoice = { id: string; nameFr: string; nameEn: string };

export type ReadContext = { organicControlBody: string | null; categories: readonly CategoryChoice[]; seaCategoryIds?: readonly string[] };

/** An uploaded file: UTF-8 text, a header naming known columns, between 1 and MAX_ROWS rows. */
export function readCatalogueBytes(bytes: Uint8Array, limits: { maxBytes?: number; maxRows?: number } = {}):
  | { ok: true; value: CatalogueFile }
  | { ok: false; problem: CsvProblem } {
  const decoded = decodeCsv(bytes, limits.maxBytes ?? MAX_FILE_BYTES);
  if (!decoded.ok) return decoded;
  return readCatalogueText(decoded.value, limits);
}

export function readCatalogueText(text: string, limits: { maxRows?: number } = {}):
  | { ok: true; value: CatalogueFile }
  | { ok: false; problem: CsvProblem } {
  const table = parseCsv(text, { maxRows: limits.maxRows ?? MAX_ROWS });
  if (!table.ok) return table;
  const columns = mapColumns(table.value.header);
  if (!columns.ok) return columns;
  if (table.value.records.length === 0) return { ok: false, problem: { message: "import.file.header_only" } };
  return { ok: true, value: { text, records: table.value.records, columns: columns.value } };
}

/**
 * Every row of the file, in order. A row without a reference is refused (re-importing must
 * update, never duplicate), and so is a second row with a reference already used above.
 */
export function readRows(file: CatalogueFile, context: ReadContext): ReadRow[] {
  const categoryIds = context.categories.map((category) => category.id);
  const categoryByName = new Map<string, string>();
  // Categories come in display order: should two share a name, the first one is meant.
  for (const category of context.categories) {
    for (const name of [category.nameFr, category.nameEn]) if (!categoryByName.has(fold(name))) categoryByName.set(fold(name), category.id);
  }
  const productContext = {
    organicControlBody: context.organicControlBody,
    categoryIds,
    seaCategoryIds: context.seaCategoryIds ?? SEA_CATEGORY_IDS,
  };
  const { fields, headerOf } = file.columns;
  const columnOf = (field: string) => (field in headerOf ? (headerOf[field as ProductField] ?? field) : field);
  const firstLineOf = new Map<string, number>();

  return file.records.map((record): ReadRow => {
    const errors: RowError[] = [];
    const raw: Partial<Record<ProductField, string>> = {};
    record.cells.forEach((value, index) => {
      const field = fields[index];
      if (field) raw[field] = value;
      else if (value.trim() !== "") {
        // A value under a column without a name (or beyond the last one) would be lost silently.
        errors.push({ line: record.line, field: "", column: `${index + 1}`, message: "import.row.unnamed_column" });
      }
    });
    const category = raw.categoryId?.trim() ?? "";
    if (category !== "" && !categoryIds.includes(category)) raw.categoryId = categoryByName.get(fold(category)) ?? category;

    const reference = raw.reference?.trim() ?? "";
    if (reference === "") {
      errors.push({ line: record.line, field: "reference", column: columnOf("reference"), message: "import.row.reference_required" });
    } else {
      const first = firstLineOf.get(reference);
      if (first !== undefined) {
        errors.push({ line: record.line, field: "reference", column: columnOf("reference"), message: "import.row.reference_duplicate", params: { line: first } });
      } else {
        firstLineOf.set(reference, record.line);
      }
    }

    const parsed = parseProductInput(raw, productContext);
    if (!parsed.ok) {
      for (const issue of parsed.issues) {
        errors.push({ line: record.line, field: issue.field, column: columnOf(issue.field), message: issue.message, ...(issue.params ? { params: issue.params } : {}) });
      }
    }
    if (errors.length > 0 || !parsed.ok || parsed.value.reference === null) return { line: record.line, errors };
    return { line: record.line, product: { ...parsed.value, reference: parsed.value.reference } };
  });
}

/** A stored product, with the fields the file carries. */
export type StoredProduct = Omit<ProductInput, "reference"> & { id: string; reference: string | null };

/** The fields compared to decide "unchanged": every field the file carries. */
const COMPARED: ReadonlyArray<Exclude<keyof ProductInput, "reference">> = [
  "kind",
  "name",
  "nameEn",
  "description",
  "categoryId",
  "unit",
  "netQuantityGrams",
  "priceCents",
  "vatRateBp",
  "variableWeight",
  "estimatedWeightGrams",
  "organic",
  "allergens",
  "ingredients",
  "commercialName",
  "scientificName",
  "productionMethod",
  "faoArea",
  "gearCategory",
  "thawed",
];

export type RowOutcome = "new" | "updated" | "unchanged";

/** What importing a row does to the product stored under its reference. */
export function outcomeOf(product: ImportedProduct, existing: StoredProduct | undefined): RowOutcome {
  if (!existing) return "new";
  for (const field of COMPARED) {
    const a = product[field];
    const b = existing[field];
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length || a.some((value, index) => value !== b[index])) return "updated";
    } else if (a !== b) {
      return "updated";
    }
  }
  return "unchanged";
}

