import { db } from "~/db.server";
import { catalogueCsv } from "~/domain/catalog/import/catalogue-csv";
import { STORED_PRODUCT_SELECT } from "~/domain/catalog/import/stored-products.server";

/**
 * The producer's catalogue in use (archived products left out) as the CSV the import reads:
 * exporting then importing the file changes nothing. One statement.
 */
export async function exportCatalogue(producerId: string): Promise<string> {
  const products = await db().product.findMany({
    where: { producerId, archivedAt: null },
    orderBy: [{ reference: { sort: "asc", nulls: "last" } }, { name: "asc" }, { id: "asc" }],
    select: STORED_PRODUCT_SELECT,
  });
  return catalogueCsv(products);
}
