import type { AppLoadContext } from "@remix-run/node";
import { hashToken } from "~/domain/accounts/session.server";
import { cartSummaryOf, cartSummaryView, type CartSummaryView } from "~/domain/ordering/cart-summary";
import type { Locale } from "~/i18n/messages";
import { cartSummaryRows, setCartQuantity, type CartOwner } from "~/domain/ordering/cart.server";
import { putInGuestCart, type GuestCartCookie } from "~/domain/ordering/guest-cart.server";
import { isProduction } from "~/env.server";
import { getCurrentUser } from "~/http/auth.server";
import { readCookie } from "~/http/locale.server";
import { clientAddress } from "~/http/request-context.server";

/** The visitor's cart cookie (decision 024): a random token; the database keeps only its hash. */
export const GUEST_CART_COOKIE = "tm_cart";

/** The visitor's cart token, if it looks like one this server issues (32 random bytes, base64url). */
export function guestCartToken(request: Request): string | undefined {
  const token = readCookie(request, GUEST_CART_COOKIE);
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
}

/**
 * Whose cart this request reads: the signed-in person's, else the visitor's cookie's (read only
 * while that cart lives: a forged token names no row), else nobody's.
 */
export async function cartOwner(request: Request): Promise<CartOwner | null> {
  const user = await getCurrentUser(request);
  if (user) return { userId: user.id };
  const token = guestCartToken(request);
  return token ? { guestCartId: hashToken(token) } : null;
}

/**
 * Sets a quantity in the cart of whoever asks, signed in or not, under the same rules. Returns
 * the headers to answer with: a visitor's cookie, set again with its new end (or a new cart's).
 */
export async function changeCartQuantity(request: Request, context: AppLoadContext | undefined, input: { offerId: string; quantity: number; now: Date }): Promise<Headers> {
  const headers = new Headers();
  const user = await getCurrentUser(request);
  if (user) {
    await setCartQuantity({ userId: user.id, ...input });
    return headers;
  }
  const cookie = await putInGuestCart({ token: guestCartToken(request), ...input, clientAddress: clientAddress(context) });
  if (cookie) headers.append("set-cookie", guestCartCookie(cookie));
  return headers;
}

/** The header's cart: one entry per distribution not yet over; nothing for who has no cart. One statement at most. */
export async function headerCart(request: Request, now: Date, locale: Locale): Promise<CartSummaryView[]> {
  const owner = await cartOwner(request);
  return owner ? cartSummaryView(cartSummaryOf(await cartSummaryRows(owner, now)), locale) : [];
}

/** HttpOnly, SameSite=Lax, Secure in production, as the session cookie. */
export function guestCartCookie(cookie: GuestCartCookie): string {
  const parts = [`${GUEST_CART_COOKIE}=${cookie.token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Expires=${cookie.expiresAt.toUTCString()}`];
  if (isProduction()) parts.push("Secure");
  return parts.join("; ");
}

/** Once the visitor's cart joined an account, the browser forgets it. */
export function clearedGuestCartCookie(): string {
  const parts = [`${GUEST_CART_COOKIE}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
  if (isProduction()) parts.push("Secure");
  return parts.join("; ");
}

/** The query parameter that tells the landing page how many of the visitor's articles were kept. */
export const KEPT_CART_PARAM = "panierConserve";

/**
 * Where a login or sign-up lands, and the cookies it sets besides the session's: when the visitor's
 * cart joined the account, the page they land on says so (root's notice reads KEPT_CART_PARAM),
 * and the browser forgets the visitor's cart cookie either way.
 */
export function landingAfterLogin(request: Request, target: string, keptArticles: number, headers: Headers): string {
  if (readCookie(request, GUEST_CART_COOKIE) !== undefined) headers.append("set-cookie", clearedGuestCartCookie());
  if (keptArticles <= 0) return target;
  const url = new URL(target, "http://placeholder.invalid");
  url.searchParams.set(KEPT_CART_PARAM, String(keptArticles));
  return url.pathname + url.search + url.hash;
}
