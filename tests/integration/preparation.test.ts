import { randomUUID } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { Outlet, type RouteObject } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { expect, test } from "vitest";
import { db, statementsIssued } from "~/db.server";
import { cancelOrder } from "~/domain/ordering/cancel-order.server";
import { findOwnOrder } from "~/domain/ordering/order-view.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { apiPickupSheetSchema } from "~/http/openapi/preparation";
import { translate } from "~/i18n/messages";
import { loader as pickupSheetApi } from "~/routes/api.v1.producer.distributions.$id.pickup-sheet";
import { loader as summaryCsvLoader } from "~/routes/producteur.bilan[.]csv";
import * as summaryPage from "~/routes/producteur.bilan";
import { loader as packingCsvLoader } from "~/routes/producteur.preparation.$distributionId.colisage[.]csv";
import { loader as pickingCsvLoader } from "~/routes/producteur.preparation.$distributionId.cueillette[.]csv";
import { loader as pickupCsvLoader } from "~/routes/producteur.preparation.$distributionId.retrait[.]csv";
import * as preparationPage from "~/routes/producteur.preparation.$distributionId";
import * as indexPage from "~/routes/producteur.preparation._index";
import { createDistribution, createMemberUser, createOffer, createProducerUser, createUser, ensureCategory, signedInCookie } from "../factories";
import { get, post, thrownResponse } from "../route-requests";
import { readCsv } from "../spreadsheet-csv";

/**
 * Preparation and hand-over after the cutoff (issue 3), through the route modules themselves on
 * the real database: the lists, weighing, hand-over, payments at pickup, the CSV files, the
 * pickup-sheet API and the sales summary, each scoped to one producer.
 */

const summaryLoader = summaryPage.loader;
const preparationLoader = preparationPage.loader;
const preparationAction = preparationPage.action;
const indexLoader = indexPage.loader;

type Answer = { ok: boolean; target: string; message: string; fieldErrors?: Record<string, string> };

/** An action's answer: a plain object (200) or `data(body, {status})`. */
function answerOf(result: unknown): { status: number; body: Answer } {
  if (typeof result === "object" && result !== null && "init" in result && "data" in result) {
    const wrapped = result as { init: { status?: number } | null; data: Answer };
    return { status: wrapped.init?.status ?? 200, body: wrapped.data };
  }
  return { status: 200, body: result as Answer };
}

/** A product sold by the kilogram at a variable weight: the customer orders an estimate. */
async function createWeighedOffer(distributionId: string, producerId: string, priceCents = 2400) {
  const categoryId = await ensureCategory();
  const productId = randomUUID();
  await db().product.create({
    data: { id: productId, producerId, categoryId, name: `Coquilles Saint-Jacques ${productId.slice(0, 4)}`, unit: "KG", priceCents, vatRateBp: 550, variableWeight: true },
  });
  const id = randomUUID();
  await db().offer.create({ data: { id, distributionId, productId, priceCents, stock: 40 } });
  return { id, productId };
}

async function order(customer: { id: string; email: string; name: string; locale: "fr" | "en" }, distributionId: string, lines: Array<{ offerId: string; quantity: number }>) {
  return placeOrder({ distributionId, lines, paymentMethod: "at_pickup", customer, now: new Date(), appUrl: "http://localhost" });
}

async function passCutoff(distributionId: string) {
  await db().distribution.update({ where: { id: distributionId }, data: { cutoffAt: new Date(Date.now() - 60_000) } });
}

/**
 * The quay on Friday: the fisher (A) sells leeks by the bunch and scallops by weight, a farmer (B)
 * sells too. Jeanne buys from A only, Émile from A and B, Zoé from B only, Luc ordered from A
 * then cancelled. Orders are placed before the cutoff; `open` moves the cutoff into the past.
 */
