-- Unsold food to charities (issue 4): charities' settings, donation lots, claims with a pickup
-- code, and the "paniers de la mer" chain (a processed lot made from a claimed raw lot).
-- Quantities are integers in thousandths of the unit (grams for kg, millilitres for litres,
-- thousandths of a piece), so that claims add up exactly. Invariants PostgreSQL guards are at the end.

CREATE TYPE "DonationUnit" AS ENUM ('KG', 'PIECE', 'LITRE');
CREATE TYPE "DonationStorage" AS ENUM ('AMBIENT', 'CHILLED', 'FROZEN');
CREATE TYPE "DonationLotStatus" AS ENUM ('OPEN', 'EXPIRED', 'WITHDRAWN');
CREATE TYPE "DonationClaimStatus" AS ENUM ('RESERVED', 'COLLECTED', 'MISSED', 'CANCELLED');

ALTER TABLE "Organisation" ADD COLUMN "rna" TEXT;

-- What a charity can take, and when: lots are offered only to charities whose settings match.
CREATE TABLE "CharitySettings" (
    "organisationId" TEXT NOT NULL,
    "acceptedCategoryIds" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "storesAmbient" BOOLEAN NOT NULL DEFAULT true,
    "storesChilled" BOOLEAN NOT NULL DEFAULT false,
    "storesFrozen" BOOLEAN NOT NULL DEFAULT false,
    "minQuantityMilli" INTEGER,
    "maxQuantityMilli" INTEGER,
    "collectionWeekdays" INTEGER[] NOT NULL DEFAULT ARRAY[1,2,3,4,5]::INTEGER[],
    "collectionFrom" TEXT NOT NULL DEFAULT '09:00',
    "collectionTo" TEXT NOT NULL DEFAULT '18:00',
    "redistributesSameDay" BOOLEAN NOT NULL DEFAULT false,
    "approvedRawFishery" BOOLEAN NOT NULL DEFAULT false,
    "processingWorkshop" BOOLEAN NOT NULL DEFAULT false,
    "inDirectory" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CharitySettings_pkey" PRIMARY KEY ("organisationId")
);

