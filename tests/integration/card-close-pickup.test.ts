import { randomUUID } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { Outlet, type RouteObject } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { moneyFinalAt } from "~/domain/payments/money-model";
import { recordHandover } from "~/domain/preparation/record-handover.server";
import { recordPickupPayment } from "~/domain/preparation/record-pickup-payment.server";
import { recordWeight } from "~/domain/preparation/record-weight.server";
import { apiPickupSheetSchema } from "~/http/openapi/preparation";
import { loader as pickupSheetApi } from "~/routes/api.v1.producer.distributions.$id.pickup-sheet";
import { loader as pickupCsvLoader } from "~/routes/producteur.preparation.$distributionId.retrait[.]csv";
import * as preparationPage from "~/routes/producteur.preparation.$distributionId";
import { createDistribution, createOffer, createProducerUser, createUser, ensureCategory } from "../factories";
import { createCardPaidOrder } from "../factories-payments";
import { get, post } from "../route-requests";
import { readCsv } from "../spreadsheet-csv";

/*
 * The pickup sheet and the end of a distribution's money (issue 11, decision 027 §5, §9): a
 * card-paid order reads « Payé en ligne » with what nothing is left to take at the stall, a stall
 * payment beyond what is due is refused, a lighter weighing owes nothing back at the stall, and
 * 48 hours after the end weighings, hand-overs and stall payments are refused.
 */

const HOUR = 3_600_000;

async function createWeighedOffer(distributionId: string, producerId: string, priceCents: number) {
  const categoryId = await ensureCategory();
  const productId = randomUUID();
  await db().product.create({
    data: { id: productId, producerId, categoryId, name: `Coquilles Saint-Jacques ${productId.slice(0, 4)}`, unit: "KG", priceCents, vatRateBp: 550, variableWeight: true },
  });
  const id = randomUUID();
  await db().offer.create({ data: { id, distributionId, productId, priceCents, stock: 40 } });
  return { id };
}

/**
 * A fisher's quay: Émile paid online for 2 kg of scallops at 15 € (cap 33,00 €) and 1,50 € of
 * leeks: 34,50 € charged. Léa orders leeks to pay at pickup. The market ended an hour ago.
 */
async function quay() {
  const distribution = await createDistribution();
  const fisher = await createProducerUser({ name: "Paul Pêcheur" });
  const scallops = await createWeighedOffer(distribution.id, fisher.producerId, 1500);
  const leeks = await createOffer({ distributionId: distribution.id, producerId: fisher.producerId, priceCents: 150, stock: 50, name: "Poireaux" });
  const emile = await createUser({ name: `Émile ${randomUUID().slice(0, 6)}` });
  const lea = await createUser({ name: `Léa ${randomUUID().slice(0, 6)}` });
  const { order: cardOrder, payment } = await createCardPaidOrder({ distributionId: distribution.id, customer: emile, lines: [{ offerId: scallops.id, quantity: 2 }, { offerId: leeks.id, quantity: 1 }] });
  const { order: pickupOrder } = await createCardPaidOrder({ distributionId: distribution.id, customer: lea, lines: [{ offerId: leeks.id, quantity: 2 }] });
  // Léa pays at pickup: no card payment at all.
  await db().cardPayment.delete({ where: { orderId: pickupOrder.id } });
  await db().order.update({ where: { id: pickupOrder.id }, data: { paymentMethod: "AT_PICKUP" } });
  const endsAt = new Date(Date.now() - HOUR);
  await db().distribution.update({ where: { id: distribution.id }, data: { cutoffAt: new Date(endsAt.getTime() - 26 * HOUR), startsAt: new Date(endsAt.getTime() - HOUR), endsAt } });
  const scallopLine = await db().orderLine.findFirstOrThrow({ where: { orderId: cardOrder.id, offerId: scallops.id } });
  return { distribution, endsAt, fisher, emile, lea, cardOrder, payment, pickupOrder, scallopLineId: scallopLine.id };
}

/** The page's loader and component rendered to HTML as Remix does on the server (root reduced to the language). */
async function renderPage(path: string, route: { loader: (args: LoaderFunctionArgs) => Promise<unknown>; default: ComponentType }, cookie: string, routePath: string): Promise<string> {
  const routes: RouteObject[] = [
    {
      id: "root",
      path: "/",
      loader: () => ({ locale: "fr", user: null }),
      Component: Outlet,
      children: [{ id: "page", path: routePath, loader: ({ request, params }) => route.loader({ request, params, context: {} }), Component: route.default }],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(get(path, cookie));
  if (context instanceof Response) throw new Error(`réponse ${context.status}`);
  if (context.errors) throw new Error(JSON.stringify(context.errors));
  return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }));
}