async function quay(options: { open?: boolean } = {}) {
  const distribution = await createDistribution();
  const fisher = await createProducerUser({ name: "Paul Pêcheur" });
  const farmer = await createProducerUser({ name: "Marie Maraîchère" });
  const leeks = await createOffer({ distributionId: distribution.id, producerId: fisher.producerId, priceCents: 250, stock: 50, name: "Poireaux" });
  const scallops = await createWeighedOffer(distribution.id, fisher.producerId);
  const eggs = await createOffer({ distributionId: distribution.id, producerId: farmer.producerId, priceCents: 400, stock: 50, name: "Œufs" });
  const jeanne = await createUser({ name: `Jeanne ${randomUUID().slice(0, 6)}` });
  const emile = await createUser({ name: `Émile ${randomUUID().slice(0, 6)}` });
  const zoe = await createUser({ name: `Zoé ${randomUUID().slice(0, 6)}` });
  const luc = await createUser({ name: `Luc ${randomUUID().slice(0, 6)}` });
  const jeanneOrder = await order(jeanne, distribution.id, [{ offerId: leeks.id, quantity: 2 }, { offerId: scallops.id, quantity: 2 }]);
  const emileOrder = await order(emile, distribution.id, [{ offerId: leeks.id, quantity: 3 }, { offerId: eggs.id, quantity: 1 }]);
  const zoeOrder = await order(zoe, distribution.id, [{ offerId: eggs.id, quantity: 2 }]);
  const lucOrder = await order(luc, distribution.id, [{ offerId: leeks.id, quantity: 7 }]);
  await cancelOrder({ orderId: lucOrder.id, customer: luc, now: new Date() });
  if (options.open !== false) await passCutoff(distribution.id);
  const scallopLine = await db().orderLine.findFirstOrThrow({ where: { orderId: jeanneOrder.id, offerId: scallops.id }, select: { id: true } });
  const leekLine = await db().orderLine.findFirstOrThrow({ where: { orderId: jeanneOrder.id, offerId: leeks.id }, select: { id: true } });
  return { distribution, fisher, farmer, leeks, scallops, eggs, jeanne, emile, zoe, luc, jeanneOrder, emileOrder, zoeOrder, scallopLineId: scallopLine.id, leekLineId: leekLine.id };
}

async function page(distributionId: string, cookie: string, view: "cueillette" | "colisage" | "retrait") {
  return preparationLoader({ request: get(`/producteur/preparation/${distributionId}?vue=${view}`, cookie), params: { distributionId }, context: {} });
}

async function act(distributionId: string, cookie: string, fields: Record<string, string>) {
  return answerOf(await preparationAction({ request: post(`/producteur/preparation/${distributionId}`, fields, cookie), params: { distributionId }, context: {} }));
}

async function csvOf(loader: typeof pickupCsvLoader, name: string, distributionId: string, cookie: string) {
  const response = await loader({ request: get(`/producteur/preparation/${distributionId}/${name}.csv`, cookie), params: { distributionId }, context: {} });
  if (!(response instanceof Response)) throw new Error("pas une réponse");
  return response;
}

// ---------------------------------------------------------------------------------------------
// The lists

test("the picking list sums each of this producer's products over confirmed orders only", async () => {
  const q = await quay();
  const data = await page(q.distribution.id, q.fisher.cookie, "cueillette");
  expect(data.state).toBe("open");
  expect(data.picking?.map((item) => [item.productName.split(" ")[0], item.quantity, item.orders, item.estimatedGrams])).toEqual([
    ["Coquilles", 2, 1, 2000],
    ["Poireaux", 5, 2, null],
  ]);
});

test("the packing list shows only this producer's lines, and customer names only for orders holding them", async () => {
  const q = await quay();
  const fisherView = await page(q.distribution.id, q.fisher.cookie, "colisage");
  expect(fisherView.packing?.map((one) => one.customerName).sort()).toEqual([q.emile.name, q.jeanne.name].sort());
  const emile = fisherView.packing?.find((one) => one.customerName === q.emile.name);
  expect(emile?.lines.map((line) => [line.productName, line.quantity])).toEqual([["Poireaux", 3]]);
  const everything = JSON.stringify(fisherView);
  expect(everything).not.toContain(q.zoe.name);
  expect(everything).not.toContain(q.luc.name);
  expect(everything).not.toContain("Œufs");

  const farmerView = JSON.stringify(await page(q.distribution.id, q.farmer.cookie, "retrait"));
  expect(farmerView).toContain(q.zoe.name);
  expect(farmerView).toContain(q.emile.name);
  expect(farmerView).not.toContain(q.jeanne.name);
  expect(farmerView).not.toContain("Poireaux");
});

test("before the cutoff the lists are shown, marked provisional, and weighing, hand-over and payments are refused with 409", async () => {
  const q = await quay({ open: false });
  const data = await page(q.distribution.id, q.fisher.cookie, "retrait");
  expect(data.state).toBe("provisional");
  expect(data.pickup?.orders).toHaveLength(2);

  const attempts: Array<Record<string, string>> = [
    { intent: "weigh", lineId: q.scallopLineId, weight: "2,1" },
    { intent: "handover", orderId: q.jeanneOrder.id, status: "COLLECTED" },
    { intent: "payment", orderId: q.jeanneOrder.id, paymentId: randomUUID(), method: "CASH", amount: "5" },
  ];
  for (const fields of attempts) {
    const answer = await act(q.distribution.id, q.fisher.cookie, fields);
    expect(answer.status).toBe(409);
    expect(answer.body.message).toBe(translate("fr", "error.preparation_not_open"));
  }
  expect(await db().orderLine.findUniqueOrThrow({ where: { id: q.scallopLineId }, select: { weighedGrams: true, finalCents: true } })).toEqual({ weighedGrams: null, finalCents: null });
  expect(await db().handover.count({ where: { orderId: q.jeanneOrder.id } })).toBe(0);
  expect(await db().pickupPayment.count({ where: { orderId: q.jeanneOrder.id } })).toBe(0);
});

