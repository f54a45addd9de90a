import { data } from "@remix-run/node";
import { PRODUCT_FIELDS, type ProductField, type ProductInputIssue } from "~/domain/catalog/product-input";
import { isDomainError } from "~/domain/errors";
import { FORM_MAX_BYTES, readFormData } from "~/http/body.server";
import { formFailure } from "~/http/errors.server";
import { translate, type Locale } from "~/i18n/messages";

/** What a product form sends back when it refuses: the reasons, per field, and what was typed. */
export type ProductFormFailure = {
  ok: false;
  message: string;
  fieldErrors: Record<string, string>;
  values?: Partial<Record<ProductField, string>>;
};

/**
 * The product form's fields as the raw strings parseProductInput reads. Allergens come as one
 * checkbox per allergen: their values are joined. A field sent twice counts once (the first).
 * At most FORM_MAX_BYTES are read: a larger body is a 413 page (app/http/body.server.ts).
 */
export async function readProductForm(request: Request): Promise<{ intent: string; raw: Record<ProductField, string> }> {
  const form = await readFormData(request, FORM_MAX_BYTES);
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const raw = Object.fromEntries(PRODUCT_FIELDS.map((field) => [field, text(field)])) as Record<ProductField, string>;
  raw.allergens = form
    .getAll("allergens")
    .filter((value): value is string => typeof value === "string")
    .join(",");
  return { intent: text("intent"), raw };
}

/** 400 with each issue translated beside its field, and the typed values to show again. */
export function productIssuesFailure(issues: readonly ProductInputIssue[], values: Partial<Record<ProductField, string>>, locale: Locale) {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) fieldErrors[issue.field] ??= translate(locale, issue.message, issue.params);
  const body: ProductFormFailure = { ok: false, message: translate(locale, "error.invalid"), fieldErrors, values };
  return data(body, { status: 400 });
}

/** A refusal from a product use case: the field-specific ones in the product's words, others as everywhere. */
export function productFailure(error: unknown, values: Partial<Record<ProductField, string>> | undefined, locale: Locale) {
  if (isDomainError(error) && error.code === "invalid" && (error.details.field === "reference" || error.details.field === "photo")) {
    const message = translate(locale, error.details.field === "reference" ? "products.reference.taken" : "products.photo.required");
    const body: ProductFormFailure = { ok: false, message, fieldErrors: { [error.details.field]: message }, values };
    return data(body, { status: 400 });
  }
  return formFailure(error, locale);
}
