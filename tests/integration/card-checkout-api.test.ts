import { expect, test } from "vitest";
import { db } from "~/db.server";
import { requestRefund } from "~/domain/payments/request-refund.server";
import { apiOrderSchema } from "~/http/api-schemas";
import { openApiDocument } from "~/http/openapi";
import { loader as orderLoader } from "~/routes/api.v1.orders.$id";
import { action as ordersAction } from "~/routes/api.v1.orders";
import { deliver, sessionsCreated, startCardCheckout } from "../card-checkout-harness";
import { createDistribution, createOffer, createUser, offerStock, signedInCookie } from "../factories";

const double = await startCardCheckout();

function jsonRequest(path: string, options: { method?: string; cookie: string; body?: unknown; headers?: Record<string, string> }): Request {
  const headers = new Headers(options.headers);
  headers.set("cookie", options.cookie);
  if (options.body !== undefined) headers.set("content-type", "application/json");
  return new Request(`http://localhost${path}`, { method: options.method ?? "GET", headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
}

async function postOrder(body: unknown, cookie: string, headers: Record<string, string> = {}) {
  const response = await ordersAction({ request: jsonRequest("/api/v1/orders", { method: "POST", body, cookie, headers }), params: {}, context: {} });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function getOrder(id: string, cookie: string) {
  const response = (await orderLoader({ request: jsonRequest(`/api/v1/orders/${id}`, { cookie }), params: { id }, context: {} })) as Response;
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function world() {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, priceCents: 800, stock: 10 });
  const customer = await createUser();
  return { distribution, offer, customer, cookie: await signedInCookie(customer.id) };
}

test("POST /api/v1/orders with paymentMethod card answers 201 with the order awaiting payment, its checkout URL and the hold's end; the same Idempotency-Key gives the same order and session", async () => {
  const { distribution, offer, cookie } = await world();
  const before = sessionsCreated(double);
  const body = { distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 2 }], paymentMethod: "card" };
  const first = await postOrder(body, cookie, { "idempotency-key": "api-card-1" });
  expect(first.status).toBe(201);
  const order = apiOrderSchema.parse(first.body);
  expect(order).toMatchObject({ status: "awaiting_payment", paymentMethod: "card", payment: { state: "awaiting_payment", amountCents: 1_600, refundedCents: 0, refunds: [] } });
  expect(order.payment?.checkoutUrl).toMatch(/\/c\/pay\/cs_test_/);
  expect(new Date(order.payment!.holdExpiresAt!).getTime()).toBeGreaterThan(Date.now());

  const again = await postOrder(body, cookie, { "idempotency-key": "api-card-1" });
  expect(again.status).toBe(201);
  expect(apiOrderSchema.parse(again.body)).toMatchObject({ id: order.id, payment: { checkoutUrl: order.payment!.checkoutUrl } });
  expect(sessionsCreated(double) - before).toBe(1);
  expect(await offerStock(offer.id)).toMatchObject({ ordered: 2 });
});

test("GET /api/v1/orders/{id} names the status as it moves (awaiting_payment → confirmed) and shows the payment's state and each refund", async () => {
  const { distribution, offer, cookie } = await world();
  const placed = apiOrderSchema.parse((await postOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 3 }], paymentMethod: "card" }, cookie)).body);
  const payment = await db().cardPayment.findUniqueOrThrow({ where: { orderId: placed.id } });
  const events = double.completeCheckoutSession(payment.checkoutSessionId!);
  await deliver(double, events.find((event) => event.type === "checkout.session.completed")!);
  await db().$transaction((tx) => requestRefund(tx, { orderId: placed.id, amount: 800, reason: "PRODUCER_REFUND", note: "abîmé" }));

  const read = await getOrder(placed.id, cookie);
  expect(read.status).toBe(200);
  const order = apiOrderSchema.parse(read.body);
  expect(order).toMatchObject({ status: "confirmed", paymentMethod: "card", payment: { state: "paid", amountCents: 2_400, refundedCents: 800, checkoutUrl: null } });
  expect(order.payment!.refunds).toEqual([expect.objectContaining({ amountCents: 800, reason: "producer_refund", status: "pending", refundedAt: null })]);
});

test("an order paid at pickup reads as before: at_pickup, confirmed, no payment; an expired card order reads expired", async () => {
  const { distribution, offer, cookie } = await world();
  const atPickup = await postOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 1 }], paymentMethod: "at_pickup" }, cookie);
  expect(atPickup.status).toBe(201);
  expect(apiOrderSchema.parse(atPickup.body)).toMatchObject({ status: "confirmed", paymentMethod: "at_pickup", payment: null });

  const card = apiOrderSchema.parse((await postOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 1 }], paymentMethod: "card" }, cookie)).body);
  await db().$transaction((tx) => import("~/domain/payments/release-hold.server").then(({ releaseHold }) => releaseHold(tx, card.id, "EXPIRED", new Date())));
  expect(apiOrderSchema.parse((await getOrder(card.id, cookie)).body)).toMatchObject({ status: "expired", payment: { state: "closed", checkoutUrl: null } });
});

test("the OpenAPI document names every order status, both payment methods, the card payment and the 422 of a server without keys", () => {
  const document = JSON.stringify(openApiDocument("http://localhost:3000"));
  for (const name of ["awaiting_payment", "expired", "card_payments_disabled", "checkoutUrl", "holdExpiresAt", "refundedCents", "late_payment"]) expect(document).toContain(name);
  const placeOrder = (openApiDocument("http://localhost:3000") as { components: { schemas: { PlaceOrder: { properties: { paymentMethod: { enum: string[] } } } } } }).components.schemas.PlaceOrder;
  expect(placeOrder.properties.paymentMethod.enum).toEqual(["at_pickup", "card"]);
});
