import type { DbOrTx } from "~/db.server";
import type { StoredProduct } from "~/domain/catalog/import/catalogue-file";

/**
 * A product's id and every field a producer types for it (a catalogue file's columns, the product
 * form's fields): to compare a row with what is stored, to export, and to fill the edit form.
 */
export const STORED_PRODUCT_SELECT = {
  id: true,
  reference: true,
  kind: true,
  name: true,
  nameEn: true,
  description: true,
  categoryId: true,
  unit: true,
  netQuantityGrams: true,
  priceCents: true,
  vatRateBp: true,
  variableWeight: true,
  estimatedWeightGrams: true,
  organic: true,
  allergens: true,
  ingredients: true,
  commercialName: true,
  scientificName: true,
  productionMethod: true,
  faoArea: true,
  gearCategory: true,
  thawed: true,
} as const;

/**
 * The producer's products that carry one of these references (archived ones included: a
 * reference stays theirs), by reference. One statement, whatever the number of rows.
 */
export async function productsByReference(client: DbOrTx, producerId: string, references: readonly string[]): Promise<Map<string, StoredProduct>> {
  if (references.length === 0) return new Map();
  const products = await client.product.findMany({
    where: { producerId, reference: { in: [...references] } },
    select: STORED_PRODUCT_SELECT,
  });
  return new Map(products.flatMap((product) => (product.reference === null ? [] : [[product.reference, product] as const])));
}
