/**
 * The bounds of the shared fields, apart from their zod schemas (app/domain/fields.ts): a page
 * that only needs a number for an input's `max` imports it from here, so zod stays out of the
 * shopper's browser bundle (docs/decisions/025).
 */
export const MAX_QUANTITY = 99;
