import { z } from "zod";
import type { CatalogueOffer } from "~/domain/catalog/catalogue-view";
import type { UpcomingDistribution } from "~/domain/distributions/list-upcoming.server";
import type { OrderView } from "~/domain/ordering/order-view.server";

/** Response shapes of /api/v1, in zod so that the OpenAPI document is generated from them. */
export const apiDistributionSchema = z.object({
  id: z.string(),
  pickupPoint: z.object({ id: z.string(), name: z.string(), commune: z.string() }),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  cutoff: z.iso.datetime(),
  opens: z.iso.datetime(),
  status: z.enum(["open", "not_open_yet", "cutoff_passed", "distribution_cancelled"]),
});

export const apiOfferSchema = z.object({
  id: z.string(),
  kind: z.enum(["product", "basket"]),
  name: z.string(),
  producer: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
  unit: z.enum(["piece", "bunch", "kg", "100g", "dozen", "litre"]),
  priceCents: z.number().int(),
  vatRate: z.number().describe("VAT rate in percent, e.g. 5.5"),
  remaining: z.number().int(),
  organic: z.boolean(),
  allergens: z.array(z.string()).describe("Codes of the 14 allergens of EU 1169/2011 Annex II"),
});

export const apiOrderSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  status: z
    .enum(["awaiting_payment", "confirmed", "cancelled", "expired"])
    .describe("awaiting_payment: a card order whose stock and slot are held until payment.holdExpiresAt; expired: its payment never came, nothing was charged"),
  paymentMethod: z.enum(["at_pickup", "card"]).describe("card: paid online (Stripe Checkout) before the order is confirmed; at_pickup: cash, cheque or the stall's card terminal"),
  payment: z
    .object({
      state: z.enum(["awaiting_payment", "paid", "closed"]).describe("closed: the hold ended or the order was cancelled before any payment"),
      amountCents: z.number().int().describe("What is (or will be) charged: the most the order can cost, lines sold by weight at their cap"),
      refundedCents: z.number().int(),
      checkoutUrl: z.string().nullable().describe("Open it to pay (Stripe Checkout) while state is awaiting_payment; null when it could not be made yet: GET the order again"),
      holdExpiresAt: z.iso.datetime().nullable().describe("Stock and slot are held until then; unpaid by then, the order expires"),
      refunds: z.array(
        z.object({
          number: z.number().int().describe("The credit note's number"),
          amountCents: z.number().int(),
          reason: z.enum(["customer_cancelled", "distribution_cancelled", "order_reduced", "weighed_lighter", "producer_refund", "admin_refund", "late_payment"]),
          status: z.enum(["pending", "succeeded", "failed"]),
          requestedAt: z.iso.datetime(),
          refundedAt: z.iso.datetime().nullable(),
        }),
      ),
    })
    .nullable()
    .describe("The card payment of a card order; null for an order paid at pickup"),
  totalCents: z.number().int().describe("The amount when the order was placed"),
  amountDueCents: z.number().int().describe("What the customer owes: weighed lines at their final price, never above their cap"),
  awaitingWeighing: z.boolean().describe("Some lines sold by weight are not weighed yet"),
  owedBackCents: z.number().int().describe("Already paid but no longer due after a lighter weighing: given back to the customer at pickup"),
  distributionId: z.string(),
  pickupPoint: z.object({ id: z.string(), name: z.string(), commune: z.string() }),
  slot: z.object({ id: z.string(), start: z.iso.datetime(), end: z.iso.datetime() }),
  cutoff: z.iso.datetime(),
  lines: z.array(
    z.object({
      offerId: z.string(),
      name: z.string(),
      quantity: z.number().int(),
      unitPriceCents: z.number().int(),
      vatRate: z.number(),
      totalCents: z.number().int(),
      soldByWeight: z.boolean(),
      maxCents: z.number().int().nullable().describe("Sold by weight: the most this line can cost after weighing"),
      weighedGrams: z.number().int().nullable(),
    }),
  ),
});

