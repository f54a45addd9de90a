import { expect, test } from "vitest";
import { db } from "~/db.server";
import { changeOrderLine } from "~/domain/ordering/change-order-line.server";
import { confirmFromReturn } from "~/domain/payments/confirm-from-return.server";
import { expireHoldJob } from "~/domain/payments/jobs/expire-hold.server";
import { CARD_HOLD_MINUTES } from "~/domain/payments/money-model";
import { cardPaymentOf, confirmationEmails, deliver, placeCardOrder, sessionsCreated, startCardCheckout } from "../card-checkout-harness";
import { createDistribution, createOffer, createUser, offerStock } from "../factories";
import { stripeCardFeeCents } from "../stripe-double/stripe-double";

const double = await startCardCheckout();
const AFTER_HOLD = () => new Date(Date.now() + (CARD_HOLD_MINUTES + 1) * 60_000);

async function slotBooked(orderId: string) {
  const order = await db().order.findUniqueOrThrow({ where: { id: orderId }, select: { slot: { select: { booked: true } } } });
  return order.slot.booked;
}

function sessionAtDouble(sessionId: string | null) {
  const session = double.checkoutSessions.get(sessionId ?? "");
  if (!session) throw new Error(`no session ${sessionId}`);
  return session;
}

async function setup(stock = 10) {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, priceCents: 1_250, stock });
  const customer = await createUser({ emailVerified: false });
  return { distribution, offer, customer };
}

test("a card order waits for its payment: stock and slot held, the most it can cost charged, its hold's job, one Checkout Session made for it", async () => {
  const { distribution, offer, customer } = await setup();
  const placedAt = new Date();
  const order = await placeCardOrder({ distributionId: distribution.id, customer, lines: [{ offerId: offer.id, quantity: 2 }], now: placedAt });

  expect(order.status).toBe("AWAITING_PAYMENT");
  expect(order.paymentMethod).toBe("ONLINE_CARD");
  expect(order.holdExpiresAt?.getTime()).toBe(placedAt.getTime() + CARD_HOLD_MINUTES * 60_000);
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 2 });
  expect(await slotBooked(order.id)).toBe(1);
  const payment = await cardPaymentOf(order.id);
  expect(payment).toMatchObject({ status: "OPEN", amountCents: 2_500 });
  expect(order.cardPayment?.checkoutUrl).toBe(payment.checkoutUrl);
  const holdJobs = await db().$queryRaw<Array<{ start_after: Date }>>`SELECT start_after FROM pgboss.job WHERE name = 'payments.expire-hold' AND data->>'orderId' = ${order.id}`;
  expect(holdJobs.map((job) => job.start_after.getTime())).toEqual([order.holdExpiresAt!.getTime()]);

  const session = sessionAtDouble(payment.checkoutSessionId);
  expect(session).toMatchObject({
    amount_total: 2_500,
    client_reference_id: order.id,
    metadata: { orderId: order.id },
    success_url: `http://localhost:3000/commandes/${order.id}?paiement=retour`,
    cancel_url: `http://localhost:3000/commandes/${order.id}`,
    payment_intent_data: { transfer_group: `distribution-${distribution.id}`, metadata: { orderId: order.id } },
  });
  const created = double.requestsTo("POST", "/v1/checkout/sessions").find((request) => request.status === 200)!;
  expect(created.idempotencyKey).toBe(`tm-checkout-${order.id}`);
  expect(created.params.locale).toBe("fr");
  // No confirmation yet: a waiting order is not confirmed, and an unconfirmed email is no obstacle to paying by card.
  expect(await confirmationEmails(customer.email)).toBe(0);
});

