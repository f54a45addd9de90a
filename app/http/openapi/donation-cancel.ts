import { z } from "zod";
import { error, json, ref, schema, type OpenApiPart } from "~/http/openapi/parts";

export const cancelledClaimSchema = z.object({
  id: z.string(),
  lotId: z.string(),
  quantity: z.number().describe("Given back to the lot, in its unit"),
  unit: z.enum(["kg", "piece", "litre"]),
  status: z.literal("cancelled"),
});

/** A charity cancelling its reservation, in the /api/v1 OpenAPI document. */
export const donationCancelApi: OpenApiPart = {
  schemas: { CancelledClaim: schema(cancelledClaimSchema) },
  paths: {
    "/claims/{id}/cancel": {
      post: {
        summary: "A charity cancels its own reservation before the end of the pickup window: the quantity is claimable again and the donor is told",
        security: [{ session: [] }],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": { description: "The claim, cancelled", content: json(ref("CancelledClaim")) },
          "401": error("Not signed in"),
          "403": error("Not a charity member"),
          "404": error("No such claim of the caller's charity"),
          "409": error("`claim_closed`: already collected, missed or cancelled, or the pickup window is over"),
        },
      },
    },
  },
};
