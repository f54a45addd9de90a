import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { findOwnOrder } from "~/domain/ordering/order-view.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { recordPickupPayment } from "~/domain/preparation/record-pickup-payment.server";
import { recordWeight } from "~/domain/preparation/record-weight.server";
import * as orderPage from "~/routes/commandes.$id";
import * as preparationPage from "~/routes/producteur.preparation.$distributionId";
import { createDistribution, createProducerUser, createUser, ensureCategory, signedInCookie } from "../factories";
import { renderPage } from "../render-page";
import { post } from "../route-requests";

/**
 * Issue 9: a line sold by weight re-weighed lighter after the customer paid. The customer is
 * owed the difference: the producer is told before it is recorded, the amount is recorded and
 * shown to both, and a weighing and a payment at the same instant never leave money unaccounted.
 */

type Answer = { ok: boolean; target: string; message: string; fieldErrors?: Record<string, string>; owedBackCents?: number };

function answerOf(result: unknown): { status: number; body: Answer } {
  if (typeof result === "object" && result !== null && "init" in result && "data" in result) {
    const wrapped = result as { init: { status?: number } | null; data: Answer };
    return { status: wrapped.init?.status ?? 200, body: wrapped.data };
  }
  return { status: 200, body: result as Answer };
}

async function act(distributionId: string, cookie: string, fields: Record<string, string>) {
  return answerOf(await preparationPage.action({ request: post(`/producteur/preparation/${distributionId}`, fields, cookie), params: { distributionId }, context: {} }));
}

/** Scallops at 24 €/kg sold by weight; `customers` each order 2 kg; the cutoff is then passed. */
async function scallopsSold(customers: number) {
  const distribution = await createDistribution();
  const fisher = await createProducerUser({ name: "Paul Pêcheur" });
  const categoryId = await ensureCategory();
  const productId = randomUUID();
  await db().product.create({
    data: { id: productId, producerId: fisher.producerId, categoryId, name: "Coquilles Saint-Jacques", unit: "KG", priceCents: 2400, vatRateBp: 550, variableWeight: true },
  });
  const offerId = randomUUID();
  await db().offer.create({ data: { id: offerId, distributionId: distribution.id, productId, priceCents: 2400, stock: 2 * customers } });
  const orders = [];
  for (let index = 0; index < customers; index += 1) {
    const customer = await createUser({ name: `Jeanne ${index}` });
    const order = await placeOrder({ distributionId: distribution.id, lines: [{ offerId, quantity: 2 }], paymentMethod: "at_pickup", customer, now: new Date(), appUrl: "http://localhost" });
    const line = await db().orderLine.findFirstOrThrow({ where: { orderId: order.id }, select: { id: true } });
    orders.push({ customer, orderId: order.id, lineId: line.id });
  }
  await db().distribution.update({ where: { id: distribution.id }, data: { cutoffAt: new Date(Date.now() - 60_000) } });
  return { distribution, fisher, orders };
}

async function money(orderId: string) {
  const lines = await db().orderLine.findMany({ where: { orderId }, select: { quantity: true, unitPriceCents: true, finalCents: true, owedBackCents: true } });
  const payments = await db().pickupPayment.aggregate({ where: { orderId }, _sum: { amountCents: true } });
  return {
    dueCents: lines.reduce((sum, line) => sum + (line.finalCents ?? line.quantity * line.unitPriceCents), 0),
    paidCents: payments._sum.amountCents ?? 0,
    owedBackCents: lines.reduce((sum, line) => sum + line.owedBackCents, 0),
  };
}

