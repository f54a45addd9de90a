import { PRODUCT_FIELDS, type ProductField } from "~/domain/catalog/product-input";
import type { CsvProblem } from "~/domain/catalog/import/csv";

/**
 * The columns of the catalogue file. A producer edits it in a spreadsheet, so its headers are
 * French words; the raw field names of the product form are accepted too. The export writes
 * `FRENCH_HEADERS`, so what goes out comes back in unchanged.
 */
export const FRENCH_HEADERS: Record<ProductField, string> = {
  reference: "reference",
  kind: "type",
  name: "nom",
  nameEn: "nom_anglais",
  description: "description",
  categoryId: "categorie",
  unit: "unite",
  netQuantityGrams: "poids_net_g",
  price: "prix_ttc",
  vatRate: "tva",
  variableWeight: "poids_variable",
  estimatedWeightGrams: "poids_estime_g",
  organic: "bio",
  allergens: "allergenes",
  ingredients: "ingredients",
  commercialName: "denomination_commerciale",
  scientificName: "nom_scientifique",
  productionMethod: "methode_production",
  faoArea: "zone_fao",
  gearCategory: "engin",
  thawed: "decongele",
};

/** Other spellings people type for the same columns (compared folded: no accents, lower case, `_`). */
const ALIASES: Record<string, ProductField> = {
  ref: "reference",
  nom_en: "nameEn",
  nom_anglais: "nameEn",
  categorie_id: "categoryId",
  unite_de_vente: "unit",
  poids_net: "netQuantityGrams",
  prix: "price",
  prix_ttc_eur: "price",
  taux_tva: "vatRate",
  poids_estime: "estimatedWeightGrams",
  allergene: "allergens",
  denomination: "commercialName",
  methode: "productionMethod",
  methode_de_production: "productionMethod",
  zone_de_peche: "faoArea",
  engin_de_peche: "gearCategory",
};

/** The columns without which no row could be read. */
export const REQUIRED_FIELDS: readonly ProductField[] = ["reference", "name", "categoryId", "unit", "price", "vatRate"];

/** The column a header names, whatever its accents, case, spaces, hyphens or a unit in brackets. */
export function foldHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\((?:g|eur|€|%)\)/g, "")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

const byFolded = new Map<string, ProductField>();
for (const field of PRODUCT_FIELDS) {
  byFolded.set(foldHeader(FRENCH_HEADERS[field]), field);
  byFolded.set(foldHeader(field), field);
}
for (const [alias, field] of Object.entries(ALIASES)) byFolded.set(alias, field);

export function fieldOfHeader(header: string): ProductField | null {
  return byFolded.get(foldHeader(header)) ?? null;
}

/** Each column of the file: the field it fills, or null for an unnamed (empty-headed) column. */
export type ColumnMap = { fields: Array<ProductField | null>; headerOf: Partial<Record<ProductField, string>> };

/** The header line read into fields, or one file-level reason naming every wrong column. */
export function mapColumns(header: readonly string[]): { ok: true; value: ColumnMap } | { ok: false; problem: CsvProblem } {
  const fields: Array<ProductField | null> = [];
  const headerOf: Partial<Record<ProductField, string>> = {};
  const unknown: string[] = [];
  for (const name of header) {
    if (name.trim() === "") {
      fields.push(null);
      continue;
    }
    const field = fieldOfHeader(name);
    if (!field) {
      unknown.push(name.length > 40 ? `${name.slice(0, 40)}…` : name);
      fields.push(null);
      continue;
    }
    if (headerOf[field] !== undefined) {
      return { ok: false, problem: { message: "import.file.duplicate_column", params: { column: name } } };
    }
    headerOf[field] = name;
    fields.push(field);
  }
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 5).map((name) => `« ${name} »`).join(", ") + (unknown.length > 5 ? "…" : "");
    return { ok: false, problem: { message: "import.file.unknown_columns", params: { columns: shown, expected: expectedHeaders() } } };
  }
  const missing = REQUIRED_FIELDS.filter((field) => headerOf[field] === undefined);
  if (missing.length > 0) {
    return {
      ok: false,
      problem: { message: "import.file.missing_columns", params: { columns: missing.map((field) => FRENCH_HEADERS[field]).join(", ") } },
    };
  }
  return { ok: true, value: { fields, headerOf } };
}

/** The headers of the file, in export order. */
export function exportHeaders(): string[] {
  return PRODUCT_FIELDS.map((field) => FRENCH_HEADERS[field]);
}

function expectedHeaders(): string {
  return exportHeaders().join(", ");
}
