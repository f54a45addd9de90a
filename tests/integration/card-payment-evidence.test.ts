import Stripe from "stripe";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { requestRefund } from "~/domain/payments/request-refund.server";
import { confirmationEmails, cardPaymentOf, deliver, placeCardOrder, startCardCheckout } from "../card-checkout-harness";
import { createDistribution, createOffer, createUser } from "../factories";

/*
 * Review of issue 11: a success event confirms a card order only when the money Stripe took is the
 * order's — its amount, in euros, by its own Checkout Session (or the PaymentIntent already known
 * for it). A signed event of another payment that names the order in its metadata (another
 * integration on the account, a payment link made by hand, a session of another order) confirms
 * nothing, and the order's own payment still confirms it afterwards.
 */
const double = await startCardCheckout();
const stripe = new Stripe("sk_test_cardcheckout", { host: new URL(double.url).hostname, port: Number(new URL(double.url).port), protocol: "http" });

async function waitingOrder() {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, priceCents: 1_250, stock: 10 });
  const customer = await createUser();
  const order = await placeCardOrder({ distributionId: distribution.id, customer, lines: [{ offerId: offer.id, quantity: 2 }] });
  return { order, customer, distribution };
}

async function stateOf(orderId: string) {
  const order = await db().order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, cardPayment: { select: { status: true, paymentIntentId: true } } } });
  return { status: order.status, payment: order.cardPayment?.status, paymentIntentId: order.cardPayment?.paymentIntentId };
}

/** A PaymentIntent made on the account outside our checkout, naming our order, then paid. */
async function foreignPayment(fields: { orderId: string; amount: number; currency: string; transferGroup?: string }) {
  const intent = await stripe.paymentIntents.create({ amount: fields.amount, currency: fields.currency, metadata: { orderId: fields.orderId }, ...(fields.transferGroup ? { transfer_group: fields.transferGroup } : {}) });
  return double.succeedPaymentIntent(intent.id).find((event) => event.type === "payment_intent.succeeded")!;
}

test("a payment_intent.succeeded naming our order for 1,00 € instead of its 25,00 € confirms nothing; the order's own payment confirms it", async () => {
  const { order, customer, distribution } = await waitingOrder();
  const forged = await foreignPayment({ orderId: order.id, amount: 100, currency: "eur", transferGroup: `distribution-${distribution.id}` });

  const answer = await deliver(double, forged);
  expect(answer.status).toBe(200);
  expect(answer.body.effect).toBe("mismatch");
  expect(await stateOf(order.id)).toEqual({ status: "AWAITING_PAYMENT", payment: "OPEN", paymentIntentId: null });
  expect(await confirmationEmails(customer.email)).toBe(0);

  const own = double.completeCheckoutSession((await cardPaymentOf(order.id)).checkoutSessionId!);
  const answers = [];
  for (const event of own.filter((candidate) => candidate.type !== "charge.succeeded")) answers.push(await deliver(double, event));
  expect(answers.map((delivered) => delivered.body.effect)).toContain("confirmed");
  const paid = await stateOf(order.id);
  expect(paid).toMatchObject({ status: "CONFIRMED", payment: "SUCCEEDED" });
  expect(paid.paymentIntentId).not.toBe(forged.data.object.id);
  expect(await confirmationEmails(customer.email)).toBe(1);
});

test("the order's amount in another currency (25,00 USD) confirms nothing", async () => {
  const { order, customer, distribution } = await waitingOrder();
  const forged = await foreignPayment({ orderId: order.id, amount: 2_500, currency: "usd", transferGroup: `distribution-${distribution.id}` });

  expect((await deliver(double, forged)).body.effect).toBe("mismatch");
  expect(await stateOf(order.id)).toEqual({ status: "AWAITING_PAYMENT", payment: "OPEN", paymentIntentId: null });
  expect(await confirmationEmails(customer.email)).toBe(0);
});

