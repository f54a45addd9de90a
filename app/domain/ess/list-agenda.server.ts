import { readRows } from "~/db.server";
import { publicPagePath } from "~/domain/directory/public-pages";
import type { EventKind } from "~/domain/ess/event-kinds";

/** One event as the agenda, its feed and an actor's page show it. Times are instants; pages show them in Paris time. */
export type AgendaEvent = {
  id: string;
  title: string;
  description: string;
  kind: EventKind;
  startsAt: Date;
  endsAt: Date;
  placeName: string;
  address: string;
  communeInsee: string;
  communeName: string;
  lat: number;
  lon: number;
  registrationUrl: string | null;
  registrationText: string;
  /** Who holds it: a producer/organisation (its slug for /producteurs/:slug) or an ESS actor. */
  holderName: string;
  holderKind: "organisation" | "ess";
  holderSlug: string;
  /** Which public page the holder has, if any: a producer's or an AMAP's, a charity's that chose to appear, an ESS actor's. */
  holderPage: "producer" | "charity" | "essActor" | null;
  updatedAt: Date;
};

/** The holder's public page (public-pages.ts), or null: a charity that did not choose to appear has none. */
export function holderHrefOf(event: Pick<AgendaEvent, "holderPage" | "holderSlug">): string | null {
  return event.holderPage ? publicPagePath(event.holderPage, event.holderSlug) : null;
}

export type AgendaFilters = { kinds?: readonly EventKind[]; communeInsee?: readonly string[] };

/**
 * What makes an event public: its holder is public — a verified organisation, or a published ESS
 * actor. The same condition for the agenda, its feed, an event's page and an actor's page.
 */
const PUBLIC_HOLDER = `(o.id IS NOT NULL AND o."verifiedAt" IS NOT NULL) OR (a.id IS NOT NULL AND a.published)`;

const SELECT_EVENT = `
  SELECT e.id, e.title, e.description, e.kind::text AS kind, e."startsAt", e."endsAt", e."placeName", e.address,
         e."communeInsee", c.name AS "communeName", e.lat, e.lon, e."registrationUrl", e."registrationText",
         COALESCE(o.name, a.name) AS "holderName",
         CASE WHEN o.id IS NOT NULL THEN 'organisation' ELSE 'ess' END AS "holderKind",
         COALESCE(o.slug, a.slug) AS "holderSlug",
         CASE WHEN a.id IS NOT NULL THEN 'essActor'
              WHEN o.kind IN ('PRODUCER', 'AMAP') THEN 'producer'
              WHEN o.kind = 'CHARITY' AND EXISTS (SELECT 1 FROM "CharitySettings" cs WHERE cs."organisationId" = o.id AND cs."inDirectory") THEN 'charity'
         END AS "holderPage", e."updatedAt"
    FROM "Event" e
    JOIN "Commune" c ON c."inseeCode" = e."communeInsee"
    LEFT JOIN "Organisation" o ON o.id = e."organisationId"
    LEFT JOIN "EssActor" a ON a.id = e."essActorId"`;

/** The public agenda: events not over yet at `now`, soonest first, filtered by kind and commune; one statement. */
export async function listAgenda(input: { now: Date; filters?: AgendaFilters; limit?: number }): Promise<AgendaEvent[]> {
  const kinds = input.filters?.kinds?.length ? [...input.filters.kinds] : null;
  const communes = input.filters?.communeInsee?.length ? [...input.filters.communeInsee] : null;
  return readRows<AgendaEvent>(
    `${SELECT_EVENT}
      WHERE e."endsAt" > $1 AND (${PUBLIC_HOLDER})
        AND ($2::text[] IS NULL OR e.kind::text = ANY($2::text[]))
        AND ($3::text[] IS NULL OR e."communeInsee" = ANY($3::text[]))
      ORDER BY e."startsAt", e.title, e.id
      LIMIT $4`,
    [input.now, kinds, communes, input.limit ?? 500],
  );
}

/** One public event (past ones included: a shared link keeps working), or null. */
export async function getPublicEvent(id: string): Promise<AgendaEvent | null> {
  const rows = await readRows<AgendaEvent>(`${SELECT_EVENT} WHERE e.id = $1 AND (${PUBLIC_HOLDER})`, [id]);
  return rows[0] ?? null;
}

/**
 * The coming events of one actor — an organisation (`{ organisationId }`) or an ESS actor
 * (`{ essActorId }`) — for their public page (/producteurs/:slug and the directory), soonest
 * first; one statement. Nothing when the actor is not public.
 */
export async function upcomingEventsOf(actor: { organisationId: string } | { essActorId: string }, now: Date, limit = 20): Promise<AgendaEvent[]> {
  const [column, id] = "organisationId" in actor ? ["organisationId", actor.organisationId] : ["essActorId", actor.essActorId];
  return readRows<AgendaEvent>(
    `${SELECT_EVENT}
      WHERE e."${column}" = $1 AND e."endsAt" > $2 AND (${PUBLIC_HOLDER})
      ORDER BY e."startsAt", e.title, e.id
      LIMIT $3`,
    [id, now, limit],
  );
}
