import { choiceCookieValue, parseChoiceCookie, PICKUP_CHOICE_COOKIE, PICKUP_CHOICE_MAX_AGE_SECONDS, type PickupChoice } from "~/domain/distributions/pickup-choice";
import { isProduction } from "~/env.server";
import { readCookie } from "~/http/locale.server";

/** The pickup place this browser chose (the home page), or null: a cookie that does not read as one is none. */
export function visitorPickupChoice(request: Request): PickupChoice | null {
  return parseChoiceCookie(readCookie(request, PICKUP_CHOICE_COOKIE));
}

/** The cookie that remembers a choice in this browser for a year: HttpOnly (only the server reads it), Secure in production. */
export function pickupChoiceCookie(choice: PickupChoice): string {
  const parts = [`${PICKUP_CHOICE_COOKIE}=${encodeURIComponent(choiceCookieValue(choice))}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${PICKUP_CHOICE_MAX_AGE_SECONDS}`];
  if (isProduction()) parts.push("Secure");
  return parts.join("; ");
}
