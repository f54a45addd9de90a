import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { cancelOrder } from "~/domain/ordering/cancel-order.server";
import { changeOrderLine } from "~/domain/ordering/change-order-line.server";
import { setCartQuantity } from "~/domain/ordering/cart.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { domainErrorMessage } from "~/http/errors.server";
import * as cartPage from "~/routes/panier.$distributionId";
import { action as patchOfferAction } from "~/routes/api.v1.offers.$id";
import * as offerPage from "~/routes/offres.$id";
import * as salesPage from "~/routes/producteur.ventes.$distributionId";
import { createDistribution, createOffer, createProducerUser, createUser, offerStock, signedInCookie } from "../factories";

/**
 * Issue 9, decision 019: an account made in a second must not take every unit and every slot
 * place. A first order paid at pickup needs a confirmed email; a customer holds at most 3 open
 * orders per distribution and at most 20 of a product (or the producer's "N per customer").
 */

type Customer = { id: string; email: string; name: string; locale: "fr" | "en" };

function order(customer: Customer, distributionId: string, lines: Array<{ offerId: string; quantity: number }>) {
  return placeOrder({ distributionId, lines, paymentMethod: "at_pickup", customer, idempotencyKey: randomUUID(), now: new Date(), appUrl: "http://localhost" });
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof DomainError)) throw new Error(`refus attendu, obtenu ${String(outcome)}`);
  return outcome;
}

test("a fresh account with an unconfirmed email cannot place a first order paid at pickup; the page says to check the inbox; nothing is taken", async () => {
  const distribution = await createDistribution();
  const leeks = await createOffer({ distributionId: distribution.id, stock: 10 });
  const fresh = await createUser({ emailVerified: false });

  const error = await refusal(order(fresh, distribution.id, [{ offerId: leeks.id, quantity: 2 }]));
  expect(error.code).toBe("email_unverified");
  expect(domainErrorMessage(error, "fr")).toContain("Confirmez votre adresse e-mail : consultez votre boîte de réception.");
  expect(domainErrorMessage(error, "en")).toContain("Confirm your email address: check your inbox.");
  expect(await offerStock(leeks.id)).toMatchObject({ ordered: 0 });
  expect(await db().pickupSlot.aggregate({ where: { distributionId: distribution.id }, _sum: { booked: true } })).toMatchObject({ _sum: { booked: 0 } });

  // Through the cart page: warned before, refused with 403 at checkout.
  const cookie = await signedInCookie(fresh.id);
  await setCartQuantity({ userId: fresh.id, offerId: leeks.id, quantity: 1, now: new Date() });
  const page = await cartPage.loader({ request: new Request(`http://localhost/panier/${distribution.id}`, { headers: { cookie } }), params: { distributionId: distribution.id }, context: {} });
  expect(page.mustConfirmEmail).toBe(true);
  const fields = { intent: "checkout", slotId: page.distribution.slots[0]!.id, paymentMethod: "at_pickup", idempotencyKey: page.idempotencyKey, shownLines: page.shownLines };
  const answer = (await cartPage.action({
    request: new Request(`http://localhost/panier/${distribution.id}`, { method: "POST", body: new URLSearchParams(fields), headers: { cookie } }),
    params: { distributionId: distribution.id },
    context: {},
  })) as unknown as { init: { status: number }; data: { message: string } };
  expect(answer.init.status).toBe(403);
  expect(answer.data.message).toContain("Confirmez votre adresse e-mail");
  expect(await db().order.count({ where: { userId: fresh.id } })).toBe(0);
});

test("someone who already collected an order is known and may order without a confirmed email; a confirmed email is enough too", async () => {
  const past = await createDistribution();
  const next = await createDistribution();
  const pastOffer = await createOffer({ distributionId: past.id });
  const offer = await createOffer({ distributionId: next.id });
  // An account from before emails were confirmed, who collected an order last week.
  const regular = await createUser({ emailVerified: false });
  await db().user.update({ where: { id: regular.id }, data: { emailVerifiedAt: new Date() } });
  const earlier = await order(regular, past.id, [{ offerId: pastOffer.id, quantity: 1 }]);
  await db().user.update({ where: { id: regular.id }, data: { emailVerifiedAt: null } });
  const producer = await createProducerUser({ producerId: pastOffer.producerId });
  await db().handover.create({ data: { orderId: earlier.id, producerId: pastOffer.producerId, status: "COLLECTED", recordedAt: new Date(), recordedById: producer.user.id } });

  await expect(order(regular, next.id, [{ offerId: offer.id, quantity: 1 }])).resolves.toMatchObject({ status: "CONFIRMED" });
  await expect(order(await createUser(), next.id, [{ offerId: offer.id, quantity: 1 }])).resolves.toMatchObject({ status: "CONFIRMED" });
});

test("at most 3 open orders per customer and distribution; a cancelled one frees its place", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 50 });
  const customer = await createUser();
  const orders = [];
  for (let index = 0; index < 3; index += 1) orders.push(await order(customer, distribution.id, [{ offerId: offer.id, quantity: 1 }]));

  const error = await refusal(order(customer, distribution.id, [{ offerId: offer.id, quantity: 1 }]));
  expect(error.code).toBe("customer_limit");
  expect(domainErrorMessage(error, "fr")).toBe("Vous avez déjà 3 commandes en cours pour cette distribution : modifiez l'une d'elles plutôt que d'en passer une nouvelle.");
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 3 });

  await cancelOrder({ orderId: orders[0]!.id, customer, now: new Date() });
  await expect(order(customer, distribution.id, [{ offerId: offer.id, quantity: 1 }])).resolves.toMatchObject({ status: "CONFIRMED" });
});

