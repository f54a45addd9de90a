import { z } from "zod";
import { storageNames, toUnits, unitNames } from "~/domain/donations/donation-quantity";
import type { ClaimedLot } from "~/domain/donations/claim-lot.server";
import type { ClaimableLot } from "~/domain/donations/list-claimable-lots.server";
import { claimLotSchema, publishLotSchema } from "~/domain/donations/lot-input";
import type { LotCommon } from "~/domain/donations/lot";
import type { PublishedLot } from "~/domain/donations/publish-lot.server";
import { error, json, ref, schema, type OpenApiPart } from "~/http/openapi/parts";

const unit = z.enum(["kg", "piece", "litre"]);
const storage = z.enum(["ambient", "chilled", "frozen"]);

/** What every view of a lot shows (app/domain/donations/lot.ts). Quantities are in the lot's unit. */
const lotFields = z.object({
  id: z.string(),
  productName: z.string(),
  description: z.string(),
  categoryId: z.string().nullable(),
  unit,
  quantity: z.number().describe("In the lot's unit (kg, pieces, litres)"),
  remaining: z.number().describe("What can still be claimed, in the lot's unit"),
  storage,
  useBy: z.iso.date().nullable(),
  bestBefore: z.iso.date().nullable(),
  lotNumber: z.string().nullable(),
  rawFishery: z.boolean(),
  pickupPlace: z.string(),
  pickupStart: z.iso.datetime(),
  pickupEnd: z.iso.datetime(),
});

/** A lot as its donor sees it after publishing. */
export const apiDonationLotSchema = lotFields.extend({
  costPriceCents: z.number().int().describe("Per unit, for the donor's valuation"),
  status: z.enum(["open", "expired", "withdrawn"]),
});

/** A lot as a charity sees it in its list: no cost price, no claims, no pickup codes. */
export const apiClaimableLotSchema = lotFields.extend({
  contributionCentsPerUnit: z.number().int().nullable().describe("Paniers de la mer: solidarity contribution per unit, else null"),
  donor: z.object({ id: z.string(), name: z.string() }),
});

export const apiDonationClaimSchema = z.object({
  id: z.string(),
  lotId: z.string(),
  quantity: z.number().describe("In the lot's unit"),
  pickupCode: z.string().describe("Six digits: shown to the claiming charity only; the donor types it at hand-over"),
  status: z.literal("reserved"),
});

export const apiExceedsRemainingSchema = z.object({
  error: z.literal("exceeds_remaining"),
  message: z.string(),
  remaining: z.number().describe("What was left of the lot when the claim was refused, in its unit"),
});

const statusNames = { OPEN: "open", EXPIRED: "expired", WITHDRAWN: "withdrawn" } as const;

/** What both views of a lot say alike, in the API's words and units. */
function presentLotCommon(lot: LotCommon) {
  return {
    id: lot.id,
    productName: lot.productName,
    description: lot.description,
    categoryId: lot.categoryId,
    unit: unitNames[lot.unit],
    quantity: toUnits(lot.quantityMilli),
    storage: storageNames[lot.storage],
    useBy: lot.useBy,
    bestBefore: lot.bestBefore,
    lotNumber: lot.lotNumber,
    rawFishery: lot.rawFishery,
    pickupPlace: lot.pickupPlace,
    pickupStart: lot.pickupStart.toISOString(),
    pickupEnd: lot.pickupEnd.toISOString(),
  };
}

export function presentDonationLot(lot: PublishedLot): z.infer<typeof apiDonationLotSchema> {
  return { ...presentLotCommon(lot), remaining: toUnits(lot.quantityMilli - lot.claimedMilli), costPriceCents: lot.costPriceCents, status: statusNames[lot.status] };
}

export function presentClaimableLot(lot: ClaimableLot): z.infer<typeof apiClaimableLotSchema> {
  return { ...presentLotCommon(lot), remaining: toUnits(lot.remainingMilli), contributionCentsPerUnit: lot.contributionCentsPerUnit, donor: lot.donor };
}

export function presentDonationClaim(claim: ClaimedLot): z.infer<typeof apiDonationClaimSchema> {
  return { id: claim.id, lotId: claim.lotId, quantity: toUnits(claim.quantityMilli), pickupCode: claim.pickupCode, status: "reserved" };
}

const idParameter = { name: "id", in: "path", required: true, schema: { type: "string" } };

/** The donations part of the /api/v1 OpenAPI document (merged by app/http/openapi.ts). */
export const donationsApi: OpenApiPart = {
  schemas: {
    DonationLot: schema(apiDonationLotSchema),
    ClaimableLot: schema(apiClaimableLotSchema),
    DonationClaim: schema(apiDonationClaimSchema),
    ExceedsRemaining: schema(apiExceedsRemainingSchema),
    PublishLot: schema(publishLotSchema, "input"),
    ClaimLot: schema(claimLotSchema, "input"),
  },
  paths: {
    "/donation-lots": {
      get: {
        summary: "The lots the calling charity may claim now, with what remains of each",
        description:
          "For a verified charity: open lots with something left, whose pickup window has not ended, matching the charity's settings (storage, categories, quantities, collection hours, same-day redistribution for the 48 h rule, raw fishery approval). No claims and no pickup codes appear here.",
        security: [{ session: [] }],
        responses: {
          "200": { description: "Lots", content: json({ type: "object", properties: { lots: { type: "array", items: ref("ClaimableLot") } } }) },
          "401": error("Not signed in"),
          "403": error("`forbidden`: the caller acts for no charity; `not_verified`: the charity is not verified yet"),
        },
      },
      post: {
        summary: "Publish a lot for charities (a verified producer)",
        description:
          "Quantities are in the lot's unit with at most 3 decimals. Rules: useBy or bestBefore, not both; nothing past its use-by date before the pickup ends; a frozen lot states `frozenAtMinus18: true`; the pickup window ends after it starts, in the future, within 14 days. Matching verified charities are emailed.",
        security: [{ session: [] }],
        requestBody: { required: true, content: json(ref("PublishLot")) },
        responses: {
          "201": { description: "The lot", content: json(ref("DonationLot")) },
          "400": error("Invalid input or a broken rule: `{error: \"invalid\", issues: [{path, message}]}`, the message naming the rule"),
          "401": error("Not signed in"),
          "403": error("`forbidden`: the caller acts for no producer; `not_verified`: the producer is not verified yet"),
        },
      },
    },
    "/donation-lots/{id}/claims": {
      post: {
        summary: "Claim all or part of a lot (a verified charity); first come, first served",
        security: [{ session: [] }],
        parameters: [idParameter],
        requestBody: { required: true, content: json(ref("ClaimLot")) },
        responses: {
          "201": { description: "The claim, with its pickup code", content: json(ref("DonationClaim")) },
          "400": error("Invalid input"),
          "401": error("Not signed in"),
          "403": error("Anyone but a verified charity allowed by the lot's rules; the message names the rule (raw fishery, 48 h before the use-by date, storage, category, quantity, collection hours)"),
          "404": error("Unknown lot"),
          "409": { description: "`exceeds_remaining` with `remaining` (in the lot's unit), or `lot_closed`", content: json(ref("ExceedsRemaining")) },
        },
      },
    },
  },
};
