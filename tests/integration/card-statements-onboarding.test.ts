import { randomUUID } from "node:crypto";
import { afterAll, expect, test } from "vitest";
import { db } from "~/db.server";
import { sendTransferJob } from "~/domain/payments/jobs/send-transfer.server";
import { action as paymentsAction, loader as paymentsLoader } from "~/routes/producteur.paiements";
import { action as webhook } from "~/routes/webhooks.stripe";
import { createDistribution, createProducerUser } from "../factories";
import { startStripeDouble, type StripeEventObject } from "../stripe-double/stripe-double";

/*
 * A producer connects their Stripe account (decision 027 §8), through the page's action and the
 * webhook's, with the real SDK talking to the local Stripe double. Issue 11's closing note cites:
 * « two clicks → one account », « onboarding completed → ready », « held transfers released once ».
 */

const SECRET = "whsec_cardstatementsonboarding0123456789";
const double = await startStripeDouble();
process.env.STRIPE_SECRET_KEY = "sk_test_cardstatementsonboarding";
process.env.STRIPE_WEBHOOK_SECRET = SECRET;
process.env.STRIPE_API_BASE = double.url;
afterAll(() => double.close());

function connectRequest(cookie: string): Request {
  return new Request("http://localhost/producteur/paiements", {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
    body: new URLSearchParams({ intent: "connect" }).toString(),
  });
}

/** The action's answer as the browser gets it: a redirect, or a page answer with its status (Remix's `data()`). */
async function pressConnect(cookie: string): Promise<Response> {
  const answer = await paymentsAction({ request: connectRequest(cookie), params: {}, context: {} });
  if (answer instanceof Response) return answer;
  const { data, init } = answer as unknown as { data: unknown; init: ResponseInit | null };
  return Response.json(data, init ?? {});
}

async function readPage(cookie: string, query = "") {
  return (await paymentsLoader({ request: new Request(`http://localhost/producteur/paiements${query}`, { headers: { cookie } }), params: {}, context: {} })) as {
    enabled: true;
    account: { accountId: string | null; state: string; transfersEnabled: boolean; heldCents: number; heldTransfers: number };
  };
}

