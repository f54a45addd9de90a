import { expect, test } from "vitest";
import { db } from "~/db.server";
import { cardPaymentOf, confirmationEmails, deliver, placeCardOrder, startCardCheckout } from "../card-checkout-harness";
import { createDistribution, createOffer, createUser, offerStock } from "../factories";

/*
 * Stripe does not promise the order of its deliveries (decision 026): whatever order the events of
 * one payment arrive in, and however stale some of them are, the order ends in the state of what
 * really happened — paid and confirmed once, its stock taken once.
 */

const double = await startCardCheckout();

async function paidOrderWithItsEvents() {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, priceCents: 1_800, stock: 5 });
  const customer = await createUser();
  const order = await placeCardOrder({ distributionId: distribution.id, customer, lines: [{ offerId: offer.id, quantity: 2 }] });
  const payment = await cardPaymentOf(order.id);
  const session = double.checkoutSessions.get(payment.checkoutSessionId!)!;
  const events = double.completeCheckoutSession(session.id);
  const completed = events.find((event) => event.type === "checkout.session.completed")!;
  const succeeded = events.find((event) => event.type === "payment_intent.succeeded")!;
  // A first card was declined before the one that paid, and the session's expiry raced the payment:
  // both events are older news than the success, delivered after it.
  const declined = double.event("payment_intent.payment_failed", { ...succeeded.data.object, status: "requires_payment_method", last_payment_error: { code: "card_declined" } } as never);
  const expired = double.event("checkout.session.expired", { ...completed.data.object, status: "expired", payment_status: "unpaid" } as never);
  return { order, offer, customer, completed, succeeded, declined, expired };
}

async function finalState(orderId: string, offerId: string, email: string) {
  const order = await db().order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, cardPayment: { select: { status: true } } } });
  return { order: order.status, payment: order.cardPayment?.status, ordered: (await offerStock(offerId)).ordered, emails: await confirmationEmails(email) };
}

test("events out of order — the success first, then a stale decline and a stale expiry, then the session's completion — end paid and confirmed once, the stock taken once", async () => {
  const paid = await paidOrderWithItsEvents();
  for (const event of [paid.succeeded, paid.declined, paid.expired, paid.completed]) {
    expect((await deliver(double, event)).status).toBe(200);
  }
  expect(await finalState(paid.order.id, paid.offer.id, paid.customer.email)).toEqual({ order: "CONFIRMED", payment: "SUCCEEDED", ordered: 2, emails: 1 });
});

test("events out of order — the stale decline and expiry first, then the completion and the success — the payment that came is honoured: confirmed once", async () => {
  const paid = await paidOrderWithItsEvents();
  for (const event of [paid.declined, paid.expired, paid.completed, paid.succeeded]) {
    expect((await deliver(double, event)).status).toBe(200);
  }
  // The expiry released the hold before the success was heard: the success takes the stock again (before the cutoff, still there).
  expect(await finalState(paid.order.id, paid.offer.id, paid.customer.email)).toEqual({ order: "CONFIRMED", payment: "SUCCEEDED", ordered: 2, emails: 1 });
});
