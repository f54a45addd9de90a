import { expect, test } from "vitest";
import { db } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { cancelOrder } from "~/domain/ordering/cancel-order.server";
import { changeOrderLine } from "~/domain/ordering/change-order-line.server";
import { findOwnOrder } from "~/domain/ordering/order-view.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { parisDateTime } from "~/domain/time/paris";
import { createDistribution, createOffer, createUser, offerStock } from "../factories";

/**
 * The clock is injected through the `now` of each use case (Date itself is never faked): the
 * cutoff instant is the Paris wall-clock time, whatever the DST offset of that day.
 */

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const APP_URL = "http://localhost:3000";

function shifted(instant: Date, ms: number): Date {
  return new Date(instant.getTime() + ms);
}

async function orderFor(options: { distributionId: string; offerId: string; quantity?: number; now: Date }) {
  const customer = await createUser();
  const order = await placeOrder({
    distributionId: options.distributionId,
    lines: [{ offerId: options.offerId, quantity: options.quantity ?? 1 }],
    paymentMethod: "at_pickup",
    customer,
    now: options.now,
    appUrl: APP_URL,
  });
  return { customer, order };
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => "accepted",
    (error: unknown) => error,
  );
}

test("an order one second before the cutoff is accepted; at the cutoff instant and one second after, it is refused with cutoff_passed and takes nothing", async () => {
  const cutoffAt = parisDateTime("2027-03-24", "20:00");
  const distribution = await createDistribution({ startsAt: parisDateTime("2027-03-26", "17:00"), cutoffAt });
  const offer = await createOffer({ distributionId: distribution.id, stock: 10 });

  const { order } = await orderFor({ distributionId: distribution.id, offerId: offer.id, quantity: 2, now: shifted(cutoffAt, -SECOND) });
  expect(order.status).toBe("CONFIRMED");
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 2 });

  for (const now of [cutoffAt, shifted(cutoffAt, SECOND)]) {
    const customer = await createUser();
    const error = await refusal(
      placeOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 1 }], paymentMethod: "at_pickup", customer, now, appUrl: APP_URL }),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "cutoff_passed" });
    expect(await db().order.count({ where: { userId: customer.id } })).toBe(0);
  }
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 2 });
});

test("one second after the cutoff, changing a line or cancelling is refused with cutoff_passed and the order and stock stay as they were", async () => {
  const cutoffAt = parisDateTime("2027-03-24", "20:00");
  const distribution = await createDistribution({ startsAt: parisDateTime("2027-03-26", "17:00"), cutoffAt });
  const offer = await createOffer({ distributionId: distribution.id, stock: 10 });
  const { customer, order } = await orderFor({ distributionId: distribution.id, offerId: offer.id, quantity: 2, now: shifted(cutoffAt, -HOUR) });

  // One second before the cutoff a change still goes through...
  const changed = await changeOrderLine({ orderId: order.id, offerId: offer.id, quantity: 3, customer, now: shifted(cutoffAt, -SECOND) });
  expect(changed.lines[0]?.quantity).toBe(3);
  const before = await findOwnOrder(db(), order.id, customer.id);

  // ...one second after it, neither a change, nor a removal, nor a cancellation does.
  const afterCutoff = shifted(cutoffAt, SECOND);
  for (const attempt of [
    () => changeOrderLine({ orderId: order.id, offerId: offer.id, quantity: 5, customer, now: afterCutoff }),
    () => changeOrderLine({ orderId: order.id, offerId: offer.id, quantity: 1, customer, now: afterCutoff }),
    () => changeOrderLine({ orderId: order.id, offerId: offer.id, quantity: 0, customer, now: afterCutoff }),
    () => cancelOrder({ orderId: order.id, customer, now: afterCutoff }),
    () => cancelOrder({ orderId: order.id, customer, now: cutoffAt }),
  ]) {
    const error = await refusal(attempt());
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "cutoff_passed" });
  }

  expect(await findOwnOrder(db(), order.id, customer.id)).toEqual(before);
  expect(before).toMatchObject({ status: "CONFIRMED", totalCents: 3 * 250, lines: [{ offerId: offer.id, quantity: 3 }] });
  expect(await offerStock(offer.id)).toEqual({ stock: 10, ordered: 3, remaining: 7 });
  const slot = await db().pickupSlot.findUniqueOrThrow({ where: { id: order.slot.id }, select: { booked: true } });
  expect(slot.booked).toBe(1);
});

