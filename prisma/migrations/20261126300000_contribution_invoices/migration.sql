-- Paniers de la mer: the solidarity contribution a charity pays a processing workshop for a
-- processed lot is invoiced when the lot is handed over. An invoice number is never reused and
-- never skipped: one counter row per issuer and year, taken with an atomic UPSERT.

CREATE TABLE "ContributionInvoiceCounter" (
    "issuerId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "lastSequence" INTEGER NOT NULL,
    CONSTRAINT "ContributionInvoiceCounter_pkey" PRIMARY KEY ("issuerId", "year")
);

CREATE TABLE "ContributionInvoice" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "issuerId" TEXT NOT NULL,
    "charityId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "vatRatePermille" INTEGER NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContributionInvoice_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ContributionInvoice_claimId_key" ON "ContributionInvoice"("claimId");
CREATE UNIQUE INDEX "ContributionInvoice_issuerId_year_sequence_key" ON "ContributionInvoice"("issuerId", "year", "sequence");
CREATE UNIQUE INDEX "ContributionInvoice_issuerId_number_key" ON "ContributionInvoice"("issuerId", "number");
CREATE INDEX "ContributionInvoice_charityId_idx" ON "ContributionInvoice"("charityId");

ALTER TABLE "ContributionInvoiceCounter" ADD CONSTRAINT "ContributionInvoiceCounter_issuerId_fkey" FOREIGN KEY ("issuerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ContributionInvoice" ADD CONSTRAINT "ContributionInvoice_issuerId_fkey" FOREIGN KEY ("issuerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ContributionInvoice" ADD CONSTRAINT "ContributionInvoice_charityId_fkey" FOREIGN KEY ("charityId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ContributionInvoice" ADD CONSTRAINT "ContributionInvoice_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "DonationClaim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Invariants PostgreSQL guards
ALTER TABLE "ContributionInvoiceCounter" ADD CONSTRAINT "ContributionInvoiceCounter_rule_check" CHECK ("lastSequence" > 0 AND "year" BETWEEN 2000 AND 2999);
ALTER TABLE "ContributionInvoice" ADD CONSTRAINT "ContributionInvoice_rule_check" CHECK (
  "sequence" > 0 AND "amountCents" >= 0 AND "vatRatePermille" BETWEEN 0 AND 1000 AND "year" BETWEEN 2000 AND 2999);
