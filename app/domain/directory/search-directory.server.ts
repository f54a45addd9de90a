import { readRows } from "~/db.server";
import { EARTH_RADIUS_KM } from "~/domain/label/label-criteria";
import { validLabelSql } from "~/domain/label/read-label.server";
import { publicPagePath } from "~/domain/directory/public-pages";
import { communeOf, containsPattern, kindWordOf, PAGE_SIZE, type ActorType, type DirectoryKind, type DirectoryQuery, DIRECTORY_KINDS } from "~/domain/directory/directory-query";

export type DirectoryResult = {
  type: ActorType;
  id: string;
  /** A producer's, an AMAP's, a charity's or an ESS actor's URL word; null for a pickup point. */
  slug: string | null;
  name: string;
  kind: DirectoryKind;
  /** The actor's public page (public-pages.ts): a producer's, an AMAP's, a charity's, an ESS actor's or a pickup point's. */
  href: string | null;
  commune: string | null;
  communeInsee: string | null;
  lat: number | null;
  lon: number | null;
  organic: boolean;
  /** What they sell, by category: [{ fr, en }], in the categories' order. */
  categories: Array<{ fr: string; en: string }>;
  /** The start of their story (producers) or their address (pickup points). */
  summary: string;
  /** The numbers of their products' « Produit local Dieppe Maritime » labels valid now (producers). */
  labels: string[];
  /** Great-circle km from the centre of the commune searched around (`near`); null without that filter. */
  km: number | null;
};

/** An actor on the map: every result of the search, not only the page's (decision 034), the first MAP_MARKER_CAP of them. */
export type DirectoryMarker = { id: string; name: string; kind: DirectoryKind; lat: number; lon: number; href: string | null };

export type DirectoryPage = {
  /** The next instant a label ends after the search's `now` (null: none): the answer holds, by time, until then. */
  labelsChangeAt: Date | null;
  total: number;
  results: DirectoryResult[];
  /** Every result that has a position, in the list's order, at most MAP_MARKER_CAP. */
  markers: DirectoryMarker[];
  /** How many results have a position: more than `markers.length` when the map is capped. */
  mapped: number;
};

/** The map's markers past which a search is too wide to draw: the phone would carry them all for nothing. */
export const MAP_MARKER_CAP = 2000;

type Row = Omit<DirectoryResult, "kind" | "href"> & { subKind: string | null };
type MarkerRow = Omit<DirectoryMarker, "kind" | "href"> & { type: ActorType; slug: string | null; subKind: string | null };

/**
 * The directory's search (decision 030): one statement whatever the number of actors, products and
 * distributions — each kind of actor is a branch of one UNION ALL (verified producers and AMAPs,
 * the verified charities that chose to appear, the pickup points, the ESS actors the territory
 * published), filtered alike, counted and paged. The label filter keeps the producers holding a
 * label valid now (`validLabelSql`: an expired one stops counting at its instant) and the points
 * where a labelled product is on sale at a coming distribution. Only what the territory verified appears: an organisation with
 * `verifiedAt` set and no refusal, a pickup point of no organisation or of a verified one.
 *
 * The words typed match, accents and case ignored (`unaccent(lower(…))` on both sides), the actor's
 * name, its commune, and what it sells: its products' names and categories (a pickup point: the
 * products on sale at its coming distributions). Each word must match somewhere, so
 * « coquilles dieppe » finds the fishers of Dieppe that sell scallops.
 *
 * Near a commune (`query.near`), the actors whose position (their own, or their commune's centre)
 * lies within the radius of that commune's centre (shared/data/communes.json, the reference data)
 * are kept, by the great-circle distance of the label's rule (`greatCircleKm`, same earth radius),
 * nearest first, each with its distance.
 *
 * The same statement gives the map every result, not only the page's: a light marker (id, name,
 * kind, position) for each positioned result in the list's order, at most MAP_MARKER_CAP, and how
 * many there are, so the page can say when the map is capped. `options.actors` keeps some kinds of
 * actor only (the producers' API: producers and AMAPs).
 */
