import { z } from "zod";
import { db, type Tx } from "~/db.server";
import type { CurrentUser } from "~/domain/accounts/session.server";
import { forgetDistributionOffers } from "~/domain/catalog/catalogue-snapshot.server";
import { distributionCancelledCustomerEmail, distributionCancelledProducerEmail } from "~/domain/distributions/cancellation-emails";
import { organiserIds } from "~/domain/distributions/organiser.server";
import { DomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { enqueueEmail } from "~/domain/mail/enqueue-email.server";
import { ORDER_TRANSACTION_OPTIONS } from "~/domain/ordering/place-order.server";
import type { CancelledMoney } from "~/domain/payments/refund-words";
import { addJobs } from "~/infra/jobs.server";
import type { Locale, MessageKey } from "~/i18n/messages";

function message(key: MessageKey) {
  return { error: key };
}

export const cancelDistributionSchema = z.object({
  distributionId: idField,
  reason: z
    .string(message("series.field.reason.required"))
    .trim()
    .min(3, message("series.field.reason.required"))
    .max(500, message("series.field.reason.too_long")),
});

type CancelInput = {
  distributionId: string;
  reason: string;
  actor: Pick<CurrentUser, "roles" | "memberships">;
  now: Date;
  appUrl: string;
};

export type CancelledDistribution = { alreadyCancelled: boolean; cancelledOrders: number; customersTold: number; producersTold: number };

/**
 * One date of a series is cancelled (a holiday, a storm): the distribution, every confirmed order
 * of it with its stock and slot place given back, and an email to each customer and to each
 * producer who had offers there — all in one transaction.
 *
 * This does not go through cancelOrderIn (cancel-order.server.ts): that is the customer's own
 * cancellation, refused after the cutoff, while a storm is often announced after it. Here it is
 * set-based: one UPDATE cancels the orders (it skips any order a customer cancelled meanwhile,
 * since it waits for that row and re-reads its status), one gives the stock back, one the slots.
 *
 * Only the organiser organisation or a territory admin may cancel; for anyone else the date does
 * not exist (404). The distribution row is locked first: cancelling twice, even at the same
 * instant, cancels and tells once.
 */
export async function cancelDistribution(input: CancelInput): Promise<CancelledDistribution> {
  const isAdmin = input.actor.roles.includes("ADMIN");
  const allowed = organiserIds(input.actor);
  const result = await db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ status: "SCHEDULED" | "CANCELLED"; startsAt: Date; endsAt: Date; pointName: string }>>`
      SELECT d.status::text AS status, d."startsAt", d."endsAt", p.name AS "pointName"
      FROM "Distribution" d JOIN "PickupPoint" p ON p.id = d."pickupPointId"
      WHERE d.id = ${input.distributionId} AND (${isAdmin}::boolean OR d."organiserId" = ANY(${allowed}::text[]))
      FOR UPDATE OF d`;
    const distribution = rows[0];
    if (!distribution) throw new DomainError("not_found");
    if (distribution.status === "CANCELLED") return { alreadyCancelled: true, cancelledOrders: 0, customersTold: 0, producersTold: 0 };

    // Card orders still waiting for their payment hold stock and a slot place too: they are
    // cancelled with the rest (stock and slot back below), their payment closed and their Checkout
    // Session expired at Stripe by one hold job each (what releaseHold does for one order).
    const orders = await tx.$queryRaw<Array<{ id: string; userId: string; number: number; waiting: boolean }>>`
      UPDATE "Order" o SET status = 'CANCELLED', "cancelledAt" = ${input.now}, "updatedAt" = ${input.now}
      FROM (SELECT id, status = 'AWAITING_PAYMENT' AS waiting FROM "Order"
            WHERE "distributionId" = ${input.distributionId} AND status IN ('CONFIRMED', 'AWAITING_PAYMENT')) before
      WHERE o.id = before.id AND o.status IN ('CONFIRMED', 'AWAITING_PAYMENT')
      RETURNING o.id, o."userId", o.number, before.waiting`;
    const orderIds = orders.map((order) => order.id);
    // A date whose pickup has begun is not cancelled: customers already paid or took their goods,
    // and cancelling would leave them overpaid with nothing flagged. The UPDATE above waited for
    // any payment or hand-over in flight (they lock the order row), so this sees them all, and
    // a later one finds the order no longer CONFIRMED.
    const [begun] = await tx.$queryRaw<Array<{ count: number }>>`
      SELECT ((SELECT count(*) FROM "PickupPayment" WHERE "orderId" = ANY(${orderIds}::text[]))
            + (SELECT count(*) FROM "Handover" WHERE "orderId" = ANY(${orderIds}::text[])))::int AS count`;
    if ((begun?.count ?? 0) > 0) throw new DomainError("distribution_under_way");
    // Orders first, then offers in id order: the order in which a customer's own cancellation
    // and placeOrder take their locks, so none of them deadlocks with this one.
    await tx.$queryRaw`SELECT id FROM "Offer" WHERE "distributionId" = ${input.distributionId} ORDER BY id FOR UPDATE`;
    await tx.$executeRaw`
      UPDATE "Offer" o SET "ordered" = o."ordered" - back.quantity, "updatedAt" = ${input.now}
      FROM (SELECT l."offerId", SUM(l.quantity)::int AS quantity FROM "OrderLine" l WHERE l."orderId" = ANY(${orderIds}::text[]) GROUP BY l."offerId") back
      WHERE o.id = back."offerId"`;
    await tx.$executeRaw`
      UPDATE "PickupSlot" s SET "booked" = s."booked" - back.places
      FROM (SELECT "slotId", count(*)::int AS places FROM "Order" WHERE id = ANY(${orderIds}::text[]) GROUP BY "slotId") back
      WHERE s.id = back."slotId"`;
    const refunds = await refundCancelledCardOrders(tx, orders, input.now);
    const waitingIds = orders.filter((order) => order.waiting).map((order) => order.id);
    await tx.$executeRaw`UPDATE "CardPayment" SET status = 'CLOSED' WHERE "orderId" = ANY(${waitingIds}::text[]) AND status = 'OPEN'`;
    await addJobs(tx, [
      ...refunds.map((refund) => ({ name: "payments.send-refund", data: { refundId: refund.id }, singletonKey: `refund-${refund.id}` })),
      ...waitingIds.map((orderId) => ({ name: "payments.expire-hold", data: { orderId } })),
    ]);
    await tx.distribution.update({
      where: { id: input.distributionId },
      data: { status: "CANCELLED", cancelledAt: input.now, cancellationReason: input.reason },
      select: { id: true },
    });

    const cancelled = { startsAt: distribution.startsAt, endsAt: distribution.endsAt, pointName: distribution.pointName, reason: input.reason };
    // One email per customer, however many orders they had there.
    const customers = await tx.user.findMany({
      where: { id: { in: [...new Set(orders.map((order) => order.userId))] } },
      select: { id: true, email: true, name: true, locale: true },
      orderBy: { email: "asc" },
    });
    const refundedByOrder = new Map(refunds.map((refund) => [refund.orderId, refund.amountCents]));
    for (const customer of customers) {
      const theirs = orders.filter((order) => order.userId === customer.id);
      const orderNumbers = theirs.map((order) => order.number).sort((a, b) => a - b);
      const refundedCents = theirs.reduce((sum, order) => sum + (refundedByOrder.get(order.id) ?? 0), 0);
      const money: CancelledMoney = refundedCents > 0 ? { refundedCents } : theirs.some((order) => order.waiting) ? { nothingCharged: true } : null;
      await enqueueEmail(tx, {
        to: customer.email,
        locale: customer.locale,
        ...distributionCancelledCustomerEmail(customer.locale, { ...cancelled, name: customer.name, orderNumbers, ordersUrl: `${input.appUrl}/commandes`, money }),
      });
    }
    const producers = await tx.$queryRaw<Array<{ email: string; name: string; locale: Locale }>>`
      SELECT DISTINCT u.email, u.name, u.locale::text AS locale
      FROM "Offer" o JOIN "Product" p ON p.id = o."productId"
      JOIN "Membership" m ON m."organisationId" = p."producerId" AND m.role = 'PRODUCER'
      JOIN "User" u ON u.id = m."userId"
      WHERE o."distributionId" = ${input.distributionId}
      ORDER BY u.email`;
    for (const producer of producers) {
      await enqueueEmail(tx, {
        to: producer.email,
        locale: producer.locale,
        ...distributionCancelledProducerEmail(producer.locale, { ...cancelled, name: producer.name, cancelledOrders: orders.length, spaceUrl: `${input.appUrl}/producteur` }),
      });
    }
    return { alreadyCancelled: false, cancelledOrders: orders.length, customersTold: customers.length, producersTold: producers.length };
  }, ORDER_TRANSACTION_OPTIONS);
  forgetDistributionOffers(input.distributionId);
  return result;
}

