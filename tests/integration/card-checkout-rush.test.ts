import { expect, test } from "vitest";
import { db } from "~/db.server";
import { isDomainError } from "~/domain/errors";
import { expireHoldJob } from "~/domain/payments/jobs/expire-hold.server";
import { CARD_HOLD_MINUTES } from "~/domain/payments/money-model";
import { cardPaymentOf, deliver, placeCardOrder, sessionsCreated, startCardCheckout } from "../card-checkout-harness";
import { createDistribution, createOffer, createUsers, offerStock } from "../factories";

const double = await startCardCheckout();

test("200 simultaneous card checkouts for 50 units: exactly 50 orders held, no session made for the refused ones, and stock exact after every hold is paid or expires", { timeout: 120_000 }, async () => {
  const distribution = await createDistribution({ slotCapacity: 1000 });
  const offer = await createOffer({ distributionId: distribution.id, priceCents: 1_500, stock: 50 });
  const customers = await createUsers(200);
  const before = sessionsCreated(double);

  const results = await Promise.allSettled(customers.map((customer) => placeCardOrder({ distributionId: distribution.id, customer, lines: [{ offerId: offer.id, quantity: 1 }] })));
  const held = results.filter((result): result is PromiseFulfilledResult<Awaited<ReturnType<typeof placeCardOrder>>> => result.status === "fulfilled").map((result) => result.value);
  const refused = results.filter((result) => result.status === "rejected");
  expect(held).toHaveLength(50);
  expect(refused.every((result) => isDomainError(result.reason) && result.reason.code === "sold_out")).toBe(true);
  expect(await db().order.count({ where: { distributionId: distribution.id, status: "AWAITING_PAYMENT" } })).toBe(50);
  expect(await db().order.count({ where: { distributionId: distribution.id } })).toBe(50);
  // One session per held order, none for the 150 refused.
  expect(sessionsCreated(double) - before).toBe(50);
  expect(held.every((order) => order.cardPayment?.checkoutUrl)).toBe(true);
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 50, remaining: 0 });

  // 20 pay; the 30 others abandon and their holds expire.
  const paying = held.slice(0, 20);
  for (const order of paying) {
    const events = double.completeCheckoutSession((await cardPaymentOf(order.id)).checkoutSessionId!);
    await deliver(double, events.find((event) => event.type === "checkout.session.completed")!);
  }
  const later = new Date(Date.now() + (CARD_HOLD_MINUTES + 1) * 60_000);
  for (const order of held) await expireHoldJob({ orderId: order.id }, later);

  expect(await db().order.count({ where: { distributionId: distribution.id, status: "CONFIRMED" } })).toBe(20);
  expect(await db().order.count({ where: { distributionId: distribution.id, status: "EXPIRED" } })).toBe(30);
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 20, remaining: 30 });
  const booked = await db().pickupSlot.aggregate({ where: { distributionId: distribution.id }, _sum: { booked: true } });
  expect(booked._sum.booked).toBe(20);
});