test("the same success delivered 5 times at once (and its PaymentIntent's event 5 times): one confirmation, one email; the charge's fee and availability recorded once", async () => {
  const { distribution, offer, customer } = await setup();
  const order = await placeCardOrder({ distributionId: distribution.id, customer, lines: [{ offerId: offer.id, quantity: 2 }] });
  const payment = await cardPaymentOf(order.id);
  const events = double.completeCheckoutSession(payment.checkoutSessionId!);
  const completed = events.find((event) => event.type === "checkout.session.completed")!;
  const succeeded = events.find((event) => event.type === "payment_intent.succeeded")!;

  const answers = await Promise.all([...Array.from({ length: 5 }, () => deliver(double, completed)), ...Array.from({ length: 5 }, () => deliver(double, succeeded))]);
  expect(answers.every((answer) => answer.status === 200)).toBe(true);
  expect(answers.filter((answer) => answer.body.effect === "confirmed")).toHaveLength(1);

  const after = await db().order.findUniqueOrThrow({ where: { id: order.id }, include: { cardPayment: true } });
  expect(after.status).toBe("CONFIRMED");
  const intent = double.paymentIntents.get(String(succeeded.data.object.id))!;
  expect(after.cardPayment).toMatchObject({ status: "SUCCEEDED", paymentIntentId: intent.id, chargeId: intent.latest_charge });
  expect(await confirmationEmails(customer.email)).toBe(1);
  const [email] = await db().outboxEmail.findMany({ where: { to: customer.email }, select: { text: true } });
  expect(email!.text).toMatch(/25,00\s€ payés en ligne par carte bancaire/);
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 2 });

  // The job added by the success reads the charge's balance transaction: EEA card rate 1.5 % + 0.25 €.
  await expireHoldJob({ orderId: order.id });
  await expireHoldJob({ orderId: order.id });
  const recorded = await cardPaymentOf(order.id);
  expect(recorded.feeCents).toBe(stripeCardFeeCents(2_500));
  expect(recorded.availableOn).not.toBeNull();
  expect(double.requestsTo("POST", `/v1/checkout/sessions/${payment.checkoutSessionId}/expire`)).toHaveLength(0);
  // The hold's own job, when its time comes, finds a paid order: nothing is given back.
  await expireHoldJob({ orderId: order.id }, AFTER_HOLD());
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 2 });
  expect((await db().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CONFIRMED");
});

test("the return page and the webhook racing: one confirmation, one email, whichever is first", async () => {
  const { distribution, offer, customer } = await setup();
  const order = await placeCardOrder({ distributionId: distribution.id, customer, lines: [{ offerId: offer.id, quantity: 1 }] });
  const payment = await cardPaymentOf(order.id);
  const events = double.completeCheckoutSession(payment.checkoutSessionId!);
  const completed = events.find((event) => event.type === "checkout.session.completed")!;

  const [back, ...webhooks] = await Promise.all([
    confirmFromReturn({ orderId: order.id, userId: customer.id, now: new Date(), appUrl: "http://localhost:3000" }),
    deliver(double, completed),
    deliver(double, events.find((event) => event.type === "payment_intent.succeeded")!),
  ]);
  expect(back?.state).toBe("paid");
  const confirmations = [back?.outcome, ...webhooks.map((answer) => answer.body.effect)].filter((effect) => effect === "confirmed");
  expect(confirmations).toHaveLength(1);
  expect((await db().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CONFIRMED");
  expect(await confirmationEmails(customer.email)).toBe(1);
  // Coming back again later asks nothing more.
  expect(await confirmFromReturn({ orderId: order.id, userId: customer.id, now: new Date(), appUrl: "http://localhost:3000" })).toEqual({ state: "paid" });
});

test("a double submit of the same checkout: one order, one Checkout Session at Stripe", async () => {
  const { distribution, offer, customer } = await setup();
  const before = sessionsCreated(double);
  const key = crypto.randomUUID();
  const orders = await Promise.all([1, 2, 3].map(() => placeCardOrder({ distributionId: distribution.id, customer, lines: [{ offerId: offer.id, quantity: 1 }], idempotencyKey: key })));
  expect(new Set(orders.map((order) => order.id)).size).toBe(1);
  expect(await db().order.count({ where: { userId: customer.id } })).toBe(1);
  expect(sessionsCreated(double) - before).toBe(1);
  expect(new Set(orders.map((order) => order.cardPayment?.checkoutUrl)).size).toBe(1);
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 1 });
});

