import { z } from "zod";
import { MAX_QUANTITY } from "~/domain/field-limits";
import type { MessageKey } from "~/i18n/messages";

/**
 * Field schemas shared by every form and API endpoint. Error messages are message keys
 * (app/i18n/messages.ts), translated where they are shown.
 */
function message(key: MessageKey) {
  return { error: key };
}

export { MAX_QUANTITY };

export const emailField = z
  .string(message("field.email.invalid"))
  .trim()
  .toLowerCase()
  .max(254, message("field.email.too_long"))
  .pipe(z.email(message("field.email.invalid")));

export const newPasswordField = z
  .string(message("field.password.too_short"))
  .min(10, message("field.password.too_short"))
  .max(128, message("field.password.too_long"));

export const passwordField = z
  .string(message("field.password.required"))
  .min(1, message("field.password.required"))
  .max(128, message("field.password.too_long"));

export const personNameField = z
  .string(message("field.name.required"))
  .trim()
  .min(1, message("field.name.required"))
  .max(100, message("field.name.too_long"));

/** Ids are UUIDs or short readable slugs; anything else is refused before any query. */
export const idField = z
  .string(message("field.id.invalid"))
  .trim()
  .min(1, message("field.id.invalid"))
  .max(64, message("field.id.invalid"))
  .regex(/^[A-Za-z0-9_-]+$/, message("field.id.invalid"));

export const quantityField = z
  .number(message("field.quantity.invalid"))
  .int(message("field.quantity.invalid"))
  .min(1, message("field.quantity.too_small"))
  .max(MAX_QUANTITY, message("field.quantity.too_large"));

/** The same quantity read from a form field (a string). 0 means "remove". */
export const formQuantityField = z.preprocess(
  (value) => (typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value),
  z
    .number(message("field.quantity.invalid"))
    .int(message("field.quantity.invalid"))
    .min(0, message("field.quantity.too_small"))
    .max(MAX_QUANTITY, message("field.quantity.too_large")),
);

/** A quantity to add: at least 1 (0 only means "remove" where a form says so). */
export const formAddQuantityField = z.preprocess(
  (value) => (typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value),
  quantityField,
);

export const searchField = z.string().trim().max(80, message("field.search.too_long"));

/** Parameters of "too small"/"too large" messages, for translation. */
export function messageParams(key: string): Record<string, number> {
  if (key === "field.quantity.too_small") return { min: 1 };
  if (key === "field.quantity.too_large") return { max: MAX_QUANTITY };
  return {};
}
