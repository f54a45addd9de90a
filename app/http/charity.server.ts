import { readRows } from "~/db.server";
import type { CurrentUser } from "~/domain/accounts/session.server";
import { DomainError } from "~/domain/errors";
import { isProcessingWorkshop } from "~/domain/donations/read-workshop.server";
import { requireApiUser } from "~/http/api.server";
import { requireUser } from "~/http/auth.server";
import { pageError } from "~/http/errors.server";

/** The charity organisation a person acts for when claiming donations. */
export type CharityContext = {
  user: CurrentUser;
  charity: { id: string; name: string; verified: boolean };
};

const cache = new WeakMap<Request, Promise<CharityContext["charity"] | null>>();

/**
 * The charity of the signed-in person: an organisation of kind CHARITY where they hold the
 * CHARITY role (the first by name when they belong to several). Read once per request.
 */
function charityOf(request: Request, user: CurrentUser): Promise<CharityContext["charity"] | null> {
  let found = cache.get(request);
  if (!found) {
    const ids = user.memberships.filter((membership) => membership.role === "CHARITY").map((membership) => membership.organisationId);
    found =
      ids.length === 0
        ? Promise.resolve(null)
        : readRows<{ id: string; name: string; verified: boolean }>(
            `SELECT id, name, "verifiedAt" IS NOT NULL AS verified
             FROM "Organisation" WHERE id = ANY($1::text[]) AND kind = 'CHARITY' ORDER BY name, id LIMIT 1`,
            [ids],
          ).then((rows) => rows[0] ?? null);
    cache.set(request, found);
  }
  return found;
}

/**
 * Pages of the charity space (/association): a visitor goes to the login page; a signed-in person
 * who acts for no charity gets 403; `verified: true` also refuses (403, said in words) a charity
 * the territory has not verified yet.
 */
export async function requireCharity(request: Request, options: { verified?: boolean } = {}): Promise<CharityContext> {
  const user = await requireUser(request);
  const charity = await charityOf(request, user);
  if (!charity) throw new Response("Forbidden", { status: 403 });
  if (options.verified && !charity.verified) throw pageError(request, new DomainError("not_verified", { messageKey: "donations.claim.not_verified" }));
  return { user, charity };
}

/**
 * The API's charity side: 401 without a session, 403 `forbidden` for anyone who acts for no
 * charity (a producer, a consumer), 403 `not_verified` when asked and the territory has not
 * verified the charity yet: only verified charities see and claim lots.
 */
export async function requireApiCharity(request: Request, options: { verified?: boolean } = {}): Promise<CharityContext> {
  const user = await requireApiUser(request);
  const charity = await charityOf(request, user);
  if (!charity) throw new DomainError("forbidden");
  if (options.verified && !charity.verified) throw new DomainError("not_verified", { messageKey: "donations.claim.not_verified" });
  return { user, charity };
}

/**
 * Pages of a processing workshop (paniers de la mer): a verified charity the territory approved
 * as a workshop; any other charity gets 403, said in words.
 */
export async function requireWorkshop(request: Request): Promise<CharityContext> {
  const context = await requireCharity(request, { verified: true });
  if (!(await isProcessingWorkshop(context.charity.id))) throw pageError(request, new DomainError("forbidden", { messageKey: "sea.workshop.not_approved" }));
  return context;
}
