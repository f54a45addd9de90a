import { z, ZodError } from "zod";
import type { CurrentUser } from "~/domain/accounts/session.server";
import { DomainError, isDomainError } from "~/domain/errors";
import { getCurrentUser } from "~/http/auth.server";
import { bodyWasLeftUnread, JSON_MAX_BYTES, readBodyText } from "~/http/body.server";
import { domainErrorMessage, domainErrorStatus, translateIssues } from "~/http/errors.server";
import { localeOf } from "~/http/locale.server";
import { translate, type Locale } from "~/i18n/messages";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "~/infra/database-unavailable";

/**
 * JSON API answers: `{error, message, ...}` on failure, with a message in the caller's language.
 * A string is taken as JSON already serialised.
 */
export function apiJson(body: unknown, init?: number | ResponseInit): Response {
  const responseInit = typeof init === "number" ? { status: init } : init;
  const headers = new Headers(responseInit?.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  headers.set("cache-control", "no-store");
  return new Response(typeof body === "string" ? body : JSON.stringify(body), { ...responseInit, headers });
}

export function apiLocale(request: Request): Locale {
  return localeOf(request);
}

export async function requireApiUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) throw new DomainError("unauthenticated");
  return user;
}

/**
 * Reads and validates a JSON body of at most JSON_MAX_BYTES (a larger one is refused, 413, before
 * it is read further); anything else is a 400 that names the problem.
 */
export async function readJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const text = await readBodyText(request, JSON_MAX_BYTES);
  let body: unknown;
  try {
    body = text.length === 0 ? undefined : JSON.parse(text);
  } catch {
    throw new InvalidJson();
  }
  return schema.parse(body);
}

class InvalidJson extends Error {}

/**
 * Runs an API handler and turns what it throws into the documented answers: domain errors to
 * their status and code, validation errors to 400 `{error: "invalid", issues}`.
 */
export async function handleApi(request: Request, handler: () => Promise<Response>): Promise<Response> {
  const locale = apiLocale(request);
  try {
    return await handler();
  } catch (error) {
    if (error instanceof Response) throw error;
    if (error instanceof InvalidJson) {
      return apiJson({ error: "invalid", message: translate(locale, "error.invalid"), issues: [{ path: "", message: locale === "fr" ? "Le corps de la requête n'est pas du JSON valide." : "The request body is not valid JSON." }] }, 400);
    }
    if (error instanceof ZodError) {
      return apiJson({ error: "invalid", message: translate(locale, "error.invalid"), issues: translateIssues(error, locale) }, 400);
    }
    if (isDomainError(error)) {
      const body: Record<string, unknown> = { error: error.code, message: domainErrorMessage(error, locale) };
      if (error.details.offerIds) body.offerIds = error.details.offerIds;
      if (error.details.priceChanges) body.priceChanges = error.details.priceChanges;
      // What a client needs to try again sensibly: what is ordered, what is left.
      if (error.details.ordered !== undefined) body.ordered = error.details.ordered;
      if (error.details.remaining !== undefined) body.remaining = error.details.remaining;
      if (error.code === "invalid") {
        body.issues = [{ path: error.details.field ?? "", message: domainErrorMessage(error, locale) }];
      }
      const headers: Record<string, string> = {};
      if (error.details.retryAfterSeconds) headers["retry-after"] = String(error.details.retryAfterSeconds);
      // The rest of a refused body is never read: this connection cannot carry another request.
      if (bodyWasLeftUnread(request)) headers.connection = "close";
      return apiJson(body, { status: domainErrorStatus(error.code), headers });
    }
    if (isDatabaseUnavailable(error)) {
      // Expected while the database fails over or restarts: a warning, and a clear answer to retry.
      console.warn("[api] base de données injoignable :", error instanceof Error ? error.message.trim().split("\n").pop() : error);
      return apiJson(
        { error: "database_unavailable", message: translate(locale, "error.database_unavailable") },
        { status: 503, headers: { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) } },
      );
    }
    // An API client gets JSON even for the unexpected; the details go to the log, not to it.
    console.error("[api] erreur inattendue :", error);
    return apiJson({ error: "unexpected", message: translate(locale, "error.unexpected") }, 500);
  }
}

export function methodNotAllowed(request: Request, allowed: string[]): Response {
  const locale = apiLocale(request);
  return apiJson(
    { error: "method_not_allowed", message: locale === "fr" ? `Méthode non prise en charge ; utilisez ${allowed.join(" ou ")}.` : `Method not supported; use ${allowed.join(" or ")}.` },
    { status: 405, headers: { allow: allowed.join(", ") } },
  );
}