test("Stripe unreachable when the session is made: the order waits with no payment page, and « payer » again makes the one session with the same key", async () => {
  const { distribution, offer, customer } = await setup();
  const before = sessionsCreated(double);
  double.unavailable = true;
  let order;
  try {
    order = await placeCardOrder({ distributionId: distribution.id, customer, lines: [{ offerId: offer.id, quantity: 1 }] });
  } finally {
    double.unavailable = false;
  }
  expect(order.status).toBe("AWAITING_PAYMENT");
  expect(order.cardPayment?.checkoutUrl).toBeNull();

  const { startCheckout } = await import("~/domain/payments/start-checkout.server");
  const again = await startCheckout({ orderId: order.id, locale: "fr", appUrl: "http://localhost:3000", now: new Date() });
  expect(again?.checkoutUrl).toMatch(/\/c\/pay\/cs_test_/);
  expect(sessionsCreated(double) - before).toBe(1);
  expect((await cardPaymentOf(order.id)).checkoutUrl).toBe(again!.checkoutUrl);
});

test("an abandoned payment: the hold's job run twice and the expired session's event release the hold once, and the session is closed at Stripe", async () => {
  const { distribution, offer, customer } = await setup(5);
  const order = await placeCardOrder({ distributionId: distribution.id, customer, lines: [{ offerId: offer.id, quantity: 3 }] });
  const payment = await cardPaymentOf(order.id);
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 3 });

  // Before the hold's end the job does not release it (it fails, and pg-boss tries again later).
  await expect(expireHoldJob({ orderId: order.id }, new Date())).rejects.toThrow(/pas encore terminée/);
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 3 });

  const later = AFTER_HOLD();
  await Promise.all([expireHoldJob({ orderId: order.id }, later), expireHoldJob({ orderId: order.id }, later)]);
  const expired = double.events.filter((event) => event.type === "checkout.session.expired" && event.data.object.id === payment.checkoutSessionId);
  expect(expired).toHaveLength(1);
  expect(await deliver(double, expired[0]!)).toMatchObject({ status: 200, body: { effect: "none" } });
  await expireHoldJob({ orderId: order.id }, later);

  expect(await offerStock(offer.id)).toMatchObject({ ordered: 0, remaining: 5 });
  expect(await slotBooked(order.id)).toBe(0);
  expect(await db().order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).toEqual({ status: "EXPIRED" });
  expect((await cardPaymentOf(order.id)).status).toBe("CLOSED");
  expect(sessionAtDouble(payment.checkoutSessionId).status).toBe("expired");
});

test("Stripe's own expiry of the session, delivered first, releases the hold once too", async () => {
  const { distribution, offer, customer } = await setup(5);
  const order = await placeCardOrder({ distributionId: distribution.id, customer, lines: [{ offerId: offer.id, quantity: 2 }] });
  const payment = await cardPaymentOf(order.id);
  const [expiredEvent] = double.expireCheckoutSessionByTime(payment.checkoutSessionId!);
  const answers = await Promise.all([deliver(double, expiredEvent!), deliver(double, expiredEvent!)]);
  expect(answers.map((answer) => answer.body.effect).filter((effect) => effect === "released")).toHaveLength(1);
  await expireHoldJob({ orderId: order.id }, AFTER_HOLD());
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 0 });
  expect(await slotBooked(order.id)).toBe(0);
});

test("a payment that succeeds after its hold expired: stock and slot taken again and the order confirmed while they are there", async () => {
  const { distribution, offer, customer } = await setup(5);
  const order = await placeCardOrder({ distributionId: distribution.id, customer, lines: [{ offerId: offer.id, quantity: 2 }] });
  const payment = await cardPaymentOf(order.id);
  // The shopper pays as the hold's job closes the session: Stripe completes it, the job finds it complete.
  const events = double.completeCheckoutSession(payment.checkoutSessionId!);
  await expireHoldJob({ orderId: order.id }, AFTER_HOLD());
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 0 });
  expect((await db().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("EXPIRED");

  const answer = await deliver(double, events.find((event) => event.type === "checkout.session.completed")!);
  expect(answer.body.effect).toBe("late_confirmed");
  expect((await db().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CONFIRMED");
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 2 });
  expect(await slotBooked(order.id)).toBe(1);
  expect(await confirmationEmails(customer.email)).toBe(1);
  expect(await db().refund.count({ where: { orderId: order.id } })).toBe(0);
});

