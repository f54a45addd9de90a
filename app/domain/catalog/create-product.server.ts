import { randomUUID } from "node:crypto";
import { db, type DbOrTx } from "~/db.server";
import type { ProductInput } from "~/domain/catalog/product-input";
import { DomainError } from "~/domain/errors";

/**
 * Adds a product to a producer's catalogue. The input was read by parseProductInput; the database
 * still guards what it can (VAT rates, wild fish never organic, one reference per producer): a
 * reference already used by another of the producer's products is refused on that field.
 */
export async function createProduct(options: { producerId: string; input: ProductInput; now: Date; tx?: DbOrTx }): Promise<{ id: string }> {
  const id = randomUUID();
  try {
    await (options.tx ?? db()).product.create({
      data: { id, producerId: options.producerId, ...options.input, createdAt: options.now, updatedAt: options.now },
      select: { id: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("invalid", { field: "reference" });
    throw error;
  }
  return { id };
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