/**
 * Every card-paid order of a cancelled distribution is refunded all it was charged and not yet
 * refunded (decision 027 §4), set-based: one statement adds the rest to each payment's refunded
 * sum (the same conditional rule as requestRefund: a SUCCEEDED payment with something left) and
 * inserts one Refund row per payment it changed. The caller adds their send jobs in one
 * statement. No transfer can have gone yet (transfers follow the money's final instant, after the
 * pickup), so there is nothing to reverse; refunds of a distribution whose pickup has begun are
 * not reached (the caller refused it before).
 */
async function refundCancelledCardOrders(tx: Tx, orders: ReadonlyArray<{ id: string }>, now: Date): Promise<Array<{ id: string; orderId: string; amountCents: number }>> {
  const orderIds = orders.map((order) => order.id);
  if (orderIds.length === 0) return [];
  return tx.$queryRaw<Array<{ id: string; orderId: string; amountCents: number }>>`
    WITH payment AS (
      SELECT id, "orderId", "amountCents" - "refundedCents" AS "left"
      FROM "CardPayment"
      WHERE "orderId" = ANY(${orderIds}::text[]) AND status = 'SUCCEEDED' AND "refundedCents" < "amountCents"
      ORDER BY id
      FOR UPDATE
    ), taken AS (
      UPDATE "CardPayment" cp SET "refundedCents" = cp."amountCents"
      FROM payment WHERE cp.id = payment.id
      RETURNING cp.id, payment."orderId", payment."left"
    )
    INSERT INTO "Refund" (id, "paymentId", "orderId", "amountCents", reason, "createdAt")
    SELECT gen_random_uuid()::text, taken.id, taken."orderId", taken."left", 'DISTRIBUTION_CANCELLED'::"RefundReason", ${now}
    FROM taken
    RETURNING id, "orderId", "amountCents"`;
}
