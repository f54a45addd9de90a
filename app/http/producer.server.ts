import { readRows } from "~/db.server";
import type { CurrentUser } from "~/domain/accounts/session.server";
import { DomainError } from "~/domain/errors";
import { requireApiUser } from "~/http/api.server";
import { requireUser } from "~/http/auth.server";
import { pageError } from "~/http/errors.server";

/** The producer organisation a person acts for in the producer space. */
export type ProducerContext = {
  user: CurrentUser;
  producer: { id: string; name: string; slug: string; verified: boolean; producerKind: string | null };
};

const cache = new WeakMap<Request, Promise<ProducerContext["producer"] | null>>();

/**
 * The producer organisation of the signed-in person: one where they hold the PRODUCER role.
 * Someone in several farms acts for the first by name (choosing comes when someone needs it).
 * Read once per request; ownership checks then put `producerId` in every `where`.
 */
function producerOf(request: Request, user: CurrentUser): Promise<ProducerContext["producer"] | null> {
  let found = cache.get(request);
  if (!found) {
    const ids = user.memberships.filter((membership) => membership.role === "PRODUCER").map((membership) => membership.organisationId);
    found =
      ids.length === 0
        ? Promise.resolve(null)
        : readRows<{ id: string; name: string; slug: string; verified: boolean; producerKind: string | null }>(
            `SELECT id, name, slug, "verifiedAt" IS NOT NULL AS verified, "producerKind"::text AS "producerKind"
             FROM "Organisation" WHERE id = ANY($1::text[]) AND kind = 'PRODUCER' ORDER BY name, id LIMIT 1`,
            [ids],
          ).then((rows) => rows[0] ?? null);
    cache.set(request, found);
  }
  return found;
}

/**
 * Pages of the producer space: a visitor goes to the login page; a signed-in person without a
 * producer organisation gets 403. `verified: true` also refuses (403) an organisation the
 * territory has not verified yet: only verified producers sell.
 */
export async function requireProducer(request: Request, options: { verified?: boolean } = {}): Promise<ProducerContext> {
  const user = await requireUser(request);
  const producer = await producerOf(request, user);
  if (!producer) throw new Response("Forbidden", { status: 403 });
  if (options.verified && !producer.verified) throw pageError(request, new DomainError("not_verified"));
  return { user, producer };
}

/** The same for the API: 401 without a session, 403 without a (verified, when asked) producer organisation. */
export async function requireApiProducer(request: Request, options: { verified?: boolean } = {}): Promise<ProducerContext> {
  const user = await requireApiUser(request);
  const producer = await producerOf(request, user);
  if (!producer) throw new DomainError("forbidden");
  if (options.verified && !producer.verified) throw new DomainError("not_verified");
  return { user, producer };
}
