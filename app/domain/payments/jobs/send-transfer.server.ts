import Stripe from "stripe";
import { db } from "~/db.server";
import { stripeIdempotencyKey, transferGroup } from "~/domain/payments/money-model";
import { formatParis } from "~/domain/time/paris";
import { now as clockNow } from "~/http/clock.server";
import { addJob, addJobs } from "~/infra/jobs.server";
import { stripeClient } from "~/infra/stripe.server";

/**
 * Job of the queue `payments.send-transfer` (decisions 027 §6, 028): sends one producer's transfer
 * of a distribution, or one reversal of it, to Stripe, and records Stripe's id.
 *
 * Jobs run at least once — a worker may die after Stripe made the transfer and before our row says
 * so — so each call carries the key derived from our ids (`tm-transfer-<distribution>-<producer>`,
 * `tm-reversal-<refund>-<producer>`): a retry within 24 hours gets Stripe's first answer back. Past
 * 24 hours Stripe forgets the key, and a retry may come that late (pg-boss's backoff), so before
 * writing, the distribution's transfer group (or the transfer's reversals) is searched for the one
 * carrying our id in its metadata — one read, cheaper than knowing when the first try was.
 *
 * A transfer waits until the distribution's last charge is available in the platform's balance
 * (it draws on it, §6): before that, the job adds itself again for that instant; and while the
 * available balance is short of it, the job fails and pg-boss runs it again later (as for the
 * network or a 5xx). An account that can no longer receive transfers has its share HELD again.
 */
export async function sendTransferJob(data: { transferId?: string; reversalId?: string }, now: Date = clockNow()): Promise<void> {
  if (data.transferId) await sendTransfer(data.transferId, now);
  if (data.reversalId) await sendReversal(data.reversalId, now);
}

