import { afterAll, beforeAll, expect, test } from "vitest";
import { db } from "~/db.server";
import { refundLine, type RefundActor } from "~/domain/payments/refund-line.server";
import { moneyFinalAt } from "~/domain/payments/money-model";
import { domainErrorMessage } from "~/http/errors.server";
import { createDistribution, createMemberUser, createOffer, createProducerUser, createUser } from "../factories";
import { createCardPaidOrderAtDouble, pointStripeAt, refundsAtDouble, sendRefundsOf } from "../factories-card-refunds";
import { startStripeDouble, type StripeDouble } from "../stripe-double/stripe-double";

/*
 * A producer's or an admin's refund of a line of a card-paid order (decision 027 §5): own lines
 * only, up to what is left of the line, until the money is final; an admin at any time.
 */

let double: StripeDouble;
beforeAll(async () => {
  double = await startStripeDouble();
  pointStripeAt(double);
});
afterAll(() => double.close());

const HOUR = 3_600_000;

function spaced(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, " ");
}

/** A market held yesterday; the order was placed a week before, paid by card: a fisher's line and a grower's line. */
async function pastMarket() {
  const startsAt = new Date(Date.now() - 24 * HOUR);
  const distribution = await createDistribution({ startsAt, cutoffAt: new Date(startsAt.getTime() - 48 * HOUR), opensAt: new Date(startsAt.getTime() - 14 * 24 * HOUR) });
  const fisher = await createProducerUser({ name: "Marie Pêcheuse" });
  const grower = await createProducerUser({ name: "Jean Maraîcher" });
  const fish = await createOffer({ distributionId: distribution.id, producerId: fisher.producerId, priceCents: 1_200, vatRateBp: 550, name: "Maquereaux" });
  const cider = await createOffer({ distributionId: distribution.id, producerId: grower.producerId, priceCents: 450, vatRateBp: 2_000, name: "Cidre" });
  const customer = await createUser();
  const { order, payment } = await createCardPaidOrderAtDouble(double, {
    distributionId: distribution.id,
    customer,
    lines: [{ offerId: fish.id, quantity: 2 }, { offerId: cider.id, quantity: 1 }],
    now: new Date(startsAt.getTime() - 7 * 24 * HOUR),
  });
  const lines = await db().orderLine.findMany({ where: { orderId: order.id }, select: { id: true, producerId: true } });
  const lineOf = (producerId: string) => lines.find((line) => line.producerId === producerId)!.id;
  const endsAt = (await db().distribution.findUniqueOrThrow({ where: { id: distribution.id }, select: { endsAt: true } })).endsAt;
  const actorOf = (member: { user: { id: string }; producerId: string }): RefundActor => ({ id: member.user.id, roles: ["CONSUMER", "PRODUCER"], memberships: [{ organisationId: member.producerId, role: "PRODUCER" }] });
  return { distribution, endsAt, fisher, grower, customer, order, payment, fishLine: lineOf(fisher.producerId), ciderLine: lineOf(grower.producerId), actorOf };
}

test("card refunds: a producer refunds part of their own line with a reason, up to what is left of it; another producer's line does not exist for them", async () => {
  const market = await pastMarket();
  const now = new Date(market.endsAt.getTime() + 2 * HOUR);
  const fisher = market.actorOf(market.fisher);

  const first = await refundLine({ orderLineId: market.fishLine, amountCents: 1_000, kind: "damaged", note: "un maquereau abîmé", actor: fisher, now });
  expect(first.amountCents).toBe(1_000);
  // 2 400 on the line, 1 000 refunded: 1 401 is too much, and the refusal says what is left.
  const tooMuch = await refundLine({ orderLineId: market.fishLine, amountCents: 1_401, kind: "missing", note: null, actor: fisher, now }).catch((error: unknown) => error);
  expect(tooMuch).toMatchObject({ code: "refund_refused" });
  expect(spaced(domainErrorMessage(tooMuch as never, "fr"))).toBe("Il reste 14,00 € à rembourser sur cette ligne : indiquez un montant plus petit.");
  await refundLine({ orderLineId: market.fishLine, amountCents: 1_400, kind: "missing", note: null, actor: fisher, now });

  // The grower's line, asked by the fisher: not found, nothing written.
  await expect(refundLine({ orderLineId: market.ciderLine, amountCents: 100, kind: "other", note: null, actor: fisher, now })).rejects.toMatchObject({ code: "not_found" });

  const refunds = await db().refund.findMany({ where: { orderId: market.order.id }, orderBy: { number: "asc" }, select: { amountCents: true, reason: true, kind: true, note: true, producerId: true, orderLineId: true } });
  expect(refunds).toEqual([
    { amountCents: 1_000, reason: "PRODUCER_REFUND", kind: "damaged", note: "un maquereau abîmé", producerId: market.fisher.producerId, orderLineId: market.fishLine },
    { amountCents: 1_400, reason: "PRODUCER_REFUND", kind: "missing", note: null, producerId: market.fisher.producerId, orderLineId: market.fishLine },
  ]);
  await sendRefundsOf(market.order.id);
  expect(refundsAtDouble(double, market.payment.paymentIntentId!).map((refund) => refund.amount)).toEqual([1_000, 1_400]);
});

