/**
 * Where a resident collects (issue 10, the home page): one pickup point, or every point of one
 * commune. Pure: how the choice is written in the visitor's cookie and read from a form.
 * A visitor's choice lives in the `tm_pickup` cookie; a signed-in person's on their account.
 */

export type PickupChoice = { kind: "point"; pointId: string } | { kind: "commune"; communeInsee: string };

export const PICKUP_CHOICE_COOKIE = "tm_pickup";

/** A year: the choice is a habit, not a session. */
export const PICKUP_CHOICE_MAX_AGE_SECONDS = 365 * 24 * 3600;

const POINT_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** INSEE commune codes: five characters, digits or Corsica's 2A/2B. */
const COMMUNE_INSEE = /^(?:\d{5}|2[AB]\d{3})$/;

export function isPointId(value: string): boolean {
  return POINT_ID.test(value);
}

export function isCommuneInsee(value: string): boolean {
  return COMMUNE_INSEE.test(value);
}

/** "point:<id>" or "commune:<insee>": what the cookie holds. */
export function choiceCookieValue(choice: PickupChoice): string {
  return choice.kind === "point" ? `point:${choice.pointId}` : `commune:${choice.communeInsee}`;
}

/** The cookie is the client's to write: anything that is not a well-formed choice is no choice. */
export function parseChoiceCookie(value: string | undefined): PickupChoice | null {
  if (!value) return null;
  const [kind, id, ...rest] = value.split(":");
  if (rest.length > 0 || id === undefined) return null;
  if (kind === "point" && isPointId(id)) return { kind: "point", pointId: id };
  if (kind === "commune" && isCommuneInsee(id)) return { kind: "commune", communeInsee: id };
  return null;
}

/** The account's two columns as a choice (the CHECK keeps them from both being set). */
export function choiceOfAccount(account: { pickupPointId: string | null; pickupCommuneInsee: string | null }): PickupChoice | null {
  if (account.pickupPointId) return { kind: "point", pointId: account.pickupPointId };
  if (account.pickupCommuneInsee) return { kind: "commune", communeInsee: account.pickupCommuneInsee };
  return null;
}

/** The account's choice first; a visitor's cookie when the account has none (or for a visitor). */
export function effectiveChoice(account: PickupChoice | null, cookie: PickupChoice | null): PickupChoice | null {
  return account ?? cookie;
}
