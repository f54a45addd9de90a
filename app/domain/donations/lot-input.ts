import { z } from "zod";
import { donationQuantityField } from "~/domain/donations/donation-quantity";
import type { MessageKey } from "~/i18n/messages";

/**
 * What a donor sends to publish a lot and what a charity sends to claim one: one zod schema each,
 * for the API now and the pages later. Messages are keys (app/i18n/areas/donations.ts) that name
 * the field.
 */
function message(key: MessageKey) {
  return { error: key };
}

function text(key: MessageKey, max: number) {
  return z.string(message(key)).trim().max(max, message(key));
}

function isoDate(key: MessageKey) {
  return z.iso.date(message(key)).nullish();
}

function instant(key: MessageKey) {
  return z.iso.datetime({ offset: true, ...message(key) }).transform((value) => new Date(value));
}

export const publishLotSchema = z.object({
  productName: text("donations.lot.field.productName", 120).min(1, message("donations.lot.field.productName")),
  description: text("donations.lot.field.description", 2000).nullish(),
  quantity: donationQuantityField({
    invalid: "donations.lot.field.quantity.invalid",
    tooSmall: "donations.lot.field.quantity.too_small",
    tooLarge: "donations.lot.field.quantity.too_large",
    decimals: "donations.lot.field.quantity.decimals",
  }).describe("In the lot's unit, at most 3 decimals: 2.5 (kg)"),
  unit: z.enum(["kg", "piece", "litre"], message("donations.lot.field.unit")),
  storage: z.enum(["ambient", "chilled", "frozen"], message("donations.lot.field.storage")),
  useBy: isoDate("donations.lot.field.useBy").describe("Use-by date (DLC), Paris calendar date; never with bestBefore"),
  bestBefore: isoDate("donations.lot.field.bestBefore").describe("Best-before date (DDM), Paris calendar date"),
  lotNumber: text("donations.lot.field.lotNumber", 60).nullish(),
  pickupStart: instant("donations.lot.field.pickupStart"),
  pickupEnd: instant("donations.lot.field.pickupEnd"),
  costPriceCents: z
    .number(message("donations.lot.field.costPriceCents"))
    .int(message("donations.lot.field.costPriceCents"))
    .min(0, message("donations.lot.field.costPriceCents"))
    .max(1_000_000, message("donations.lot.field.costPriceCents"))
    .describe("Cost price per unit (kg, piece, litre) in euro cents, for the donor's valuation"),
  categoryId: z
    .string(message("donations.lot.field.categoryId"))
    .trim()
    .min(1, message("donations.lot.field.categoryId"))
    .max(64, message("donations.lot.field.categoryId"))
    .regex(/^[A-Za-z0-9_-]+$/, message("donations.lot.field.categoryId"))
    .nullish(),
  rawFishery: z.boolean(message("donations.lot.field.rawFishery")).optional().describe("Raw fishery product: only for charities approved for them"),
  frozenAtMinus18: z.boolean(message("donations.lot.field.frozenAtMinus18")).optional().describe("A frozen lot must state it is kept at −18 °C or below"),
  pickupPlace: text("donations.lot.field.pickupPlace", 200).nullish().describe("Defaults to the donor's address"),
});

export type PublishLotInput = z.infer<typeof publishLotSchema>;

export const claimLotSchema = z.object({
  quantity: donationQuantityField({
    invalid: "donations.claim.field.quantity.invalid",
    tooSmall: "donations.claim.field.quantity.too_small",
    tooLarge: "donations.claim.field.quantity.too_large",
    decimals: "donations.claim.field.quantity.decimals",
  }).describe("In the lot's unit, at most 3 decimals"),
});

export type ClaimLotInput = z.infer<typeof claimLotSchema>;