export const apiErrorSchema = z.object({
  error: z.string().describe("Stable code: invalid, unauthenticated, not_found, sold_out, cutoff_passed, slot_full, rate_limited..."),
  message: z.string().describe("Human-readable message in the caller's language (French by default)"),
  offerIds: z.array(z.string()).optional(),
  priceChanges: z
    .array(z.object({ offerId: z.string(), name: z.string(), shownCents: z.number().int(), currentCents: z.number().int() }))
    .optional()
    .describe("price_changed: each offer whose price is no longer the unitPriceCents sent; nothing was ordered"),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const apiSessionSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), roles: z.array(z.string()) }),
});

/** Every status an order can have, by its API name (decision 027 §10). */
const orderStatusNames = { AWAITING_PAYMENT: "awaiting_payment", CONFIRMED: "confirmed", CANCELLED: "cancelled", EXPIRED: "expired" } as const;

const unitNames = { PIECE: "piece", BUNCH: "bunch", KG: "kg", G100: "100g", DOZEN: "dozen", LITRE: "litre" } as const;

export function presentDistribution(distribution: UpcomingDistribution, state: z.infer<typeof apiDistributionSchema>["status"]): z.infer<typeof apiDistributionSchema> {
  return {
    id: distribution.id,
    pickupPoint: { id: distribution.pickupPoint.id, name: distribution.pickupPoint.name, commune: distribution.pickupPoint.commune },
    start: distribution.startsAt.toISOString(),
    end: distribution.endsAt.toISOString(),
    cutoff: distribution.cutoffAt.toISOString(),
    opens: distribution.opensAt.toISOString(),
    status: state,
  };
}

export function presentOffer(offer: CatalogueOffer): z.infer<typeof apiOfferSchema> {
  return {
    id: offer.id,
    kind: offer.kind === "BASKET" ? "basket" : "product",
    name: offer.name,
    producer: offer.producer,
    unit: unitNames[offer.unit],
    priceCents: offer.priceCents,
    vatRate: offer.vatRateBp / 100,
    remaining: offer.remaining,
    organic: offer.organic,
    allergens: offer.allergens,
  };
}

export function presentOrder(order: OrderView): z.infer<typeof apiOrderSchema> {
  return {
    id: order.id,
    number: order.number,
    status: orderStatusNames[order.status],
    paymentMethod: order.paymentMethod === "ONLINE_CARD" ? "card" : "at_pickup",
    payment: order.cardPayment
      ? {
          state: order.cardPayment.status === "SUCCEEDED" ? "paid" : order.cardPayment.status === "OPEN" ? "awaiting_payment" : "closed",
          amountCents: order.cardPayment.amountCents,
          refundedCents: order.cardPayment.refundedCents,
          checkoutUrl: order.cardPayment.status === "OPEN" ? order.cardPayment.checkoutUrl : null,
          holdExpiresAt: order.holdExpiresAt?.toISOString() ?? null,
          refunds: order.refunds.map((refund) => ({
            number: refund.number,
            amountCents: refund.amountCents,
            reason: refund.reason.toLowerCase() as Lowercase<typeof refund.reason>,
            status: refund.status.toLowerCase() as Lowercase<typeof refund.status>,
            requestedAt: refund.createdAt.toISOString(),
            refundedAt: refund.succeededAt?.toISOString() ?? null,
          })),
        }
      : null,
    totalCents: order.totalCents,
    amountDueCents: order.amountDueCents,
    awaitingWeighing: order.awaitingWeighing,
    owedBackCents: order.owedBackCents,
    distributionId: order.distribution.id,
    pickupPoint: { id: order.distribution.pickupPoint.id, name: order.distribution.pickupPoint.name, commune: order.distribution.pickupPoint.commune },
    slot: { id: order.slot.id, start: order.slot.startsAt.toISOString(), end: order.slot.endsAt.toISOString() },
    cutoff: order.distribution.cutoffAt.toISOString(),
    lines: order.lines.map((line) => ({
      offerId: line.offerId,
      name: line.productName,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      vatRate: line.vatRateBp / 100,
      totalCents: line.lineTotalCents,
      soldByWeight: line.variableWeight,
      maxCents: line.capCents,
      weighedGrams: line.weighedGrams,
    })),
  };
}
