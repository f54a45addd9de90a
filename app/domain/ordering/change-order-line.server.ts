import { z } from "zod";
import { db, type Tx } from "~/db.server";
import { forgetDistributionOffers } from "~/domain/catalog/catalogue-snapshot.server";
import { DomainError } from "~/domain/errors";
import { formQuantityField, idField } from "~/domain/fields";
import { cancelOrderIn } from "~/domain/ordering/cancel-order.server";
import { lockOpenOrder } from "~/domain/ordering/lock-open-order.server";
import { findOwnOrder, type OrderView } from "~/domain/ordering/order-view.server";
import { ORDER_TRANSACTION_OPTIONS } from "~/domain/ordering/place-order.server";
import { amountAtMostCents, capFor } from "~/domain/ordering/variable-weight";
import { requestRefund } from "~/domain/payments/request-refund.server";
import { cardOrderChange } from "~/domain/payments/refund-rules";
import { standingLineRefundsCents } from "~/domain/payments/line-refunds";
import { customerHoldings, limitError, lockCustomerDistribution } from "~/domain/ordering/customer-guards.server";
import { lineChangeLimitRefusal } from "~/domain/ordering/customer-limits";
import { priceChangedError, priceChanges } from "~/domain/ordering/price-promise";
import { priceCentsField } from "~/domain/sales/offer-fields";
import type { Locale } from "~/i18n/messages";

/**
 * A card-paid order was charged the most it could cost (decision 027 §2, §4). After a change:
 * smaller → the difference is refunded now (reason ORDER_REDUCED, the line's producer); bigger →
 * refused with how much more it would cost, and the whole transaction (stock, line) rolls back.
 * What is owed is the order's most less the producers' and admins' refunds of its lines that still
 * stand (already out of what was paid): gestures on those lines, not an advance on the customer's changes.
 * An order paid at pickup has no successful card payment: nothing to do.
 */
async function settleCardOrderChange(tx: Tx, change: { orderId: string; orderLineId: string; producerId: string; customerId: string }): Promise<void> {
  const payment = await tx.cardPayment.findFirst({ where: { orderId: change.orderId, status: "SUCCEEDED" }, select: { amountCents: true, refundedCents: true } });
  if (!payment) return;
  const [lines, lineRefunds] = await Promise.all([
    tx.orderLine.findMany({ where: { orderId: change.orderId }, select: { id: true, quantity: true, unitPriceCents: true, finalCents: true, capCents: true } }),
    // The producers' and admins' refunds of lines (missing, damaged) that stand: not owed by the customer any more.
    tx.refund.findMany({ where: { orderId: change.orderId, reason: { in: ["PRODUCER_REFUND", "ADMIN_REFUND"] }, status: { not: "FAILED" } }, select: { orderLineId: true, amountCents: true } }),
  ]);
  const standing = standingLineRefundsCents(lines.map((line) => ({ id: line.id, atMostCents: amountAtMostCents([line]) })), lineRefunds);
  const outcome = cardOrderChange({ chargedCents: payment.amountCents, refundedCents: payment.refundedCents, newAtMostCents: Math.max(0, amountAtMostCents(lines) - standing) });
  if (outcome.kind === "refused") {
    throw new DomainError("card_order_increase_refused", { messageKey: "cardRefunds.increaseRefused", messageAmounts: { amount: outcome.extraCents } });
  }
  if (outcome.kind === "refund") {
    await requestRefund(tx, {
      orderId: change.orderId,
      amount: outcome.refundCents,
      reason: "ORDER_REDUCED",
      producerId: change.producerId,
      orderLineId: change.orderLineId,
      requestedById: change.customerId,
    });
  }
}

/** `unitPriceCents`: the offer's price the page showed beside the line (decision 019). */
export const changeOrderLineSchema = z.object({
  offerId: idField,
  quantity: formQuantityField,
  unitPriceCents: z.preprocess((value) => (value === "" ? undefined : typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : value), priceCentsField.optional()),
});

/**
 * Sets the quantity of one line before the cutoff. More takes the difference from the stock
 * (refused as sold out if it is not there), less gives the difference back, 0 removes the line;
 * removing the last line cancels the order.
 *
 * A line has one price. Less keeps it. More is sold at the offer's current price and moves the
 * whole line to it, but only when the customer was shown that price (`unitPriceCents`); if the
 * offer's price changed since, nothing changes and the customer is told (decision 019). More is
 * also bounded by the per-customer limit over all their orders of the distribution.
 */
