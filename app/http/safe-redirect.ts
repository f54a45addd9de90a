const PLACEHOLDER_ORIGIN = "http://placeholder.invalid";
const MAX_LENGTH = 2000;
// Browsers drop tabs and newlines from a URL and read "\" as "/": "/\t/evil" is "//evil" to them.
const STRIPPED_OR_SLASH = /[\u0000-\u001f\u007f\\]/;

/**
 * Only a path of this site is followed after a login, a sign-up or a language change, never
 * another site. The candidate is read the way a browser reads it (the WHATWG URL parser) and
 * accepted only if it stays on this origin and carries nothing a browser would rewrite; what is
 * returned is the parsed path, so what we checked is what the browser follows.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length > MAX_LENGTH) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || STRIPPED_OR_SLASH.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  // "/.//evil" and "/%2e//evil" come out of the parser as "//evil": protocol-relative once sent.
  if (url.pathname.startsWith("//")) return fallback;
  // Encoded slashes, backslashes and control characters have no place in this site's paths, and
  // a later hop that decodes them must not find "//evil" either.
  const decoded = decodedOrUndefined(url.pathname);
  if (decoded === undefined || decoded.includes("//") || STRIPPED_OR_SLASH.test(decoded)) return fallback;
  return url.pathname + url.search + url.hash;
}

function decodedOrUndefined(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}
