import { logInSchema } from "~/domain/accounts/log-in.server";
import { placeOrderSchema } from "~/domain/ordering/place-order.server";
import { apiDistributionSchema, apiErrorSchema, apiOfferSchema, apiOrderSchema, apiSessionSchema } from "~/http/api-schemas";

import { error, json, ref, schema } from "~/http/openapi/parts";
import { donationCancelApi } from "~/http/openapi/donation-cancel";
import { donationPickupsApi } from "~/http/openapi/donation-pickups";
import { donationsApi } from "~/http/openapi/donations";
import { preparationApi } from "~/http/openapi/preparation";
import { producerOffersApi } from "~/http/openapi/producer-offers";
import { labelsApi } from "~/http/openapi/labels";
import { producersApi } from "~/http/openapi/producers";

const parts = [producerOffersApi, preparationApi, donationsApi, donationPickupsApi, donationCancelApi, labelsApi, producersApi];

/**
 * The OpenAPI 3.0 document of /api/v1, generated from the same zod schemas that validate the
 * requests and shape the responses, so the two cannot disagree.
 */
export function openApiDocument(serverUrl: string) {
  const document = {
    openapi: "3.0.3",
    info: {
      title: "Terre & Mer API",
      version: "1.0.0",
      description:
        "Public JSON API of Terre & Mer, the short-circuit marketplace of Dieppe-Maritime. Same sessions and permissions as the web pages: sign in with POST /session, then send the `tm_session` cookie. Money is in integer euro cents, VAT included; times are ISO 8601 instants. Error messages are in French unless `Accept-Language: en`.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    components: {
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "tm_session" } },
      schemas: {
        Error: schema(apiErrorSchema),
        Distribution: schema(apiDistributionSchema),
        Offer: schema(apiOfferSchema),
        Order: schema(apiOrderSchema),
        Session: schema(apiSessionSchema),
        LogIn: schema(logInSchema, "input"),
        PlaceOrder: schema(placeOrderSchema, "input"),
        ...Object.assign({}, ...parts.map((part) => part.schemas)),
      },
    },
    paths: {
      "/session": {
        post: {
          summary: "Sign in; sets the session cookie",
          requestBody: { required: true, content: json(ref("LogIn")) },
          responses: { "200": { description: "Signed in; `Set-Cookie: tm_session=...`" }, "400": error("Invalid input"), "401": error("Wrong email or password"), "429": error("Too many attempts") },
        },
        get: { summary: "The signed-in user", security: [{ session: [] }], responses: { "200": { description: "The user", content: json(ref("Session")) }, "401": error("Not signed in") } },
        delete: { summary: "Sign out", responses: { "200": { description: "Signed out" } } },
      },
      "/distributions": {
        get: {
          summary: "Upcoming distributions, soonest first",
          responses: { "200": { description: "Distributions", content: json({ type: "object", properties: { distributions: { type: "array", items: ref("Distribution") } } }) } },
        },
      },
      "/distributions/{id}/offers": {
        get: {
          summary: "The offers of one distribution",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": { description: "Offers", content: json({ type: "object", properties: { distributionId: { type: "string" }, offers: { type: "array", items: ref("Offer") } } }) },
            "404": error("Unknown distribution"),
          },
        },
      },
      "/orders": {
        get: { summary: "The caller's orders", security: [{ session: [] }], responses: { "200": { description: "Orders", content: json({ type: "object", properties: { orders: { type: "array", items: ref("Order") } } }) }, "401": error("Not signed in") } },
        post: {
          summary: "Place an order for one distribution, paid at pickup or by card online",
          description:
            "Send each line's `unitPriceCents` as your client showed it: if an offer's price is no longer that one, nothing is ordered (409 `price_changed` with `priceChanges`). Without it, the line is charged the offer's current price, stated in the answer. A first order paid at pickup needs a confirmed email (403 `email_unverified`) unless the customer already collected an order; a customer holds at most 3 open orders per distribution and, of each offer, its `maxPerCustomer` or 20 units over those orders (409 `customer_limit`). With `paymentMethod: \"card\"` (where the server has Stripe keys; otherwise 422 `card_payments_disabled`) the answer is the order with status `awaiting_payment` and `payment.checkoutUrl`: open it to pay on Stripe Checkout before `payment.holdExpiresAt` (about 15 minutes; stock and slot are held until then). Once paid, the order is `confirmed`; unpaid by then, `expired`, and nothing is charged. Lines sold by weight are charged at their cap and the difference is refunded after weighing. `\"at_pickup\"` works as it always did.",
          security: [{ session: [] }],
          parameters: [{ name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 100 }, description: "Retrying with the same key returns the same order instead of placing a second one" }],
          requestBody: { required: true, content: json(ref("PlaceOrder")) },
          responses: {
            "201": { description: "The order", content: json(ref("Order")) },
            "400": error("Invalid input: `{error: \"invalid\", issues}`"),
            "401": error("Not signed in"),
            "403": error("`email_unverified`: confirm the email address before a first order paid at pickup"),
            "409": error("`sold_out` with `offerIds`, `cutoff_passed`, `not_open_yet`, `distribution_cancelled`, `slot_full`, `price_changed` with `priceChanges`, or `customer_limit`"),
            "422": error("`card_payments_disabled`: this server takes no card payment (no Stripe keys); use `at_pickup`"),
          },
        },
      },
      "/orders/{id}": {
        get: {
          summary: "One of the caller's orders, with its card payment's state and refunds (`payment`)",
          security: [{ session: [] }],
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "The order", content: json(ref("Order")) }, "401": error("Not signed in"), "404": error("No such order among the caller's") },
        },
      },
      "/orders/{id}/cancel": {
        post: {
          summary: "Cancel an order before the cutoff; its stock is given back",
          security: [{ session: [] }],
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "The cancelled order", content: json(ref("Order")) }, "401": error("Not signed in"), "404": error("No such order among the caller's"), "409": error("`cutoff_passed` or `order_cancelled`") },
        },
      },
      ...Object.assign({}, ...parts.map((part) => part.paths)),
    },
  };
  withCommonAnswers(document.paths);
  return document;
}

/**
 * Answers any operation may give, whatever it does: 503 while the database is away, and 413 for a
 * body over its bound (app/http/body.server.ts), read before anything else (decision 017).
 */
function withCommonAnswers(paths: Record<string, Record<string, unknown>>) {
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      if (typeof operation !== "object" || operation === null || !("responses" in operation)) continue;
      const responses = operation.responses as Record<string, unknown>;
      if ("requestBody" in operation) responses["413"] ??= error("`body_too_large`: the body is over its limit (64 KB for JSON) and was not read");
      responses["503"] ??= { ...error("`database_unavailable`: the service cannot reach its database; try again after `Retry-After` seconds"), headers: { "Retry-After": { schema: { type: "integer" } } } };
    }
  }
}
