import { data } from "@remix-run/node";
import type { ZodError } from "zod";
import { isDomainError } from "~/domain/errors";
import { domainErrorMessage, domainErrorStatus, fieldErrors, formFailure, translateIssues, type FormFailure } from "~/http/errors.server";
import { translate, type Locale } from "~/i18n/messages";

/**
 * What a producer page's action answers to a refused change: the reason, the status, and which
 * form (`intent`) and offer it was about, so the page shows the message beside the right row.
 */
export type SalesFormFailure = FormFailure & { intent: string; offerId?: string; ordered?: number };

export function salesFormFailure(error: unknown, locale: Locale, where: { intent: string; offerId?: string }) {
  if (!isDomainError(error)) return formFailure(error, locale);
  const message = domainErrorMessage(error, locale);
  const body: SalesFormFailure = {
    ok: false,
    message,
    fieldErrors: error.details.field ? { [error.details.field]: message } : error.code === "below_ordered" ? { stock: message } : {},
    ...where,
    ordered: error.details.ordered,
  };
  return data(body, { status: domainErrorStatus(error.code) });
}

/** Bad input in a producer page's form: 400, each field's message, nothing changed. `rename` maps zod paths to the form's field names. */
export function salesInvalidForm(error: ZodError, locale: Locale, where: { intent: string; offerId?: string }, rename: (path: string) => string = (path) => path) {
  const issues = translateIssues(error, locale).map((issue) => ({ ...issue, path: rename(issue.path) }));
  const body: SalesFormFailure = { ok: false, message: translate(locale, "error.invalid"), fieldErrors: fieldErrors(issues), ...where };
  return data(body, { status: 400 });
}
