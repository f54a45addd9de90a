/**
 * The label as the public reads it (issue 12): the verification page /label/:numero, the API
 * GET /api/v1/labels/{number}, the badges of the catalogue, product page and directory.
 *
 * Status is a fact of time (decision 029): every read takes `now` and answers EXPIRED from the
 * label's end instant on, whatever is stored. A badge shows only when `isLabelValidAt(label, now)`.
 * Cached reads (the catalogue's one-second snapshot) must carry `validUntil` and decide with the
 * reader's `now`, or filter in SQL with `validLabelSql` at the instant of the read.
 *
 * Only a producer the territory verified (and has not refused) holds a public label: every read
 * here checks it itself, `validLabelSql` included, so that no caller can forget it.
 */
import { readRows } from "~/db.server";
import { normaliseLabelNumber, publicLabelStatusAt, type LabelStatusAt, type StoredLabelStatus } from "./label-criteria";

/** What anyone may know of a label: holder, product, status at `now`, validity. Never the evidence. */
export type PublicLabel = {
  number: string;
  status: LabelStatusAt;
  validFrom: Date;
  validUntil: Date;
  holder: { id: string; name: string; slug: string };
  product: { id: string; name: string; nameEn: string | null };
};

/** SQL condition on an Organisation alias: the territory verified it and has not refused it. */
function verifiedHolderSql(organisation: string): string {
  return `${organisation}."verifiedAt" IS NOT NULL AND ${organisation}."refusedAt" IS NULL`;
}

/**
 * SQL condition true for a label that is valid at the instant `$nowParam` (a bound timestamptz
 * parameter): granted, not expired, and held by a verified producer (looked up by the label's
 * product, whatever the caller joined). For the public reads that filter or join in SQL.
 * e.g. `LEFT JOIN "Label" l ON l."productId" = p.id AND ${validLabelSql("l", "$2")}`.
 */
export function validLabelSql(alias: string, nowParam: string): string {
  return `(${alias}."status" = 'GRANTED' AND ${alias}."validUntil" > ${nowParam}
    AND EXISTS (SELECT 1 FROM "Product" holder_product JOIN "Organisation" holder ON holder.id = holder_product."producerId"
                WHERE holder_product.id = ${alias}."productId" AND ${verifiedHolderSql("holder")}))`;
}

type Row = {
  number: string;
  status: StoredLabelStatus;
  validFrom: Date;
  validUntil: Date;
  holderId: string;
  holderName: string;
  holderSlug: string;
  productId: string;
  productName: string;
  productNameEn: string | null;
};

const SELECT = `
  SELECT l."number", l."status", l."validFrom", l."validUntil",
         o.id AS "holderId", o.name AS "holderName", o.slug AS "holderSlug",
         p.id AS "productId", p.name AS "productName", p."nameEn" AS "productNameEn"
  FROM "Label" l
  JOIN "Product" p ON p.id = l."productId"
  JOIN "Organisation" o ON o.id = p."producerId"
  WHERE ${verifiedHolderSql("o")}`;

function toPublic(row: Row, now: Date): PublicLabel {
  return {
    number: row.number,
    status: publicLabelStatusAt({ status: row.status, validUntil: row.validUntil }, now),
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    holder: { id: row.holderId, name: row.holderName, slug: row.holderSlug },
    product: { id: row.productId, name: row.productName, nameEn: row.productNameEn },
  };
}

/**
 * The verification of a label by its number (as typed: spaces and case do not matter), one statement.
 * Null for a number that does not exist, was never granted, or whose producer is not verified. A label granted then suspended, revoked
 * or expired answers with that status: a consumer checking a sticker learns it no longer holds.
 */
export async function readLabelByNumber(typedNumber: string, now: Date): Promise<PublicLabel | null> {
  const number = normaliseLabelNumber(typedNumber);
  if (number === null) return null;
  const rows = await readRows<Row>(`${SELECT} AND l."number" = $1 AND l."validFrom" IS NOT NULL`, [number]);
  return rows[0] ? toPublic(rows[0], now) : null;
}

/**
 * The labels valid at `now` of the given products (a badge each), one statement whatever their number.
 * Products without a valid label are absent from the map.
 */
export async function validLabelsOfProducts(productIds: readonly string[], now: Date): Promise<Map<string, PublicLabel>> {
  if (productIds.length === 0) return new Map();
  const rows = await readRows<Row>(`${SELECT} AND l."productId" = ANY($1::text[]) AND ${validLabelSql("l", "$2")}`, [productIds, now]);
  return new Map(rows.map((row) => [row.productId, toPublic(row, now)]));
}

/** The labels valid at `now` of one producer's products (their directory page), one statement. */
export async function validLabelsOfProducer(producerId: string, now: Date): Promise<PublicLabel[]> {
  const rows = await readRows<Row>(`${SELECT} AND p."producerId" = $1 AND ${validLabelSql("l", "$2")} ORDER BY p.name`, [producerId, now]);
  return rows.map((row) => toPublic(row, now));
}
