import { z } from "zod";
import { DomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { getCart } from "~/domain/ordering/cart.server";
import type { OrderView } from "~/domain/ordering/order-view.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import type { Locale } from "~/i18n/messages";

export const checkoutSchema = z.object({
  slotId: idField,
  paymentMethod: z.literal("at_pickup", { error: "field.payment.invalid" }),
  idempotencyKey: z.string().uuid({ error: "field.unknown" }),
});

/** Turns the cart of one distribution into an order: the page's checkout. */
export async function checkoutCart(input: z.infer<typeof checkoutSchema> & {
  distributionId: string;
  customer: { id: string; email: string; name: string; locale: Locale };
  now: Date;
  appUrl: string;
}): Promise<OrderView> {
  const cart = await getCart(input.customer.id, input.distributionId);
  if (cart.length === 0) throw new DomainError("invalid", { field: "lines" });
  return placeOrder({
    distributionId: input.distributionId,
    slotId: input.slotId,
    lines: cart.map((line) => ({ offerId: line.offerId, quantity: line.quantity })),
    paymentMethod: input.paymentMethod,
    customer: input.customer,
    idempotencyKey: input.idempotencyKey,
    now: input.now,
    appUrl: input.appUrl,
  });
}