async function deliver(event: StripeEventObject): Promise<{ status: number; body: Record<string, unknown> }> {
  const { payload, signature } = double.signedDelivery(event, SECRET);
  const response = (await webhook({ request: new Request("http://localhost/webhooks/stripe", { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body: payload }), params: {}, context: {} })) as Response;
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A share computed at a close while the producer had no account able to receive it. */
async function heldTransfer(producerId: string, amountCents: number) {
  const distribution = await createDistribution({ startsAt: new Date(Date.now() - 5 * 86_400_000), cutoffAt: new Date(Date.now() - 6 * 86_400_000), opensAt: new Date(Date.now() - 12 * 86_400_000) });
  const id = randomUUID();
  await db().producerTransfer.create({
    data: { id, distributionId: distribution.id, producerId, status: "HELD", chargedCents: amountCents + 100, refundedCents: 0, commissionCents: 0, feeCents: 100, amountCents },
  });
  return id;
}

async function sendJobsFor(transferIds: string[]) {
  const rows = await db().$queryRaw<Array<{ transferId: string; n: bigint }>>`
    SELECT data->>'transferId' AS "transferId", count(*) AS n FROM pgboss.job
    WHERE name = 'payments.send-transfer' AND data->>'transferId' = ANY(${transferIds}) GROUP BY 1`;
  return Object.fromEntries(rows.map((row) => [row.transferId, Number(row.n)]));
}

test("two clicks on « Connecter mon compte Stripe » make one Express account at Stripe, stored once, and each click opens Stripe's onboarding for it", async () => {
  const producer = await createProducerUser();
  expect((await readPage(producer.cookie)).account).toMatchObject({ accountId: null, state: "NOT_STARTED" });

  const [first, second] = await Promise.all([pressConnect(producer.cookie), pressConnect(producer.cookie)]);
  const created = double.requestsTo("POST", "/v1/accounts").filter((request) => request.idempotencyKey === `tm-account-${producer.producerId}`);
  expect(created.filter((request) => !request.replayed && request.status === 200)).toHaveLength(1);
  const accounts = [...double.accounts.values()].filter((account) => (account.metadata as Record<string, string>).organisationId === producer.producerId);
  expect(accounts).toHaveLength(1);
  const account = accounts[0]!;
  expect(account).toMatchObject({ type: "express", country: "FR", capabilities: { transfers: "inactive" } });

  for (const answer of [first!, second!]) {
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toContain(`/setup/e/${account.id}/`);
  }
  const links = double.requestsTo("POST", "/v1/account_links").filter((request) => request.params.account === account.id);
  expect(links).toHaveLength(2);
  expect(links[0]!.params).toMatchObject({ type: "account_onboarding", return_url: expect.stringMatching(/\/producteur\/paiements\?retour=1$/), refresh_url: expect.stringMatching(/\/producteur\/paiements\?relancer=1$/) });

  const page = await readPage(producer.cookie);
  expect(page.account).toMatchObject({ accountId: account.id, state: "DETAILS_MISSING", transfersEnabled: false });

  // A third click, days later: the stored account is reused, Stripe is not asked to create one.
  const before = double.requestsTo("POST", "/v1/accounts").length;
  expect((await pressConnect(producer.cookie)).status).toBe(302);
  expect(double.requestsTo("POST", "/v1/accounts").length).toBe(before);
});

test("onboarding completed at Stripe → account.updated → the account reads ready, and every held share of that producer goes out once with one send job each, however many times the event is delivered", async () => {
  const producer = await createProducerUser();
  const other = await createProducerUser();
  await pressConnect(producer.cookie);
  const accountId = (await readPage(producer.cookie)).account.accountId!;
  const held = [await heldTransfer(producer.producerId, 4_210), await heldTransfer(producer.producerId, 1_875)];
  const othersHeld = await heldTransfer(other.producerId, 999);
  expect((await readPage(producer.cookie)).account).toMatchObject({ heldCents: 6_085, heldTransfers: 2 });

  const [event] = double.completeOnboarding(accountId);
  const answers = await Promise.all(Array.from({ length: 5 }, () => deliver(event!)));
  expect(answers.every((answer) => answer.status === 200)).toBe(true);
  expect(answers.filter((answer) => answer.body.effect === "account_state")).toHaveLength(1);

  const page = await readPage(producer.cookie);
  expect(page.account).toMatchObject({ state: "READY", transfersEnabled: true, heldCents: 0, heldTransfers: 0 });
  const transfers = await db().producerTransfer.findMany({ where: { id: { in: [...held, othersHeld] } }, select: { id: true, status: true } });
  expect(Object.fromEntries(transfers.map((transfer) => [transfer.id, transfer.status]))).toEqual({ [held[0]!]: "PENDING", [held[1]!]: "PENDING", [othersHeld]: "HELD" });
  expect(await sendJobsFor([...held, othersHeld])).toEqual({ [held[0]!]: 1, [held[1]!]: 1 });

  // The send jobs run (twice each, as a retry would): Stripe sees one transfer per held share, to this account.
  for (const transferId of [...held, ...held]) await sendTransferJob({ transferId });
  const madeAtStripe = [...double.transfers.values()].filter((transfer) => transfer.destination === accountId);
  expect(madeAtStripe.map((transfer) => Number(transfer.amount)).sort((a, b) => a - b)).toEqual([1_875, 4_210]);
  expect((await db().producerTransfer.findMany({ where: { id: { in: held } }, select: { status: true } })).map((transfer) => transfer.status)).toEqual(["SENT", "SENT"]);

  // Back from Stripe after the webhook: the page asks Stripe, finds it ready, releases nothing more.
  const returned = await readPage(producer.cookie, "?retour=1");
  expect(returned.account.state).toBe("READY");
  expect(double.requestsTo("GET", `/v1/accounts/${accountId}`).length).toBeGreaterThanOrEqual(1);
  expect(await sendJobsFor(held)).toEqual({ [held[0]!]: 1, [held[1]!]: 1 });
});

test("back from Stripe before the webhook: the return page asks Stripe, shows ready and releases the held shares; the late event then changes nothing", async () => {
  const producer = await createProducerUser();
  await pressConnect(producer.cookie);
  const accountId = (await readPage(producer.cookie)).account.accountId!;
  const held = await heldTransfer(producer.producerId, 2_500);
  const [event] = double.completeOnboarding(accountId);

  const returned = await readPage(producer.cookie, "?retour=1");
  expect(returned.account).toMatchObject({ state: "READY", transfersEnabled: true, heldCents: 0 });
  expect(await sendJobsFor([held])).toEqual({ [held]: 1 });

  expect((await deliver(event!)).status).toBe(200);
  expect(await sendJobsFor([held])).toEqual({ [held]: 1 });
  expect((await db().producerTransfer.findUniqueOrThrow({ where: { id: held } })).status).toBe("PENDING");
});

test("account.updated events out of order: an older « details missing » delivered after « ready » leaves the account ready", async () => {
  const producer = await createProducerUser();
  await pressConnect(producer.cookie);
  const accountId = (await readPage(producer.cookie)).account.accountId!;
  const snapshot = structuredClone(double.accounts.get(accountId)!);
  const [ready] = double.completeOnboarding(accountId);
  const older = double.event("account.updated", snapshot, { account: accountId });
  older.created = ready!.created - 30;

  expect((await deliver(ready!)).status).toBe(200);
  expect((await deliver(older)).status).toBe(200);
  expect((await readPage(producer.cookie)).account).toMatchObject({ state: "READY", transfersEnabled: true });

  // And the other way round: the newer one wins when it comes last too.
  const producer2 = await createProducerUser();
  await pressConnect(producer2.cookie);
  const accountId2 = (await readPage(producer2.cookie)).account.accountId!;
  const missing = double.event("account.updated", structuredClone(double.accounts.get(accountId2)!), { account: accountId2 });
  missing.created -= 30;
  const [ready2] = double.completeOnboarding(accountId2);
  expect((await deliver(missing)).status).toBe(200);
  expect((await readPage(producer2.cookie)).account.state).toBe("DETAILS_MISSING");
  expect((await deliver(ready2!)).status).toBe(200);
  expect((await readPage(producer2.cookie)).account.state).toBe("READY");
});

test("an account.updated of an account no producer holds changes nothing and is answered 200", async () => {
  const stranger = [...double.accounts.values()][0]!;
  const event = double.event("account.updated", { ...structuredClone(stranger), id: "acct_nobodyhere" }, { account: "acct_nobodyhere" });
  const answer = await deliver(event);
  expect(answer).toMatchObject({ status: 200, body: { effect: "none" } });
});

test("Stripe not answering when « Connecter mon compte Stripe » is pressed: the producer is told to retry, and the retry makes no second account", async () => {
  const producer = await createProducerUser();
  // The account is made at Stripe but every answer is lost (the SDK's two retries too).
  double.dropNextResponses(3, { method: "POST", path: "/v1/accounts" });
  const refused = await pressConnect(producer.cookie);
  expect(refused.status).toBe(502);
  expect(JSON.stringify(await refused.json())).toContain("Stripe ne répond pas pour le moment");
  expect((await readPage(producer.cookie)).account.accountId).toBeNull();

  const retried = await pressConnect(producer.cookie);
  expect(retried.status).toBe(302);
  const accounts = [...double.accounts.values()].filter((account) => (account.metadata as Record<string, string>).organisationId === producer.producerId);
  expect(accounts).toHaveLength(1);
  expect((await readPage(producer.cookie)).account.accountId).toBe(accounts[0]!.id);
});

test("back from Stripe while Stripe does not answer: the page shows the state we have and says to retry, instead of an error page", async () => {
  const producer = await createProducerUser();
  await pressConnect(producer.cookie);
  const accountId = (await readPage(producer.cookie)).account.accountId!;
  double.dropNextResponses(3, { method: "GET", path: `/v1/accounts/${accountId}` });
  const page = (await readPage(producer.cookie, "?retour=1")) as Awaited<ReturnType<typeof readPage>> & { stripeDown: boolean; returned: boolean };
  expect(page).toMatchObject({ stripeDown: true, returned: false, account: { accountId, state: "DETAILS_MISSING" } });
});
