import type { ZodError } from "zod";
import { isDomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { refusedByDomain, refusedForm } from "~/http/ess-form.server";
import type { Locale } from "~/i18n/messages";

/** A use case's « not found » (or another holder's record) is the page's 404; any other failure is rethrown. */
export function notFoundResponse(error: unknown): never {
  if (isDomainError(error) && error.code === "not_found") throw new Response("Not found", { status: 404 });
  throw error;
}

/** The record id in the address: a malformed one is a 404, as an unknown one is. */
export function routeId(params: { id?: string }): string {
  const id = idField.safeParse(params.id);
  if (!id.success) throw new Response("Not found", { status: 404 });
  return id.data;
}

type Parsed<T> = { success: true; data: T } | { success: false; error: ZodError };

/**
 * The ESS and agenda forms' action: the parsed form goes to the use case; a refused field or a refusal
 * by the domain comes back with what was typed (nothing is lost). Returns the refusal, or undefined when
 * the use case ran. With `notFound: "404"`, a record gone meanwhile is the page's 404 rather than a message.
 */
export async function submitEssForm<T>(
  input: { locale: Locale; form: Record<string, string>; parsed: Parsed<T>; notFound?: "404" },
  run: (data: T) => Promise<unknown>,
) {
  const { locale, form, parsed } = input;
  if (!parsed.success) return refusedForm(parsed.error, locale, form);
  try {
    await run(parsed.data);
  } catch (error) {
    if (input.notFound === "404" && isDomainError(error) && error.code === "not_found") notFoundResponse(error);
    return refusedByDomain(error, locale, form);
  }
  return undefined;
}
