import { readRows } from "~/db.server";
import type { EssActorKind } from "~/domain/ess/ess-actor-kinds";
import { searchKey } from "~/domain/ess/search-key";

/**
 * The directory's filters as they apply to ESS actors (issue 12). Every filter is optional; an
 * empty list means "any".
 * - `q`: words searched in the actor's name and in what they offer, accents and case ignored
 *   (each word must appear: « jardin dieppe » finds « Jardin partagé du Pollet — Dieppe »).
 * - `kinds`: the actor kinds to keep.
 * - `communeInsee`: the communes (INSEE codes) to keep.
 */
export type EssActorFilters = {
  q?: string;
  kinds?: readonly EssActorKind[];
  communeInsee?: readonly string[];
};

/** One published ESS actor as the directory, its map and its open data show it. */
export type DirectoryEssActor = {
  id: string;
  slug: string;
  name: string;
  kind: EssActorKind;
  communeInsee: string;
  communeName: string;
  address: string;
  lat: number;
  lon: number;
  offer: string;
  contactEmail: string | null;
  contactPhone: string | null;
  website: string | null;
};

/**
 * The published ESS actors matching the filters, by name (French collation), in ONE SQL statement
 * whatever their number. Unpublished actors are never returned. Use it from the directory
 * (`/annuaire`), its map and its open data; the search is the same as the stored `searchKey`.
 */
export async function listDirectoryEssActors(filters: EssActorFilters = {}): Promise<DirectoryEssActor[]> {
  const words = searchKey(filters.q ?? "")
    .split(" ")
    .filter((word) => word.length > 0)
    .map((word) => `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
  const kinds = filters.kinds && filters.kinds.length > 0 ? [...filters.kinds] : null;
  const communes = filters.communeInsee && filters.communeInsee.length > 0 ? [...filters.communeInsee] : null;
  return readRows<DirectoryEssActor>(
    `SELECT a.id, a.slug, a.name, a.kind::text AS kind, a."communeInsee", c.name AS "communeName", a.address,
            a.lat, a.lon, a.offer, a."contactEmail", a."contactPhone", a.website
       FROM "EssActor" a
       JOIN "Commune" c ON c."inseeCode" = a."communeInsee"
      WHERE a.published
        AND ($1::text[] IS NULL OR a.kind::text = ANY($1::text[]))
        AND ($2::text[] IS NULL OR a."communeInsee" = ANY($2::text[]))
        AND a."searchKey" LIKE ALL($3::text[])
      ORDER BY a.name, a.id`,
    [kinds, communes, words],
  );
}
