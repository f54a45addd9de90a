import { afterAll, beforeAll, expect, test } from "vitest";
import { db } from "~/db.server";
import { cancelOrder } from "~/domain/ordering/cancel-order.server";
import { changeOrderLine } from "~/domain/ordering/change-order-line.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { sendRefundJob } from "~/domain/payments/jobs/send-refund.server";
import { domainErrorMessage } from "~/http/errors.server";
import { action as apiCancelAction } from "~/routes/api.v1.orders.$id.cancel";
import { action as webhookAction } from "~/routes/webhooks.stripe";
import { createDistribution, createOffer, createUser, offerStock, signedInCookie } from "../factories";
import { createCardPaidOrderAtDouble, pointStripeAt, refundsAtDouble, sendRefundsOf } from "../factories-card-refunds";
import { startStripeDouble, type StripeDouble } from "../stripe-double/stripe-double";

/*
 * Refunds of card-paid orders (issue 11, decision 027 §4): every way an order ends before pickup
 * refunds it once, a smaller order is refunded the difference, a bigger one refused; the refunds
 * reach the Stripe double through the real SDK, sent by the send-refund job's handler.
 */

let double: StripeDouble;
beforeAll(async () => {
  double = await startStripeDouble();
  pointStripeAt(double);
});
afterAll(() => double.close());

async function cardOrder(options: { quantity?: number; priceCents?: number; stock?: number } = {}) {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, priceCents: options.priceCents ?? 1_150, stock: options.stock ?? 20 });
  const customer = await createUser();
  const { order, payment } = await createCardPaidOrderAtDouble(double, { distributionId: distribution.id, customer, lines: [{ offerId: offer.id, quantity: options.quantity ?? 3 }] });
  return { distribution, offer, customer, order, payment, paymentIntentId: payment.paymentIntentId! };
}

async function emailsTo(email: string) {
  return db().outboxEmail.findMany({ where: { to: email }, select: { subject: true, text: true }, orderBy: { createdAt: "asc" } });
}

/** Intl writes a narrow no-break space before "€" and in "34,50 €": compared as plain spaces. */
function spaced(text: string | undefined): string {
  return (text ?? "").replace(/[\u00a0\u202f]/g, " ");
}

async function refundRows(orderId: string) {
  return db().refund.findMany({ where: { orderId }, select: { amountCents: true, reason: true, status: true, stripeRefundId: true }, orderBy: { number: "asc" } });
}

test("card refunds: the customer's cancel refunds a card-paid order once, in full; the double sees one refund and the email says what and when", async () => {
  const { offer, customer, order, paymentIntentId } = await cardOrder();
  await cancelOrder({ orderId: order.id, customer, now: new Date() });
  await expect(cancelOrder({ orderId: order.id, customer, now: new Date() })).rejects.toMatchObject({ code: "order_cancelled" });

  await sendRefundsOf(order.id);
  await sendRefundsOf(order.id);
  const atStripe = refundsAtDouble(double, paymentIntentId);
  expect(atStripe.map((refund) => [refund.amount, refund.reason])).toEqual([[3_450, "requested_by_customer"]]);
  const rows = await refundRows(order.id);
  expect(rows).toEqual([{ amountCents: 3_450, reason: "CUSTOMER_CANCELLED", status: "SUCCEEDED", stripeRefundId: atStripe[0]!.id }]);
  expect((await offerStock(offer.id)).remaining).toBe(20);

  const email = (await emailsTo(customer.email)).at(-1);
  expect(email?.subject).toContain("annulée");
  expect(spaced(email?.text)).toContain("Remboursement : 34,50 € sur votre carte, visible sous 5 à 10 jours.");
  expect(email?.text).not.toContain("rien à payer");
});

test("card refunds: an order paid at pickup is cancelled as before: no refund, and its email still says there is nothing to pay", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, priceCents: 500 });
  const customer = await createUser();
  const order = await placeOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 1 }], paymentMethod: "at_pickup", customer, now: new Date(), appUrl: "http://localhost" });
  await cancelOrder({ orderId: order.id, customer, now: new Date() });
  expect(await db().refund.count({ where: { orderId: order.id } })).toBe(0);
  const emails = await emailsTo(customer.email);
  expect(emails.at(-1)?.text).toContain("Vous n'avez rien à payer.");
  expect(emails.at(-1)?.text).not.toContain("Remboursement");
});

