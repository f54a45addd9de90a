import type Stripe from "stripe";
import { db, readRows, type Tx } from "~/db.server";
import { connectAccountState, STRIPE_ACCOUNT_STATES, type StripeAccountState } from "~/domain/payments/connect-account-state";
import { stripeIdempotencyKey } from "~/domain/payments/money-model";
import { addJobs } from "~/infra/jobs.server";
import { stripeClient } from "~/infra/stripe.server";

/*
 * A producer's Stripe Connect account (decision 027 §8): the onboarding link from their space, the
 * state Stripe reports (account.updated, or our read on the return page), and the release of the
 * shares held while they were not connected.
 */

export type ConnectAccount = {
  accountId: string | null;
  state: StripeAccountState;
  transfersEnabled: boolean;
  /** Shares computed at a close and kept for them (ProducerTransfer HELD): « en attente de votre compte Stripe ». */
  heldCents: number;
  heldTransfers: number;
};

/** The producer's account and what waits for it, in one statement. */
export async function readConnectAccount(producerId: string): Promise<ConnectAccount> {
  const [row] = await readRows<{ accountId: string | null; state: StripeAccountState; transfersEnabled: boolean; heldCents: number; heldTransfers: number }>(
    `SELECT o."stripeAccountId" AS "accountId", o."stripeAccountState"::text AS state, o."stripeTransfersEnabled" AS "transfersEnabled",
            COALESCE(sum(t."amountCents" - t."reversedCents"), 0)::int AS "heldCents", count(t.id)::int AS "heldTransfers"
     FROM "Organisation" o
     LEFT JOIN "ProducerTransfer" t ON t."producerId" = o.id AND t.status = 'HELD'
     WHERE o.id = $1
     GROUP BY o.id`,
    [producerId],
  );
  if (!row) throw new Error(`organisation inconnue : ${producerId}`);
  return row;
}

/**
 * « Connecter mon compte Stripe »: the producer's Express account, made once — the key
 * `tm-account-<organisationId>` makes two clicks (or two servers) one account at Stripe, and the id
 * is stored only where none is — then a fresh onboarding link (links are single-use and short-lived,
 * so one is made per click). Returns the link's URL to redirect to.
 */
export async function startOnboarding(input: { producerId: string; returnUrl: string; refreshUrl: string }): Promise<string> {
  const stripe = stripeClient();
  let accountId = (await readConnectAccount(input.producerId)).accountId;
  if (!accountId) {
    const account = await stripe.accounts.create(
      { type: "express", country: "FR", capabilities: { transfers: { requested: true } }, metadata: { organisationId: input.producerId } },
      { idempotencyKey: stripeIdempotencyKey.account(input.producerId) },
    );
    // Only where none is stored: a second click that raced this one got the same account (same key).
    await db().$executeRaw`
      UPDATE "Organisation" SET "stripeAccountId" = ${account.id}, "stripeAccountState" = 'DETAILS_MISSING'
      WHERE id = ${input.producerId} AND "stripeAccountId" IS NULL`;
    accountId = (await readConnectAccount(input.producerId)).accountId ?? account.id;
  }
  const link = await stripe.accountLinks.create({ account: accountId, type: "account_onboarding", refresh_url: input.refreshUrl, return_url: input.returnUrl });
  return link.url;
}

/** The return page: asks Stripe for the account and applies what it says, as an event would. */
export async function refreshConnectAccount(producerId: string, now: Date): Promise<ConnectAccount> {
  const { accountId } = await readConnectAccount(producerId);
  if (accountId) {
    const account = await stripeClient().accounts.retrieve(accountId);
    await db().$transaction((tx) => applyAccountUpdate(tx, { accountId, account, at: now }));
  }
  return readConnectAccount(producerId);
}

export type AccountUpdate = { organisationId: string; state: StripeAccountState; transfersEnabled: boolean; releasedTransferIds: string[] };

/**
 * What Stripe says of a connected account, applied in the caller's transaction (the webhook's, with
 * its event row). News older than what was applied changes nothing (`at` is the event's time; at the
 * same second the more advanced state wins), so events out of order end in the right state. When
 * the account can receive transfers, the shares held for it are released.
 * Returns null when no organisation has this account.
 */
export async function applyAccountUpdate(
  tx: Tx,
  update: { accountId: string; account: Pick<Stripe.Account, "details_submitted" | "capabilities" | "requirements"> | Record<string, unknown>; at: Date },
): Promise<AccountUpdate | null> {
  const { state, transfersEnabled } = connectAccountState(update.account);
  const rank = STRIPE_ACCOUNT_STATES.indexOf(state);
  const rows = await tx.$queryRaw<Array<{ id: string; state: StripeAccountState; transfersEnabled: boolean }>>`
    UPDATE "Organisation" o
    SET "stripeAccountState" = ${state}::"StripeAccountState", "stripeTransfersEnabled" = ${transfersEnabled}, "stripeAccountCheckedAt" = ${update.at}
    WHERE o."stripeAccountId" = ${update.accountId}
      AND (o."stripeAccountCheckedAt" IS NULL OR o."stripeAccountCheckedAt" < ${update.at}
           OR (o."stripeAccountCheckedAt" = ${update.at} AND array_position(enum_range(NULL::"StripeAccountState"), o."stripeAccountState") <= ${rank + 1}))
    RETURNING o.id, o."stripeAccountState"::text AS state, o."stripeTransfersEnabled" AS "transfersEnabled"`;
  const applied = rows[0];
  if (!applied) {
    const known = await tx.$queryRaw<Array<{ id: string; state: StripeAccountState; transfersEnabled: boolean }>>`
      SELECT id, "stripeAccountState"::text AS state, "stripeTransfersEnabled" AS "transfersEnabled" FROM "Organisation" WHERE "stripeAccountId" = ${update.accountId}`;
    if (!known[0]) return null;
    return { organisationId: known[0].id, state: known[0].state, transfersEnabled: known[0].transfersEnabled, releasedTransferIds: [] };
  }
  const releasedTransferIds = applied.transfersEnabled ? await releaseHeldTransfers(tx, applied.id) : [];
  return { organisationId: applied.id, state: applied.state, transfersEnabled: applied.transfersEnabled, releasedTransferIds };
}

/**
 * Every share held for a producer whose account can now receive transfers goes to PENDING in ONE
 * conditional statement (only rows still HELD: a replayed event or a second connection finds none),
 * and ONE insert adds their send jobs, in the caller's transaction. The send job's idempotency key
 * (`tm-transfer-<distributionId>-<producerId>`) makes each transfer once at Stripe whatever the retries.
 */
export async function releaseHeldTransfers(tx: Tx, producerId: string): Promise<string[]> {
  const released = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE "ProducerTransfer" t SET status = 'PENDING'
    WHERE t."producerId" = ${producerId} AND t.status = 'HELD'
      AND EXISTS (SELECT 1 FROM "Organisation" o WHERE o.id = t."producerId" AND o."stripeTransfersEnabled" AND o."stripeAccountId" IS NOT NULL)
    RETURNING t.id`;
  const ids = released.map((row) => row.id).sort();
  await addJobs(
    tx,
    ids.map((transferId) => ({ name: "payments.send-transfer", data: { transferId }, singletonKey: `transfer-${transferId}` })),
  );
  return ids;
}
