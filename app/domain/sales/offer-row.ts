import type { SaleUnit } from "~/domain/catalog/units";

/** One of a producer's offers as their sales pages and API show it: stock, what is ordered, what remains. */
export type OfferRow = {
  id: string;
  distributionId: string;
  productId: string;
  kind: "PRODUCT" | "BASKET";
  name: string;
  unit: SaleUnit;
  priceCents: number;
  stock: number;
  ordered: number;
  remaining: number;
  /** "At most N per customer" set by the producer; null: the house default (decision 019). */
  maxPerCustomer: number | null;
  updatedAt: Date;
};

/** The SQL columns of an OfferRow, over `"Offer" o` joined to its `"Product" p`. */
export const OFFER_ROW_COLUMNS = `o.id, o."distributionId", o."productId", p.kind::text AS kind, p.name, p.unit::text AS unit,
       o."priceCents", o.stock, o.ordered, o.stock - o.ordered AS remaining, o."maxPerCustomer", o."updatedAt"`;
