import { exportHeaders } from "~/domain/catalog/import/columns";
import { toCsv } from "~/domain/catalog/import/csv";
import { PRODUCT_FIELDS, productToRaw, type ProductInput, type ProductionMethod } from "~/domain/catalog/product-input";
import { unitLabel } from "~/domain/catalog/units";
import { allergenByCode, gearCategoryByCode } from "~/domain/reference/reference-data";

/**
 * The catalogue as a CSV file, in the words a producer reads in a spreadsheet (units, methods,
 * allergens and gear in French) and in the formats the import reads back: export → import
 * changes nothing. Pure.
 */

const METHODS_FR: Record<ProductionMethod, string> = {
  CAUGHT_AT_SEA: "pêché en mer",
  CAUGHT_FRESH_WATER: "pêché en eau douce",
  FARMED: "élevé",
};

export function catalogueRow(product: ProductInput): string[] {
  const raw = productToRaw(product);
  const french = {
    ...raw,
    kind: product.kind === "BASKET" ? "panier" : "produit",
    unit: unitLabel(product.unit, "fr"),
    productionMethod: product.productionMethod ? METHODS_FR[product.productionMethod] : "",
    allergens: product.allergens.map((code) => allergenByCode(code)?.labelFr ?? code).join(", "),
    gearCategory: product.gearCategory ? (gearCategoryByCode(product.gearCategory)?.nameFr ?? product.gearCategory) : "",
  };
  return PRODUCT_FIELDS.map((field) => french[field]);
}

export function catalogueCsv(products: readonly ProductInput[]): string {
  return toCsv([exportHeaders(), ...products.map(catalogueRow)]);
}
