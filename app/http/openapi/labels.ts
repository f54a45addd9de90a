import { z } from "zod";
import type { PublicLabelView } from "~/domain/label/read-public-label.server";
import { PUBLIC_LABEL_STATUSES } from "~/domain/label/public-label";
import { error, json, ref, schema, type OpenApiPart } from "~/http/openapi/parts";

export const apiLabelSchema = z.object({
  number: z.string().describe("DM-<year>-<4 digits>"),
  status: z.enum(["granted", "suspended", "revoked", "expired"]).describe("At the instant of the request: `expired` from `validUntil` on, whatever was stored"),
  valid: z.boolean().describe("Whether the product holds the label now (status `granted`)"),
  holder: z.object({ name: z.string(), slug: z.string(), commune: z.string().nullable() }),
  product: z.object({ name: z.string(), nameEn: z.string().nullable() }),
  validFrom: z.string().describe("ISO 8601 instant"),
  validUntil: z.string().describe("ISO 8601 instant: the label is expired from this instant on"),
  verificationUrl: z.string().describe("The public page of this label, the one its QR code opens"),
  checkedAt: z.string().describe("The instant the status was read"),
});

const statusNames: Record<(typeof PUBLIC_LABEL_STATUSES)[number], z.infer<typeof apiLabelSchema>["status"]> = {
  GRANTED: "granted",
  SUSPENDED: "suspended",
  REVOKED: "revoked",
  EXPIRED: "expired",
};

export function presentLabel(label: PublicLabelView, verificationUrl: string, checkedAt: Date): z.infer<typeof apiLabelSchema> {
  return {
    number: label.number,
    status: statusNames[label.status],
    valid: label.status === "GRANTED",
    holder: label.holder,
    product: label.product,
    validFrom: label.validFrom.toISOString(),
    validUntil: label.validUntil.toISOString(),
    verificationUrl,
    checkedAt: checkedAt.toISOString(),
  };
}

/** The label's public verification, in the /api/v1 OpenAPI document. */
export const labelsApi: OpenApiPart = {
  schemas: { Label: schema(apiLabelSchema) },
  paths: {
    "/labels/{number}": {
      get: {
        summary: "Check a label « Produit local Dieppe Maritime »: its holder, product, status at this instant and validity. No account needed",
        parameters: [{ name: "number", in: "path", required: true, schema: { type: "string", pattern: "^DM-[0-9]{4}-[0-9]{4}$" }, example: "DM-2026-0042" }],
        responses: {
          "200": { description: "The label as it stands now", content: json(ref("Label")) },
          "404": error("`not_found`: no label granted bears this number (never granted, under review or refused, or not a label number)"),
        },
      },
    },
  },
};
