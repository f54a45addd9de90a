import { QUANTITY_UNITS, typedNumber } from "~/domain/typed-number";
import { z } from "zod";
import { MAX_DONATION_QUANTITY, toMilli } from "~/domain/donations/donation-quantity";
import { parseWithParts } from "~/domain/form-parts";
import type { MessageKey } from "~/i18n/messages";

/**
 * The settings form of a charity (/association/reglages), read from the strings a phone sends:
 * "2,5" or "2.5" kg, "09:00", checkboxes sent as "on" or not at all. One message per field, which
 * names it. What comes out is what CharitySettings stores (quantities in thousandths of the unit).
 */

function message(key: MessageKey) {
  return { error: key };
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const MAX_ACCEPTED_CATEGORIES = 100;

/** A checkbox: ticked ("on", "true", "1") or not (absent, empty, "off", "false", "0"); anything else is not one. */
export function checkboxField(key: MessageKey) {
  return z
    .union([z.string(), z.boolean()], message(key))
    .nullish()
    .transform((value, context) => {
      if (value === undefined || value === null || value === false) return false;
      if (value === true) return true;
      const text = value.trim().toLowerCase();
      if (text === "on" || text === "true" || text === "1") return true;
      if (text === "" || text === "off" || text === "false" || text === "0") return false;
      context.addIssue({ code: "custom", message: key });
      return z.NEVER;
    });
}

/** An optional quantity per claim in the lot's unit ("2,5", "2.5", "15"): empty = no limit. */
function optionalQuantityField(keys: { invalid: MessageKey; tooSmall: MessageKey; tooLarge: MessageKey; decimals: MessageKey }) {
  return z
    .union([z.string(), z.number()], message(keys.invalid))
    .nullish()
    .transform((value) => {
      const typed = typedNumber(value, QUANTITY_UNITS);
      if (typed === undefined || typed === null) return null;
      return typeof typed === "number" ? typed : NaN;
    })
    .pipe(
      z
        .number(message(keys.invalid))
        .refine((units) => units > 0, { error: keys.tooSmall, abort: true })
        .refine((units) => units <= MAX_DONATION_QUANTITY, { error: keys.tooLarge, abort: true })
        .refine((units) => toMilli(units) !== null, { error: keys.decimals, abort: true })
        .transform((units) => toMilli(units) ?? 0)
        .nullable(),
    );
}

/** "9:00", "09:00" or "09:00:00" → "09:00"; a time of day Paris wall-clock, 00:00 to 23:59. */
function timeField(key: MessageKey) {
  return z
    .string(message(key))
    .trim()
    .transform((value, context) => {
      const match = /^(\d{1,2})[:hH](\d{2})(?::00)?$/.exec(value);
      const hours = match ? Number(match[1]) : NaN;
      const minutes = match ? Number(match[2]) : NaN;
      if (!(hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59)) {
        context.addIssue({ code: "custom", message: key });
        return z.NEVER;
      }
      return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
    });
}

/** Values of a repeated form field (checkboxes): a list of strings, none when absent. */
function listField(key: MessageKey) {
  return z
    .union([z.array(z.string()), z.string()], message(key))
    .nullish()
    .transform((value) => (value === undefined || value === null ? [] : typeof value === "string" ? [value] : value));
}

const storageFields = {
  storesAmbient: checkboxField("charity.settings.field.storage.invalid"),
  storesChilled: checkboxField("charity.settings.field.storage.invalid"),
  storesFrozen: checkboxField("charity.settings.field.storage.invalid"),
};
const quantityFields = {
  minQuantity: optionalQuantityField({
    invalid: "charity.settings.field.minQuantity.invalid",
    tooSmall: "charity.settings.field.minQuantity.too_small",
    tooLarge: "charity.settings.field.minQuantity.too_large",
    decimals: "charity.settings.field.minQuantity.decimals",
  }),
  maxQuantity: optionalQuantityField({
    invalid: "charity.settings.field.maxQuantity.invalid",
    tooSmall: "charity.settings.field.maxQuantity.too_small",
    tooLarge: "charity.settings.field.maxQuantity.too_large",
    decimals: "charity.settings.field.maxQuantity.decimals",
  }),
};
const hoursFields = {
  collectionFrom: timeField("charity.settings.field.collectionFrom"),
  collectionTo: timeField("charity.settings.field.collectionTo"),
};

type Storage = { storesAmbient: boolean; storesChilled: boolean; storesFrozen: boolean };

/** At least one way to store food. */
function checkStorage(settings: Storage, context: z.RefinementCtx): void {
  if (!settings.storesAmbient && !settings.storesChilled && !settings.storesFrozen) {
    context.addIssue({ code: "custom", path: ["storage"], message: "charity.settings.field.storage.required" });
  }
}

/** The minimum per claim at most the maximum. */
function checkQuantities(settings: { minQuantity: number | null; maxQuantity: number | null }, context: z.RefinementCtx): void {
  if (settings.minQuantity !== null && settings.maxQuantity !== null && settings.minQuantity > settings.maxQuantity) {
    context.addIssue({ code: "custom", path: ["maxQuantity"], message: "charity.settings.field.maxQuantity.below_min" });
  }
}

/** Collection hours from strictly before to. */
function checkHours(settings: { collectionFrom: string; collectionTo: string }, context: z.RefinementCtx): void {
  if (settings.collectionFrom >= settings.collectionTo) {
    context.addIssue({ code: "custom", path: ["collectionTo"], message: "charity.settings.field.collectionTo.before_from" });
  }
}

export const charitySettingsSchema = z
  .object({
    acceptedCategoryIds: listField("charity.settings.field.categories")
      .refine((ids) => ids.length <= MAX_ACCEPTED_CATEGORIES, message("charity.settings.field.categories"))
      .refine((ids) => ids.every((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id)), message("charity.settings.field.categories"))
      .transform((ids) => [...new Set(ids)].sort()),
    ...storageFields,
    ...quantityFields,
    collectionWeekdays: listField("charity.settings.field.weekdays.invalid")
      .refine((days) => days.length <= 7 && days.every((day) => /^[1-7]$/.test(day.trim())), message("charity.settings.field.weekdays.invalid"))
      .transform((days) => [...new Set(days.map((day) => Number(day.trim())))].sort((a, b) => a - b))
      .refine((days) => days.length > 0, message("charity.settings.field.weekdays.required")),
    ...hoursFields,
    redistributesSameDay: checkboxField("charity.settings.field.sameDay"),
    inDirectory: checkboxField("charity.settings.field.directory"),
    publicContact: checkboxField("charity.settings.field.publicContact"),
  })
  .superRefine((settings, context) => {
    checkStorage(settings, context);
    checkQuantities(settings, context);
    checkHours(settings, context);
  })
  .transform(({ minQuantity, maxQuantity, ...settings }) => ({ ...settings, minQuantityMilli: minQuantity, maxQuantityMilli: maxQuantity }));

/** Each rule across fields alone, so that a refused form names it with the other fields' issues (parseWithParts). */
const settingsParts = [
  z.object(storageFields).superRefine(checkStorage),
  z.object(quantityFields).superRefine(checkQuantities),
  z.object(hoursFields).superRefine(checkHours),
];

/** The settings form parsed, every refused field and rule named at once. */
export function parseCharitySettings(form: unknown): ReturnType<typeof charitySettingsSchema.safeParse> {
  return parseWithParts(charitySettingsSchema, form, settingsParts);
}

export type CharitySettingsInput = z.output<typeof charitySettingsSchema>;
