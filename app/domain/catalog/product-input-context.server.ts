import { readRows } from "~/db.server";
import { SEA_CATEGORY_IDS, type ProductInputContext } from "~/domain/catalog/product-input";

export type CategoryChoice = { id: string; nameFr: string; nameEn: string; sea: boolean };

/**
 * What checking a product of this producer depends on in the database: its organic control body
 * and the known categories. Shared by the product form and the catalogue import. One statement.
 */
export async function productInputContext(producerId: string): Promise<ProductInputContext & { categories: CategoryChoice[] }> {
  const rows = await readRows<{ id: string; nameFr: string; nameEn: string; organicControlBody: string | null }>(
    // A control body the producer set after its verification counts once the territory has reviewed it
    // (update-organisation.server.ts): until then no product of theirs becomes organic through it.
    `SELECT c.id, c."nameFr", c."nameEn",
       CASE WHEN o."identityChanges" @> '[{"field": "organicControlBody"}]'::jsonb THEN NULL ELSE o."organicControlBody" END AS "organicControlBody"
     FROM "Category" c LEFT JOIN "Organisation" o ON o.id = $1
     ORDER BY c.position, c.id`,
    [producerId],
  );
  const categories = rows.map((row) => ({ id: row.id, nameFr: row.nameFr, nameEn: row.nameEn, sea: SEA_CATEGORY_IDS.includes(row.id) }));
  return {
    organicControlBody: rows[0]?.organicControlBody ?? null,
    categoryIds: categories.map((category) => category.id),
    seaCategoryIds: SEA_CATEGORY_IDS,
    categories,
  };
}