test("the distributions page lists the producer's distributions with their counts", async () => {
  const q = await quay();
  const data = await indexLoader({ request: get("/producteur/preparation", q.fisher.cookie), params: {}, context: {} });
  const item = [...data.upcoming, ...data.past].find((one) => one.id === q.distribution.id);
  expect(item).toMatchObject({ orders: 2, lines: 3, linesToWeigh: 1, handedOver: 0, state: "open" });
});

// ---------------------------------------------------------------------------------------------
// Weighing

test("2 kg ordered at 24 €/kg and weighed at 2.1 kg cost 50.40 €, and the customer's order shows it", async () => {
  const q = await quay();
  const answer = await act(q.distribution.id, q.fisher.cookie, { intent: "weigh", lineId: q.scallopLineId, weight: "2,1" });
  expect(answer.status).toBe(200);
  expect(answer.body.message).toBe("Pesée enregistrée : 2,1 kg, soit 50,40\u00a0€.");
  expect(await db().orderLine.findUniqueOrThrow({ where: { id: q.scallopLineId }, select: { weighedGrams: true, finalCents: true } })).toEqual({ weighedGrams: 2100, finalCents: 5040 });
  const view = await findOwnOrder(db(), q.jeanneOrder.id, q.jeanne.id);
  expect(view?.amountDueCents).toBe(2 * 250 + 5040);
  expect(view?.awaitingWeighing).toBe(false);
});

test("a weight above the cap is charged the cap agreed at order, never more", async () => {
  const q = await quay();
  const answer = await act(q.distribution.id, q.fisher.cookie, { intent: "weigh", lineId: q.scallopLineId, weight: "3" });
  expect(answer.status).toBe(200);
  expect(answer.body.message).toContain("plafonné à 52,80");
  expect(await db().orderLine.findUniqueOrThrow({ where: { id: q.scallopLineId }, select: { weighedGrams: true, finalCents: true, capCents: true } })).toEqual({ weighedGrams: 3000, finalCents: 5280, capCents: 5280 });
});

test("the database itself refuses a final price above the cap", async () => {
  const q = await quay();
  await expect(db().orderLine.update({ where: { id: q.scallopLineId }, data: { weighedGrams: 3000, finalCents: 5281 } })).rejects.toThrow();
});

test("another producer's line, or a line not sold by weight, cannot be weighed", async () => {
  const q = await quay();
  const other = await act(q.distribution.id, q.farmer.cookie, { intent: "weigh", lineId: q.scallopLineId, weight: "2,1" });
  expect(other.status).toBe(404);
  const leeks = await act(q.distribution.id, q.fisher.cookie, { intent: "weigh", lineId: q.leekLineId, weight: "2,1" });
  expect(leeks.status).toBe(400);
  expect(leeks.body.message).toBe(translate("fr", "preparation.weigh.notWeighable"));
  expect(await db().orderLine.findUniqueOrThrow({ where: { id: q.scallopLineId }, select: { finalCents: true } })).toEqual({ finalCents: null });
});

test.each([
  { weight: "0", message: "Le poids pesé doit être supérieur à 0 kg." },
  { weight: "-2", message: "Le poids pesé doit être supérieur à 0 kg." },
  { weight: "99999999999", message: "Le poids pesé ne peut pas dépasser 1 000 kg." },
  { weight: "deux kilos", message: "Saisissez le poids pesé en kilogrammes, au gramme près (par exemple 2,1)." },
  { weight: "", message: "Saisissez le poids pesé en kilogrammes, au gramme près (par exemple 2,1)." },
])("the weight « $weight » is refused with 400 and a French message, and nothing changes", async ({ weight, message }) => {
  const q = await quay();
  const answer = await act(q.distribution.id, q.fisher.cookie, { intent: "weigh", lineId: q.scallopLineId, weight });
  expect(answer.status).toBe(400);
  expect(answer.body.fieldErrors?.weight).toBe(message);
  expect(await db().orderLine.findUniqueOrThrow({ where: { id: q.scallopLineId }, select: { weighedGrams: true, finalCents: true } })).toEqual({ weighedGrams: null, finalCents: null });
});