async function sendTransfer(transferId: string, now: Date): Promise<void> {
  const [transfer] = await db().$queryRaw<
    Array<{ id: string; distributionId: string; producerId: string; status: string; amountCents: number; stripeTransferId: string | null; createdAt: Date; stripeAccountId: string | null; startsAt: Date; pointName: string; availableOn: Date | null }>
  >`
    SELECT t.id, t."distributionId", t."producerId", t.status::text AS status, t."amountCents", t."stripeTransferId", t."createdAt",
           org."stripeAccountId", d."startsAt", pp.name AS "pointName",
           (SELECT max(cp."availableOn") FROM "CardPayment" cp JOIN "Order" o ON o.id = cp."orderId"
             WHERE o."distributionId" = t."distributionId" AND cp.status = 'SUCCEEDED') AS "availableOn"
    FROM "ProducerTransfer" t
    JOIN "Organisation" org ON org.id = t."producerId"
    JOIN "Distribution" d ON d.id = t."distributionId"
    JOIN "PickupPoint" pp ON pp.id = d."pickupPointId"
    WHERE t.id = ${transferId}`;
  // Sent already, or held until the producer's account can receive it (its own job comes then).
  if (!transfer || transfer.stripeTransferId || transfer.status !== "PENDING") return;
  if (!transfer.stripeAccountId) throw new Error(`virement ${transfer.id} : le producteur ${transfer.producerId} n'a pas de compte Stripe`);
  if (transfer.availableOn && transfer.availableOn > now) {
    await db().$transaction((tx) => addJob(tx, "payments.send-transfer", { transferId: transfer.id }, { startAfter: transfer.availableOn!, singletonKey: `transfer-${transfer.id}-${transfer.availableOn!.getTime()}` }));
    return;
  }

  const stripe = stripeClient();
  const group = transferGroup(transfer.distributionId);
  let sent = await findOurTransfer(stripe, group, transfer.id);
  if (!sent) {
    // A transfer draws on the platform's available balance. Stripe keeps a refusal under its key for
    // 24 hours, so a transfer tried while the balance is short would be refused for a day: look first,
    // and let pg-boss try again later (the admin sees the job waiting).
    const balance = await stripe.balance.retrieve();
    const available = balance.available.filter((funds) => funds.currency === "eur").reduce((sum, funds) => sum + funds.amount, 0);
    if (available < transfer.amountCents) throw new Error(`virement ${transfer.id} : solde disponible insuffisant (${available} < ${transfer.amountCents} centimes), nouvel essai plus tard`);
    try {
      sent = await stripe.transfers.create(
        {
          amount: transfer.amountCents,
          currency: "eur",
          destination: transfer.stripeAccountId,
          transfer_group: group,
          description: `Vente du ${formatParis(transfer.startsAt, "fr", "d MMMM yyyy")} — ${transfer.pointName}`,
          metadata: { transferId: transfer.id, distributionId: transfer.distributionId, producerId: transfer.producerId },
        },
        { idempotencyKey: stripeIdempotencyKey.transfer(transfer.distributionId, transfer.producerId) },
      );
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "insufficient_capabilities_for_transfer") {
        // The account can no longer receive transfers: the share is held again, and goes once account.updated says it can.
        console.warn(`[virements] le compte Stripe du producteur ${transfer.producerId} ne peut pas recevoir le virement ${transfer.id} : part mise en attente`);
        await db().$executeRaw`UPDATE "ProducerTransfer" SET status = 'HELD' WHERE id = ${transfer.id} AND status = 'PENDING' AND "stripeTransferId" IS NULL`;
        return;
      }
      throw error;
    }
  }
  const stripeTransferId = sent.id;
  await db().$transaction(async (tx) => {
    const marked = await tx.$executeRaw`
      UPDATE "ProducerTransfer" SET status = 'SENT', "stripeTransferId" = ${stripeTransferId}, "sentAt" = ${now}
      WHERE id = ${transfer.id} AND "stripeTransferId" IS NULL`;
    if (marked === 0) return;
    // Reversals decided while the transfer was waiting go out now that there is a transfer to reverse.
    const waiting = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "TransferReversal" WHERE "transferId" = ${transfer.id} AND "stripeReversalId" IS NULL`;
    await addJobs(tx, waiting.map((reversal) => ({ name: "payments.send-transfer", data: { reversalId: reversal.id }, singletonKey: `reversal-${reversal.id}` })));
  });
}

async function sendReversal(reversalId: string, now: Date): Promise<void> {
  const [reversal] = await db().$queryRaw<Array<{ id: string; refundId: string; amountCents: number; stripeReversalId: string | null; createdAt: Date; producerId: string; stripeTransferId: string | null }>>`
    SELECT r.id, r."refundId", r."amountCents", r."stripeReversalId", r."createdAt", t."producerId", t."stripeTransferId"
    FROM "TransferReversal" r JOIN "ProducerTransfer" t ON t.id = r."transferId" JOIN "Refund" rf ON rf.id = r."refundId"
    WHERE r.id = ${reversalId} AND rf.status <> 'FAILED'`;
  // Done already; or its transfer is not sent yet: the transfer's job adds this one once it is; or its
  // refund was refused (FAILED, the reversal cancelled with it: markRefundFailed).
  if (!reversal || reversal.stripeReversalId || !reversal.stripeTransferId) return;

  const stripe = stripeClient();
  let sent = await findOurReversal(stripe, reversal.stripeTransferId, reversal.id);
  sent ??= await stripe.transfers.createReversal(
    reversal.stripeTransferId,
    { amount: reversal.amountCents, metadata: { reversalId: reversal.id, refundId: reversal.refundId } },
    { idempotencyKey: stripeIdempotencyKey.reversal(reversal.refundId, reversal.producerId) },
  );
  await markReversalSent(reversal.id, sent.id, now);
}

/** Records Stripe's id of a reversal once (the job, or the transfer.reversed event, whichever comes first). */
export async function markReversalSent(reversalId: string, stripeReversalId: string, now: Date): Promise<void> {
  await db().$executeRaw`
    UPDATE "TransferReversal" SET "stripeReversalId" = ${stripeReversalId}, "sentAt" = ${now}
    WHERE id = ${reversalId} AND "stripeReversalId" IS NULL`;
}

/** Our transfer at Stripe, found by the id we put in its metadata (a retry past the key's 24 hours). */
async function findOurTransfer(stripe: Stripe, group: string, transferId: string): Promise<Stripe.Transfer | null> {
  for await (const candidate of stripe.transfers.list({ transfer_group: group, limit: 100 })) {
    if (candidate.metadata?.transferId === transferId) return candidate;
  }
  return null;
}

/**
 * Our reversal at Stripe, by the id in its metadata: the transfer's reversals listed page by page
 * (a retrieved transfer embeds only its 10 newest: past them, ours was not found and made again).
 */
async function findOurReversal(stripe: Stripe, stripeTransferId: string, reversalId: string): Promise<Stripe.TransferReversal | null> {
  for await (const candidate of stripe.transfers.listReversals(stripeTransferId, { limit: 100 })) {
    if (candidate.metadata?.reversalId === reversalId) return candidate;
  }
  return null;
}
