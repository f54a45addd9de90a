import { readRows } from "~/db.server";
import type { DocumentReader } from "~/domain/donations/document-reader";
import type { InvoiceParty } from "~/domain/donations/issue-contribution-invoice.server";
import { DomainError } from "~/domain/errors";

export type ContributionInvoiceView = {
  id: string;
  number: string;
  issuedAt: Date;
  amountCents: number;
  vatRatePermille: number;
  /** Both parties as they were when the invoice was issued. */
  issuer: InvoiceParty;
  charity: InvoiceParty;
  claim: { id: string; quantityMilli: number; collectedAt: Date | null };
  lot: { id: string; productName: string; unit: "KG" | "PIECE" | "LITRE"; lotNumber: string | null; contributionCentsPerUnit: number | null };
  /** The raw lot the product was made from, and its fisher: the mention of the source lot. */
  source: { lotId: string; productName: string; lotNumber: string | null; fisherName: string } | null;
};

/**
 * One contribution invoice, for its PDF: read by the members of the workshop that issued it, of
 * the charity that pays it, and by territory admins; for anyone else it does not exist (404).
 */
export async function readContributionInvoice(invoiceId: string, reader: DocumentReader): Promise<ContributionInvoiceView> {
  const [invoice] = await readRows<ContributionInvoiceView>(
    `SELECT i.id, i.number, i."issuedAt", i."amountCents", i."vatRatePermille",
       i."issuerParty" AS issuer, i."charityParty" AS charity,
       json_build_object('id', c.id, 'quantityMilli', c."quantityMilli", 'collectedAt', c."collectedAt") AS claim,
       json_build_object('id', l.id, 'productName', l."productName", 'unit', l.unit, 'lotNumber', l."lotNumber", 'contributionCentsPerUnit', l."contributionCentsPerUnit") AS lot,
       CASE WHEN s.id IS NULL THEN NULL ELSE json_build_object('lotId', s.id, 'productName', s."productName", 'lotNumber', s."lotNumber", 'fisherName', f.name) END AS source
     FROM "ContributionInvoice" i
     JOIN "DonationClaim" c ON c.id = i."claimId"
     JOIN "DonationLot" l ON l.id = c."lotId"
     LEFT JOIN "DonationClaim" sc ON sc.id = l."sourceClaimId"
     LEFT JOIN "DonationLot" s ON s.id = sc."lotId"
     LEFT JOIN "Organisation" f ON f.id = s."donorId"
     WHERE i.id = $1`,
    [invoiceId],
  );
  if (!invoice) throw new DomainError("not_found");
  const allowed = reader.isAdmin || reader.organisationIds.includes(invoice.issuer.id) || reader.organisationIds.includes(invoice.charity.id);
  if (!allowed) throw new DomainError("not_found");
  return { ...invoice, claim: { ...invoice.claim, collectedAt: invoice.claim.collectedAt === null ? null : new Date(invoice.claim.collectedAt) } };
}
