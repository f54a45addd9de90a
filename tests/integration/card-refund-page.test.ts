import { expect, test } from "vitest";
import { db } from "~/db.server";
import { loader } from "~/routes/producteur.remboursements.$orderId";
import { createDistribution, createOffer, createProducerUser, createUser } from "../factories";
import { createCardPaidOrder } from "../factories-payments";

/* The producer's refund page offers its form until the distribution's money is final (48 h after its end), not after. */

const HOUR = 3_600_000;

async function pageFor(endedHoursAgo: number) {
  const { producerId, cookie } = await createProducerUser();
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, producerId, priceCents: 1_200, stock: 5 });
  const { order } = await createCardPaidOrder({ distributionId: distribution.id, customer: await createUser(), lines: [{ offerId: offer.id, quantity: 1 }] });
  const endsAt = new Date(Date.now() - endedHoursAgo * HOUR);
  await db().distribution.update({ where: { id: distribution.id }, data: { startsAt: new Date(endsAt.getTime() - 2 * HOUR), endsAt, cutoffAt: new Date(endsAt.getTime() - 48 * HOUR), opensAt: new Date(endsAt.getTime() - 240 * HOUR) } });
  const request = new Request(`http://localhost/producteur/remboursements/${order.id}`, { headers: { cookie } });
  return loader({ request, params: { orderId: order.id }, context: {} });
}

test("a producer may refund until 48 h after the distribution's end, and not from then", async () => {
  expect((await pageFor(47)).canRefund).toBe(true);
  expect((await pageFor(49)).canRefund).toBe(false);
});