CREATE TABLE "DonationLot" (
    "id" TEXT NOT NULL,
    "donorId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "productName" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "categoryId" TEXT,
    "unit" "DonationUnit" NOT NULL,
    "quantityMilli" INTEGER NOT NULL,
    "claimedMilli" INTEGER NOT NULL DEFAULT 0,
    "storage" "DonationStorage" NOT NULL,
    "useBy" TEXT,
    "bestBefore" TEXT,
    "lotNumber" TEXT,
    "rawFishery" BOOLEAN NOT NULL DEFAULT false,
    "pickupPlace" TEXT NOT NULL,
    "pickupStart" TIMESTAMPTZ(3) NOT NULL,
    "pickupEnd" TIMESTAMPTZ(3) NOT NULL,
    "costPriceCents" INTEGER NOT NULL,
    "contributionCentsPerUnit" INTEGER,
    "sourceClaimId" TEXT,
    "offerId" TEXT,
    "photoId" TEXT,
    "status" "DonationLotStatus" NOT NULL DEFAULT 'OPEN',
    "expiredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DonationLot_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "DonationLot_donorId_idx" ON "DonationLot"("donorId");
CREATE INDEX "DonationLot_status_pickupEnd_idx" ON "DonationLot"("status", "pickupEnd");
CREATE INDEX "DonationLot_sourceClaimId_idx" ON "DonationLot"("sourceClaimId");
CREATE UNIQUE INDEX "DonationLot_offerId_key" ON "DonationLot"("offerId");

CREATE TABLE "DonationClaim" (
    "id" TEXT NOT NULL,
    "lotId" TEXT NOT NULL,
    "charityId" TEXT NOT NULL,
    "claimedById" TEXT NOT NULL,
    "quantityMilli" INTEGER NOT NULL,
    "pickupCode" TEXT NOT NULL,
    "status" "DonationClaimStatus" NOT NULL DEFAULT 'RESERVED',
    "contributionCents" INTEGER NOT NULL DEFAULT 0,
    "collectedAt" TIMESTAMPTZ(3),
    "collectedById" TEXT,
    "temperatureDeciC" INTEGER,
    "missedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DonationClaim_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "DonationClaim_lotId_idx" ON "DonationClaim"("lotId");
CREATE INDEX "DonationClaim_charityId_idx" ON "DonationClaim"("charityId");
CREATE INDEX "DonationClaim_status_idx" ON "DonationClaim"("status");

ALTER TABLE "CharitySettings" ADD CONSTRAINT "CharitySettings_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DonationLot" ADD CONSTRAINT "DonationLot_donorId_fkey" FOREIGN KEY ("donorId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DonationLot" ADD CONSTRAINT "DonationLot_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DonationLot" ADD CONSTRAINT "DonationLot_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "DonationLot" ADD CONSTRAINT "DonationLot_sourceClaimId_fkey" FOREIGN KEY ("sourceClaimId") REFERENCES "DonationClaim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DonationLot" ADD CONSTRAINT "DonationLot_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "DonationLot" ADD CONSTRAINT "DonationLot_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "DonationClaim" ADD CONSTRAINT "DonationClaim_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "DonationLot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DonationClaim" ADD CONSTRAINT "DonationClaim_charityId_fkey" FOREIGN KEY ("charityId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DonationClaim" ADD CONSTRAINT "DonationClaim_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DonationClaim" ADD CONSTRAINT "DonationClaim_collectedById_fkey" FOREIGN KEY ("collectedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Invariants PostgreSQL guards
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_rna_check" CHECK ("rna" IS NULL OR "rna" ~ '^W[0-9]{9}$');
ALTER TABLE "CharitySettings" ADD CONSTRAINT "CharitySettings_rule_check" CHECK (
  ("minQuantityMilli" IS NULL OR "minQuantityMilli" > 0) AND ("maxQuantityMilli" IS NULL OR "maxQuantityMilli" > 0)
  AND ("minQuantityMilli" IS NULL OR "maxQuantityMilli" IS NULL OR "minQuantityMilli" <= "maxQuantityMilli")
  AND "collectionFrom" ~ '^[0-2][0-9]:[0-5][0-9]$' AND "collectionTo" ~ '^[0-2][0-9]:[0-5][0-9]$' AND "collectionFrom" < "collectionTo"
  AND "collectionWeekdays" <@ ARRAY[1,2,3,4,5,6,7]);
-- A lot is never over-claimed, whatever the concurrency: claims take from it in one conditional UPDATE.
ALTER TABLE "DonationLot" ADD CONSTRAINT "DonationLot_claimed_check" CHECK ("quantityMilli" > 0 AND "claimedMilli" >= 0 AND "claimedMilli" <= "quantityMilli");
ALTER TABLE "DonationLot" ADD CONSTRAINT "DonationLot_rule_check" CHECK (
  "pickupEnd" > "pickupStart" AND "costPriceCents" >= 0 AND ("contributionCentsPerUnit" IS NULL OR "contributionCentsPerUnit" >= 0)
  AND ("useBy" IS NULL OR "useBy" ~ '^\d{4}-\d{2}-\d{2}$') AND ("bestBefore" IS NULL OR "bestBefore" ~ '^\d{4}-\d{2}-\d{2}$')
  AND NOT ("useBy" IS NOT NULL AND "bestBefore" IS NOT NULL)
  AND (("status" = 'EXPIRED') = ("expiredAt" IS NOT NULL)));
ALTER TABLE "DonationClaim" ADD CONSTRAINT "DonationClaim_rule_check" CHECK (
  "quantityMilli" > 0 AND "pickupCode" ~ '^[0-9]{6}$' AND "contributionCents" >= 0
  AND (("status" = 'COLLECTED') = ("collectedAt" IS NOT NULL))
  AND (("status" = 'MISSED') = ("missedAt" IS NOT NULL))
  AND ("temperatureDeciC" IS NULL OR "temperatureDeciC" BETWEEN -400 AND 200));
