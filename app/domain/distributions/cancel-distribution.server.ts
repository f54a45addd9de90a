import { z } from "zod";
import { db } from "~/db.server";
import type { CurrentUser } from "~/domain/accounts/session.server";
import { forgetDistributionOffers } from "~/domain/catalog/catalogue-snapshot.server";
import { distributionCancelledCustomerEmail, distributionCancelledProducerEmail } from "~/domain/distributions/cancellation-emails";
import { organiserIds } from "~/domain/distributions/organiser.server";
import { DomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { enqueueEmail } from "~/domain/mail/enqueue-email.server";
import { ORDER_TRANSACTION_OPTIONS } from "~/domain/ordering/place-order.server";
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

    const orders = await tx.$queryRaw<Array<{ id: string; userId: string; number: number }>>`
      UPDATE "Order" SET status = 'CANCELLED', "cancelledAt" = ${input.now}, "updatedAt" = ${input.now}
      WHERE "distributionId" = ${input.distributionId} AND status = 'CONFIRMED'
      RETURNING id, "userId", number`;
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
    for (const customer of customers) {
      const orderNumbers = orders.filter((order) => order.userId === customer.id).map((order) => order.number).sort((a, b) => a - b);
      await enqueueEmail(tx, {
        to: customer.email,
        locale: customer.locale,
        ...distributionCancelledCustomerEmail(customer.locale, { ...cancelled, name: customer.name, orderNumbers, ordersUrl: `${input.appUrl}/commandes` }),
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
