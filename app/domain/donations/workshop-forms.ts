import { typedNumber } from "~/domain/typed-number";
import { z } from "zod";
import { MAX_DONATION_QUANTITY, toMilli } from "~/domain/donations/donation-quantity";
import type { PublishLotInput } from "~/domain/donations/lot-input";
import { idField } from "~/domain/fields";
import { parisDateTime } from "~/domain/time/paris";
import type { MessageKey } from "~/i18n/messages";

/**
 * The workshop's forms (paniers de la mer), read from strings typed on a phone: "2,5" kg, "1,50" €,
 * "−18,5" °C, Paris wall-clock times from datetime-local inputs. Messages are keys that name the field.
 */

function message(key: MessageKey) {
  return { error: key };
}

/** "2,5", "2.5", " 2,5 kg", "1,50 €", "−18 °C" → a number; anything else stays as typed (and fails). */
export function decimalFrom(value: unknown): unknown {
  return typedNumber(value, ["kg", "€", "°C", "°"]);
}

function emptyToNull(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? null : value;
}

function text(key: MessageKey, max: number) {
  return z.string(message(key)).trim().max(max, message(key));
}

function optionalText(key: MessageKey, max: number) {
  return z.preprocess((value) => value ?? "", text(key, max)).transform((value) => value || null);
}

function isoDate(key: MessageKey) {
  return z.preprocess(emptyToNull, z.iso.date(message(key)).nullable());
}

/** A Paris wall-clock time "2026-11-27T09:00" (what a datetime-local input sends) → the instant. */
function parisInstant(key: MessageKey) {
  return z
    .string(message(key))
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, message(key))
    .refine((value) => {
      const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
      const [hour, minute] = value.slice(11, 16).split(":").map(Number);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value.slice(0, 10) && hour !== undefined && hour < 24 && minute !== undefined && minute < 60;
    }, message(key))
    .transform((value) => parisDateTime(value.slice(0, 10), value.slice(11, 16)));
}

/** Euros per unit, to the cent, from 0 to `max` euros → cents. */
function eurosToCents(key: MessageKey, max: number) {
  return z.preprocess(
    decimalFrom,
    z
      .number(message(key))
      .min(0, message(key))
      .max(max, message(key))
      .refine((euros) => Math.abs(Math.round(euros * 100) - euros * 100) < 1e-6, message(key))
      .transform((euros) => Math.round(euros * 100)),
  );
}

export const processedLotFormSchema = z.object({
  sourceClaimId: idField,
  productName: text("sea.field.productName", 120).min(1, message("sea.field.productName")),
  description: optionalText("sea.field.description", 2000),
  quantity: z.preprocess(
    decimalFrom,
    z
      .number(message("sea.field.quantity"))
      .gt(0, message("sea.field.quantity"))
      .max(MAX_DONATION_QUANTITY, message("sea.field.quantity"))
      .refine((value) => toMilli(value) !== null, message("sea.field.quantity")),
  ),
  unit: z.enum(["kg", "piece", "litre"], message("sea.field.unit")),
  storage: z.enum(["ambient", "chilled", "frozen"], message("sea.field.storage")),
  useBy: isoDate("sea.field.useBy"),
  bestBefore: isoDate("sea.field.bestBefore"),
  lotNumber: optionalText("sea.field.lotNumber", 60),
  pickupPlace: optionalText("sea.field.pickupPlace", 200),
  pickupStart: parisInstant("sea.field.pickupStart"),
  pickupEnd: parisInstant("sea.field.pickupEnd"),
  contribution: eurosToCents("sea.field.contribution", 100),
  costPrice: eurosToCents("sea.field.costPrice", 10_000),
  frozenAtMinus18: z.preprocess((value) => value === "on" || value === "true", z.boolean()),
});

export type ProcessedLotForm = z.infer<typeof processedLotFormSchema>;

/** The form's values as the publication rules read them (lot-input.ts's shape). */
export function processedLotInput(form: ProcessedLotForm): PublishLotInput {
  return {
    productName: form.productName,
    description: form.description,
    quantity: form.quantity,
    unit: form.unit,
    storage: form.storage,
    useBy: form.useBy,
    bestBefore: form.bestBefore,
    lotNumber: form.lotNumber,
    pickupStart: form.pickupStart,
    pickupEnd: form.pickupEnd,
    costPriceCents: form.costPrice,
    rawFishery: false,
    frozenAtMinus18: form.frozenAtMinus18,
    pickupPlace: form.pickupPlace,
  };
}

/** The workshop confirms a hand-over of its processed lot: the charity's code and the temperature. */
export const workshopHandoverFormSchema = z.object({
  claimId: idField,
  pickupCode: z.string(message("donations.pickup.field.pickupCode")).trim().regex(/^[0-9]{6}$/, message("donations.pickup.field.pickupCode")),
  temperatureC: z.preprocess(
    (value) => decimalFrom(emptyToNull(value)) ?? undefined,
    z.number(message("sea.field.temperature")).min(-40, message("sea.field.temperature")).max(20, message("sea.field.temperature")).optional(),
  ),
});