export async function searchDirectory(query: DirectoryQuery, now: Date, options: SearchOptions = {}): Promise<DirectoryPage> {
  const statement = directorySearchStatement(query, now, options);
  const rows = await readRows<{ total: number; mapped: number; labelsChangeAt: Date | null; results: Array<Row & { rank: number }>; markers: MarkerRow[] }>(statement.text, statement.values);
  const found = rows[0];
  return {
    labelsChangeAt: found?.labelsChangeAt ? new Date(found.labelsChangeAt) : null,
    total: found?.total ?? 0,
    mapped: found?.mapped ?? 0,
    results: (found?.results ?? []).map(({ subKind, rank: _rank, ...row }) => ({ ...row, kind: kindWordOf(row.type, subKind), href: publicPageOf(row.type, row.id, row.slug) })),
    markers: (found?.markers ?? []).map(({ type, slug, subKind, ...marker }) => ({ ...marker, kind: kindWordOf(type, subKind), href: publicPageOf(type, marker.id, slug) })),
  };
}

type SearchOptions = { actors?: readonly ActorType[] };

/** A product's searched names: the very expression of its trigram index (migration 20261208000000), so the planner can use it. */
const PRODUCT_TEXT = `directory_normalise(p.name || ' ' || COALESCE(p."nameEn", '') || ' ' || COALESCE(p."commercialName", ''))`;

/**
 * The search's one statement and its values, `now` first: what `searchDirectory` runs, and what the
 * directory benchmark's floor server runs too (scripts/bench-directory.ts), so both measure the same SQL.
 */