/** Intl writes a narrow no-break space before "€": compared as plain spaces. */
function spaced(html: string): string {
  return html.replace(/[\u00a0\u202f]/g, " ").replace(/&#x27;/g, "'");
}

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return "accepted";
}

test("money final: weighing, hand-over and stall payment are allowed just before 48 h after the end and refused from that instant", async () => {
  const q = await quay();
  const finalAt = moneyFinalAt(q.endsAt);
  const before = new Date(finalAt.getTime() - 1);
  const common = { producerId: q.fisher.producerId, recordedById: q.fisher.user.id };

  expect(await refusal(() => recordWeight({ producerId: q.fisher.producerId, lineId: q.scallopLineId, grams: 1900, now: before }))).toBe("accepted");
  expect(await refusal(() => recordHandover({ ...common, orderId: q.pickupOrder.id, status: "COLLECTED", now: before }))).toBe("accepted");
  expect(await refusal(() => recordPickupPayment({ ...common, orderId: q.pickupOrder.id, paymentId: randomUUID(), method: "CASH", amountCents: 100, now: before }))).toBe("accepted");

  expect(await refusal(() => recordWeight({ producerId: q.fisher.producerId, lineId: q.scallopLineId, grams: 1700, now: finalAt }))).toBe("money_final");
  expect(await refusal(() => recordHandover({ ...common, orderId: q.pickupOrder.id, status: "NOT_COLLECTED", now: finalAt }))).toBe("money_final");
  expect(await refusal(() => recordPickupPayment({ ...common, orderId: q.pickupOrder.id, paymentId: randomUUID(), method: "CASH", amountCents: 100, now: finalAt }))).toBe("money_final");

  // Nothing changed after the instant: the weight, the hand-over and the one payment of before.
  const line = await db().orderLine.findUniqueOrThrow({ where: { id: q.scallopLineId } });
  expect(line.weighedGrams).toBe(1900);
  expect((await db().handover.findFirstOrThrow({ where: { orderId: q.pickupOrder.id } })).status).toBe("COLLECTED");
  expect(await db().pickupPayment.count({ where: { orderId: q.pickupOrder.id } })).toBe(1);
});

test("money final: the quay's page says the accounts are closed, offers no form, and its refusal reads in French and English", async () => {
  const q = await quay();
  await db().distribution.update({ where: { id: q.distribution.id }, data: { endsAt: new Date(Date.now() - 49 * HOUR), startsAt: new Date(Date.now() - 50 * HOUR), cutoffAt: new Date(Date.now() - 60 * HOUR) } });
  const page = (await preparationPage.loader({ request: get(`/producteur/preparation/${q.distribution.id}?vue=retrait`, q.fisher.cookie), params: { distributionId: q.distribution.id }, context: {} })) as { moneyFinalAt: Date | null };
  expect(page.moneyFinalAt).not.toBeNull();
  const answer = (await preparationPage.action({
    request: post(`/producteur/preparation/${q.distribution.id}`, { intent: "handover", orderId: q.pickupOrder.id, status: "COLLECTED" }, q.fisher.cookie),
    params: { distributionId: q.distribution.id },
    context: {},
  })) as { init: { status: number }; data: { ok: boolean; message: string } };
  expect(answer.init.status).toBe(409);
  expect(answer.data.message).toMatch(/^Les comptes de cette distribution sont clos/);
  expect(await db().handover.count({ where: { orderId: q.pickupOrder.id } })).toBe(0);
});