test("before the opening an order is refused with not_open_yet, and a cancelled distribution refuses with distribution_cancelled", async () => {
  const cutoffAt = parisDateTime("2027-03-24", "20:00");
  const opensAt = parisDateTime("2027-03-19", "08:00");
  const scheduled = await createDistribution({ startsAt: parisDateTime("2027-03-26", "17:00"), cutoffAt, opensAt });
  const cancelled = await createDistribution({ startsAt: parisDateTime("2027-03-26", "17:00"), cutoffAt, opensAt, status: "CANCELLED" });
  const scheduledOffer = await createOffer({ distributionId: scheduled.id, stock: 5 });
  const cancelledOffer = await createOffer({ distributionId: cancelled.id, stock: 5 });

  expect(await refusal(orderFor({ distributionId: scheduled.id, offerId: scheduledOffer.id, now: shifted(opensAt, -SECOND) }))).toMatchObject({ code: "not_open_yet" });
  expect((await orderFor({ distributionId: scheduled.id, offerId: scheduledOffer.id, now: opensAt })).order.status).toBe("CONFIRMED");
  expect(await refusal(orderFor({ distributionId: cancelled.id, offerId: cancelledOffer.id, now: shifted(cutoffAt, -HOUR) }))).toMatchObject({ code: "distribution_cancelled" });
  expect(await offerStock(scheduledOffer.id)).toMatchObject({ ordered: 1 });
  expect(await offerStock(cancelledOffer.id)).toMatchObject({ ordered: 0 });
});

/** Distributions on both sides of the DST changes; the cutoff is 20:00 in Paris every time. */
const dstCases = [
  {
    name: "Friday 26 March 2027, before the spring change: Wednesday 20:00 CET",
    start: ["2027-03-26", "17:00"],
    startUtc: "2027-03-26T16:00:00.000Z",
    cutoff: ["2027-03-24", "20:00"],
    cutoffUtc: "2027-03-24T19:00:00.000Z",
    hoursBetween: 45,
  },
  {
    name: "Friday 2 April 2027, after the spring change: Wednesday 20:00 CEST",
    start: ["2027-04-02", "17:00"],
    startUtc: "2027-04-02T15:00:00.000Z",
    cutoff: ["2027-03-31", "20:00"],
    cutoffUtc: "2027-03-31T18:00:00.000Z",
    hoursBetween: 45,
  },
  {
    name: "Monday 29 March 2027 (CEST), cutoff Saturday 27 March 20:00 (CET), across the spring change",
    start: ["2027-03-29", "17:00"],
    startUtc: "2027-03-29T15:00:00.000Z",
    cutoff: ["2027-03-27", "20:00"],
    cutoffUtc: "2027-03-27T19:00:00.000Z",
    hoursBetween: 44,
  },
  {
    name: "Monday 26 October 2026 (CET), cutoff Saturday 24 October 20:00 (CEST), across the autumn change",
    start: ["2026-10-26", "17:00"],
    startUtc: "2026-10-26T16:00:00.000Z",
    cutoff: ["2026-10-24", "20:00"],
    cutoffUtc: "2026-10-24T18:00:00.000Z",
    hoursBetween: 46,
  },
  {
    name: "Friday 30 October 2026, after the autumn change: Tuesday 27 October 20:00 CET",
    start: ["2026-10-30", "17:00"],
    startUtc: "2026-10-30T16:00:00.000Z",
    cutoff: ["2026-10-27", "20:00"],
    cutoffUtc: "2026-10-27T19:00:00.000Z",
    hoursBetween: 69,
  },
] as const;

test.for(dstCases)("$name: the cutoff is the right UTC instant, one second before it an order is accepted, one second after refused", async (dstCase) => {
  const startsAt = parisDateTime(dstCase.start[0], dstCase.start[1]);
  const cutoffAt = parisDateTime(dstCase.cutoff[0], dstCase.cutoff[1]);
  expect(startsAt.toISOString()).toBe(dstCase.startUtc);
  expect(cutoffAt.toISOString()).toBe(dstCase.cutoffUtc);
  expect((startsAt.getTime() - cutoffAt.getTime()) / HOUR).toBe(dstCase.hoursBetween);

  const distribution = await createDistribution({ startsAt, cutoffAt });
  const offer = await createOffer({ distributionId: distribution.id, stock: 5 });

  const { order } = await orderFor({ distributionId: distribution.id, offerId: offer.id, now: shifted(cutoffAt, -SECOND) });
  expect(order).toMatchObject({ status: "CONFIRMED", distribution: { cutoffAt } });

  const late = await refusal(orderFor({ distributionId: distribution.id, offerId: offer.id, now: shifted(cutoffAt, SECOND) }));
  expect(late).toBeInstanceOf(DomainError);
  expect(late).toMatchObject({ code: "cutoff_passed" });
  // An hour off either way (the DST offset mistaken) would show here too.
  expect(await refusal(orderFor({ distributionId: distribution.id, offerId: offer.id, now: shifted(cutoffAt, HOUR - SECOND) }))).toMatchObject({ code: "cutoff_passed" });
  expect((await orderFor({ distributionId: distribution.id, offerId: offer.id, now: shifted(cutoffAt, -HOUR + SECOND) })).order.status).toBe("CONFIRMED");
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 2 });
});
