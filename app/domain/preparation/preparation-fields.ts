import { z } from "zod";
import { typedNumber } from "~/domain/typed-number";
import type { MessageKey } from "~/i18n/messages";

/** Fields of the preparation forms, read from strings typed on a phone: "2,1" kg, "12,50" €. */

function message(key: MessageKey) {
  return { error: key };
}

function decimalFrom(value: unknown): unknown {
  return typedNumber(value, ["kg", "€"]);
}

export const MAX_WEIGHED_GRAMS = 1_000_000;

/** A weighed quantity in kilograms ("2,1", "0.850"), to the gram; the use case takes grams. */
export const weighedKilogramsField = z.preprocess(
  decimalFrom,
  z
    .number(message("preparation.field.weight.invalid"))
    .min(0.001, message("preparation.field.weight.too_small"))
    .max(MAX_WEIGHED_GRAMS / 1000, message("preparation.field.weight.too_large"))
    .refine((kg) => Number.isInteger(Math.round(kg * 1_000_000) / 1000), message("preparation.field.weight.invalid"))
    .transform((kg) => Math.round(kg * 1000)),
);

/** Grams as a whole number, for callers that already have them (the API, the tests). */
export const weighedGramsField = z
  .number(message("preparation.field.weight.invalid"))
  .int(message("preparation.field.weight.invalid"))
  .min(1, message("preparation.field.weight.too_small"))
  .max(MAX_WEIGHED_GRAMS, message("preparation.field.weight.too_large"));

/** The most one payment at pickup can be, whatever is due: the database's own bound. */
export const MAX_PAYMENT_CENTS = 10_000_000;

/** An amount in euros ("12,50", "12.5", "12 €"), to the cent; the use case takes cents. */
export const euroAmountField = z.preprocess(
  decimalFrom,
  z
    .number(message("preparation.field.amount.invalid"))
    .min(0.01, message("preparation.field.amount.too_small"))
    .max(MAX_PAYMENT_CENTS / 100, message("preparation.field.amount.too_large"))
    .refine((euros) => Number.isInteger(Math.round(euros * 10_000) / 100), message("preparation.field.amount.invalid"))
    .transform((euros) => Math.round(euros * 100)),
);

export const paymentMethodField = z.enum(["CASH", "CHEQUE", "CARD_TERMINAL"], message("preparation.field.method.invalid"));

export const handoverStatusField = z.enum(["COLLECTED", "NOT_COLLECTED"], message("preparation.field.handover.invalid"));

/** A Paris calendar date, "2026-11-27", that exists. */
export const isoDateField = z
  .string(message("preparation.field.date.invalid"))
  .regex(/^\d{4}-\d{2}-\d{2}$/, message("preparation.field.date.invalid"))
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, message("preparation.field.date.invalid"));
