import { z } from "zod";
import { moneyFinalAt } from "~/domain/payments/money-model";
import type { PreparationDistribution } from "~/domain/preparation/read-preparation.server";
import type { PickupSheet } from "~/domain/preparation/preparation-lists";
import type { PreparationState } from "~/domain/preparation/preparation-window";
import { error, json, ref, schema, type OpenApiPart } from "~/http/openapi/parts";

const unitNames = { PIECE: "piece", BUNCH: "bunch", KG: "kg", G100: "100g", DOZEN: "dozen", LITRE: "litre" } as const;
const handoverNames = { COLLECTED: "collected", NOT_COLLECTED: "not_collected" } as const;

/** The pickup sheet of one distribution for the calling producer: the same data as its CSV and printable page. */
export const apiPickupSheetSchema = z.object({
  distribution: z.object({
    id: z.string(),
    start: z.iso.datetime(),
    end: z.iso.datetime(),
    cutoff: z.iso.datetime(),
    pickupPoint: z.object({ name: z.string(), commune: z.string() }),
    preparation: z.enum(["provisional", "open", "cancelled"]).describe("provisional before the cutoff (orders may still change); open after it; cancelled"),
    moneyFinalAt: z.iso.datetime().describe("48 hours after the end: from then weighings, hand-overs and stall payments are refused (409 money_final), weighed-lighter card lines are refunded and producers' transfers made"),
  }),
  orders: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      customerName: z.string().describe("Only for orders holding the caller's products"),
      slot: z.object({ start: z.iso.datetime(), end: z.iso.datetime() }),
      lines: z
        .array(
          z.object({
            id: z.string(),
            name: z.string(),
            unit: z.enum(["piece", "bunch", "kg", "100g", "dozen", "litre"]),
            quantity: z.number().int(),
            unitPriceCents: z.number().int(),
            soldByWeight: z.boolean(),
            estimatedGrams: z.number().int().nullable(),
            weighedGrams: z.number().int().nullable(),
            maxCents: z.number().int().nullable().describe("Sold by weight: the most the line can cost, agreed at order"),
            amountCents: z.number().int().describe("Weighed price once weighed, else quantity × unit price"),
          }),
        )
        .describe("What to hand over: the caller's lines only"),
      dueCents: z.number().int().describe("The caller's part of the order"),
      paid: z.object({ cashCents: z.number().int(), chequeCents: z.number().int(), cardCents: z.number().int(), totalCents: z.number().int() }).describe("Taken at pickup by the caller (cardCents: the stall's card terminal)"),
      paidOnline: z
        .object({ chargedCents: z.number().int(), refundedCents: z.number().int(), paidCents: z.number().int().describe("chargedCents − refundedCents") })
        .nullable()
        .describe("An order paid by card online: charged for the caller's lines (the cap of a line sold by weight) and refunded to the card since; null when paid at pickup"),
      refundAfterCloseCents: z.number().int().describe("A card-paid part weighed lighter than charged: refunded to the card after the close, nothing to give back at the stall"),
      toPayCents: z.number().int().describe("What remains to pay at the stall, the online payment counted (0 for a card-paid order); negative when more was taken at the stall than is due"),
      awaitingWeighing: z.boolean(),
      handover: z.enum(["collected", "not_collected"]).nullable(),
    }),
  ),
  totals: z.object({
    orders: z.number().int(),
    dueCents: z.number().int(),
    paidCents: z.number().int(),
    toPayCents: z.number().int(),
    collected: z.number().int(),
    notCollected: z.number().int(),
  }),
});

export type ApiPickupSheet = z.infer<typeof apiPickupSheetSchema>;

export function presentPickupSheet(distribution: PreparationDistribution, state: PreparationState, sheet: PickupSheet): ApiPickupSheet {
  return {
    distribution: {
      id: distribution.id,
      start: distribution.startsAt.toISOString(),
      end: distribution.endsAt.toISOString(),
      cutoff: distribution.cutoffAt.toISOString(),
      pickupPoint: { name: distribution.pickupPoint.name, commune: distribution.pickupPoint.commune },
      preparation: state,
      moneyFinalAt: moneyFinalAt(distribution.endsAt).toISOString(),
    },
    orders: sheet.orders.map((order) => ({
      id: order.orderId,
      number: order.number,
      customerName: order.customerName,
      slot: { start: order.slot.startsAt.toISOString(), end: order.slot.endsAt.toISOString() },
      lines: order.lines.map((line) => ({
        id: line.lineId,
        name: line.productName,
        unit: unitNames[line.unit],
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        soldByWeight: line.variableWeight,
        estimatedGrams: line.estimatedGrams,
        weighedGrams: line.weighedGrams,
        maxCents: line.capCents,
        amountCents: line.amountCents,
      })),
      dueCents: order.dueCents,
      paid: order.paid,
      paidOnline: order.online,
      refundAfterCloseCents: order.refundAfterCloseCents,
      toPayCents: order.toPayCents,
      awaitingWeighing: order.awaitingWeighing,
      handover: order.handover ? handoverNames[order.handover] : null,
    })),
    totals: sheet.totals,
  };
}

/** The part of the /api/v1 OpenAPI document this area adds (merged by app/http/openapi.ts). */
export const preparationApi: OpenApiPart = {
  schemas: { PickupSheet: schema(apiPickupSheetSchema) },
  paths: {
    "/producer/distributions/{id}/pickup-sheet": {
      get: {
        summary: "The caller's pickup sheet for one distribution: each order holding their products, what to hand over, what is due, paid and left to pay, and the hand-over status",
        description:
          "Scoped to the calling producer: only their lines, and customer names only for orders that hold them. Before the cutoff the sheet is provisional (orders may still change). A distribution where the caller sells nothing answers 200 with no orders. The CSV `/producteur/preparation/{id}/retrait.csv` and the printable page carry the same data.",
        security: [{ session: [] }],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": { description: "The pickup sheet", content: json(ref("PickupSheet")) },
          "401": error("Not signed in"),
          "403": error("The caller acts for no producer organisation"),
          "404": error("Unknown distribution"),
        },
      },
    },
  },
};
