import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db, type Tx } from "~/db.server";
import { forgetDistributionOffers } from "~/domain/catalog/catalogue-snapshot.server";
import { orderingState } from "~/domain/distributions/ordering-window";
import { DomainError } from "~/domain/errors";
import { weighedTerms } from "~/domain/ordering/variable-weight";
import { idField, MAX_QUANTITY, quantityField } from "~/domain/fields";
import { enqueueEmail } from "~/domain/mail/enqueue-email.server";
import { orderConfirmationEmail } from "~/domain/ordering/emails";
import { findOwnOrder, type OrderView } from "~/domain/ordering/order-view.server";
import { mergeLines, orderTotalCents } from "~/domain/ordering/pricing";
import { customerHoldings, limitError, lockCustomerDistribution } from "~/domain/ordering/customer-guards.server";
import { newOrderLimitRefusal } from "~/domain/ordering/customer-limits";
import { priceChangedError, priceChanges } from "~/domain/ordering/price-promise";
import { priceCentsField } from "~/domain/sales/offer-fields";
import { amountAtMostCents } from "~/domain/ordering/variable-weight";
import { holdExpiresAt } from "~/domain/payments/money-model";
import { startCheckout } from "~/domain/payments/start-checkout.server";
import { addJob } from "~/infra/jobs.server";
import { cardPaymentsEnabled } from "~/infra/stripe.server";
import type { Locale } from "~/i18n/messages";

export const placeOrderSchema = z.object({
  distributionId: idField,
  slotId: idField.optional(),
  lines: z
    .array(
      z.object({
        offerId: idField,
        quantity: quantityField,
        /** The price the customer was shown; when given, the order is refused (price_changed) if the offer's price is no longer this one. */
        unitPriceCents: priceCentsField.optional(),
      }),
      { error: "field.lines.empty" },
    )
    .min(1, { error: "field.lines.empty" })
    .max(100, { error: "field.lines.too_many" }),
  /** "card": paid online through Stripe Checkout before the order is confirmed (decision 027); "at_pickup": as ever. */
  paymentMethod: z.enum(["at_pickup", "card"], { error: "field.payment.invalid" }),
});

export type PlaceOrderInput = z.infer<typeof placeOrderSchema> & {
  customer: { id: string; email: string; name: string; locale: Locale };
  idempotencyKey?: string;
  now: Date;
  appUrl: string;
};

/** Waiting for a connection or a row lock under a rush is normal; give it time, not a 500. */
export const ORDER_TRANSACTION_OPTIONS = { maxWait: 20_000, timeout: 20_000 } as const;

/**
 * Places an order for one distribution. The stock of every line is taken by one conditional
 * UPDATE on rows locked in id order, so under any concurrency an offer is never oversold and
 * two orders never deadlock; if any line lacks stock, nothing is taken and the caller learns
 * which offers. The confirmation email is written in the same transaction.
 *
 * A card order (decision 027 §3) runs the same transaction but waits for its payment: status
 * AWAITING_PAYMENT, its stock and slot held until `holdExpiresAt`, its CardPayment (the most the
 * order can cost) and the job that ends the hold, all committed together. Its Checkout Session is
 * created after the commit (startCheckout, key tm-checkout-<orderId>), so a double submit — one
 * order by the idempotency key — makes one session; the view returned carries its URL, or none
 * when Stripe could not be reached (the order page offers « payer » again until the hold ends).
 */
export async function placeOrder(input: PlaceOrderInput): Promise<OrderView> {
  const lines = mergeLines(input.lines);
  const shownPrices = shownPricesOf(input.lines);
  if (lines.some((line) => line.quantity > MAX_QUANTITY)) throw new DomainError("invalid", { field: "lines" });
  if (input.paymentMethod === "card" && !cardPaymentsEnabled()) throw new DomainError("card_payments_disabled", { field: "paymentMethod" });
  const order = await placeOrderOnce(input, lines, shownPrices);
  if (order.status !== "AWAITING_PAYMENT") return order;
  await startCheckout({ orderId: order.id, locale: input.customer.locale, appUrl: input.appUrl, now: input.now });
  return (await findOwnOrder(db(), order.id, input.customer.id)) ?? order;
}

async function placeOrderOnce(input: PlaceOrderInput, lines: Array<{ offerId: string; quantity: number }>, shownPrices: Map<string, number>): Promise<OrderView> {
  try {
    const order = await db().$transaction((tx) => placeOrderIn(tx, input, lines, shownPrices), ORDER_TRANSACTION_OPTIONS);
    forgetDistributionOffers(input.distributionId);
    return order;
  } catch (error) {
    // Two requests with the same idempotency key: the second one answers with the first order.
    if (input.idempotencyKey && isUniqueViolation(error)) {
      const existing = await db().order.findFirst({
        where: { userId: input.customer.id, idempotencyKey: input.idempotencyKey },
        select: { id: true },
      });
      const order = existing && (await findOwnOrder(db(), existing.id, input.customer.id));
      if (order) return order;
    }
    throw error;
  }
}

