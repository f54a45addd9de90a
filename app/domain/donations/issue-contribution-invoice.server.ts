import { randomUUID } from "node:crypto";
import type { Tx } from "~/db.server";
import { CONTRIBUTION_VAT_PERMILLE, invoiceNumber } from "~/domain/donations/invoice-amounts";
import { parisIsoDate } from "~/domain/time/paris";

/** A party of an invoice as printed on it. */
export type InvoiceParty = { id: string; name: string; address: string; siret: string | null; rna: string | null; commune: string | null; postalCode: string | null };

/** The JSON of an organisation `o` (with its commune `c`) as an invoice party. */
export const INVOICE_PARTY_JSON = `json_build_object('id', o.id, 'name', o.name, 'address', o.address, 'siret', o.siret, 'rna', o.rna, 'commune', c.name, 'postalCode', c."postalCode")`;

export type IssuedInvoice = { id: string; number: string; year: number; sequence: number; amountCents: number; vatRatePermille: number; issuedAt: Date };

/**
 * Paniers de la mer: the workshop's invoice of a processed lot's solidarity contribution, issued
 * inside the hand-over's transaction (confirm-pickup.server.ts) for a claim whose contribution is
 * above zero. The number is "<Paris year>-<sequence>", per issuer and year, without gaps and
 * without duplicates: one atomic UPSERT on the issuer's counter row takes the next sequence, and
 * it belongs to the same transaction as the invoice, so a rollback gives the number back.
 * A claim is invoiced once: the caller holds the claim's row (its conditional UPDATE), so a second
 * call for the same claim finds the first invoice and takes no number.
 */
export async function issueContributionInvoice(
  tx: Tx,
  claim: { id: string; issuerId: string; charityId: string; contributionCents: number },
  now: Date,
): Promise<IssuedInvoice | null> {
  if (claim.contributionCents <= 0) return null;
  const existing = await tx.contributionInvoice.findUnique({
    where: { claimId: claim.id },
    select: { id: true, number: true, year: true, sequence: true, amountCents: true, vatRatePermille: true, issuedAt: true },
  });
  if (existing) return existing;

  const year = Number(parisIsoDate(now).slice(0, 4));
  const [counter] = await tx.$queryRaw<Array<{ lastSequence: number }>>`
    INSERT INTO "ContributionInvoiceCounter" ("issuerId", year, "lastSequence") VALUES (${claim.issuerId}, ${year}, 1)
    ON CONFLICT ("issuerId", year) DO UPDATE SET "lastSequence" = "ContributionInvoiceCounter"."lastSequence" + 1
    RETURNING "lastSequence"`;
  if (!counter) throw new Error("Compteur de factures introuvable après l'UPSERT");
  const sequence = counter.lastSequence;
  // Who issues and who pays, as they are today: the invoice keeps them even if they move or rename.
  const parties = await tx.$queryRawUnsafe<Array<{ id: string; party: InvoiceParty }>>(
    `SELECT o.id, ${INVOICE_PARTY_JSON} AS party FROM "Organisation" o LEFT JOIN "Commune" c ON c."inseeCode" = o."communeInsee" WHERE o.id IN ($1, $2)`,
    claim.issuerId,
    claim.charityId,
  );
  const partyOf = (id: string) => {
    const found = parties.find((row) => row.id === id);
    if (!found) throw new Error(`Organisation introuvable pour la facture : ${id}`);
    return found.party;
  };
  return tx.contributionInvoice.create({
    data: {
      id: randomUUID(),
      number: invoiceNumber(year, sequence),
      issuerId: claim.issuerId,
      charityId: claim.charityId,
      claimId: claim.id,
      year,
      sequence,
      amountCents: claim.contributionCents,
      vatRatePermille: CONTRIBUTION_VAT_PERMILLE,
      issuedAt: now,
      issuerParty: partyOf(claim.issuerId),
      charityParty: partyOf(claim.charityId),
    },
    select: { id: true, number: true, year: true, sequence: true, amountCents: true, vatRatePermille: true, issuedAt: true },
  });
}