test("a payment that succeeds after its hold expired and the stock was sold meanwhile: cancelled, refunded in full (LATE_PAYMENT) once, with an email saying so", async () => {
  const { distribution, offer, customer } = await setup(2);
  const order = await placeCardOrder({ distributionId: distribution.id, customer, lines: [{ offerId: offer.id, quantity: 2 }] });
  const payment = await cardPaymentOf(order.id);
  const events = double.completeCheckoutSession(payment.checkoutSessionId!);
  await expireHoldJob({ orderId: order.id }, AFTER_HOLD());
  // Someone else buys the two units given back.
  const other = await createUser();
  await placeCardOrder({ distributionId: distribution.id, customer: other, lines: [{ offerId: offer.id, quantity: 2 }] });

  const completed = events.find((event) => event.type === "checkout.session.completed")!;
  const answers = await Promise.all([deliver(double, completed), deliver(double, events.find((event) => event.type === "payment_intent.succeeded")!), deliver(double, completed)]);
  expect(answers.map((answer) => answer.body.effect).filter((effect) => effect === "late_refunded")).toHaveLength(1);

  const after = await db().order.findUniqueOrThrow({ where: { id: order.id }, include: { cardPayment: true, refunds: true } });
  expect(after).toMatchObject({ status: "CANCELLED", cancelReason: "LATE_PAYMENT" });
  expect(after.cardPayment).toMatchObject({ status: "SUCCEEDED", amountCents: 2_500, refundedCents: 2_500 });
  expect(after.refunds.map((refund) => [refund.reason, refund.amountCents])).toEqual([["LATE_PAYMENT", 2_500]]);
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 2, remaining: 0 });
  expect(await confirmationEmails(customer.email)).toBe(0);
  const emails = await db().outboxEmail.findMany({ where: { to: customer.email }, select: { subject: true, text: true } });
  expect(emails).toHaveLength(1);
  expect(emails[0]!.subject).toContain("paiement remboursé");
  expect(emails[0]!.text).toMatch(/25,00\s€ vous sont remboursés/);
});

test("an order placed 12 days before its pickup with a line sold by weight is charged at order, at the line's cap", async () => {
  const startsAt = new Date(Date.now() + 12 * 24 * 3600_000);
  const distribution = await createDistribution({ startsAt, opensAt: new Date(Date.now() - 3600_000) });
  const fish = await createOffer({ distributionId: distribution.id, priceCents: 2_400, stock: 20, name: "Bar de ligne" });
  await db().product.update({ where: { id: fish.productId }, data: { unit: "KG", variableWeight: true } });
  const bread = await createOffer({ distributionId: distribution.id, priceCents: 350, stock: 20 });
  const customer = await createUser();
  const order = await placeCardOrder({ distributionId: distribution.id, customer, lines: [{ offerId: fish.id, quantity: 2 }, { offerId: bread.id, quantity: 1 }] });
  const fishLine = order.lines.find((line) => line.offerId === fish.id)!;
  // 2 kg at 24,00 €/kg: 48,00 € estimated, 52,80 € at most (+10 %).
  expect(fishLine.capCents).toBe(5_280);
  const payment = await cardPaymentOf(order.id);
  expect(payment.amountCents).toBe(5_280 + 350);
  expect(sessionAtDouble(payment.checkoutSessionId).amount_total).toBe(5_630);

  const events = double.completeCheckoutSession(payment.checkoutSessionId!);
  await deliver(double, events.find((event) => event.type === "payment_intent.succeeded")!);
  const charge = double.charges.get(String((await cardPaymentOf(order.id)).chargeId))!;
  // Charged and captured now, 12 days ahead: no authorisation left to lapse before the weighing.
  expect(charge).toMatchObject({ amount: 5_630, captured: true, status: "succeeded" });
  expect((await db().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CONFIRMED");
});

test("a waiting card order counts in the customer's limits, and cannot be changed until paid or cancelled", async () => {
  const { distribution, offer, customer } = await setup(20);
  const waiting = [];
  for (let index = 0; index < 3; index += 1) waiting.push(await placeCardOrder({ distributionId: distribution.id, customer, lines: [{ offerId: offer.id, quantity: 1 }] }));
  await expect(placeCardOrder({ distributionId: distribution.id, customer, lines: [{ offerId: offer.id, quantity: 1 }] })).rejects.toMatchObject({ code: "customer_limit" });
  await expect(
    changeOrderLine({ orderId: waiting[0]!.id, offerId: offer.id, quantity: 2, customer, now: new Date() }),
  ).rejects.toMatchObject({ code: "order_awaiting_payment" });
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 3 });
});