test("an English-speaking producer reads the refusal in English", async () => {
  const q = await quay();
  const english = await createUser({ locale: "en", email: `en-${randomUUID().slice(0, 8)}@example.test` });
  await db().membership.create({ data: { userId: english.id, organisationId: q.fisher.producerId, role: "PRODUCER" } });
  const answer = await act(q.distribution.id, await signedInCookie(english.id), { intent: "weigh", lineId: q.scallopLineId, weight: "-1" });
  expect(answer.status).toBe(400);
  expect(answer.body.fieldErrors?.weight).toBe("The weight must be more than 0 kg.");
});

test("unknown ids and intents are refused with a message, and nothing changes", async () => {
  const q = await quay();
  const cases: Array<{ fields: Record<string, string>; status: number }> = [
    { fields: { intent: "weigh", lineId: "ligne-inconnue", weight: "1" }, status: 404 },
    { fields: { intent: "weigh", lineId: "x".repeat(1000), weight: "1" }, status: 400 },
    { fields: { intent: "handover", orderId: "commande-inconnue", status: "COLLECTED" }, status: 404 },
    { fields: { intent: "handover", orderId: q.jeanneOrder.id, status: "PERDU" }, status: 400 },
    { fields: { intent: "payment", orderId: q.jeanneOrder.id, paymentId: "pas-un-uuid", method: "CASH", amount: "5" }, status: 400 },
    { fields: { intent: "payment", orderId: q.jeanneOrder.id, paymentId: randomUUID(), method: "BITCOIN", amount: "5" }, status: 400 },
    { fields: { intent: "effacer-tout" }, status: 400 },
  ];
  for (const { fields, status } of cases) {
    const answer = await act(q.distribution.id, q.fisher.cookie, fields);
    expect(answer.status, JSON.stringify(fields)).toBe(status);
    expect(answer.body.message).toMatch(/[a-zéèà]/);
  }
  expect(await db().handover.count({ where: { orderId: q.jeanneOrder.id } })).toBe(0);
  expect(await db().pickupPayment.count({ where: { orderId: q.jeanneOrder.id } })).toBe(0);
});

// ---------------------------------------------------------------------------------------------
// Hand-over and payments

test("marking an order collected twice keeps one record; it can be changed; each producer records their own part", async () => {
  const q = await quay();
  for (let turn = 0; turn < 2; turn += 1) {
    expect((await act(q.distribution.id, q.fisher.cookie, { intent: "handover", orderId: q.emileOrder.id, status: "COLLECTED" })).status).toBe(200);
  }
  expect(await db().handover.findMany({ where: { orderId: q.emileOrder.id }, select: { producerId: true, status: true } })).toEqual([{ producerId: q.fisher.producerId, status: "COLLECTED" }]);

  await act(q.distribution.id, q.farmer.cookie, { intent: "handover", orderId: q.emileOrder.id, status: "NOT_COLLECTED" });
  await act(q.distribution.id, q.fisher.cookie, { intent: "handover", orderId: q.emileOrder.id, status: "NOT_COLLECTED" });
  await act(q.distribution.id, q.fisher.cookie, { intent: "handover", orderId: q.emileOrder.id, status: "COLLECTED" });
  const rows = await db().handover.findMany({ where: { orderId: q.emileOrder.id }, select: { producerId: true, status: true } });
  expect(rows).toHaveLength(2);
  expect(rows).toContainEqual({ producerId: q.fisher.producerId, status: "COLLECTED" });
  expect(rows).toContainEqual({ producerId: q.farmer.producerId, status: "NOT_COLLECTED" });

  // Jeanne bought nothing from the farmer: her order is not theirs to hand over.
  expect((await act(q.distribution.id, q.farmer.cookie, { intent: "handover", orderId: q.jeanneOrder.id, status: "COLLECTED" })).status).toBe(404);
  const sheet = await page(q.distribution.id, q.fisher.cookie, "retrait");
  expect(sheet.pickup?.orders.find((one) => one.orderId === q.emileOrder.id)?.handover).toBe("COLLECTED");
});

test("taps on « handed over » arriving at once leave one record, never an error", async () => {
  const q = await quay();
  const answers = await Promise.all(
    Array.from({ length: 6 }, (_, index) => act(q.distribution.id, q.fisher.cookie, { intent: "handover", orderId: q.jeanneOrder.id, status: index % 2 === 0 ? "COLLECTED" : "NOT_COLLECTED" })),
  );
  expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
  expect(await db().handover.count({ where: { orderId: q.jeanneOrder.id } })).toBe(1);
});

