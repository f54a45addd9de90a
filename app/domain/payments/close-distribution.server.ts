import { randomUUID } from "node:crypto";
import { db, type DbOrTx, type Tx } from "~/db.server";
import { forgetDistributionOffers } from "~/domain/catalog/catalogue-snapshot.server";
import { distributionShares, weighedLighterRefunds, type CloseLine, type ClosePayment, type CloseRefund } from "~/domain/payments/compute-transfers";
import { isMoneyFinal, MONEY_FINAL_AFTER_END_HOURS } from "~/domain/payments/money-model";
import type { DistributionShares } from "~/domain/payments/producer-shares";
import { releaseHold } from "~/domain/payments/release-hold.server";
import { requestRefund } from "~/domain/payments/request-refund.server";
import { env } from "~/env.server";
import { addJob } from "~/infra/jobs.server";

/**
 * The close of a distribution's card money (decision 027 §5, §6), once its money is final
 * (`moneyFinalAt`: 48 h after its end, when weighings and stall payments are frozen):
 *
 * (a) any hold still waiting ends (releaseHold → EXPIRED, stock and slot back once);
 * (b) each confirmed card-paid order with lines weighed lighter than their cap gets ONE refund,
 *     the sum of cap − final (`weighedRefund`), reason WEIGHED_LIGHTER, through requestRefund —
 *     not when the order already has one, so a second run refunds nothing;
 * (c) the shares of every card-paid order of the distribution (`distributionShares`);
 * (d) one ProducerTransfer per producer with something to transfer — PENDING when their Stripe
 *     account can receive transfers, HELD until it can (§8) — inserted ON CONFLICT DO NOTHING, a
 *     send job for each PENDING one (after the last charge's funds are available), and the
 *     distribution's DistributionClose row.
 *
 * (b) to (d) are one transaction that first locks the distribution and its card payments: a refund
 * being decided at that instant (which locks its payment) commits first and is counted, or waits
 * and then finds the transfers written and reverses its part (plan-reversals.server.ts).
 * Idempotent: run again, it writes nothing new and only re-adds the jobs of unsent transfers.
 */
const HOUR_MS = 3_600_000;

export type CloseOutcome =
  | { kind: "not_final" | "not_found" }
  | { kind: "closed"; holdsReleased: number; weighedRefunds: number; transfers: number; alreadyClosed: boolean };

export async function closeDistribution(distributionId: string, now: Date): Promise<CloseOutcome> {
  const [distribution] = await db().$queryRaw<Array<{ endsAt: Date }>>`SELECT "endsAt" FROM "Distribution" WHERE id = ${distributionId}`;
  if (!distribution) return { kind: "not_found" };
  if (!isMoneyFinal(distribution.endsAt, now)) return { kind: "not_final" };

  // (a) Holds end at the cutoff; one still here missed its job. Each is released in its own transaction.
  const holds = await db().$queryRaw<Array<{ id: string }>>`SELECT id FROM "Order" WHERE "distributionId" = ${distributionId} AND status = 'AWAITING_PAYMENT'`;
  let holdsReleased = 0;
  for (const hold of holds) if (await db().$transaction((tx) => releaseHold(tx, hold.id, "EXPIRED", now))) holdsReleased += 1;
  if (holdsReleased > 0) forgetDistributionOffers(distributionId);

  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Distribution" WHERE id = ${distributionId} FOR UPDATE`;
    const [closed] = await tx.$queryRaw<Array<{ closedAt: Date }>>`SELECT "closedAt" FROM "DistributionClose" WHERE "distributionId" = ${distributionId}`;
    let weighedRefunds = 0;
    let transfers = 0;
    if (!closed) {
      const input = await readCloseInput(tx, distributionId, { lock: true });
      weighedRefunds = await refundWeighedLighter(tx, input);
      const shares = distributionShares({ ...(weighedRefunds > 0 ? await readCloseInput(tx, distributionId, { lock: false }) : input), commissionBp: env().PLATFORM_COMMISSION_BP });
      transfers = await writeTransfers(tx, distributionId, shares);
      await tx.$executeRaw`INSERT INTO "DistributionClose" ("distributionId", "closedAt") VALUES (${distributionId}, ${now}) ON CONFLICT DO NOTHING`;
    }
    await addSendJobs(tx, distributionId, now);
    return { kind: "closed", holdsReleased, weighedRefunds, transfers, alreadyClosed: Boolean(closed) };
  });
}