test("re-weighed lighter after payment: the producer is told what is owed back before it is recorded, then both sides see it", async () => {
  const { distribution, fisher, orders } = await scallopsSold(1);
  const { customer, orderId, lineId } = orders[0]!;
  expect((await act(distribution.id, fisher.cookie, { intent: "weigh", lineId, weight: "2,1" })).status).toBe(200);
  // 2.1 kg at 24 €/kg: 50.40 €, paid in cash.
  expect((await act(distribution.id, fisher.cookie, { intent: "payment", orderId, paymentId: randomUUID(), method: "CASH", amount: "50,40" })).status).toBe(200);

  // The scale was wrong: 1.9 kg, so 45.60 €. Not recorded without the producer saying they will give 4.80 € back.
  const unconfirmed = await act(distribution.id, fisher.cookie, { intent: "weigh", lineId, weight: "1,9" });
  expect(unconfirmed.status).toBe(409);
  expect(unconfirmed.body.fieldErrors?.weight).toBe(
    "Ce client a déjà payé 50,40\u00a0€ ; à ce poids sa part passe à 45,60\u00a0€. Confirmez que vous lui rendrez 4,80\u00a0€ pour enregistrer cette pesée.",
  );
  expect(unconfirmed.body.owedBackCents).toBe(480);
  expect(await money(orderId)).toEqual({ dueCents: 5040, paidCents: 5040, owedBackCents: 0 });

  // A confirmation for another amount (the page was stale) is refused too.
  expect((await act(distribution.id, fisher.cookie, { intent: "weigh", lineId, weight: "1,9", owedBackCents: "100" })).status).toBe(409);

  const confirmed = await act(distribution.id, fisher.cookie, { intent: "weigh", lineId, weight: "1,9", owedBackCents: "480" });
  expect(confirmed.status).toBe(200);
  expect(confirmed.body.message).toBe("Pesée enregistrée : 1,9 kg, soit 45,60\u00a0€. Déjà payé : rendez 4,80\u00a0€ au client.");
  expect(await money(orderId)).toEqual({ dueCents: 4560, paidCents: 5040, owedBackCents: 480 });

  // At the hand-over the producer reads it on the pickup sheet…
  const sheet = await preparationPage.loader({ request: new Request(`http://localhost/producteur/preparation/${distribution.id}?vue=retrait`, { headers: { cookie: fisher.cookie } }), params: { distributionId: distribution.id }, context: {} });
  expect(sheet.pickup?.orders[0]).toMatchObject({ orderId, dueCents: 4560, paid: { totalCents: 5040 }, owedBackCents: 480 });
  // …and the customer on their order.
  const view = await findOwnOrder(db(), orderId, customer.id);
  expect(view).toMatchObject({ amountDueCents: 4560, owedBackCents: 480, paidCents: 5040, leftToPayCents: 0 });
  // The page says it is paid, and what comes back: never "to pay at pickup" after the payment.
  const { html } = await renderPage([{ path: "commandes/:id", loader: orderPage.loader, action: orderPage.action, Component: orderPage.default }], "fr", await signedInCookie(customer.id), `/commandes/${orderId}`);
  expect(html).toContain("50,40\u00a0€ payé au retrait");
  expect(html).toContain("À vous rendre au retrait : 4,80\u00a0€");
  expect(html).not.toContain("à régler au retrait");

  // Weighed right again at 2.1 kg: nothing is owed back any more.
  expect((await act(distribution.id, fisher.cookie, { intent: "weigh", lineId, weight: "2,1" })).status).toBe(200);
  expect(await money(orderId)).toEqual({ dueCents: 5040, paidCents: 5040, owedBackCents: 0 });
});

test("a weighing above what was paid needs no confirmation, and a payment never goes over what a lighter weighing left due", async () => {
  const { orders, fisher } = await scallopsSold(1);
  const { orderId, lineId } = orders[0]!;
  const now = new Date();
  await recordWeight({ producerId: fisher.producerId, lineId, grams: 2100, now });
  await recordPickupPayment({ producerId: fisher.producerId, orderId, paymentId: randomUUID(), method: "CASH", amountCents: 2000, recordedById: fisher.user.id, now });
  // Still 25.60 € more than paid at 1.9 kg: nothing to give back, no question asked.
  await recordWeight({ producerId: fisher.producerId, lineId, grams: 1900, now });
  expect(await money(orderId)).toEqual({ dueCents: 4560, paidCents: 2000, owedBackCents: 0 });
});

test("20 rounds of a weighing and a payment at the same instant: what is paid beyond what is due is always what is recorded as owed back", async () => {
  const rounds = 20;
  const { fisher, orders } = await scallopsSold(rounds);
  const now = new Date();
  for (const { lineId } of orders) await recordWeight({ producerId: fisher.producerId, lineId, grams: 2100, now });

  const outcomes: string[] = [];
  for (const [round, { orderId, lineId }] of orders.entries()) {
    // Half the rounds the producer has confirmed the 4.80 € (as the page asks), half not.
    const confirmed = round % 2 === 0;
    const [weighing, payment] = await Promise.allSettled([
      recordWeight({ producerId: fisher.producerId, lineId, grams: 1900, now, ...(confirmed ? { acceptedOwedBackCents: 480 } : {}) }),
      recordPickupPayment({ producerId: fisher.producerId, orderId, paymentId: randomUUID(), method: "CASH", amountCents: 5040, recordedById: fisher.user.id, now }),
    ]);
    for (const result of [weighing, payment]) {
      // A refusal is a domain answer (what the page shows), never a crash.
      if (result.status === "rejected") expect(result.reason).toBeInstanceOf(DomainError);
    }
    outcomes.push(`${weighing.status}/${payment.status}`);
    const figures = await money(orderId);
    expect(figures.owedBackCents, `round ${round}`).toBe(Math.max(0, figures.paidCents - figures.dueCents));
    expect(figures.paidCents - figures.dueCents, `round ${round}`).toBeLessThanOrEqual(figures.owedBackCents);
    // Nothing was lost: at least one of the two happened.
    expect(outcomes.at(-1), `round ${round}`).not.toBe("rejected/rejected");
  }
});
