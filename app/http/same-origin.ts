const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every state-changing request from another origin is refused (docs/decisions/004-auth.md).
 * Browsers send `Origin` (and `Sec-Fetch-Site`) on every POST; a request without them comes
 * from a non-browser client (curl, a till), which cannot carry a victim's cookie.
 */
export function isCrossOriginWrite(request: { method: string; headers: { get(name: string): string | null } }, appOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site" || fetchSite === "same-site") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  return !appOrigins.includes(origin);
}

/** The origins this app answers on: its public URL and the Host it was reached at. */
export function originsFor(appUrl: string, host: string | null, protocol: string): string[] {
  const origins = [new URL(appUrl).origin];
  if (host) origins.push(`${protocol}://${host}`);
  return origins;
}