export function directorySearchStatement(query: DirectoryQuery, now: Date, options: SearchOptions = {}): { text: string; values: unknown[] } {
  const words = query.q === "" ? [] : query.q.split(" ").map(containsPattern);
  const kind = query.kind ? DIRECTORY_KINDS[query.kind] : null;
  const centre = query.near ? communeOf(query.near.commune) : null;
  return {
    text: `
    WITH word_products AS MATERIALIZED (
      -- the products (not archived) whose names hold the longest word, through their trigram index, read once for both branches
      SELECT p.id, p."producerId" FROM "Product" p WHERE $17::text IS NOT NULL AND p."archivedAt" IS NULL AND ${PRODUCT_TEXT} LIKE unaccent($17)
    ), valid_labels AS (
      -- the labels valid now, per producer, read once (not once per actor)
      SELECT lp."producerId", array_agg(l.number ORDER BY l.number) AS numbers
      FROM "Label" l JOIN "Product" lp ON lp.id = l."productId"
      WHERE lp."archivedAt" IS NULL AND ${validLabelSql("l", "$1")}
      GROUP BY lp."producerId"
    ), actors AS (
      SELECT CASE o.kind WHEN 'PRODUCER' THEN 'producer' WHEN 'AMAP' THEN 'amap' ELSE 'charity' END AS type,
             o.id, o.slug, o.name, o."producerKind"::text AS "subKind",
             c.name AS commune, o."communeInsee", COALESCE(o.lat, c.lat) AS lat, COALESCE(o.lon, c.lon) AS lon,
             o."organicCertified" AS organic, left(o.description, 180) AS summary,
             -- the full text only when words were typed: without, building it for every actor was wasted
             CASE WHEN $17::text IS NOT NULL THEN unaccent(lower(o.name || ' ' || COALESCE(c.name, '') || ' ' || COALESCE(sold.words, ''))) END AS haystack,
             sold."categoryIds",
             COALESCE(vl.numbers, ARRAY[]::text[]) AS labels,
             NULL::boolean AS "sellsLabelled"
      FROM "Organisation" o
      LEFT JOIN "Commune" c ON c."inseeCode" = o."communeInsee"
      LEFT JOIN valid_labels vl ON vl."producerId" = o.id
      -- what they sell, only when a category or words are searched (the page's own 20 get their categories below)
      LEFT JOIN LATERAL (
        SELECT array_agg(DISTINCT cg.id) AS "categoryIds",
               string_agg(p.name || ' ' || COALESCE(p."nameEn", '') || ' ' || COALESCE(p."commercialName", '') || ' ' || cg."nameFr" || ' ' || cg."nameEn", ' ') AS words
        FROM "Product" p JOIN "Category" cg ON cg.id = p."categoryId"
        WHERE p."producerId" = o.id AND p."archivedAt" IS NULL AND ($5::text IS NOT NULL OR $17::text IS NOT NULL)
      ) sold ON true
      WHERE o."verifiedAt" IS NOT NULL AND o."refusedAt" IS NULL
        AND (o.kind IN ('PRODUCER', 'AMAP')
             OR (o.kind = 'CHARITY' AND EXISTS (SELECT 1 FROM "CharitySettings" cs WHERE cs."organisationId" = o.id AND cs."inDirectory")))
        -- The longest word narrows first, through the trigram indexes (migration 20261208000000): the
        -- organisations whose name, commune, a product or a product's category it can match; every
        -- word is then checked on the full text below, as without this.
        -- Each way is a set read once (an index or a small table), never a function per organisation.
        AND ($17::text IS NULL
             OR o.id IN (SELECT named.id FROM "Organisation" named WHERE directory_normalise(named.name) LIKE unaccent($17))
             OR o."communeInsee" IN (SELECT cm."inseeCode" FROM "Commune" cm WHERE unaccent(lower(cm.name)) LIKE unaccent($17))
             OR o.id IN (SELECT wp."producerId" FROM word_products wp)
             OR o.id IN (SELECT p."producerId" FROM "Product" p JOIN "Category" cg ON cg.id = p."categoryId"
                         WHERE p."archivedAt" IS NULL AND unaccent(lower(cg."nameFr" || ' ' || cg."nameEn")) LIKE unaccent($17)))
      UNION ALL
      SELECT 'pickupPoint', pp.id, NULL, pp.name, NULL, c.name, pp."communeInsee", pp.lat, pp.lon, false, pp.address,
             CASE WHEN $17::text IS NOT NULL THEN unaccent(lower(pp.name || ' ' || c.name || ' ' || pp.address || ' ' || COALESCE(sold.words, ''))) END,
             sold."categoryIds", ARRAY[]::text[], sold."sellsLabelled"
      FROM "PickupPoint" pp
      JOIN "Commune" c ON c."inseeCode" = pp."communeInsee"
      LEFT JOIN "Organisation" owner ON owner.id = pp."organisationId"
      -- what is on sale at its coming distributions, only when a category, words or the label are searched
      LEFT JOIN LATERAL (
        SELECT array_agg(DISTINCT cg.id) AS "categoryIds",
               string_agg(p.name || ' ' || cg."nameFr" || ' ' || cg."nameEn", ' ') AS words,
               bool_or(EXISTS (SELECT 1 FROM "Label" l WHERE l."productId" = p.id AND ${validLabelSql("l", "$1")})) AS "sellsLabelled"
        FROM "Distribution" d
        JOIN "Offer" off ON off."distributionId" = d.id
        JOIN "Product" p ON p.id = off."productId"
        JOIN "Category" cg ON cg.id = p."categoryId"
        WHERE d."pickupPointId" = pp.id AND d.status = 'SCHEDULED' AND d."endsAt" > $1
          AND ($5::text IS NOT NULL OR $17::text IS NOT NULL OR $10::boolean)
      ) sold ON true
      WHERE (pp."organisationId" IS NULL OR (owner."verifiedAt" IS NOT NULL AND owner."refusedAt" IS NULL))
        AND ($17::text IS NULL
             OR pp.id IN (SELECT named.id FROM "PickupPoint" named WHERE directory_normalise(named.name || ' ' || named.address) LIKE unaccent($17))
             OR pp."communeInsee" IN (SELECT cm."inseeCode" FROM "Commune" cm WHERE unaccent(lower(cm.name)) LIKE unaccent($17))
             OR pp.id IN (SELECT d."pickupPointId" FROM "Distribution" d JOIN "Offer" off ON off."distributionId" = d.id
                          WHERE d.status = 'SCHEDULED' AND d."endsAt" > $1
                            AND (off."productId" IN (SELECT wp.id FROM word_products wp)
                                 OR off."productId" IN (SELECT p.id FROM "Product" p WHERE p."archivedAt" IS NOT NULL AND ${PRODUCT_TEXT} LIKE unaccent($17))
                                 OR off."productId" IN (SELECT p.id FROM "Product" p JOIN "Category" cg ON cg.id = p."categoryId"
                                                        WHERE unaccent(lower(cg."nameFr" || ' ' || cg."nameEn")) LIKE unaccent($17)))))
      UNION ALL
      SELECT 'essActor', a.id, a.slug, a.name, a.kind::text, c.name, a."communeInsee", a.lat, a.lon, false, left(a.offer, 180),
             CASE WHEN $17::text IS NOT NULL THEN unaccent(lower(a.name || ' ' || c.name || ' ' || a.offer)) END, NULL::text[], ARRAY[]::text[], NULL::boolean
      FROM "EssActor" a
      JOIN "Commune" c ON c."inseeCode" = a."communeInsee"
      WHERE a.published
    ), placed AS (
      -- haversine, as greatCircleKm: NULL without the near filter or without a position (LEAST ignores a NULL: hence the CASE)
      SELECT actors.*,
             CASE WHEN $11::float8 IS NOT NULL AND lat IS NOT NULL AND lon IS NOT NULL THEN 2 * $13::float8 * asin(least(1, sqrt(
               sin(radians(lat - $11::float8) / 2) ^ 2 + cos(radians($11::float8)) * cos(radians(lat)) * sin(radians(lon - $12::float8) / 2) ^ 2
             ))) END AS km
      FROM actors
    ), filtered AS (
      SELECT type, id, slug, name, "subKind", commune, "communeInsee", lat, lon, organic, summary, labels, km
      FROM placed
      WHERE ($14::float8 IS NULL OR km <= $14)
        AND ($16::text[] IS NULL OR type = ANY($16))
        AND ($2::text IS NULL OR type = $2)
        AND ($3::text IS NULL OR "subKind" = $3)
        AND ($4::text IS NULL OR "communeInsee" = $4)
        AND ($5::text IS NULL OR $5 = ANY("categoryIds"))
        AND (NOT $6::boolean OR organic)
        AND (NOT $10::boolean OR cardinality(labels) > 0 OR "sellsLabelled")
        AND NOT EXISTS (SELECT 1 FROM unnest($7::text[]) word WHERE haystack NOT LIKE unaccent(word))
    ), ranked AS (
      SELECT filtered.*, row_number() OVER (ORDER BY km NULLS LAST, unaccent(lower(name)), id) AS rank FROM filtered
    )
    -- One row: the count, the page, and the map's light markers for every result (the same filtered set, read once;
    -- positions to 5 decimals, about a metre: 2,000 markers are 40 kB lighter).
    SELECT (SELECT count(*)::int FROM ranked) AS total,
           -- the next instant a label ends: until then no badge, count or label filter of this answer can change by time alone
           (SELECT min(l."validUntil") FROM "Label" l WHERE l."validUntil" > $1) AS "labelsChangeAt",
           (SELECT count(*)::int FROM ranked WHERE lat IS NOT NULL AND lon IS NOT NULL) AS mapped,
           COALESCE((SELECT json_agg(page ORDER BY page.rank) FROM (
             -- what the page's results sell, by category in the categories' order: for these 20 only
             SELECT shown.*, COALESCE(CASE shown.type
               WHEN 'essActor' THEN NULL
               WHEN 'pickupPoint' THEN (SELECT json_agg(json_build_object('fr', cg."nameFr", 'en', cg."nameEn") ORDER BY cg.position) FROM "Category" cg
                                        WHERE EXISTS (SELECT 1 FROM "Distribution" d JOIN "Offer" off ON off."distributionId" = d.id JOIN "Product" p ON p.id = off."productId"
                                                      WHERE d."pickupPointId" = shown.id AND d.status = 'SCHEDULED' AND d."endsAt" > $1 AND p."categoryId" = cg.id))
               ELSE (SELECT json_agg(json_build_object('fr', cg."nameFr", 'en', cg."nameEn") ORDER BY cg.position) FROM "Category" cg
                     WHERE EXISTS (SELECT 1 FROM "Product" p WHERE p."producerId" = shown.id AND p."archivedAt" IS NULL AND p."categoryId" = cg.id))
             END, '[]'::json) AS categories
             FROM ranked shown WHERE shown.rank > $9::int AND shown.rank <= $9::int + $8::int) page), '[]'::json) AS results,
           COALESCE((SELECT json_agg(json_build_object('type', m.type, 'id', m.id, 'slug', m.slug, 'name', m.name, 'subKind', m."subKind", 'lat', round(m.lat::numeric, 5), 'lon', round(m.lon::numeric, 5)) ORDER BY m.rank)
                     FROM (SELECT * FROM ranked WHERE lat IS NOT NULL AND lon IS NOT NULL ORDER BY rank LIMIT $15::int) m), '[]'::json) AS markers`,
    values: [
      now, kind?.actor ?? null, kind?.subKind ?? null, query.commune, query.category, query.organic, words, PAGE_SIZE, (query.page - 1) * PAGE_SIZE, query.label,
      centre?.lat ?? null, centre?.lon ?? null, EARTH_RADIUS_KM, centre && query.near ? query.near.km : null, MAP_MARKER_CAP,
      options.actors ?? null,
      // the most telling word: the longest
      words.length === 0 ? null : [...words].sort((a, b) => b.length - a.length)[0],
    ],
  };
}

function publicPageOf(type: ActorType, id: string, slug: string | null): string | null {
  if (type === "pickupPoint") return publicPagePath(type, id);
  return slug ? publicPagePath(type, slug) : null;
}
