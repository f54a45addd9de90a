import { readRows } from "~/db.server";

export type ReceivedInvoice = { id: string; number: string; issuedAt: Date; workshopName: string; productName: string; quantityMilli: number; unit: "KG" | "PIECE" | "LITRE"; amountCents: number };

/** The contribution invoices a charity received, newest first. */
export function listReceivedInvoices(charityId: string): Promise<ReceivedInvoice[]> {
  return readRows<ReceivedInvoice>(
    `SELECT i.id, i.number, i."issuedAt", w.name AS "workshopName", l."productName", c."quantityMilli", l.unit::text AS unit, i."amountCents"
     FROM "ContributionInvoice" i JOIN "Organisation" w ON w.id = i."issuerId"
     JOIN "DonationClaim" c ON c.id = i."claimId" JOIN "DonationLot" l ON l.id = c."lotId"
     WHERE i."charityId" = $1 ORDER BY i."issuedAt" DESC, i.number DESC LIMIT 500`,
    [charityId],
  );
}
