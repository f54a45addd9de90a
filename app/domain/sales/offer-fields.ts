import { z } from "zod";
import { idField } from "~/domain/fields";
import { eurosToCents } from "~/domain/sales/offer-rules";
import type { MessageKey } from "~/i18n/messages";

/**
 * Field schemas of what is on sale, shared by the producer's pages and the producer API. Error
 * messages are message keys (app/i18n/areas/offers.ts), translated where they are shown.
 */
function message(key: MessageKey) {
  return { error: key };
}

export const MAX_STOCK = 100_000;
export const MAX_PRICE_CENTS = 1_000_000;
export const MAX_BASKET_ITEMS = 20;

export const stockField = z
  .number(message("offers.field.stock.invalid"))
  .int(message("offers.field.stock.invalid"))
  .min(0, message("offers.field.stock.negative"))
  .max(MAX_STOCK, message("offers.field.stock.too_large"));

export const priceCentsField = z
  .number(message("offers.field.priceCents.invalid"))
  .int(message("offers.field.priceCents.invalid"))
  .min(0, message("offers.field.price.negative"))
  .max(MAX_PRICE_CENTS, message("offers.field.price.too_large"));

/** Stock typed in a form (a string of digits); a number too long to be exact is still "too large". */
export const formStockField = z.preprocess(
  (value) =>
    typeof value === "string" && /^\s*-?\d+\s*$/.test(value)
      ? Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, Number(value)))
      : value,
  stockField,
);

/** "At most N per customer" (decision 019); null: the house default. */
export const maxPerCustomerField = z
  .number(message("ordering.field.maxPerCustomer.invalid"))
  .int(message("ordering.field.maxPerCustomer.invalid"))
  .min(1, message("ordering.field.maxPerCustomer.invalid"))
  .max(99, message("ordering.field.maxPerCustomer.invalid"))
  .nullable();

/** The same typed in a form: empty is "no limit of my own" (null); a form without the field keeps it. */
export const formMaxPerCustomerField = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? null : typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value),
  maxPerCustomerField.optional(),
);

/** A price typed in euros in a form ("2,50"), as cents. */
export const formPriceField = z.preprocess(
  (value) => (typeof value === "string" ? eurosToCents(value) ?? value : value),
  z
    .number(message("offers.field.price.invalid"))
    .int(message("offers.field.price.invalid"))
    .min(0, message("offers.field.price.negative"))
    .max(MAX_PRICE_CENTS, message("offers.field.price.too_large")),
);

/** PATCH /api/v1/offers/{id}: at least one of stock, price and maxPerCustomer (null clears it), nothing else. */
export const offerChangeSchema = z
  .strictObject(
    { stock: stockField.optional(), priceCents: priceCentsField.optional(), maxPerCustomer: maxPerCustomerField.optional() },
    { error: (issue) => (issue.code === "unrecognized_keys" ? "offers.field.patch.unknown" : "offers.field.patch.empty") },
  )
  .refine((change) => change.stock !== undefined || change.priceCents !== undefined || change.maxPerCustomer !== undefined, message("offers.field.patch.empty"));

export type OfferChange = z.infer<typeof offerChangeSchema>;

/** Adding a product to a distribution; an empty price means the product's own price. */
export const addOfferFormSchema = z.object({
  productId: z.string(message("offers.field.product.required")).trim().min(1, message("offers.field.product.required")).pipe(idField),
  stock: formStockField,
  priceCents: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), formPriceField.optional()),
});

const optionalText = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z.string().trim().max(80, message("offers.field.item.label.too_long")).optional(),
);

export const basketItemSchema = z.object({
  label: z.string(message("offers.field.item.label.required")).trim().min(1, message("offers.field.item.label.required")).max(80, message("offers.field.item.label.too_long")),
  labelEn: optionalText,
  quantityLabel: z
    .string(message("offers.field.item.quantity.required"))
    .trim()
    .min(1, message("offers.field.item.quantity.required"))
    .max(40, message("offers.field.item.quantity.too_long")),
  indicativePriceCents: priceCentsField,
});

export const basketItemsSchema = z.array(basketItemSchema).max(MAX_BASKET_ITEMS, message("offers.field.items.too_many"));

/** The same item typed in a form, its price in euros. */
export const basketItemFormSchema = basketItemSchema.extend({ indicativePriceCents: formPriceField });
export const basketItemsFormSchema = z.array(basketItemFormSchema).max(MAX_BASKET_ITEMS, message("offers.field.items.too_many"));

export type BasketItemInput = z.infer<typeof basketItemSchema>;

/** GET /api/v1/producer/offers?distributionId= */
export const producerOffersQuerySchema = z.object({
  distributionId: z
    .string(message("offers.field.distribution.required"))
    .trim()
    .min(1, message("offers.field.distribution.required"))
    .pipe(idField),
});
