import { z } from "zod";
import type { OfferRow } from "~/domain/sales/offer-row";

/** Response shapes of the producer's offer endpoints, in zod so the OpenAPI document follows them. */
export const apiProducerOfferSchema = z.object({
  id: z.string(),
  distributionId: z.string(),
  productId: z.string(),
  kind: z.enum(["product", "basket"]),
  name: z.string(),
  unit: z.enum(["piece", "bunch", "kg", "100g", "dozen", "litre"]),
  priceCents: z.number().int().describe("Price of one unit for new orders, VAT included; order lines keep the price they were placed at"),
  stock: z.number().int().describe("Units on sale at this distribution"),
  ordered: z.number().int().describe("Units customers have ordered (confirmed orders)"),
  remaining: z.number().int().describe("stock − ordered: what can still be ordered"),
  maxPerCustomer: z.number().int().nullable().describe("At most this many units per customer over their orders of the distribution; null: the site's default (20)"),
  updatedAt: z.iso.datetime(),
});

export const apiProducerOffersSchema = z.object({
  distributionId: z.string(),
  offers: z.array(apiProducerOfferSchema),
});

export const apiBelowOrderedSchema = z.object({
  error: z.literal("below_ordered"),
  message: z.string().describe("Human-readable message in the caller's language (French by default)"),
  ordered: z.number().int().describe("What customers have already ordered: the lowest stock accepted"),
});

export type ApiProducerOffer = z.infer<typeof apiProducerOfferSchema>;

const unitNames = { PIECE: "piece", BUNCH: "bunch", KG: "kg", G100: "100g", DOZEN: "dozen", LITRE: "litre" } as const;

export function presentProducerOffer(offer: OfferRow): ApiProducerOffer {
  return {
    id: offer.id,
    distributionId: offer.distributionId,
    productId: offer.productId,
    kind: offer.kind === "BASKET" ? "basket" : "product",
    name: offer.name,
    unit: unitNames[offer.unit],
    priceCents: offer.priceCents,
    stock: offer.stock,
    ordered: offer.ordered,
    remaining: offer.remaining,
    maxPerCustomer: offer.maxPerCustomer,
    updatedAt: offer.updatedAt.toISOString(),
  };
}