test("the order's exact amount paid outside its checkout (no transfer group of its distribution) confirms nothing", async () => {
  const { order, customer } = await waitingOrder();
  const forged = await foreignPayment({ orderId: order.id, amount: 2_500, currency: "eur" });

  expect((await deliver(double, forged)).body.effect).toBe("mismatch");
  expect(await stateOf(order.id)).toEqual({ status: "AWAITING_PAYMENT", payment: "OPEN", paymentIntentId: null });
  expect(await confirmationEmails(customer.email)).toBe(0);
});

test("another order's completed session, its metadata naming our order, confirms neither order", async () => {
  const ours = await waitingOrder();
  const other = await waitingOrder();
  const events = double.completeCheckoutSession((await cardPaymentOf(other.order.id)).checkoutSessionId!);
  const completed = events.find((event) => event.type === "checkout.session.completed")!;
  const renamed = double.event("checkout.session.completed", { ...completed.data.object, client_reference_id: ours.order.id, metadata: { orderId: ours.order.id } });

  expect((await deliver(double, renamed)).body.effect).toBe("mismatch");
  expect(await stateOf(ours.order.id)).toEqual({ status: "AWAITING_PAYMENT", payment: "OPEN", paymentIntentId: null });
  expect(await stateOf(other.order.id)).toMatchObject({ status: "AWAITING_PAYMENT", payment: "OPEN" });
  expect(await confirmationEmails(ours.customer.email)).toBe(0);
});

test("once paid, a second payment naming the order changes nothing of the payment recorded", async () => {
  const { order, distribution } = await waitingOrder();
  const own = double.completeCheckoutSession((await cardPaymentOf(order.id)).checkoutSessionId!);
  expect((await deliver(double, own.find((event) => event.type === "checkout.session.completed")!)).body.effect).toBe("confirmed");
  const ownIntent = own.find((event) => event.type === "payment_intent.succeeded")!;
  expect((await deliver(double, ownIntent)).body.effect).toBe("already");

  const second = await foreignPayment({ orderId: order.id, amount: 2_500, currency: "eur", transferGroup: `distribution-${distribution.id}` });
  expect((await deliver(double, second)).body.effect).toBe("mismatch");
  const payment = await cardPaymentOf(order.id);
  expect(payment.paymentIntentId).toBe(ownIntent.data.object.id);
  expect(payment.chargeId).toBe(ownIntent.data.object.latest_charge);
});

test("a success from a producer's connected account (Connect endpoint) confirms nothing: our charges are the platform's own", async () => {
  const { order, customer } = await waitingOrder();
  const events = double.completeCheckoutSession((await cardPaymentOf(order.id)).checkoutSessionId!);
  const onConnected = events
    .filter((event) => event.type === "payment_intent.succeeded" || event.type === "checkout.session.completed")
    .map((event) => double.event(event.type, event.data.object, { account: "acct_1ProducerOwnAccount" }));

  for (const event of onConnected) expect((await deliver(double, event)).body.effect).toBe("none");
  expect(await stateOf(order.id)).toEqual({ status: "AWAITING_PAYMENT", payment: "OPEN", paymentIntentId: null });
  expect(await confirmationEmails(customer.email)).toBe(0);
});

test("charge.refunded from a connected account, naming one of our refunds as failed, changes nothing of it", async () => {
  const { order } = await waitingOrder();
  const events = double.completeCheckoutSession((await cardPaymentOf(order.id)).checkoutSessionId!);
  for (const event of events.filter((one) => one.type === "checkout.session.completed")) await deliver(double, event);
  const refund = await db().$transaction((tx) => requestRefund(tx, { orderId: order.id, amount: 500, reason: "ADMIN_REFUND" }));
  const forged = double.event(
    "charge.refunded",
    { id: "ch_connected", object: "charge", amount: 500, amount_refunded: 500, refunds: { object: "list", data: [{ id: "re_connected", object: "refund", amount: 500, status: "failed", metadata: { refundId: refund!.id } }] } },
    { account: "acct_1ProducerOwnAccount" },
  );

  expect((await deliver(double, forged)).body.effect).toBe("none");
  expect(await db().refund.findUniqueOrThrow({ where: { id: refund!.id }, select: { status: true, stripeRefundId: true } })).toEqual({ status: "PENDING", stripeRefundId: null });
  expect((await cardPaymentOf(order.id)).refundedCents).toBe(500);
});