test("card refunds: removing the last line cancels the order and refunds it once", async () => {
  const { offer, customer, order, paymentIntentId } = await cardOrder({ quantity: 2 });
  await changeOrderLine({ orderId: order.id, offerId: offer.id, quantity: 0, customer, now: new Date() });
  await expect(changeOrderLine({ orderId: order.id, offerId: offer.id, quantity: 0, customer, now: new Date() })).rejects.toMatchObject({ code: "order_cancelled" });
  await sendRefundsOf(order.id);
  expect((await db().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CANCELLED");
  expect(refundsAtDouble(double, paymentIntentId).map((refund) => refund.amount)).toEqual([2_300]);
  expect((await refundRows(order.id)).map((row) => [row.reason, row.status])).toEqual([["CUSTOMER_CANCELLED", "SUCCEEDED"]]);
});

test("card refunds: POST /api/v1/orders/{id}/cancel refunds a card-paid order once, twice at the same instant included", async () => {
  const { customer, order, paymentIntentId } = await cardOrder();
  const cookie = await signedInCookie(customer.id);
  const cancel = () =>
    apiCancelAction({ request: new Request(`http://localhost/api/v1/orders/${order.id}/cancel`, { method: "POST", headers: { cookie } }), params: { id: order.id }, context: {} }) as Promise<Response>;
  const answers = await Promise.all([cancel(), cancel()]);
  expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
  await sendRefundsOf(order.id);
  expect(refundsAtDouble(double, paymentIntentId).map((refund) => refund.amount)).toEqual([3_450]);
  expect(await db().refund.count({ where: { orderId: order.id } })).toBe(1);
});

test("card refunds: a smaller card order is refunded the difference (its producer named); a bigger one is refused with the amount and nothing changes", async () => {
  const { offer, customer, order, paymentIntentId } = await cardOrder({ quantity: 3, priceCents: 300 });
  await changeOrderLine({ orderId: order.id, offerId: offer.id, quantity: 2, customer, now: new Date() });
  await sendRefundsOf(order.id);
  expect(refundsAtDouble(double, paymentIntentId).map((refund) => refund.amount)).toEqual([300]);
  const [reduced] = await db().refund.findMany({ where: { orderId: order.id }, select: { amountCents: true, reason: true, producerId: true, status: true } });
  expect(reduced).toEqual({ amountCents: 300, reason: "ORDER_REDUCED", producerId: offer.producerId, status: "SUCCEEDED" });

  const before = await offerStock(offer.id);
  const refusal = await changeOrderLine({ orderId: order.id, offerId: offer.id, quantity: 3, unitPriceCents: 300, customer, now: new Date() }).catch((error: unknown) => error);
  expect(refusal).toMatchObject({ code: "card_order_increase_refused" });
  expect(spaced(domainErrorMessage(refusal as never, "fr"))).toBe("Cette commande est déjà payée par carte. Pour ajouter 3,00 €, passez une autre commande.");
  expect(spaced(domainErrorMessage(refusal as never, "en"))).toBe("This order is already paid by card. To add €3.00, place another order.");
  expect(await offerStock(offer.id)).toEqual(before);
  expect((await db().orderLine.findFirstOrThrow({ where: { orderId: order.id } })).quantity).toBe(2);
  expect(await db().refund.count({ where: { orderId: order.id } })).toBe(1);
  // Back to what was paid is no longer possible either: the 3,00 € went back to the card.
  expect((await db().cardPayment.findUniqueOrThrow({ where: { orderId: order.id } })).refundedCents).toBe(300);
});

test("card refunds: a send-refund job whose worker dies after Stripe answered runs again, and Stripe sees one refund — even a day later, once Stripe forgot the key", async () => {
  const { customer, order, paymentIntentId } = await cardOrder();
  await cancelOrder({ orderId: order.id, customer, now: new Date() });
  const refund = await db().refund.findFirstOrThrow({ where: { orderId: order.id }, select: { id: true } });

  // Stripe made the refund, then every answer was lost (the SDK's two retries too): the job fails
  // before our row says so, as when its worker is killed there.
  double.dropNextResponses(3, { method: "POST", path: "/v1/refunds" });
  await expect(sendRefundJob({ refundId: refund.id })).rejects.toThrow();
  expect(await refundRows(order.id)).toEqual([expect.objectContaining({ status: "PENDING", stripeRefundId: null })]);
  expect(refundsAtDouble(double, paymentIntentId)).toHaveLength(1);

  // pg-boss runs it again after its retry delay, which may be past the key's 24 hours.
  double.forgetIdempotencyKeys();
  await sendRefundJob({ refundId: refund.id });
  const atStripe = refundsAtDouble(double, paymentIntentId);
  expect(atStripe).toHaveLength(1);
  expect(await refundRows(order.id)).toEqual([{ amountCents: 3_450, reason: "CUSTOMER_CANCELLED", status: "SUCCEEDED", stripeRefundId: atStripe[0]!.id }]);
  expect(double.requestsTo("POST", "/v1/refunds").filter((request) => request.params.metadata && (request.params.metadata as Record<string, string>).refundId === refund.id && !request.replayed)).toHaveLength(1);
});

test("card refunds: a refund Stripe refuses for good is marked FAILED for the admin, and not sent again", async () => {
  const { customer, order, paymentIntentId } = await cardOrder();
  // Refunded in full from the dashboard meanwhile: Stripe refuses ours (charge_already_refunded).
  await (await import("~/infra/stripe.server")).stripeClient().refunds.create({ payment_intent: paymentIntentId });
  await cancelOrder({ orderId: order.id, customer, now: new Date() });
  await sendRefundsOf(order.id);
  await sendRefundsOf(order.id);
  expect((await refundRows(order.id)).map((row) => [row.status, row.stripeRefundId])).toEqual([["FAILED", null]]);
  expect(refundsAtDouble(double, paymentIntentId)).toHaveLength(1);
  // Nothing was given back by it: the payment's refunded sum no longer counts it.
  expect((await db().cardPayment.findUniqueOrThrow({ where: { orderId: order.id } })).refundedCents).toBe(0);
});

test("card refunds: charge.refunded that names our refund (by its metadata, before the job recorded it) marks our row SUCCEEDED once; one made in Stripe's dashboard is stored nowhere and answered 200", async () => {
  const { customer, order, paymentIntentId } = await cardOrder();
  await cancelOrder({ orderId: order.id, customer, now: new Date() });
  const refund = await db().refund.findFirstOrThrow({ where: { orderId: order.id }, select: { id: true } });
  double.dropNextResponses(3, { method: "POST", path: "/v1/refunds" });
  await expect(sendRefundJob({ refundId: refund.id })).rejects.toThrow();
  const [made] = refundsAtDouble(double, paymentIntentId);
  const charge = double.charges.get(String(made!.charge))!;

  const event = double.event("charge.refunded", { ...charge, refunds: { object: "list", data: [made], has_more: false } });
  const secret = process.env.STRIPE_WEBHOOK_SECRET!.split(",")[0]!;
  const deliver = async (payload: { payload: string; signature: string }) =>
    (await webhookAction({ request: new Request("http://localhost/webhooks/stripe", { method: "POST", headers: { "content-type": "application/json", "stripe-signature": payload.signature }, body: payload.payload }), params: {}, context: {} })) as Response;
  expect((await deliver(double.signedDelivery(event, secret))).status).toBe(200);
  expect(await refundRows(order.id)).toEqual([{ amountCents: 3_450, reason: "CUSTOMER_CANCELLED", status: "SUCCEEDED", stripeRefundId: made!.id }]);

  // The job runs again: our row says it is done, Stripe is not asked again.
  const before = double.requestsTo("POST", "/v1/refunds").length;
  await sendRefundJob({ refundId: refund.id });
  expect(double.requestsTo("POST", "/v1/refunds")).toHaveLength(before);
  expect(refundsAtDouble(double, paymentIntentId)).toHaveLength(1);

  // A refund made in the dashboard on another order: nothing of ours changes.
  const other = await cardOrder();
  const dashboard = await (await import("~/infra/stripe.server")).stripeClient().refunds.create({ payment_intent: other.paymentIntentId, amount: 100 });
  const otherCharge = double.charges.get(String(dashboard.charge))!;
  const dashboardEvent = double.event("charge.refunded", { ...otherCharge, refunds: { object: "list", data: [double.refunds.get(dashboard.id)!], has_more: false } });
  expect((await deliver(double.signedDelivery(dashboardEvent, secret))).status).toBe(200);
  expect(await db().refund.count({ where: { orderId: other.order.id } })).toBe(0);
  expect((await db().cardPayment.findUniqueOrThrow({ where: { orderId: other.order.id } })).refundedCents).toBe(0);
});

/** A card order still waiting for its payment: stock and slot held, its payment OPEN (as the checkout leaves it). */
async function waitingOrder(distributionId: string, offerId: string) {
  const customer = await createUser();
  const order = await placeOrder({ distributionId, lines: [{ offerId, quantity: 2 }], paymentMethod: "at_pickup", customer, now: new Date(), appUrl: "http://localhost" });
  await db().order.update({ where: { id: order.id }, data: { status: "AWAITING_PAYMENT", paymentMethod: "ONLINE_CARD", holdExpiresAt: new Date(Date.now() + 15 * 60_000) } });
  await db().cardPayment.create({ data: { id: `cp-${order.id}`, orderId: order.id, status: "OPEN", amountCents: 1_000 } });
  return { customer, order };
}

test("card refunds: a card order still waiting for its payment, cancelled by its customer, gives its hold back once, refunds nothing and says nothing was charged", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, priceCents: 500, stock: 10 });
  const { customer, order } = await waitingOrder(distribution.id, offer.id);
  expect((await offerStock(offer.id)).remaining).toBe(8);

  await cancelOrder({ orderId: order.id, customer, now: new Date() });
  await expect(cancelOrder({ orderId: order.id, customer, now: new Date() })).rejects.toMatchObject({ code: "order_cancelled" });
  expect((await offerStock(offer.id)).remaining).toBe(10);
  expect((await db().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CANCELLED");
  expect((await db().cardPayment.findUniqueOrThrow({ where: { orderId: order.id } })).status).toBe("CLOSED");
  expect(await db().refund.count({ where: { orderId: order.id } })).toBe(0);
  const email = (await emailsTo(customer.email)).at(-1);
  expect(email?.text).toContain("rien n'a été débité");
});

test("card refunds: a cancelled distribution releases the holds of its waiting card orders with the rest, set-based: stock back, payments closed, nothing refunded", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, priceCents: 500, stock: 10 });
  const waiting = await waitingOrder(distribution.id, offer.id);
  const paid = await createCardPaidOrderAtDouble(double, { distributionId: distribution.id, customer: await createUser(), lines: [{ offerId: offer.id, quantity: 1 }] });
  expect((await offerStock(offer.id)).remaining).toBe(7);

  const { cancelDistribution } = await import("~/domain/distributions/cancel-distribution.server");
  const result = await cancelDistribution({ distributionId: distribution.id, reason: "Tempête", actor: { roles: ["ADMIN"], memberships: [] }, now: new Date(), appUrl: "http://localhost" });
  expect(result.cancelledOrders).toBe(2);
  expect((await offerStock(offer.id)).remaining).toBe(10);
  expect((await db().cardPayment.findUniqueOrThrow({ where: { orderId: waiting.order.id } })).status).toBe("CLOSED");
  expect(await db().refund.count({ where: { orderId: waiting.order.id } })).toBe(0);
  expect((await refundRows(paid.order.id)).map((row) => [row.reason, row.amountCents])).toEqual([["DISTRIBUTION_CANCELLED", 500]]);
  const told = (await emailsTo(waiting.customer.email)).at(-1);
  expect(told?.text).toContain("rien n'a été débité");
});
