import { readRows } from "~/db.server";
import { validLabelSql } from "~/domain/label/read-label.server";

/**
 * One actor of the directory's open data (issue 12, decision 031): every public actor, whichever
 * kind — verified producers and AMAPs, the verified charities that chose to appear
 * (`CharitySettings.inDirectory`), the pickup points (of no organisation or of a verified one) and
 * the published ESS actors. Nothing private: no e-mail of a person, no SIRET, no evidence.
 */
export type OpenDataActor = {
  type: "producer" | "amap" | "charity" | "pickupPoint" | "essActor";
  id: string;
  name: string;
  /** The kind within the type: a producer's kind (FISHER…), a pickup point's (PORT…), an ESS actor's (CIGALES…); null for AMAPs and charities. */
  kind: string | null;
  communeInsee: string | null;
  commune: string | null;
  lat: number | null;
  lon: number | null;
  /** What they sell, by category (French names), in the categories' order. */
  categories: string[];
  organic: boolean;
  /** The numbers of the « Produit local Dieppe Maritime » labels valid at the instant of the read. */
  labels: string[];
  /** The actor's public page on this site, when it has one (a path). */
  path: string | null;
};

/**
 * Every public actor in ONE statement whatever their number, by type then name. Labels are those
 * valid at `now` (granted and not expired: `validLabelSql`), so an expired label leaves the open
 * data at its instant like everywhere else.
 */
export async function listOpenDataActors(now: Date): Promise<OpenDataActor[]> {
  return readRows<OpenDataActor>(
    `
    WITH valid_labels AS (
      -- the labels valid now, per producer, read once (a subquery per actor read every label for each)
      SELECT p."producerId", array_agg(l."number" ORDER BY l."number") AS numbers
        FROM "Label" l JOIN "Product" p ON p.id = l."productId"
       WHERE ${validLabelSql("l", "$1")}
       GROUP BY p."producerId"
    )
    SELECT * FROM (
      SELECT CASE o.kind WHEN 'PRODUCER' THEN 'producer' WHEN 'AMAP' THEN 'amap' ELSE 'charity' END AS type,
             o.id, o.name, o."producerKind"::text AS kind, o."communeInsee", c.name AS commune,
             COALESCE(o.lat, c.lat) AS lat, COALESCE(o.lon, c.lon) AS lon,
             COALESCE((SELECT array_agg(cg."nameFr" ORDER BY cg.position)
                         FROM "Category" cg
                        WHERE EXISTS (SELECT 1 FROM "Product" p WHERE p."producerId" = o.id AND p."categoryId" = cg.id AND p."archivedAt" IS NULL)),
                      ARRAY[]::text[]) AS categories,
             o."organicCertified" AS organic,
             COALESCE(vl.numbers, ARRAY[]::text[]) AS labels,
             CASE WHEN o.kind IN ('PRODUCER', 'AMAP') THEN '/producteurs/' || o.slug ELSE '/associations/' || o.slug END AS path,
             CASE o.kind WHEN 'PRODUCER' THEN 1 WHEN 'AMAP' THEN 2 ELSE 3 END AS "typeOrder"
        FROM "Organisation" o
        LEFT JOIN "Commune" c ON c."inseeCode" = o."communeInsee"
        LEFT JOIN valid_labels vl ON vl."producerId" = o.id
       WHERE o."verifiedAt" IS NOT NULL AND o."refusedAt" IS NULL
         AND (o.kind IN ('PRODUCER', 'AMAP')
              OR (o.kind = 'CHARITY' AND EXISTS (SELECT 1 FROM "CharitySettings" cs WHERE cs."organisationId" = o.id AND cs."inDirectory")))
      UNION ALL
      SELECT 'pickupPoint', pp.id, pp.name, pp.kind::text, pp."communeInsee", c.name, pp.lat, pp.lon,
             ARRAY[]::text[], false, ARRAY[]::text[], '/points-de-retrait/' || pp.id, 4
        FROM "PickupPoint" pp
        JOIN "Commune" c ON c."inseeCode" = pp."communeInsee"
        LEFT JOIN "Organisation" owner ON owner.id = pp."organisationId"
       WHERE pp."organisationId" IS NULL OR (owner."verifiedAt" IS NOT NULL AND owner."refusedAt" IS NULL)
      UNION ALL
      SELECT 'essActor', a.id, a.name, a.kind::text, a."communeInsee", c.name, a.lat, a.lon,
             ARRAY[]::text[], false, ARRAY[]::text[], '/acteurs/' || a.slug, 5
        FROM "EssActor" a
        JOIN "Commune" c ON c."inseeCode" = a."communeInsee"
       WHERE a.published
    ) actors
    ORDER BY "typeOrder", name, id`,
    [now],
  ).then((rows) => rows.map(({ typeOrder: _order, ...actor }: OpenDataActor & { typeOrder?: number }) => actor));
}