test("at most 20 of a product per customer over their orders of the distribution, in the cart, at checkout and when a line grows", async () => {
  const distribution = await createDistribution();
  const leeks = await createOffer({ distributionId: distribution.id, stock: 500, name: "Poireaux" });
  const customer = await createUser();

  const tooMany = await refusal(setCartQuantity({ userId: customer.id, offerId: leeks.id, quantity: 21, now: new Date() }));
  expect(domainErrorMessage(tooMany, "fr")).toBe("« Poireaux » : 20 maximum par personne pour cette distribution.");
  expect(await refusal(order(customer, distribution.id, [{ offerId: leeks.id, quantity: 21 }]))).toMatchObject({ code: "customer_limit" });

  const first = await order(customer, distribution.id, [{ offerId: leeks.id, quantity: 15 }]);
  const second = await refusal(order(customer, distribution.id, [{ offerId: leeks.id, quantity: 6 }]));
  expect(domainErrorMessage(second, "fr")).toBe("« Poireaux » : 20 maximum par personne pour cette distribution, et vous en avez déjà 15 en commande.");
  expect(domainErrorMessage(second, "en")).toBe("“Poireaux”: at most 20 per person for this distribution, and you already have 15 on order.");
  const third = await order(customer, distribution.id, [{ offerId: leeks.id, quantity: 5 }]);
  expect(await refusal(changeOrderLine({ orderId: first.id, offerId: leeks.id, quantity: 16, customer, now: new Date() }))).toMatchObject({ code: "customer_limit" });
  // Fewer is always fine, and frees room.
  await changeOrderLine({ orderId: third.id, offerId: leeks.id, quantity: 2, customer, now: new Date() });
  await changeOrderLine({ orderId: first.id, offerId: leeks.id, quantity: 18, customer, now: new Date() });
  expect(await offerStock(leeks.id)).toMatchObject({ ordered: 20 });
});

test("a producer sets « at most 2 per customer » on the sales page and through the API; the offer page shows it; clearing it brings back the default", async () => {
  const distribution = await createDistribution();
  const seller = await createProducerUser();
  const oysters = await createOffer({ distributionId: distribution.id, producerId: seller.producerId, stock: 100, priceCents: 1200, name: "Huîtres" });

  /** The sales page's form for the oysters, as the producer sends it, with this « at most per customer ». */
  const saveOnSalesPage = (maxPerCustomer: string) =>
    salesPage.action({
      request: new Request(`http://localhost/producteur/ventes/${distribution.id}`, {
        method: "POST",
        headers: { cookie: seller.cookie },
        body: new URLSearchParams({ intent: "save", [`onSale.${oysters.id}`]: "on", [`stock.${oysters.id}`]: "100", [`price.${oysters.id}`]: "12,00", [`max.${oysters.id}`]: maxPerCustomer }),
      }),
      params: { distributionId: distribution.id },
      context: {},
    });
  const answer = await saveOnSalesPage("2");
  expect(answer).toMatchObject({ ok: true });
  expect(await db().offer.findUniqueOrThrow({ where: { id: oysters.id }, select: { maxPerCustomer: true } })).toEqual({ maxPerCustomer: 2 });

  const shown = await offerPage.loader({ request: new Request(`http://localhost/offres/${oysters.id}`), params: { id: oysters.id }, context: {} });
  expect(shown.limit).toEqual({ max: 2, setByProducer: true });

  const customer = await createUser();
  expect(domainErrorMessage(await refusal(order(customer, distribution.id, [{ offerId: oysters.id, quantity: 3 }])), "fr")).toBe("« Huîtres » : 2 maximum par personne pour cette distribution.");

  const badForm = await saveOnSalesPage("0");
  expect(JSON.stringify(badForm)).toContain("Le maximum par client est un nombre entier de 1 à 99, ou vide.");
  expect(await db().offer.findUniqueOrThrow({ where: { id: oysters.id }, select: { maxPerCustomer: true } })).toEqual({ maxPerCustomer: 2 });

  const patch = (body: unknown) =>
    patchOfferAction({
      request: new Request(`http://localhost/api/v1/offers/${oysters.id}`, { method: "PATCH", headers: { cookie: seller.cookie, "content-type": "application/json" }, body: JSON.stringify(body) }),
      params: { id: oysters.id },
      context: {},
    });
  const cleared = await patch({ maxPerCustomer: null });
  expect(cleared.status).toBe(200);
  expect(await cleared.json()).toMatchObject({ maxPerCustomer: null });
  expect((await patch({ maxPerCustomer: 100 })).status).toBe(400);
  expect(await (await patch({ maxPerCustomer: 5 })).json()).toMatchObject({ maxPerCustomer: 5 });
});

test("one customer firing parallel orders and line changes at once never holds more than the producer's « at most 4 per customer »", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 100, name: "Homard" });
  await db().offer.update({ where: { id: offer.id }, data: { maxPerCustomer: 4 } });
  const customer = await createUser();
  const existing = await order(customer, distribution.id, [{ offerId: offer.id, quantity: 1 }]);

  const attempts = await Promise.allSettled([
    ...Array.from({ length: 6 }, () => order(customer, distribution.id, [{ offerId: offer.id, quantity: 2 }])),
    ...Array.from({ length: 6 }, () => changeOrderLine({ orderId: existing.id, offerId: offer.id, quantity: 3, customer, now: new Date() })),
  ]);
  for (const attempt of attempts) {
    if (attempt.status === "rejected") expect(attempt.reason).toMatchObject({ code: "customer_limit" });
  }
  const held = await db().orderLine.aggregate({ where: { offerId: offer.id, order: { userId: customer.id, status: "CONFIRMED" } }, _sum: { quantity: true } });
  expect(held._sum.quantity).toBeLessThanOrEqual(4);
  expect(await offerStock(offer.id)).toMatchObject({ ordered: held._sum.quantity });
});