test("several payments for one order (part cash, part cheque), each once, never more than what is due", async () => {
  const q = await quay();
  await act(q.distribution.id, q.fisher.cookie, { intent: "weigh", lineId: q.scallopLineId, weight: "2,1" });
  // Jeanne owes the fisher 2 × 2.50 + 50.40 = 55.40 €.
  const cash = { intent: "payment", orderId: q.jeanneOrder.id, paymentId: randomUUID(), method: "CASH", amount: "20" };
  expect((await act(q.distribution.id, q.fisher.cookie, cash)).body.message).toBe("Paiement enregistré : 20,00\u00a0€.");
  expect((await act(q.distribution.id, q.fisher.cookie, cash)).status).toBe(200);
  const tooMuch = await act(q.distribution.id, q.fisher.cookie, { intent: "payment", orderId: q.jeanneOrder.id, paymentId: randomUUID(), method: "CHEQUE", amount: "40" });
  expect(tooMuch.status).toBe(400);
  expect(tooMuch.body.fieldErrors?.amount).toBe("Ce montant dépasse ce qui reste à payer : 35,40\u00a0€.");
  expect((await act(q.distribution.id, q.fisher.cookie, { intent: "payment", orderId: q.jeanneOrder.id, paymentId: randomUUID(), method: "CHEQUE", amount: "35,40" })).status).toBe(200);

  const payments = await db().pickupPayment.findMany({ where: { orderId: q.jeanneOrder.id }, select: { method: true, amountCents: true, producerId: true }, orderBy: { amountCents: "asc" } });
  expect(payments).toEqual([
    { method: "CASH", amountCents: 2000, producerId: q.fisher.producerId },
    { method: "CHEQUE", amountCents: 3540, producerId: q.fisher.producerId },
  ]);
  const sheet = await page(q.distribution.id, q.fisher.cookie, "retrait");
  expect(sheet.pickup?.orders.find((one) => one.orderId === q.jeanneOrder.id)).toMatchObject({ dueCents: 5540, paid: { cashCents: 2000, chequeCents: 3540, totalCents: 5540 }, toPayCents: 0 });
  // The farmer cannot take a payment on an order that holds none of their products.
  expect((await act(q.distribution.id, q.farmer.cookie, { intent: "payment", orderId: q.jeanneOrder.id, paymentId: randomUUID(), method: "CASH", amount: "1" })).status).toBe(404);
});

test("two payments recorded at the same moment never add up to more than what is due", async () => {
  const q = await quay();
  // Émile owes the fisher 3 × 2.50 = 7.50 €: five taps of 5 € at once, one can pass.
  const answers = await Promise.all(
    Array.from({ length: 5 }, () => act(q.distribution.id, q.fisher.cookie, { intent: "payment", orderId: q.emileOrder.id, paymentId: randomUUID(), method: "CASH", amount: "5" })),
  );
  expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
  expect(answers.filter((answer) => answer.status === 400)).toHaveLength(4);
  const paid = await db().pickupPayment.aggregate({ where: { orderId: q.emileOrder.id }, _sum: { amountCents: true } });
  expect(paid._sum.amountCents).toBe(500);
});

test.each([
  { amount: "0", message: "Le montant doit être supérieur à 0 €." },
  { amount: "-5", message: "Le montant doit être supérieur à 0 €." },
  { amount: "1000000", message: "Le montant ne peut pas dépasser 100 000 €." },
  { amount: "cinq euros", message: "Saisissez un montant en euros, au centime près (par exemple 12,50)." },
  { amount: "", message: "Saisissez un montant en euros, au centime près (par exemple 12,50)." },
])("the amount « $amount » is refused with 400 and a French message, and no payment is recorded", async ({ amount, message }) => {
  const q = await quay();
  const answer = await act(q.distribution.id, q.fisher.cookie, { intent: "payment", orderId: q.jeanneOrder.id, paymentId: randomUUID(), method: "CASH", amount });
  expect(answer.status).toBe(400);
  expect(answer.body.fieldErrors?.amount).toBe(message);
  expect(await db().pickupPayment.count({ where: { orderId: q.jeanneOrder.id } })).toBe(0);
});

// ---------------------------------------------------------------------------------------------
// CSV, API