/** The price shown per offer; one offer shown at two prices in one order is bad input. */
function shownPricesOf(lines: PlaceOrderInput["lines"]): Map<string, number> {
  const shown = new Map<string, number>();
  for (const line of lines) {
    if (line.unitPriceCents === undefined) continue;
    const before = shown.get(line.offerId);
    if (before !== undefined && before !== line.unitPriceCents) throw new DomainError("invalid", { field: "lines", offerIds: [line.offerId] });
    shown.set(line.offerId, line.unitPriceCents);
  }
  return shown;
}

async function placeOrderIn(tx: Tx, input: PlaceOrderInput, lines: Array<{ offerId: string; quantity: number }>, shownPrices: Map<string, number>): Promise<OrderView> {
  if (input.idempotencyKey) {
    // A retry racing its original waits here until the original commits or rolls back, then
    // finds its order; otherwise it would queue on the stock and answer sold_out for an order
    // that was in fact placed.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`order:${input.customer.id}:${input.idempotencyKey}`}, 0))`;
    const existing = await tx.order.findFirst({
      where: { userId: input.customer.id, idempotencyKey: input.idempotencyKey },
      select: { id: true },
    });
    const order = existing && (await findOwnOrder(tx, existing.id, input.customer.id));
    if (order) return order;
  }

  // FOR SHARE: an order cannot land on a date being cancelled at that moment
  // (cancel-distribution locks the row FOR UPDATE, then cancels every order it holds).
  const [distribution] = await tx.$queryRaw<Array<{ status: "SCHEDULED" | "CANCELLED"; opensAt: Date; cutoffAt: Date }>>`
    SELECT status::text AS status, "opensAt", "cutoffAt" FROM "Distribution" WHERE id = ${input.distributionId} FOR SHARE`;
  if (!distribution) throw new DomainError("invalid", { field: "distributionId" });
  const state = orderingState(distribution, input.now);
  if (state !== "open") throw new DomainError(state);
  // From here to the commit this customer's other orders of the distribution wait: the limits hold under any concurrency.
  await lockCustomerDistribution(tx, input.customer.id, input.distributionId);
  const offerIds = lines.map((line) => line.offerId).sort();
  // Read before the offers are locked: the rush on an offer's row lock stays as short as before.
  const holdings = await customerHoldings(tx, input.customer.id, input.distributionId, offerIds);
  const card = input.paymentMethod === "card";
  // A card payment answers for the customer: only an order paid at pickup needs a known customer (decision 027 §3).
  if (!holdings.known && !card) throw new DomainError("email_unverified");

  const quantities = offerIds.map((id) => lines.find((line) => line.offerId === id)?.quantity ?? 0);
  const offers = await tx.$queryRaw<
    Array<{ id: string; priceCents: number; maxPerCustomer: number | null; name: string; unit: OrderView["lines"][number]["unit"]; vatRateBp: number; producerId: string; variableWeight: boolean; estimatedWeightGrams: number | null }>
  >`
    SELECT o.id, o."priceCents", o."maxPerCustomer", p.name, p.unit::text AS unit, p."vatRateBp", p."producerId", p."variableWeight", p."estimatedWeightGrams"
    FROM "Offer" o JOIN "Product" p ON p.id = o."productId" JOIN "Organisation" org ON org.id = p."producerId"
    WHERE o.id = ANY(${offerIds}::text[]) AND o."distributionId" = ${input.distributionId} AND p."archivedAt" IS NULL
      AND org."verifiedAt" IS NOT NULL
    ORDER BY o.id
    FOR UPDATE OF o`;
  if (offers.length !== offerIds.length) {
    const known = new Set(offers.map((offer) => offer.id));
    throw new DomainError("invalid", { field: "offerId", offerIds: offerIds.filter((id) => !known.has(id)) });
  }
  // The offers are locked: their prices cannot move between this check and the commit.
  const changes = priceChanges(offers, shownPrices);
  if (changes.length > 0) throw priceChangedError(changes);
  const refusal = newOrderLimitRefusal(
    holdings.openOrders,
    offers.map((offer, index) => ({ offerId: offer.id, name: offer.name, maxPerCustomer: offer.maxPerCustomer, quantity: quantities[index] ?? 0, alreadyOrdered: holdings.ordered.get(offer.id) ?? 0 })),
  );
  if (refusal) throw limitError(refusal);

  const taken = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE "Offer" o SET "ordered" = o."ordered" + w.quantity
    FROM unnest(${offerIds}::text[], ${quantities}::int[]) AS w(id, quantity)
    WHERE o.id = w.id AND o."ordered" + w.quantity <= o."stock"
    RETURNING o.id`;
  if (taken.length !== offerIds.length) {
    const ok = new Set(taken.map((row) => row.id));
    throw new DomainError("sold_out", { offerIds: offerIds.filter((id) => !ok.has(id)) });
  }

  const slotId = await bookSlot(tx, input.distributionId, input.slotId);

  const orderLines = offers.map((offer, index) => {
    const quantity = quantities[index] ?? 0;
    return {
      id: randomUUID(),
      offerId: offer.id,
      productName: offer.name,
      unit: offer.unit,
      quantity,
      unitPriceCents: offer.priceCents,
      vatRateBp: offer.vatRateBp,
      producerId: offer.producerId,
      ...weighedTerms({ variableWeight: offer.variableWeight, unit: offer.unit, estimatedWeightGrams: offer.estimatedWeightGrams, quantity, unitPriceCents: offer.priceCents }),
    };
  });
  const orderId = randomUUID();
  const holdEnd = card ? holdExpiresAt(input.now, distribution.cutoffAt) : null;
  await tx.order.create({
    data: {
      id: orderId,
      userId: input.customer.id,
      distributionId: input.distributionId,
      slotId,
      status: card ? "AWAITING_PAYMENT" : "CONFIRMED",
      paymentMethod: card ? "ONLINE_CARD" : "AT_PICKUP",
      holdExpiresAt: holdEnd,
      totalCents: orderTotalCents(orderLines),
      idempotencyKey: input.idempotencyKey ?? null,
      createdAt: input.now,
      updatedAt: input.now,
      lines: { createMany: { data: orderLines } },
    },
    select: { id: true },
  });
  await tx.cartItem.deleteMany({ where: { userId: input.customer.id, offerId: { in: offerIds } } });

  if (holdEnd) {
    // The charge is the most the order can cost: lines sold by weight at their cap (decision 027 §2).
    await tx.cardPayment.create({ data: { id: randomUUID(), orderId, status: "OPEN", amountCents: amountAtMostCents(orderLines.map((line) => ({ ...line, finalCents: null }))), createdAt: input.now }, select: { id: true } });
    // The hold ends at holdEnd whatever happens to the customer's browser: this job releases it once.
    await addJob(tx, "payments.expire-hold", { orderId }, { startAfter: holdEnd });
  }

  const order = await findOwnOrder(tx, orderId, input.customer.id);
  if (!order) throw new Error("La commande créée est introuvable.");
  // A card order is confirmed, and its email written, when Stripe says it is paid (confirmCardPayment).
  if (card) return order;
  await enqueueEmail(tx, {
    to: input.customer.email,
    locale: input.customer.locale,
    ...orderConfirmationEmail(order, input.customer.locale, input.customer.name, `${input.appUrl}/commandes/${order.id}`),
  });
  return order;
}

/**
 * Takes one place in the chosen slot, or in the earliest slot with room. The capacity check is
 * in the UPDATE itself; a CHECK constraint backs it.
 */
async function bookSlot(tx: Tx, distributionId: string, slotId: string | undefined): Promise<string> {
  if (slotId) {
    const booked = await tx.$queryRaw<Array<{ id: string }>>`
      UPDATE "PickupSlot" SET "booked" = "booked" + 1
      WHERE id = ${slotId} AND "distributionId" = ${distributionId} AND "booked" < "capacity"
      RETURNING id`;
    if (booked[0]) return booked[0].id;
    const exists = await tx.pickupSlot.findFirst({ where: { id: slotId, distributionId }, select: { id: true } });
    throw new DomainError(exists ? "slot_full" : "invalid", { field: "slotId" });
  }
  // The locked row may fill up while we wait for it; then look again (a few times at most).
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const booked = await tx.$queryRaw<Array<{ id: string }>>`
      UPDATE "PickupSlot" SET "booked" = "booked" + 1
      WHERE id = (SELECT id FROM "PickupSlot" WHERE "distributionId" = ${distributionId} AND "booked" < "capacity"
                  ORDER BY "startsAt", id LIMIT 1 FOR UPDATE)
        AND "booked" < "capacity"
      RETURNING id`;
    if (booked[0]) return booked[0].id;
    const room = await tx.pickupSlot.count({ where: { distributionId, booked: { lt: tx.pickupSlot.fields.capacity } } });
    if (room === 0) break;
  }
  throw new DomainError("slot_full", { field: "slotId" });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
