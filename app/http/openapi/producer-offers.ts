import { offerChangeSchema } from "~/domain/sales/offer-fields";
import { error, json, ref, schema, type OpenApiPart } from "~/http/openapi/parts";
import { apiBelowOrderedSchema, apiProducerOfferSchema, apiProducerOffersSchema } from "~/http/producer-api-offers";

/** The part of the /api/v1 OpenAPI document this area adds (merged by app/http/openapi.ts). */
export const producerOffersApi: OpenApiPart = {
  schemas: {
    ProducerOffer: schema(apiProducerOfferSchema),
    ProducerOffers: schema(apiProducerOffersSchema),
    OfferChange: schema(offerChangeSchema, "input"),
    BelowOrdered: schema(apiBelowOrderedSchema),
  },
  paths: {
    "/producer/offers": {
      get: {
        summary: "The caller's offers at one distribution, with stock, ordered quantity and remaining",
        description: "For a producer's till, spreadsheet or phone app. Only the offers of the caller's producer organisation.",
        security: [{ session: [] }],
        parameters: [{ name: "distributionId", in: "query", required: true, schema: { type: "string" } }],
        responses: {
          "200": { description: "The caller's offers", content: json(ref("ProducerOffers")) },
          "400": error("`distributionId` missing or malformed: `{error: \"invalid\", issues}`"),
          "401": error("Not signed in"),
          "403": error("The caller acts for no producer organisation"),
          "404": error("Unknown distribution"),
        },
      },
    },
    "/offers/{id}": {
      patch: {
        summary: "Change the stock and/or price of one of the caller's offers",
        description:
          "Raising stock is always accepted. Lowering it below what customers have already ordered is refused with 409 and the ordered quantity, whatever orders arrive at the same time. A new price applies to new orders; order lines keep their price. `maxPerCustomer` (1–99) caps what one customer may hold of the offer over their orders of the distribution; `null` brings back the site's default (20). Only verified producers.",
        security: [{ session: [] }],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        requestBody: { required: true, content: json(ref("OfferChange")) },
        responses: {
          "200": { description: "The offer after the change", content: json(ref("ProducerOffer")) },
          "400": error("Invalid body (neither stock nor priceCents, not integers, out of range, unknown field): `{error: \"invalid\", issues}`"),
          "401": error("Not signed in"),
          "403": error("`forbidden` (no producer organisation) or `not_verified`"),
          "404": error("No such offer among the caller's (another producer's offer answers the same)"),
          "405": error("Method other than PATCH"),
          "409": { description: "`below_ordered`: the stock would fall below what is ordered", content: json(ref("BelowOrdered")) },
        },
      },
    },
  },
};