test("the three CSV files carry the pages' data: BOM, semicolons, French headers", async () => {
  const q = await quay();
  await act(q.distribution.id, q.fisher.cookie, { intent: "weigh", lineId: q.scallopLineId, weight: "2,1" });

  const picking = await csvOf(pickingCsvLoader, "cueillette", q.distribution.id, q.fisher.cookie);
  expect(picking.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(picking.headers.get("content-disposition")).toMatch(/^attachment; filename="cueillette-\d{4}-\d{2}-\d{2}\.csv"$/);
  const pickingBytes = new Uint8Array(await picking.arrayBuffer());
  expect([...pickingBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const pickingText = new TextDecoder().decode(pickingBytes);
  const pickingRows = readCsv(pickingText);
  expect(pickingRows[0]).toEqual(["Produit", "Unité", "Quantité commandée", "Commandes", "Poids estimé (kg)", "Poids pesé (kg)", "Lignes à peser"]);
  expect(pickingRows.slice(1).map((row) => [row[0]?.split(" ")[0], row[2], row[4], row[5]])).toEqual([
    ["Coquilles", "2", "2", "2,1"],
    ["Poireaux", "5", "", ""],
  ]);

  const packingRows = readCsv(await (await csvOf(packingCsvLoader, "colisage", q.distribution.id, q.fisher.cookie)).text());
  expect(packingRows).toHaveLength(1 + 3);
  expect(packingRows.map((row) => row[1]).slice(1).sort()).toEqual([q.emile.name, q.jeanne.name, q.jeanne.name].sort());

  const pickupText = await (await csvOf(pickupCsvLoader, "retrait", q.distribution.id, q.fisher.cookie)).text();
  expect(pickupText).not.toContain(q.zoe.name);
  const jeanneRow = readCsv(pickupText).find((row) => row[1] === q.jeanne.name);
  expect(jeanneRow?.[4]).toBe("55,40");
});

test("the pickup-sheet API answers the same data as the CSV, for the caller only", async () => {
  const q = await quay();
  await act(q.distribution.id, q.fisher.cookie, { intent: "weigh", lineId: q.scallopLineId, weight: "2,1" });
  await act(q.distribution.id, q.fisher.cookie, { intent: "handover", orderId: q.jeanneOrder.id, status: "COLLECTED" });
  await act(q.distribution.id, q.fisher.cookie, { intent: "payment", orderId: q.jeanneOrder.id, paymentId: randomUUID(), method: "CARD_TERMINAL", amount: "55,40" });

  const response = await pickupSheetApi({ request: get(`/api/v1/producer/distributions/${q.distribution.id}/pickup-sheet`, q.fisher.cookie), params: { id: q.distribution.id }, context: {} });
  expect(response.status).toBe(200);
  const sheet = apiPickupSheetSchema.parse(await response.json());
  expect(sheet.distribution).toMatchObject({ id: q.distribution.id, preparation: "open" });

  const csv = readCsv(await (await csvOf(pickupCsvLoader, "retrait", q.distribution.id, q.fisher.cookie)).text()).slice(1);
  const euros = (cents: number) => `${Math.trunc(cents / 100)},${String(Math.abs(cents) % 100).padStart(2, "0")}`;
  const statusWords = { collected: "Retirée", not_collected: "Non retirée" } as const;
  expect(
    sheet.orders.map((one) => [
      String(one.number),
      one.customerName,
      euros(one.dueCents),
      euros(one.paid.cashCents),
      euros(one.paid.chequeCents),
      euros(one.paid.cardCents),
      euros(one.paid.totalCents),
      euros(one.toPayCents),
      one.awaitingWeighing ? "oui" : "non",
      one.handover ? statusWords[one.handover] : "À remettre",
      one.paidOnline ? euros(one.paidOnline.paidCents) : "",
      one.refundAfterCloseCents > 0 ? euros(one.refundAfterCloseCents) : "",
    ]),
  ).toEqual(csv.map((row) => [row[0], row[1], ...row.slice(4)]));
  expect(sheet.orders.find((one) => one.customerName === q.jeanne.name)).toMatchObject({ dueCents: 5540, toPayCents: 0, handover: "collected", paid: { cardCents: 5540 } });
  expect(JSON.stringify(sheet)).not.toContain(q.zoe.name);
});

test("the pickup-sheet API: 401 anonymous, 403 for a consumer or a charity, 404 unknown, 200 empty where the caller sells nothing", async () => {
  const q = await quay();
  const call = async (id: string, cookie?: string) => {
    const response = await pickupSheetApi({ request: get(`/api/v1/producer/distributions/${id}/pickup-sheet`, cookie, { "accept-language": "en" }), params: { id }, context: {} });
    return { status: response.status, body: (await response.json()) as { error?: string; message?: string; orders?: unknown[] } };
  };
  const consumer = await signedInCookie(q.jeanne.id);
  const charity = await createMemberUser("CHARITY");
  const elsewhere = await createProducerUser();

  expect(await call(q.distribution.id)).toMatchObject({ status: 401, body: { error: "unauthenticated" } });
  expect(await call(q.distribution.id, consumer)).toMatchObject({ status: 403, body: { error: "forbidden" } });
  expect(await call(q.distribution.id, charity.cookie)).toMatchObject({ status: 403, body: { error: "forbidden" } });
  expect(await call("distribution-inconnue", q.fisher.cookie)).toMatchObject({ status: 404, body: { error: "not_found" } });
  expect(await call("x".repeat(500), q.fisher.cookie)).toMatchObject({ status: 404 });
  expect(await call(q.distribution.id, elsewhere.cookie)).toMatchObject({ status: 200, body: { orders: [] } });
});

test("pages and CSV: a consumer gets 403, a visitor goes to the login page, an unknown distribution is 404", async () => {
  const q = await quay();
  const consumer = await signedInCookie(q.jeanne.id);
  expect((await thrownResponse(page(q.distribution.id, consumer, "retrait"))).status).toBe(403);
  expect((await thrownResponse(csvOf(pickupCsvLoader, "retrait", q.distribution.id, consumer))).status).toBe(403);
  const visitor = await thrownResponse(preparationLoader({ request: get(`/producteur/preparation/${q.distribution.id}`), params: { distributionId: q.distribution.id }, context: {} }));
  expect(visitor.status).toBe(302);
  expect(visitor.headers.get("location")).toMatch(/^\/connexion\?redirectTo=/);
  expect((await thrownResponse(page("inconnue", q.fisher.cookie, "retrait"))).status).toBe(404);
  expect((await thrownResponse(csvOf(pickingCsvLoader, "cueillette", "inconnue", q.fisher.cookie))).status).toBe(404);
  const consumerAction = await thrownResponse(preparationAction({ request: post(`/producteur/preparation/${q.distribution.id}`, { intent: "handover", orderId: q.jeanneOrder.id, status: "COLLECTED" }, consumer), params: { distributionId: q.distribution.id }, context: {} }));
  expect(consumerAction.status).toBe(403);
  expect(await db().handover.count({ where: { orderId: q.jeanneOrder.id } })).toBe(0);
});

test("a list costs the same few statements whatever the number of orders", async () => {
  const q = await quay({ open: false });
  const count = async () => {
    const before = statementsIssued();
    await page(q.distribution.id, q.fisher.cookie, "retrait");
    return statementsIssued() - before;
  };
  const small = await count();
  const more = await Promise.all(Array.from({ length: 10 }, () => createUser()));
  for (const customer of more) await order(customer, q.distribution.id, [{ offerId: q.leeks.id, quantity: 1 }, { offerId: q.scallops.id, quantity: 1 }]);
  // The session, the producer organisation, the distribution, the lines.
  expect(small).toBeLessThanOrEqual(4);
  expect(await count()).toBe(small);
});

// ---------------------------------------------------------------------------------------------
// Sales summary

function isoDate(date: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

test("the sales summary: ordered, weighing, collected, paid by method and still due, per distribution and in total", async () => {
  const q = await quay();
  await act(q.distribution.id, q.fisher.cookie, { intent: "weigh", lineId: q.scallopLineId, weight: "2,1" });
  await act(q.distribution.id, q.fisher.cookie, { intent: "handover", orderId: q.jeanneOrder.id, status: "COLLECTED" });
  await act(q.distribution.id, q.fisher.cookie, { intent: "payment", orderId: q.jeanneOrder.id, paymentId: randomUUID(), method: "CASH", amount: "20" });
  await act(q.distribution.id, q.fisher.cookie, { intent: "payment", orderId: q.jeanneOrder.id, paymentId: randomUUID(), method: "CHEQUE", amount: "35,40" });
  await act(q.distribution.id, q.fisher.cookie, { intent: "handover", orderId: q.emileOrder.id, status: "NOT_COLLECTED" });

  const day = isoDate(q.distribution.startsAt);
  const data = await summaryLoader({ request: get(`/producteur/bilan?du=${day}&au=${day}`, q.fisher.cookie), params: {}, context: {} });
  if (!("summary" in data) || !data.summary) throw new Error("pas de bilan");
  const line = data.summary.distributions.find((one) => one.distributionId === q.distribution.id);
  // Ordered: Jeanne 2 × 2.50 + 2 × 24 = 53 €, Émile 3 × 2.50 = 7.50 €; weighed 2.1 kg instead of 2 kg: +2.40 €.
  expect(line).toMatchObject({
    producerId: q.fisher.producerId,
    orders: 2,
    orderedCents: 6050,
    weighingCents: 240,
    dueCents: 6290,
    collectedCents: 5540,
    notCollectedCents: 750,
    paidCashCents: 2000,
    paidChequeCents: 3540,
    paidCardCents: 0,
    paidCents: 5540,
    stillDueCents: 0,
  });
  expect(data.summary.distributions.every((one) => one.producerId === q.fisher.producerId)).toBe(true);

  const csv = await summaryCsvLoader({ request: get(`/producteur/bilan.csv?du=${day}&au=${day}`, q.fisher.cookie), params: {}, context: {} });
  const rows = readCsv(await csv.text());
  expect(rows[0]?.[0]).toBe("Date");
  expect(rows.at(-1)?.slice(3)).toEqual(["2", "60,50", "2,40", "62,90", "55,40", "7,50", "20,00", "35,40", "0,00", "55,40", "0,00", "0,00"]);
});

test("a territory admin reads one line per producer; a consumer may not read the summary", async () => {
  const q = await quay();
  const admin = await createMemberUser("ADMIN");
  const day = isoDate(q.distribution.startsAt);
  const data = await summaryLoader({ request: get(`/producteur/bilan?du=${day}&au=${day}`, admin.cookie), params: {}, context: {} });
  if (!("summary" in data) || !data.summary) throw new Error("pas de bilan");
  const ours = data.summary.producers.filter((one) => one.producerId === q.fisher.producerId || one.producerId === q.farmer.producerId);
  expect(ours.map((one) => one.orders).sort()).toEqual([2, 2]);
  const consumer = await signedInCookie(q.jeanne.id);
  expect((await thrownResponse(summaryLoader({ request: get("/producteur/bilan", consumer), params: {}, context: {} }))).status).toBe(403);
});

test.each([
  { query: "du=2026-02-30&au=2026-03-01", field: "from", message: "Saisissez une date valide (par exemple 27/11/2026)." },
  { query: "du=2026-03-10&au=2026-03-01", field: "to", message: "La date de fin doit être postérieure ou égale à la date de début." },
  { query: "du=2020-01-01&au=2026-03-01", field: "to", message: "La période ne peut pas dépasser un an." },
  { query: `du=${"9".repeat(500)}&au=2026-03-01`, field: "from", message: "Saisissez une date valide (par exemple 27/11/2026)." },
])("the summary refuses the period $query with 400 and a French message", async ({ query, field, message }) => {
  const producer = await createProducerUser();
  const result = await summaryLoader({ request: get(`/producteur/bilan?${query}`, producer.cookie), params: {}, context: {} });
  const answer = result as unknown as { init: { status: number }; data: { errors: Record<string, string>; summary: null } };
  expect(answer.init.status).toBe(400);
  expect(answer.data.errors[field]).toBe(message);
  expect(answer.data.summary).toBeNull();
});

// ---------------------------------------------------------------------------------------------
// The pages as the server renders them

/** One page's loader and component, rendered to HTML as Remix does on the server (root reduced to the language). */
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

test("each page renders for the producer: the lists, the quay's buttons, the index and the summary", async () => {
  const q = await quay();
  await act(q.distribution.id, q.fisher.cookie, { intent: "weigh", lineId: q.scallopLineId, weight: "2,1" });
  const base = `/producteur/preparation/${q.distribution.id}`;
  const path = "producteur/preparation/:distributionId";

  const picking = await renderPage(`${base}?vue=cueillette`, preparationPage, q.fisher.cookie, path);
  expect(picking).toContain("Imprimer");
  expect(picking).toContain(`href="${base}/cueillette.csv"`);
  expect(picking).toContain("5 × botte");

  const packing = await renderPage(`${base}?vue=colisage`, preparationPage, q.fisher.cookie, path);
  expect(packing).toContain(q.jeanne.name);
  expect(packing).toContain("pesé 2,1 kg : 50,40");

  const pickup = await renderPage(`${base}?vue=retrait`, preparationPage, q.fisher.cookie, path);
  expect(pickup).toContain("Remise au client");
  expect(pickup).toContain("Client pas venu");
  expect(pickup).toContain("Espèces");
  expect(pickup).toContain('value="55,40"');
  expect(pickup).not.toContain(q.zoe.name);

  const index = await renderPage("/producteur/preparation", indexPage, q.fisher.cookie, "producteur/preparation");
  expect(index).toContain(`/producteur/preparation/${q.distribution.id}?vue=`);

  const day = isoDate(q.distribution.startsAt);
  const summary = await renderPage(`/producteur/bilan?du=${day}&au=${day}`, summaryPage, q.fisher.cookie, "producteur/bilan");
  expect(summary).toContain("Reste dû");
  expect(summary).toContain("62,90");
});