export type CloseInput = { lines: CloseLine[]; refunds: CloseRefund[]; payments: Array<ClosePayment & { orderStatus: string; leftCents: number }> };

/**
 * Every card-paid order of the distribution (a payment that succeeded, whatever the order became:
 * a cancelled one counts with its full refund, its fee the platform's), their lines and refunds.
 * `lock` takes the payments' rows (in id order) so that no refund is decided meanwhile.
 */
export async function readCloseInput(tx: DbOrTx, distributionId: string, options: { lock: boolean }): Promise<CloseInput> {
  const payments = options.lock
    ? await tx.$queryRaw<CloseInput["payments"]>`
        SELECT cp."orderId", cp."amountCents", cp."feeCents", o.status::text AS "orderStatus", (cp."amountCents" - cp."refundedCents") AS "leftCents"
        FROM "CardPayment" cp JOIN "Order" o ON o.id = cp."orderId"
        WHERE o."distributionId" = ${distributionId} AND cp.status = 'SUCCEEDED'
        ORDER BY cp.id
        FOR UPDATE OF cp`
    : await tx.$queryRaw<CloseInput["payments"]>`
        SELECT cp."orderId", cp."amountCents", cp."feeCents", o.status::text AS "orderStatus", (cp."amountCents" - cp."refundedCents") AS "leftCents"
        FROM "CardPayment" cp JOIN "Order" o ON o.id = cp."orderId"
        WHERE o."distributionId" = ${distributionId} AND cp.status = 'SUCCEEDED'
        ORDER BY cp.id`;
  const [lines, refunds] = await Promise.all([
    tx.$queryRaw<CloseLine[]>`
      SELECT ol.id, ol."orderId", ol."producerId", ol.quantity, ol."unitPriceCents", ol."capCents", ol."finalCents"
      FROM "OrderLine" ol JOIN "Order" o ON o.id = ol."orderId" JOIN "CardPayment" cp ON cp."orderId" = o.id
      WHERE o."distributionId" = ${distributionId} AND cp.status = 'SUCCEEDED'
      ORDER BY ol."orderId", ol.id`,
    tx.$queryRaw<CloseRefund[]>`
      SELECT r."orderId", r."producerId", r."amountCents", r.reason::text AS reason, r.status::text AS status, r."orderLineId"
      FROM "Refund" r JOIN "Order" o ON o.id = r."orderId"
      WHERE o."distributionId" = ${distributionId}
      ORDER BY r.number`,
  ]);
  return { payments, lines, refunds };
}

/** (b) One WEIGHED_LIGHTER refund per confirmed order with lighter lines, unless it already has one. */
async function refundWeighedLighter(tx: Tx, input: CloseInput): Promise<number> {
  const confirmed = new Map(input.payments.filter((payment) => payment.orderStatus === "CONFIRMED").map((payment) => [payment.orderId, payment]));
  // A weighed-lighter refund Stripe refused (FAILED) gave nothing back: it is asked again.
  const already = new Set(input.refunds.filter((refund) => refund.reason === "WEIGHED_LIGHTER" && refund.status !== "FAILED").map((refund) => refund.orderId));
  const lighter = weighedLighterRefunds(
    input.lines.filter((line) => confirmed.has(line.orderId)),
    input.refunds,
  );
  let made = 0;
  for (const [orderId, refund] of lighter) {
    if (already.has(orderId)) continue;
    // Never more than what the order still holds (a producer may have refunded the line already).
    const amount = Math.min(refund.amountCents, confirmed.get(orderId)!.leftCents);
    if (amount <= 0) continue;
    const producers = [...refund.byProducer.keys()];
    const requested = await requestRefund(tx, {
      orderId,
      amount,
      reason: "WEIGHED_LIGHTER",
      // One producer's lighter lines: theirs; several: the close attributes it by each one's lines.
      producerId: producers.length === 1 ? producers[0]! : null,
    });
    if (requested) made += 1;
  }
  return made;
}

