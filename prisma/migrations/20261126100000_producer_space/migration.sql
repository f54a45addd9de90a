-- The producer space (issue 3): joining and verification, invitations, photos, the producer's own
-- product references, recurring distributions and their cancellation, weighing, hand-over and
-- payments at pickup, catalogue imports. Invariants PostgreSQL guards are at the end.

CREATE TYPE "FilePurpose" AS ENUM ('PRODUCT_PHOTO', 'ORGANISATION_PHOTO');
CREATE TYPE "HandoverStatus" AS ENUM ('COLLECTED', 'NOT_COLLECTED');
CREATE TYPE "PickupPaymentMethod" AS ENUM ('CASH', 'CHEQUE', 'CARD_TERMINAL');
CREATE TYPE "ImportStatus" AS ENUM ('PREVIEWED', 'RUNNING', 'DONE', 'FAILED');

-- Joining: who asked, how to reach them, and a refusal's reason (verifiedAt already exists).
ALTER TABLE "Organisation" ADD COLUMN "siret" TEXT;
ALTER TABLE "Organisation" ADD COLUMN "contactEmail" TEXT;
ALTER TABLE "Organisation" ADD COLUMN "contactPhone" TEXT;
ALTER TABLE "Organisation" ADD COLUMN "refusedAt" TIMESTAMPTZ(3);
ALTER TABLE "Organisation" ADD COLUMN "refusalReason" TEXT;
ALTER TABLE "Organisation" ADD COLUMN "createdById" TEXT;

CREATE TABLE "OrganisationInvitation" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "MembershipRole" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OrganisationInvitation_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "OrganisationInvitation_tokenHash_key" ON "OrganisationInvitation"("tokenHash");
CREATE INDEX "OrganisationInvitation_organisationId_idx" ON "OrganisationInvitation"("organisationId");

-- Files (photos) are stored through app/infra/storage; the database keeps what was checked.
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "purpose" "FilePurpose" NOT NULL,
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "StoredFile_storageKey_key" ON "StoredFile"("storageKey");
CREATE INDEX "StoredFile_organisationId_idx" ON "StoredFile"("organisationId");

-- A producer's own reference: CSV re-imports update by it instead of duplicating.
ALTER TABLE "Product" ADD COLUMN "reference" TEXT;
ALTER TABLE "Product" ADD COLUMN "photoId" TEXT;
ALTER TABLE "Product" ADD COLUMN "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
CREATE UNIQUE INDEX "Product_producerId_reference_key" ON "Product"("producerId", "reference");

ALTER TABLE "Offer" ADD COLUMN "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "Offer" ADD COLUMN "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
CREATE INDEX "Offer_productId_idx" ON "Offer"("productId");

