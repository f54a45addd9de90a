import { db } from "~/db.server";
import type { CreditNote } from "~/domain/payments/credit-note";

export type CreditNoteViewer = { userId: string; isAdmin: boolean; producerIds: string[] };

type Row = Omit<CreditNote, "lines"> & {
  orderLineId: string | null;
  producerId: string | null;
  orderLines: Array<{ id: string; producerId: string; amountCents: number; vatRateBp: number }>;
};

/**
 * One credit note, read in one statement with who may read it in the `where` (decision 027): the
 * order's customer, an admin, or a producer with a line in the order when the refund is theirs or
 * the whole order's. Anyone else, an unknown number or a number of another order: null (404).
 */
export async function findCreditNote(input: { orderId: string; number: number; viewer: CreditNoteViewer }): Promise<CreditNote | null> {
  const rows = await db().$queryRaw<Row[]>`
    SELECT r.number, r."orderId", o.number AS "orderNumber", u.name AS "customerName", r."createdAt", r."amountCents",
           r.reason::text AS reason, r.kind, r.note, r.status::text AS status, seller.name AS "sellerName", r."orderLineId", r."producerId",
           COALESCE((SELECT json_agg(json_build_object('id', l.id, 'producerId', l."producerId",
                                                       'amountCents', COALESCE(l."finalCents", l."capCents", l.quantity * l."unitPriceCents"),
                                                       'vatRateBp', l."vatRateBp") ORDER BY l.id)
                     FROM "OrderLine" l WHERE l."orderId" = o.id), '[]'::json) AS "orderLines"
    FROM "Refund" r
    JOIN "Order" o ON o.id = r."orderId"
    JOIN "User" u ON u.id = o."userId"
    LEFT JOIN "Organisation" seller ON seller.id = r."producerId"
    WHERE r.number = ${input.number} AND r."orderId" = ${input.orderId}
      AND (o."userId" = ${input.viewer.userId}
           OR ${input.viewer.isAdmin}::boolean
           OR ((r."producerId" IS NULL OR r."producerId" = ANY(${input.viewer.producerIds}::text[]))
               AND EXISTS (SELECT 1 FROM "OrderLine" mine WHERE mine."orderId" = o.id AND mine."producerId" = ANY(${input.viewer.producerIds}::text[]))))`;
  const row = rows[0];
  if (!row) return null;
  const { orderLines, orderLineId, producerId, ...note } = row;
  return { ...note, lines: concernedLines(orderLines, orderLineId, producerId) };
}

/** What a refund concerns: its line while the line exists, else its producer's lines, else the whole order. */
function concernedLines(lines: Row["orderLines"], orderLineId: string | null, producerId: string | null): Array<{ amountCents: number; vatRateBp: number }> {
  const named = lines.filter((line) => line.id === orderLineId);
  if (named.length > 0) return named;
  const producers = lines.filter((line) => line.producerId === producerId);
  return producers.length > 0 ? producers : lines;
}

/** The credit notes of one order, newest last, for the links on the order page and the refund pages. */
export async function listCreditNotes(orderId: string): Promise<Array<{ number: number; amountCents: number; status: string; reason: string; kind: string | null; producerId: string | null; createdAt: Date }>> {
  return db().$queryRaw`
    SELECT number, "amountCents", status::text AS status, reason::text AS reason, kind, "producerId", "createdAt"
    FROM "Refund" WHERE "orderId" = ${orderId} ORDER BY number`;
}
