import { readRows } from "~/db.server";
import { withInstants, type DistributionAsRead } from "~/domain/directory/coming-distributions";
import { validLabelSql } from "~/domain/label/read-label.server";
import { readOpeningRanges, type OpeningRange } from "~/domain/directory/opening-hours";
import type { PublicProducerIdentity } from "~/domain/directory/producer-identity";

/** How many coming distributions the profile lists: the next few weeks of a weekly market. */
const COMING_DISTRIBUTIONS = 8;

export type ProfileProduct = {
  id: string;
  name: string;
  nameEn: string | null;
  categoryId: string;
  categoryFr: string;
  categoryEn: string;
  organic: boolean;
  /** The number of its « Produit local Dieppe Maritime » label valid now, if any (an expired one is gone at its instant). */
  labelNumber: string | null;
  photo: { id: string; width: number; height: number } | null;
};

export type ProfileDistribution = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  cutoffAt: Date;
  pointId: string;
  pointName: string;
  commune: string;
};

export type ProducerProfile = PublicProducerIdentity & {
  id: string;
  kind: "PRODUCER" | "AMAP";
  producerKind: string | null;
  organicControlBody: string | null;
  openingHours: string;
  /** The week table of opening hours (opening-hours.ts), sorted by day and hour; empty when not filled. */
  openingHoursWeek: OpeningRange[];
  visits: string;
  visitBooking: string;
  photos: Array<{ id: string; width: number; height: number }>;
  products: ProfileProduct[];
  distributions: ProfileDistribution[];
};

type Row = Omit<ProducerProfile, "distributions" | "openingHoursWeek"> & { distributions: Array<DistributionAsRead<ProfileDistribution>>; openingHoursWeek: unknown };

/**
 * A producer's (or an AMAP's) public page, in one statement: its profile, photos, the products it
 * sells (not archived) with their pictures, and its coming distributions — those not ended, not
 * cancelled, where it has something on sale — with their pickup point. Null unless the territory
 * verified it and did not refuse it: an unverified organisation has no public page (decision 030).
 */
export async function readProducerProfile(slug: string, now: Date): Promise<ProducerProfile | null> {
  const rows = await readRows<Row>(
    `
    SELECT o.id, o.kind, o."producerKind", o.name, o.slug, o.description, o.address, c.name AS commune, c."postalCode",
           COALESCE(o.lat, c.lat) AS lat, COALESCE(o.lon, c.lon) AS lon,
           o."organicCertified", o."organicControlBody", o."contactEmail", o."contactPhone",
           o."openingHours", o."openingHoursWeek", o.visits, o."visitBooking",
           COALESCE((SELECT json_agg(json_build_object('id', f.id, 'width', f.width, 'height', f.height) ORDER BY f.position, f."createdAt")
                     FROM "StoredFile" f WHERE f."organisationId" = o.id AND f.purpose = 'ORGANISATION_PHOTO'), '[]'::json) AS photos,
           COALESCE((SELECT json_agg(json_build_object(
                       'id', p.id, 'name', p.name, 'nameEn', p."nameEn", 'categoryId', cg.id, 'categoryFr', cg."nameFr", 'categoryEn', cg."nameEn",
                       'organic', p.organic,
                       'labelNumber', (SELECT l.number FROM "Label" l WHERE l."productId" = p.id AND ${validLabelSql("l", "$2")} ORDER BY l."validUntil" DESC LIMIT 1),
                       'photo', CASE WHEN ph.id IS NULL THEN NULL ELSE json_build_object('id', ph.id, 'width', ph.width, 'height', ph.height) END
                     ) ORDER BY cg.position, p.name)
                     FROM "Product" p
                     JOIN "Category" cg ON cg.id = p."categoryId"
                     LEFT JOIN "StoredFile" ph ON ph.id = p."photoId"
                     WHERE p."producerId" = o.id AND p."archivedAt" IS NULL), '[]'::json) AS products,
           COALESCE((SELECT json_agg(json_build_object(
                       'id', d.id, 'startsAt', d."startsAt", 'endsAt', d."endsAt", 'cutoffAt', d."cutoffAt",
                       'pointId', pp.id, 'pointName', pp.name, 'commune', pc.name
                     ) ORDER BY d."startsAt")
                     FROM (
                       SELECT d.* FROM "Distribution" d
                       WHERE d.status = 'SCHEDULED' AND d."endsAt" > $2
                         AND EXISTS (SELECT 1 FROM "Offer" off JOIN "Product" p ON p.id = off."productId"
                                     WHERE off."distributionId" = d.id AND p."producerId" = o.id)
                       ORDER BY d."startsAt" LIMIT $3
                     ) d
                     JOIN "PickupPoint" pp ON pp.id = d."pickupPointId"
                     JOIN "Commune" pc ON pc."inseeCode" = pp."communeInsee"), '[]'::json) AS distributions
    FROM "Organisation" o
    LEFT JOIN "Commune" c ON c."inseeCode" = o."communeInsee"
    WHERE o.slug = $1 AND o.kind IN ('PRODUCER', 'AMAP') AND o."verifiedAt" IS NOT NULL AND o."refusedAt" IS NULL`,
    [slug, now, COMING_DISTRIBUTIONS],
  );
  const row = rows[0];
  return row ? { ...row, openingHoursWeek: readOpeningRanges(row.openingHoursWeek), distributions: withInstants(row.distributions) } : null;
}
