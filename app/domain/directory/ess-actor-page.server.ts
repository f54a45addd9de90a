import { readRows } from "~/db.server";
import type { EssActorForStructuredData } from "~/domain/directory/structured-data";
import type { EssActorKind } from "~/domain/ess/ess-actor-kinds";

/** What the page shows is what its schema.org JSON-LD says, plus the actor's id and kind. */
export type EssActorPage = EssActorForStructuredData & { id: string; kind: EssActorKind };

/**
 * An ESS actor's public page (/acteurs/:slug, issue 12), in one statement: who they are, where,
 * what they offer and how to reach them, as the territory entered it. Null for an unknown slug or
 * an actor the territory has not published (the directory's rule: decision 031).
 */
export async function readEssActorPage(slug: string): Promise<EssActorPage | null> {
  const rows = await readRows<EssActorPage>(
    `
    SELECT a.id, a.slug, a.name, a.kind::text AS kind, a.address, c.name AS commune, c."postalCode", a.lat, a.lon,
           a.offer, a."contactEmail", a."contactPhone", a.website
      FROM "EssActor" a
      JOIN "Commune" c ON c."inseeCode" = a."communeInsee"
     WHERE a.slug = $1 AND a.published`,
    [slug],
  );
  return rows[0] ?? null;
}
