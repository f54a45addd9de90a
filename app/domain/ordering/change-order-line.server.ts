import { z } from "zod";
import { db } from "~/db.server";
import { forgetDistributionOffers } from "~/domain/catalog/catalogue-snapshot.server";
import { DomainError } from "~/domain/errors";
import { formQuantityField, idField } from "~/domain/fields";
import { cancelOrderIn } from "~/domain/ordering/cancel-order.server";
import { lockOpenOrder } from "~/domain/ordering/lock-open-order.server";
import { findOwnOrder, type OrderView } from "~/domain/ordering/order-view.server";
import { ORDER_TRANSACTION_OPTIONS } from "~/domain/ordering/place-order.server";
import { capFor } from "~/domain/ordering/variable-weight";
import type { Locale } from "~/i18n/messages";

export const changeOrderLineSchema = z.object({ offerId: idField, quantity: formQuantityField });

/**
 * Sets the quantity of one line before the cutoff. More takes the difference from the stock
 * (refused as sold out if it is not there), less gives the difference back, 0 removes the line;
 * removing the last line cancels the order.
 */
export async function changeOrderLine(input: {
  orderId: string;
  offerId: string;
  quantity: number;
  customer: { id: string; email: string; name: string; locale: Locale };
  now: Date;
}): Promise<OrderView> {
  const changed = await db().$transaction(async (tx) => {
    await lockOpenOrder(tx, { orderId: input.orderId, userId: input.customer.id, now: input.now });
    const line = await tx.orderLine.findUnique({
      where: { orderId_offerId: { orderId: input.orderId, offerId: input.offerId } },
      select: { id: true, quantity: true, variableWeight: true, unitPriceCents: true },
    });
    if (!line) throw new DomainError("invalid", { field: "offerId", offerIds: [input.offerId] });
    const lineCount = await tx.orderLine.count({ where: { orderId: input.orderId } });
    if (input.quantity === 0 && lineCount === 1) {
      await cancelOrderIn(tx, { orderId: input.orderId, customer: input.customer, now: input.now });
    } else {
      const delta = input.quantity - line.quantity;
      if (delta > 0) {
        const taken = await tx.$executeRaw`
          UPDATE "Offer" SET "ordered" = "ordered" + ${delta} WHERE id = ${input.offerId} AND "ordered" + ${delta} <= "stock"`;
        if (taken !== 1) throw new DomainError("sold_out", { offerIds: [input.offerId] });
      } else if (delta < 0) {
        await tx.$executeRaw`UPDATE "Offer" SET "ordered" = "ordered" + ${delta} WHERE id = ${input.offerId}`;
      }
      if (input.quantity === 0) {
        await tx.orderLine.delete({ where: { id: line.id } });
      } else {
        // A weighed line's cap follows the quantity the customer now asks for.
        await tx.orderLine.update({
          where: { id: line.id },
          data: { quantity: input.quantity, ...(line.variableWeight ? { capCents: capFor(input.quantity, line.unitPriceCents) } : {}) },
        });
      }
      await tx.$executeRaw`
        UPDATE "Order" SET "totalCents" = (SELECT COALESCE(SUM(l.quantity * l."unitPriceCents"), 0) FROM "OrderLine" l WHERE l."orderId" = ${input.orderId}),
                           "updatedAt" = ${input.now}
        WHERE id = ${input.orderId}`;
    }
    const order = await findOwnOrder(tx, input.orderId, input.customer.id);
    if (!order) throw new DomainError("not_found");
    return order;
  }, ORDER_TRANSACTION_OPTIONS);
  forgetDistributionOffers(changed.distribution.id);
  return changed;
}