test("card refunds: after the money is final a producer's refund is refused with why and nothing is written; an admin may still refund", async () => {
  const market = await pastMarket();
  const after = new Date(moneyFinalAt(market.endsAt).getTime() + HOUR);
  const grower = market.actorOf(market.grower);

  // Just before the final instant, the producer still can.
  await refundLine({ orderLineId: market.ciderLine, amountCents: 50, kind: "lighter", note: null, actor: grower, now: new Date(moneyFinalAt(market.endsAt).getTime() - 1) });
  const refused = await refundLine({ orderLineId: market.ciderLine, amountCents: 100, kind: "damaged", note: null, actor: grower, now: after }).catch((error: unknown) => error);
  expect(refused).toMatchObject({ code: "refund_refused" });
  expect(domainErrorMessage(refused as never, "fr")).toContain("l'argent de cette distribution est définitif");
  expect(await db().refund.count({ where: { orderId: market.order.id } })).toBe(1);

  const admin = await createMemberUser("ADMIN");
  const byAdmin = await refundLine({ orderLineId: market.ciderLine, amountCents: 400, kind: "notCollected", note: "geste commercial", actor: { id: admin.user.id, roles: ["CONSUMER", "ADMIN"], memberships: [] }, now: after });
  expect(byAdmin.amountCents).toBe(400);
  expect(await db().refund.findUniqueOrThrow({ where: { id: byAdmin.id }, select: { reason: true, requestedById: true } })).toEqual({ reason: "ADMIN_REFUND", requestedById: admin.user.id });
  // 450 on the line: 50 + 400 refunded, nothing is left even for an admin.
  await expect(refundLine({ orderLineId: market.ciderLine, amountCents: 1, kind: "other", note: null, actor: { id: admin.user.id, roles: ["ADMIN"], memberships: [] }, now: after })).rejects.toMatchObject({ code: "refund_refused" });
  expect((await db().cardPayment.findUniqueOrThrow({ where: { orderId: market.order.id } })).refundedCents).toBe(450);
});

test("card refunds: an order paid at pickup cannot be refunded by card", async () => {
  const distribution = await createDistribution();
  const producer = await createProducerUser();
  const offer = await createOffer({ distributionId: distribution.id, producerId: producer.producerId });
  const customer = await createUser();
  const { placeOrder } = await import("~/domain/ordering/place-order.server");
  const order = await placeOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 1 }], paymentMethod: "at_pickup", customer, now: new Date(), appUrl: "http://localhost" });
  const line = await db().orderLine.findFirstOrThrow({ where: { orderId: order.id }, select: { id: true } });
  const refused = await refundLine({ orderLineId: line.id, amountCents: 100, kind: "other", note: null, actor: { id: producer.user.id, roles: ["PRODUCER"], memberships: [{ organisationId: producer.producerId, role: "PRODUCER" }] }, now: new Date() }).catch((error: unknown) => error);
  expect(refused).toMatchObject({ code: "refund_refused" });
  expect(domainErrorMessage(refused as never, "en")).toBe("This order was not paid by card online: nothing to refund.");
  expect(await db().refund.count({ where: { orderId: order.id } })).toBe(0);
});
