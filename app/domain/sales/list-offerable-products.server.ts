import { readRows } from "~/db.server";
import type { SaleUnit } from "~/domain/catalog/units";

export type OfferableProduct = { id: string; name: string; kind: "PRODUCT" | "BASKET"; unit: SaleUnit; priceCents: number };

/** The producer's products that are not archived and not yet on sale at this distribution. */
export async function listOfferableProducts(options: { producerId: string; distributionId: string }): Promise<OfferableProduct[]> {
  return readRows<OfferableProduct>(
    `SELECT p.id, p.name, p.kind::text AS kind, p.unit::text AS unit, p."priceCents"
     FROM "Product" p
     WHERE p."producerId" = $1 AND p."archivedAt" IS NULL
       AND NOT EXISTS (SELECT 1 FROM "Offer" o WHERE o."productId" = p.id AND o."distributionId" = $2)
     ORDER BY p.kind DESC, p.name, p.id`,
    [options.producerId, options.distributionId],
  );
}