/** (d) One row per producer with something to transfer; never a second one (unique distribution + producer). */
async function writeTransfers(tx: Tx, distributionId: string, shares: DistributionShares): Promise<number> {
  let written = 0;
  // Whether a share is HELD or PENDING is read from the producer's account: lock those rows first
  // (in id order), so an account.updated committing meanwhile is either seen here, or runs its
  // release of HELD shares after this close commits — never in between, leaving a share held.
  const producerIds = shares.producers.filter((producer) => producer.transferCents > 0).map((producer) => producer.producerId).sort();
  await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ANY(${producerIds}::text[]) ORDER BY id FOR SHARE`;
  for (const producer of shares.producers) {
    if (producer.transferCents <= 0) continue;
    const inserted = await tx.$executeRaw`
      INSERT INTO "ProducerTransfer" (id, "distributionId", "producerId", status, "chargedCents", "refundedCents", "commissionCents", "feeCents", "amountCents")
      SELECT ${randomUUID()}, ${distributionId}, ${producer.producerId},
             (CASE WHEN org."stripeTransfersEnabled" AND org."stripeAccountId" IS NOT NULL THEN 'PENDING' ELSE 'HELD' END)::"ProducerTransferStatus",
             ${producer.chargedCents}, ${producer.refundedCents}, ${producer.commissionCents}, ${producer.feeCents}, ${producer.transferCents}
      FROM "Organisation" org WHERE org.id = ${producer.producerId}
      ON CONFLICT ("distributionId", "producerId") DO NOTHING`;
    written += inserted;
  }
  return written;
}

/**
 * A send job for each PENDING transfer of the distribution not sent yet, to start once the
 * distribution's last charge is available in the platform's balance (§6: a transfer draws on it).
 */
async function addSendJobs(tx: Tx, distributionId: string, now: Date): Promise<void> {
  const pending = await tx.$queryRaw<Array<{ id: string; availableOn: Date | null }>>`
    SELECT t.id,
           (SELECT max(cp."availableOn") FROM "CardPayment" cp JOIN "Order" o ON o.id = cp."orderId"
             WHERE o."distributionId" = ${distributionId} AND cp.status = 'SUCCEEDED') AS "availableOn"
    FROM "ProducerTransfer" t
    WHERE t."distributionId" = ${distributionId} AND t.status = 'PENDING' AND t."stripeTransferId" IS NULL`;
  for (const transfer of pending) {
    const startAfter = transfer.availableOn && transfer.availableOn > now ? transfer.availableOn : undefined;
    await addJob(tx, "payments.send-transfer", { transferId: transfer.id }, { singletonKey: `transfer-${transfer.id}`, ...(startAfter ? { startAfter } : {}) });
  }
}

/**
 * The periodic sweep (SCHEDULES in app/infra/jobs.server.ts): one close job for each distribution
 * whose money is final, with a card payment that succeeded, not closed yet, and no close job
 * already waiting or running for it, however many ticks find it.
 */
export async function sweepDistributionsToClose(now: Date): Promise<number> {
  return db().$transaction(async (tx) => {
    const due = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT d.id FROM "Distribution" d
      WHERE d."endsAt" <= ${new Date(now.getTime() - MONEY_FINAL_AFTER_END_HOURS * HOUR_MS)}
        AND NOT EXISTS (SELECT 1 FROM "DistributionClose" c WHERE c."distributionId" = d.id)
        AND EXISTS (SELECT 1 FROM "Order" o JOIN "CardPayment" cp ON cp."orderId" = o.id WHERE o."distributionId" = d.id AND cp.status = 'SUCCEEDED')
        -- One close job waiting, retrying or running is enough (a singleton key alone does not dedupe on a standard queue).
        AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = 'payments.close-distribution' AND j.data->>'distributionId' = d.id AND j.state IN ('created', 'retry', 'active'))`;
    for (const distribution of due) await addJob(tx, "payments.close-distribution", { distributionId: distribution.id }, { singletonKey: `close-${distribution.id}` });
    return due.length;
  });
}