export async function changeOrderLine(input: {
  orderId: string;
  offerId: string;
  quantity: number;
  /** The offer's price the customer was shown; needed to add units once the price has changed. */
  unitPriceCents?: number;
  customer: { id: string; email: string; name: string; locale: Locale };
  now: Date;
}): Promise<OrderView> {
  const changed = await db().$transaction(async (tx) => {
    // The customer's lock first, as placeOrder takes it, then the order row.
    const owned = await tx.order.findFirst({ where: { id: input.orderId, userId: input.customer.id }, select: { distributionId: true } });
    if (!owned) throw new DomainError("not_found");
    await lockCustomerDistribution(tx, input.customer.id, owned.distributionId);
    await lockOpenOrder(tx, { orderId: input.orderId, userId: input.customer.id, now: input.now });
    const line = await tx.orderLine.findUnique({
      where: { orderId_offerId: { orderId: input.orderId, offerId: input.offerId } },
      select: { id: true, quantity: true, variableWeight: true, unitPriceCents: true, producerId: true },
    });
    if (!line) throw new DomainError("invalid", { field: "offerId", offerIds: [input.offerId] });
    const lineCount = await tx.orderLine.count({ where: { orderId: input.orderId } });
    if (input.quantity === 0 && lineCount === 1) {
      await cancelOrderIn(tx, { orderId: input.orderId, customer: input.customer, now: input.now });
    } else {
      const delta = input.quantity - line.quantity;
      let unitPriceCents = line.unitPriceCents;
      if (delta > 0) {
        const [offer] = await tx.$queryRaw<Array<{ priceCents: number; maxPerCustomer: number | null; name: string }>>`
          SELECT o."priceCents", o."maxPerCustomer", p.name FROM "Offer" o JOIN "Product" p ON p.id = o."productId" WHERE o.id = ${input.offerId} FOR UPDATE OF o`;
        if (!offer) throw new DomainError("invalid", { field: "offerId", offerIds: [input.offerId] });
        // Without a shown price, the line's own is what the customer last agreed to.
        const changes = priceChanges([{ id: input.offerId, name: offer.name, priceCents: offer.priceCents }], new Map([[input.offerId, input.unitPriceCents ?? line.unitPriceCents]]));
        if (changes.length > 0) throw priceChangedError(changes);
        unitPriceCents = offer.priceCents;
        const holdings = await customerHoldings(tx, input.customer.id, owned.distributionId, [input.offerId]);
        const refusal = lineChangeLimitRefusal({
          offerId: input.offerId,
          name: offer.name,
          maxPerCustomer: offer.maxPerCustomer,
          currentQuantity: line.quantity,
          quantity: input.quantity,
          alreadyOrdered: holdings.ordered.get(input.offerId) ?? 0,
        });
        if (refusal) throw limitError(refusal);
        const taken = await tx.$executeRaw`
          UPDATE "Offer" SET "ordered" = "ordered" + ${delta} WHERE id = ${input.offerId} AND "ordered" + ${delta} <= "stock"`;
        if (taken !== 1) throw new DomainError("sold_out", { offerIds: [input.offerId] });
      } else if (delta < 0) {
        await tx.$executeRaw`UPDATE "Offer" SET "ordered" = "ordered" + ${delta} WHERE id = ${input.offerId}`;
      }
      if (input.quantity === 0) {
        await tx.orderLine.delete({ where: { id: line.id } });
      } else {
        // A weighed line's cap follows the quantity and the price the customer now agreed to.
        await tx.orderLine.update({
          where: { id: line.id },
          data: { quantity: input.quantity, unitPriceCents, ...(line.variableWeight ? { capCents: capFor(input.quantity, unitPriceCents) } : {}) },
        });
      }
      await tx.$executeRaw`
        UPDATE "Order" SET "totalCents" = (SELECT COALESCE(SUM(l.quantity * l."unitPriceCents"), 0) FROM "OrderLine" l WHERE l."orderId" = ${input.orderId}),
                           "updatedAt" = ${input.now}
        WHERE id = ${input.orderId}`;      await settleCardOrderChange(tx, { orderId: input.orderId, orderLineId: line.id, producerId: line.producerId, customerId: input.customer.id });
    }
    const order = await findOwnOrder(tx, input.orderId, input.customer.id);
    if (!order) throw new DomainError("not_found");
    return order;
  }, ORDER_TRANSACTION_OPTIONS);
  forgetDistributionOffers(changed.distribution.id);
  return changed;
}
