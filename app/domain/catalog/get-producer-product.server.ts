import { db } from "~/db.server";
import { STORED_PRODUCT_SELECT } from "~/domain/catalog/import/stored-products.server";
import type { ProductInput } from "~/domain/catalog/product-input";
import { DomainError } from "~/domain/errors";

export type ProducerProduct = ProductInput & {
  id: string;
  archivedAt: Date | null;
  photo: { id: string; width: number; height: number } | null;
  offerCount: number;
};

/** One product of the producer's own catalogue, for its edit page; another producer's is not found. */
export async function getProducerProduct(options: { producerId: string; productId: string }): Promise<ProducerProduct> {
  const product = await db().product.findFirst({
    where: { id: options.productId, producerId: options.producerId },
    select: {
      ...STORED_PRODUCT_SELECT,
      archivedAt: true,
      photo: { select: { id: true, width: true, height: true } },
      _count: { select: { offers: true } },
    },
  });
  if (!product) throw new DomainError("not_found");
  const { _count, ...rest } = product;
  return { ...rest, offerCount: _count.offers };
}

/** Refuses, as not found, a product that is not in the producer's own catalogue. */
export async function assertOwnProduct(options: { producerId: string; productId: string }): Promise<void> {
  const product = await db().product.findFirst({ where: { id: options.productId, producerId: options.producerId }, select: { id: true } });
  if (!product) throw new DomainError("not_found");
}
