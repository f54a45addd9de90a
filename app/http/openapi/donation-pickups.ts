import { z } from "zod";
import { confirmPickupSchema } from "~/domain/donations/confirm-pickup.server";
import { error, json, ref, schema, type OpenApiPart } from "~/http/openapi/parts";

const collectedClaimSchema = z.object({
  id: z.string(),
  lotId: z.string(),
  quantity: z.number().describe("In the lot's unit (kg, pieces, litres)"),
  status: z.literal("collected"),
  collectedAt: z.string().describe("ISO 8601 instant"),
  temperatureC: z.number().nullable().describe("At hand-over; null for ambient food"),
});

const claimListItemSchema = z.object({
  id: z.string(),
  lotId: z.string(),
  productName: z.string(),
  lotNumber: z.string().nullable(),
  quantity: z.number(),
  unit: z.enum(["kg", "piece", "litre"]),
  status: z.enum(["reserved", "collected", "missed", "cancelled"]),
  pickupPlace: z.string(),
  pickupStart: z.string(),
  pickupEnd: z.string(),
  collectedAt: z.string().nullable(),
  temperatureC: z.number().nullable(),
  donor: z.object({ id: z.string(), name: z.string() }),
  charity: z.object({ id: z.string(), name: z.string() }),
  pickupCode: z.string().optional().describe("Only in the charity's own list"),
});

/** The hand-over of a claim and the claims lists, in the /api/v1 OpenAPI document. */
export const donationPickupsApi: OpenApiPart = {
  schemas: {
    ConfirmPickup: schema(confirmPickupSchema, "input"),
    CollectedClaim: schema(collectedClaimSchema),
    ClaimListItem: schema(claimListItemSchema),
  },
  paths: {
    "/claims": {
      get: {
        summary: "A verified charity's own claims with their pickup codes; a donor's claims on its lots, without codes",
        security: [{ session: [] }],
        parameters: [{ name: "as", in: "query", required: false, schema: { type: "string", enum: ["charity", "donor"] }, description: "For someone who is both a charity member and a producer" }],
        responses: {
          "200": { description: "Claims, latest pickups first", content: json({ type: "object", properties: { claims: { type: "array", items: ref("ClaimListItem") } } }) },
          "401": error("Not signed in"),
          "403": error("`forbidden` (neither a charity nor a producer) or `not_verified` (a charity the territory has not verified)"),
        },
      },
    },
    "/claims/{id}/pickup": {
      post: {
        summary: "The donor confirms a hand-over with the charity's pickup code; the temperature is required for chilled (0–4 °C) and frozen (≤ −18 °C) food",
        security: [{ session: [] }],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        requestBody: { required: true, content: json(ref("ConfirmPickup")) },
        responses: {
          "200": { description: "The claim, collected", content: json(ref("CollectedClaim")) },
          "400": error("`invalid` (a field, the cold chain, the 48 h use-by rule, outside the window) or `pickup_code_invalid`"),
          "401": error("Not signed in"),
          "403": error("Not a producer"),
          "404": error("No such claim on the caller's lots"),
          "409": error("`claim_closed` (already collected, missed or cancelled) or `lot_closed` (window over, lot withdrawn)"),
          "429": error("Five wrong codes for this claim: wait (`Retry-After`)"),
        },
      },
    },
  },
};
