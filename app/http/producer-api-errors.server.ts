import { data } from "@remix-run/node";
import type { ZodError } from "zod";
import { isDomainError } from "~/domain/errors";
import { isSalesRefusal } from "~/domain/sales/sales-refusal";
import { apiJson, apiLocale, handleApi } from "~/http/api.server";
import { domainErrorMessage, domainErrorStatus, fieldErrors, formFailure, translateIssues, type FormFailure } from "~/http/errors.server";
import { translate, type Locale } from "~/i18n/messages";

/*
 * The producer's offers, over the API and on pages, answer refusals like every other endpoint
 * (app/http/api.server.ts, errors.server.ts) with two additions:
 * - a 409 below_ordered carries `ordered` at the top level: `{error, message, ordered}`;
 * - a SalesRefusal says its own reason (e.g. "the cutoff has passed: the composition can no
 *   longer change") instead of the code's generic message.
 */

function messageOf(error: unknown, locale: Locale): string | null {
  if (isSalesRefusal(error)) return translate(locale, error.messageKey, { ordered: error.details.ordered ?? 0 });
  if (isDomainError(error)) return domainErrorMessage(error, locale);
  return null;
}

/** handleApi (app/http/api.server.ts) plus the two additions above. */
export async function handleProducerApi(request: Request, handler: () => Promise<Response>): Promise<Response> {
  return handleApi(request, async () => {
    try {
      return await handler();
    } catch (error) {
      const locale = apiLocale(request);
      if (isDomainError(error) && error.code === "below_ordered") {
        return apiJson({ error: "below_ordered", message: messageOf(error, locale), ordered: error.details.ordered ?? 0 }, 409);
      }
      if (isSalesRefusal(error)) {
        const message = messageOf(error, locale);
        if (error.code !== "invalid") return apiJson({ error: error.code, message }, domainErrorStatus(error.code));
        return apiJson({ error: "invalid", message: translate(locale, "error.invalid"), issues: [{ path: error.details.field ?? "", message }] }, 400);
      }
      throw error;
    }
  });
}

/**
 * What a producer page's action answers to a refused change: the reason, the status, and which
 * form (`intent`) and offer it was about, so the page shows the message beside the right row.
 */
export type SalesFormFailure = FormFailure & { intent: string; offerId?: string; ordered?: number };

export function salesFormFailure(error: unknown, locale: Locale, where: { intent: string; offerId?: string }) {
  if (!isDomainError(error)) return formFailure(error, locale);
  const message = messageOf(error, locale) ?? translate(locale, "error.unexpected");
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
