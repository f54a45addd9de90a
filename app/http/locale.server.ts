import type { Locale } from "~/i18n/messages";

export const LOCALE_COOKIE = "tm_lang";

function cookieValue(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodedOrUndefined(value.join("="));
  }
  return undefined;
}

/** A cookie is the client's to write: one that does not decode is ignored, never a 500. */
function decodedOrUndefined(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

export function readCookie(request: Request, name: string): string | undefined {
  return cookieValue(request, name);
}

/** French first: the visitor's choice, else their account's language, else English only when asked for it. */
export function localeOf(request: Request, userLocale?: Locale): Locale {
  const chosen = cookieValue(request, LOCALE_COOKIE);
  if (chosen === "fr" || chosen === "en") return chosen;
  if (userLocale) return userLocale;
  const accept = request.headers.get("accept-language") ?? "";
  const first = accept.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "fr";
}
