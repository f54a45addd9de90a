import { redirect } from "@remix-run/node";
import { DEVICE_COOKIE } from "~/domain/accounts/known-device.server";
import { can, type Permission } from "~/domain/accounts/permissions";
import { findSessionUser, SESSION_COOKIE, type CurrentUser } from "~/domain/accounts/session.server";
import { isProduction } from "~/env.server";
import { now } from "~/http/clock.server";
import { readCookie } from "~/http/locale.server";

const cache = new WeakMap<Request, Promise<CurrentUser | null>>();

/** The signed-in person, read once per request (loaders of one page share it). */
export function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  let found = cache.get(request);
  if (!found) {
    const token = sessionToken(request);
    found = token ? findSessionUser(token, now()) : Promise.resolve(null);
    cache.set(request, found);
  }
  return found;
}

export function sessionToken(request: Request): string | undefined {
  const token = readCookie(request, SESSION_COOKIE);
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : undefined;
}

/** Pages: a visitor who is not signed in goes to the login page and comes back afterwards. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (user) return user;
  const url = new URL(request.url);
  throw redirect(`/connexion?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

export async function requirePermission(request: Request, permission: Permission): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!can(user, permission)) throw new Response("Forbidden", { status: 403 });
  return user;
}

/** The cookie holds only the session id: HttpOnly, SameSite=Lax, Secure in production. */
export function sessionCookie(token: string, expiresAt: Date): string {
  const parts = [`${SESSION_COOKIE}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Expires=${expiresAt.toUTCString()}`];
  if (isProduction()) parts.push("Secure");
  return parts.join("; ");
}

/** The browser's known-device token, if it looks like one this server issues. */
export function deviceToken(request: Request): string | undefined {
  const token = readCookie(request, DEVICE_COOKIE);
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : undefined;
}

/**
 * The session cookie and the known-device cookie a login sets (decision 014): the device cookie
 * outlives the session and logging out, so that this browser stays known.
 */
export function logInCookies(result: { sessionToken: string; expiresAt: Date; deviceToken: string; deviceExpiresAt: Date }): Headers {
  const headers = new Headers();
  headers.append("set-cookie", sessionCookie(result.sessionToken, result.expiresAt));
  const parts = [`${DEVICE_COOKIE}=${result.deviceToken}`, "Path=/", "HttpOnly", "SameSite=Lax", `Expires=${result.deviceExpiresAt.toUTCString()}`];
  if (isProduction()) parts.push("Secure");
  headers.append("set-cookie", parts.join("; "));
  return headers;
}

export function clearedSessionCookie(): string {
  const parts = [`${SESSION_COOKIE}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
  if (isProduction()) parts.push("Secure");
  return parts.join("; ");
}

export { safeRedirect } from "~/http/safe-redirect";
