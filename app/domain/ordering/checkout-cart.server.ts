import { z } from "zod";
import { DomainError } from "~/domain/errors";
import { idField, quantityField } from "~/domain/fields";
import { getCart, type CartLine } from "~/domain/ordering/cart.server";
import type { OrderView } from "~/domain/ordering/order-view.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { priceCentsField } from "~/domain/sales/offer-fields";
import type { Locale } from "~/i18n/messages";

const shownLineSchema = z.object({ offerId: idField, quantity: quantityField, unitPriceCents: priceCentsField });

/**
 * The lines the checkout page showed, as it posts them back (a hidden field): what the customer
 * confirms is what is ordered, at the prices they read (decision 019).
 */
const shownLinesField = z
  .string({ error: "ordering.field.shownPrices.invalid" })
  .max(20_000, { error: "ordering.field.shownPrices.invalid" })
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: "custom", message: "ordering.field.shownPrices.invalid" });
      return z.NEVER;
    }
  })
  .pipe(z.array(shownLineSchema, { error: "ordering.field.shownPrices.invalid" }).min(1, { error: "field.lines.empty" }).max(100, { error: "field.lines.too_many" }));

export const checkoutSchema = z.object({
  slotId: idField,
  /** "card" only where Stripe keys are configured (placeOrder refuses it otherwise: card_payments_disabled). */
  paymentMethod: z.enum(["at_pickup", "card"], { error: "field.payment.invalid" }),
  idempotencyKey: z.string().uuid({ error: "field.unknown" }),
  shownLines: shownLinesField,
});

/** What the checkout form carries of the cart it shows. */
export function shownLinesOf(cart: readonly CartLine[]): string {
  return JSON.stringify(cart.map((line) => ({ offerId: line.offerId, quantity: line.quantity, unitPriceCents: line.priceCents })));
}

/**
 * Turns the cart of one distribution, as the page showed it, into an order: the page's
 * checkout. If a price changed since the page was shown, nothing is ordered (price_changed) and
 * the page shows the new prices.
 */
export async function checkoutCart(input: z.infer<typeof checkoutSchema> & {
  distributionId: string;
  customer: { id: string; email: string; name: string; locale: Locale };
  now: Date;
  appUrl: string;
}): Promise<OrderView> {
  // The cart changed since the page was shown (another tab ordered or changed it): show it again rather than order twice.
  const cart = await getCart({ userId: input.customer.id }, input.distributionId, input.now);
  const inCart = new Map(cart.map((line) => [line.offerId, line.quantity]));
  const stale = input.shownLines.length !== cart.length || input.shownLines.some((line) => inCart.get(line.offerId) !== line.quantity);
  if (cart.length === 0 || stale) throw new DomainError("invalid", { field: "lines", messageKey: cart.length === 0 ? "field.lines.empty" : "ordering.field.shownPrices.invalid" });
  return placeOrder({
    distributionId: input.distributionId,
    slotId: input.slotId,
    lines: input.shownLines,
    paymentMethod: input.paymentMethod,
    customer: input.customer,
    idempotencyKey: input.idempotencyKey,
    now: input.now,
    appUrl: input.appUrl,
  });
}
