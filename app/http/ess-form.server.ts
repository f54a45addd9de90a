import { data } from "@remix-run/node";
import type { ZodError } from "zod";
import { domainErrorMessage, domainErrorStatus, fieldErrors, translateIssues, type FormFailure } from "~/http/errors.server";
import { isDomainError } from "~/domain/errors";
import { translate, type Locale } from "~/i18n/messages";

/**
 * A refused ESS actor or event form: the reason, each field to correct, and what was typed, so a
 * page without JavaScript shows the form again as it was sent (nothing typed is lost).
 */
export type RefusedForm = FormFailure & { values: Record<string, string> };

export function refusedForm(error: ZodError, locale: Locale, values: Record<string, string>) {
  const body: RefusedForm = { ok: false, message: translate(locale, "error.invalid"), fieldErrors: fieldErrors(translateIssues(error, locale)), values };
  return data(body, { status: 400 });
}

export function refusedByDomain(error: unknown, locale: Locale, values: Record<string, string>) {
  if (!isDomainError(error)) throw error;
  const message = domainErrorMessage(error, locale);
  const body: RefusedForm = { ok: false, message, fieldErrors: error.details.field ? { [error.details.field]: message } : {}, values };
  return data(body, { status: domainErrorStatus(error.code) });
}