test("the pickup sheet shows a card-paid order as paid online, nothing left to pay at the stall, and refuses a stall payment beyond what is due", async () => {
  const q = await quay();
  // Weighed lighter at the stall: 1,80 kg → 27,00 € instead of the 33,00 € cap charged.
  const weighed = await recordWeight({ producerId: q.fisher.producerId, lineId: q.scallopLineId, grams: 1800, now: new Date() });
  expect(weighed).toMatchObject({ finalCents: 2700, capCents: 3300, owedBackCents: 0 });

  const response = await pickupSheetApi({ request: get(`/api/v1/producer/distributions/${q.distribution.id}/pickup-sheet`, q.fisher.cookie), params: { id: q.distribution.id }, context: {} });
  const sheet = apiPickupSheetSchema.parse(await response.json());
  expect(sheet.distribution.moneyFinalAt).toBe(moneyFinalAt(q.endsAt).toISOString());
  const card = sheet.orders.find((one) => one.id === q.cardOrder.id)!;
  const atPickup = sheet.orders.find((one) => one.id === q.pickupOrder.id)!;
  expect(card).toMatchObject({ dueCents: 2850, paidOnline: { chargedCents: 3450, refundedCents: 0, paidCents: 3450 }, toPayCents: 0, refundAfterCloseCents: 600, paid: { totalCents: 0 } });
  // Paid at pickup: as before, what it costs is left to pay at the stall.
  expect(atPickup).toMatchObject({ dueCents: 300, paidOnline: null, toPayCents: 300, refundAfterCloseCents: 0 });
  expect(sheet.totals.toPayCents).toBe(300);

  // The CSV says the same: paid online 34,50, refunded to the card after the close 6,00, nothing left.
  const csvResponse = await pickupCsvLoader({ request: get(`/producteur/preparation/${q.distribution.id}/retrait.csv`, q.fisher.cookie), params: { distributionId: q.distribution.id }, context: {} });
  const rows = readCsv(await (csvResponse as Response).text());
  const cardRow = rows.find((row) => row[1] === q.emile.name)!;
  const header = rows[0]!;
  expect(cardRow[header.indexOf("Payé en ligne (€)")]).toBe("34,50");
  expect(cardRow[header.indexOf("Remboursé sur la carte après la clôture (€)")]).toBe("6,00");
  expect(cardRow[header.indexOf("Reste à payer (€)")]).toBe("0,00");

  // A stall payment on the card-paid order is beyond what is due: refused, with a message that says why, nothing recorded.
  const answer = (await preparationPage.action({
    request: post(`/producteur/preparation/${q.distribution.id}`, { intent: "payment", orderId: q.cardOrder.id, paymentId: randomUUID(), method: "CASH", amount: "28,50" }, q.fisher.cookie),
    params: { distributionId: q.distribution.id },
    context: {},
  })) as { init: { status: number }; data: { ok: boolean; message: string } };
  expect(answer.init.status).toBe(400);
  expect(answer.data.message).toBe("Cette commande est payée en ligne (carte bancaire en ligne) : il ne reste rien à encaisser au stand.");
  expect(await db().pickupPayment.count({ where: { orderId: q.cardOrder.id } })).toBe(0);

  // The page reads « Payé en ligne : 34,50 € » and the refund to come, with no payment form for that order.
  const page = (await preparationPage.loader({ request: get(`/producteur/preparation/${q.distribution.id}?vue=retrait`, q.fisher.cookie), params: { distributionId: q.distribution.id }, context: {} })) as {
    pickup: { orders: Array<{ orderId: string; online: { paidCents: number } | null; toPayCents: number; refundAfterCloseCents: number }> };
  };
  expect(page.pickup.orders.find((one) => one.orderId === q.cardOrder.id)).toMatchObject({ online: { paidCents: 3450 }, toPayCents: 0, refundAfterCloseCents: 600 });
  const html = spaced(await renderPage(`/producteur/preparation/${q.distribution.id}?vue=retrait`, preparationPage, q.fisher.cookie, "producteur/preparation/:distributionId"));
  // On screen and on paper.
  expect(html).toContain("Payé en ligne : 34,50 €");
  expect(html).toContain("6,00 € remboursé(s) sur la carte après la clôture : rien à rendre au stand.");
  expect(html).toContain("payé en ligne 34,50 €");
  expect(html).toContain("remboursé sur la carte après la clôture : 6,00 €");
  // The stall's own terminal is named as such, never « Carte » alone.
  expect(html).toContain("TPE du stand");
  expect(html).not.toMatch(/>Carte</);
});

test("a card-paid order weighed lighter: the stall gives back only what it took beyond what it was owed, never the card refund of the close a second time", async () => {
  const q = await quay();
  // As a sheet that did not count the online payment let it: 28,50 € taken in cash on top of the 34,50 € paid online.
  await db().pickupPayment.create({ data: { id: randomUUID(), orderId: q.cardOrder.id, producerId: q.fisher.producerId, method: "CASH", amountCents: 2850, recordedAt: new Date(), recordedById: q.fisher.user.id } });
  // The stall gives back only what it took beyond what it was owed (everything: the card paid for it), never the weighing's difference too.
  const refused = await refusal(() => recordWeight({ producerId: q.fisher.producerId, lineId: q.scallopLineId, grams: 1800, now: new Date() }));
  expect(refused).toBe("owed_back_unconfirmed");
  const weighed = await recordWeight({ producerId: q.fisher.producerId, lineId: q.scallopLineId, grams: 1800, now: new Date(), acceptedOwedBackCents: 2850 });
  expect(weighed.owedBackCents).toBe(2850);
});