-- Recurring distributions: "every Friday 17:00–19:00 at the quay, orders close Wednesday 20:00".
CREATE TABLE "DistributionSeries" (
    "id" TEXT NOT NULL,
    "organiserId" TEXT NOT NULL,
    "pickupPointId" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startTime" TEXT NOT NULL,
    "endTime" TEXT NOT NULL,
    "cutoffDaysBefore" INTEGER NOT NULL,
    "cutoffTime" TEXT NOT NULL,
    "opensDaysBefore" INTEGER NOT NULL,
    "slotMinutes" INTEGER NOT NULL,
    "slotCapacity" INTEGER NOT NULL,
    "firstDate" TEXT NOT NULL,
    "lastDate" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DistributionSeries_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "DistributionSeries_organiserId_idx" ON "DistributionSeries"("organiserId");

ALTER TABLE "Distribution" ADD COLUMN "organiserId" TEXT;
ALTER TABLE "Distribution" ADD COLUMN "seriesId" TEXT;
ALTER TABLE "Distribution" ADD COLUMN "cancelledAt" TIMESTAMPTZ(3);
ALTER TABLE "Distribution" ADD COLUMN "cancellationReason" TEXT;
CREATE INDEX "Distribution_seriesId_idx" ON "Distribution"("seriesId");
CREATE INDEX "Distribution_pickupPointId_startsAt_idx" ON "Distribution"("pickupPointId", "startsAt");

-- Variable weight: what was agreed at order (grams per unit, the cap) and what the scale said.
ALTER TABLE "OrderLine" ADD COLUMN "variableWeight" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "OrderLine" ADD COLUMN "gramsPerUnit" INTEGER;
ALTER TABLE "OrderLine" ADD COLUMN "capCents" INTEGER;
ALTER TABLE "OrderLine" ADD COLUMN "weighedGrams" INTEGER;
ALTER TABLE "OrderLine" ADD COLUMN "finalCents" INTEGER;
ALTER TABLE "OrderLine" ADD COLUMN "weighedAt" TIMESTAMPTZ(3);
ALTER TABLE "OrderLine" ADD COLUMN "producerId" TEXT;
CREATE INDEX "OrderLine_producerId_idx" ON "OrderLine"("producerId");
UPDATE "OrderLine" ol SET "producerId" = p."producerId" FROM "Offer" o JOIN "Product" p ON p.id = o."productId" WHERE o.id = ol."offerId";
ALTER TABLE "OrderLine" ALTER COLUMN "producerId" SET NOT NULL;

-- Hand-over at the pickup, per order and per producer (each hands over and is paid for their part).
CREATE TABLE "Handover" (
    "orderId" TEXT NOT NULL,
    "producerId" TEXT NOT NULL,
    "status" "HandoverStatus" NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedById" TEXT NOT NULL,
    CONSTRAINT "Handover_pkey" PRIMARY KEY ("orderId", "producerId")
);
CREATE INDEX "Handover_producerId_idx" ON "Handover"("producerId");

CREATE TABLE "PickupPayment" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "producerId" TEXT NOT NULL,
    "method" "PickupPaymentMethod" NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedById" TEXT NOT NULL,
    CONSTRAINT "PickupPayment_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "PickupPayment_orderId_idx" ON "PickupPayment"("orderId");
CREATE INDEX "PickupPayment_producerId_idx" ON "PickupPayment"("producerId");

-- A catalogue import: the file is kept (accepted data is never lost), previewed, then applied.
CREATE TABLE "CatalogueImport" (
    "id" TEXT NOT NULL,
    "producerId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'PREVIEWED',
    "totalRows" INTEGER NOT NULL,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "createdCount" INTEGER NOT NULL DEFAULT 0,
    "updatedCount" INTEGER NOT NULL DEFAULT 0,
    "unchangedCount" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    CONSTRAINT "CatalogueImport_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "CatalogueImport_producerId_idx" ON "CatalogueImport"("producerId");

ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "OrganisationInvitation" ADD CONSTRAINT "OrganisationInvitation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OrganisationInvitation" ADD CONSTRAINT "OrganisationInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Product" ADD CONSTRAINT "Product_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "DistributionSeries" ADD CONSTRAINT "DistributionSeries_organiserId_fkey" FOREIGN KEY ("organiserId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DistributionSeries" ADD CONSTRAINT "DistributionSeries_pickupPointId_fkey" FOREIGN KEY ("pickupPointId") REFERENCES "PickupPoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Distribution" ADD CONSTRAINT "Distribution_organiserId_fkey" FOREIGN KEY ("organiserId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Distribution" ADD CONSTRAINT "Distribution_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "DistributionSeries"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PickupPayment" ADD CONSTRAINT "PickupPayment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PickupPayment" ADD CONSTRAINT "PickupPayment_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PickupPayment" ADD CONSTRAINT "PickupPayment_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CatalogueImport" ADD CONSTRAINT "CatalogueImport_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CatalogueImport" ADD CONSTRAINT "CatalogueImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Invariants PostgreSQL guards
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_siret_check" CHECK ("siret" IS NULL OR "siret" ~ '^[0-9]{14}$');
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_verified_or_refused_check" CHECK ("verifiedAt" IS NULL OR "refusedAt" IS NULL);
ALTER TABLE "OrganisationInvitation" ADD CONSTRAINT "OrganisationInvitation_email_lowercase_check" CHECK ("email" = lower("email"));
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_size_check" CHECK ("byteSize" > 0 AND "width" > 0 AND "height" > 0);
ALTER TABLE "Product" ADD CONSTRAINT "Product_reference_check" CHECK ("reference" IS NULL OR length("reference") BETWEEN 1 AND 64);
ALTER TABLE "DistributionSeries" ADD CONSTRAINT "DistributionSeries_rule_check" CHECK (
  "weekday" BETWEEN 1 AND 7 AND "startTime" ~ '^[0-2][0-9]:[0-5][0-9]$' AND "endTime" ~ '^[0-2][0-9]:[0-5][0-9]$'
  AND "cutoffTime" ~ '^[0-2][0-9]:[0-5][0-9]$' AND "startTime" < "endTime"
  AND "cutoffDaysBefore" BETWEEN 0 AND 14 AND "opensDaysBefore" BETWEEN "cutoffDaysBefore" AND 60
  AND "slotMinutes" BETWEEN 5 AND 240 AND "slotCapacity" BETWEEN 1 AND 1000
  AND "firstDate" ~ '^\d{4}-\d{2}-\d{2}$' AND "lastDate" ~ '^\d{4}-\d{2}-\d{2}$' AND "firstDate" <= "lastDate");
ALTER TABLE "Distribution" ADD CONSTRAINT "Distribution_cancelled_check" CHECK ("cancelledAt" IS NULL OR "status" = 'CANCELLED');
-- The final amount of a weighed line never exceeds the cap the customer agreed to at order.
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_weighing_check" CHECK (
  ("weighedGrams" IS NULL OR "weighedGrams" > 0)
  AND ("finalCents" IS NULL OR ("finalCents" >= 0 AND "capCents" IS NOT NULL AND "finalCents" <= "capCents"))
  AND ("variableWeight" OR ("weighedGrams" IS NULL AND "finalCents" IS NULL))
  AND (NOT "variableWeight" OR ("gramsPerUnit" > 0 AND "capCents" >= 0)));
ALTER TABLE "PickupPayment" ADD CONSTRAINT "PickupPayment_amount_check" CHECK ("amountCents" > 0 AND "amountCents" <= 10000000);
ALTER TABLE "CatalogueImport" ADD CONSTRAINT "CatalogueImport_counts_check" CHECK (
  "totalRows" >= 0 AND "processedRows" BETWEEN 0 AND "totalRows" AND "createdCount" >= 0 AND "updatedCount" >= 0 AND "unchangedCount" >= 0);
