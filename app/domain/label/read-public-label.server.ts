import { readRows } from "~/db.server";
import { publicStatusAt, type PublicLabelStatus } from "~/domain/label/public-label";

/** A label as anyone may check it: /label/:numero, its JSON twin, and the QR code on a sticker. */
export type PublicLabelView = {
  number: string;
  status: PublicLabelStatus;
  holder: { name: string; slug: string; commune: string | null };
  product: { name: string; nameEn: string | null };
  validFrom: Date;
  validUntil: Date;
};

type Row = {
  number: string;
  status: string;
  validFrom: Date | null;
  validUntil: Date | null;
  productName: string;
  productNameEn: string | null;
  holderName: string;
  holderSlug: string;
  holderCommune: string | null;
};

/**
 * The label that bears `number`, as it stands at `now`, or null when nothing about it may be
 * shown: no such number, a label never granted, or a holder the territory has not verified (the
 * label part's readLabelByNumber does not look at the holder). One statement. The status is decided
 * here at `now` (publicStatusAt), never read from a stored EXPIRED: a label is expired from its
 * validUntil instant whether or not a job ran; one applied for again reads as the expired label.
 */
export async function readPublicLabel(number: string, now: Date): Promise<PublicLabelView | null> {
  const rows = await readRows<Row>(
    `SELECT l.number, l.status::text AS status, l."validFrom", l."validUntil",
            p.name AS "productName", p."nameEn" AS "productNameEn",
            org.name AS "holderName", org.slug AS "holderSlug", c.name AS "holderCommune"
     FROM "Label" l
     JOIN "Product" p ON p.id = l."productId"
     JOIN "Organisation" org ON org.id = p."producerId"
     LEFT JOIN "Commune" c ON c."inseeCode" = org."communeInsee"
     WHERE l.number = $1 AND org."verifiedAt" IS NOT NULL`,
    [number],
  );
  const row = rows[0];
  if (!row || row.validFrom === null || row.validUntil === null) return null;
  const status = publicStatusAt(row.status, row.validUntil, now);
  if (status === null) return null;
  return {
    number: row.number,
    status,
    holder: { name: row.holderName, slug: row.holderSlug, commune: row.holderCommune },
    product: { name: row.productName, nameEn: row.productNameEn },
    validFrom: row.validFrom,
    validUntil: row.validUntil,
  };
}
