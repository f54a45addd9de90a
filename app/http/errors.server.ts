import { data } from "@remix-run/node";
import type { ZodError } from "zod";
import { DomainError, isDomainError, type DomainErrorCode } from "~/domain/errors";
import { messageParams } from "~/domain/fields";
import { formatEuros } from "~/domain/money";
import { isMessageKey, translate, type Locale } from "~/i18n/messages";
import { localeOf } from "~/http/locale.server";

/** One status per domain error, for pages and API alike. */
const statusByCode: Record<DomainErrorCode, number> = {
  invalid: 400,
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  sold_out: 409,
  cutoff_passed: 409,
  not_open_yet: 409,
  distribution_cancelled: 409,
  slot_full: 409,
  order_cancelled: 409,
  invalid_credentials: 401,
  rate_limited: 429,
  email_taken: 409,
  token_invalid: 400,
  below_ordered: 409,
  not_verified: 403,
  file_too_large: 413,
  file_type_refused: 415,
  file_name_refused: 400,
  preparation_not_open: 409,
  invitation_invalid: 400,
  exceeds_remaining: 409,
  pickup_code_invalid: 400,
  lot_closed: 409,
  claim_closed: 409,
  distribution_under_way: 409,
  owed_back_unconfirmed: 409,
  price_changed: 409,
  email_unverified: 403,
  customer_limit: 409,
  money_final: 409,
  order_awaiting_payment: 409,
  card_payments_disabled: 422,
  card_order_increase_refused: 409,
  refund_refused: 409,
  body_too_large: 413,
  label_state: 409,
};

export function domainErrorStatus(code: DomainErrorCode): number {
  return statusByCode[code];
}

export function domainErrorMessage(error: DomainError, locale: Locale): string {
  const { messageKey, messageParams, messageAmounts } = error.details;
  if (messageKey && isMessageKey(messageKey)) {
    const amounts = Object.fromEntries(Object.entries(messageAmounts ?? {}).map(([name, cents]) => [name, formatEuros(cents, locale)]));
    return translate(locale, messageKey, { ...messageParams, ...amounts });
  }
  if (error.code === "price_changed" && error.details.priceChanges?.length) {
    const changes = error.details.priceChanges.map((change) =>
      translate(locale, "ordering.price.changed", { name: change.name, from: formatEuros(change.shownCents, locale), to: formatEuros(change.currentCents, locale) }),
    );
    return [...changes, translate(locale, "ordering.price.nothingCharged")].join(" ");
  }
  if (error.code === "rate_limited") {
    return translate(locale, "error.rate_limited", { minutes: Math.max(1, Math.ceil((error.details.retryAfterSeconds ?? 60) / 60)) });
  }
  if (error.code === "exceeds_remaining") {
    return translate(locale, "error.exceeds_remaining", { remaining: formatQuantity(error.details.remaining ?? 0, locale) });
  }
  if (error.code === "below_ordered") {
    return translate(locale, "error.below_ordered", { ordered: error.details.ordered ?? 0 });
  }
  if (error.code === "file_too_large") {
    return translate(locale, "error.file_too_large", { megabytes: Math.round((error.details.maxBytes ?? 0) / (1024 * 1024)) });
  }
  if (error.code === "body_too_large") {
    return translate(locale, "error.body_too_large", { size: formatBytes(error.details.maxBytes ?? 0, locale) });
  }
  if (error.code === "invalid" && error.details.offerIds?.length) {
    return translate(locale, "field.id.invalid") + ` (${error.details.offerIds.join(", ")})`;
  }
  return translate(locale, `error.${error.code}`);
}

/**
 * A domain error thrown from a page's loader as a response: its status, and its message in the
 * visitor's language for the ErrorBoundary (app/ui/error-page.tsx shows `data.message`).
 */
export function pageError(request: Request, error: DomainError): Response {
  return Response.json({ message: domainErrorMessage(error, localeOf(request)) }, { status: domainErrorStatus(error.code) });
}

/** "64 Ko" / "64 KB", "5 Mo" / "5 MB". */
function formatBytes(bytes: number, locale: Locale): string {
  const megabytes = bytes >= 1024 * 1024;
  const value = Math.round(bytes / (megabytes ? 1024 * 1024 : 1024));
  if (locale === "fr") return `${value} ${megabytes ? "Mo" : "Ko"}`;
  return `${value} ${megabytes ? "MB" : "KB"}`;
}

function formatQuantity(value: number, locale: Locale): string {
  return value.toLocaleString(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 3 });
}

export type FieldIssue = { path: string; message: string };

export function translateIssues(error: ZodError, locale: Locale): FieldIssue[] {
  return error.issues.map((issue) => {
    const key = isMessageKey(issue.message) ? issue.message : "field.unknown";
    return { path: issue.path.map(String).join("."), message: translate(locale, key, messageParams(key)) };
  });
}

/** Field errors of a form, first message per field, for display beside each input. */
export function fieldErrors(issues: readonly FieldIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.path || "_form"] ??= issue.message;
  return errors;
}

export type FormFailure = { ok: false; message: string; fieldErrors: Record<string, string>; offerIds?: string[] };

/** A page action's answer to bad input or a refused change: the reason, the status, nothing changed. */
export function formFailure(error: unknown, locale: Locale) {
  if (isDomainError(error)) {
    const body: FormFailure = {
      ok: false,
      message: domainErrorMessage(error, locale),
      fieldErrors: error.details.field ? { [error.details.field]: domainErrorMessage(error, locale) } : {},
      offerIds: error.details.offerIds,
    };
    return data(body, { status: domainErrorStatus(error.code) });
  }
  throw error;
}

export function invalidForm(error: ZodError, locale: Locale) {
  const issues = translateIssues(error, locale);
  const body: FormFailure = { ok: false, message: translate(locale, "error.invalid"), fieldErrors: fieldErrors(issues) };
  return data(body, { status: 400 });
}
