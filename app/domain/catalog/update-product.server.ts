import { db, type DbOrTx } from "~/db.server";
import { isUniqueViolation } from "~/domain/catalog/create-product.server";
import type { ProductInput } from "~/domain/catalog/product-input";
import { DomainError } from "~/domain/errors";

/**
 * Changes a product of the producer's own catalogue (ownership in the WHERE: another producer's
 * product is not found). Offers already on sale keep their own price: a new price here applies
 * to the offers made from now on.
 */
export async function updateProduct(options: { producerId: string; productId: string; input: ProductInput; now: Date; tx?: DbOrTx }): Promise<void> {
  let count: number;
  try {
    ({ count } = await (options.tx ?? db()).product.updateMany({
      where: { id: options.productId, producerId: options.producerId },
      data: { ...options.input, updatedAt: options.now },
    }));
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("invalid", { field: "reference" });
    throw error;
  }
  if (count === 0) throw new DomainError("not_found");
}
