-- The local-products label « Produit local Dieppe Maritime » (issue 12, decision 029): one row per labelled
-- product (its application, evidence, decision, number and validity), its documents, its audit trail, and the
-- yearly number counter. EXPIRED is not a stored status: a label is expired when validUntil <= now, read at the
-- instant everywhere. The database guards what the rules promise: a number of the form DM-<year>-<4 digits>,
-- unique; a granted, suspended or revoked label has its number and a validity that ends after it starts.
ALTER TYPE "FilePurpose" ADD VALUE 'LABEL_DOCUMENT';
-- A PDF evidence document has no pixel size: width and height 0 are allowed for label documents only
-- (compared as text: the new enum value cannot be used in the transaction that adds it).
ALTER TABLE "StoredFile" DROP CONSTRAINT "StoredFile_size_check";
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_size_check" CHECK (
  "byteSize" > 0 AND (("width" > 0 AND "height" > 0) OR ("purpose"::text = 'LABEL_DOCUMENT' AND "width" >= 0 AND "height" >= 0))
);

CREATE TYPE "LabelStatus" AS ENUM ('PENDING', 'CHANGES_REQUESTED', 'GRANTED', 'REFUSED', 'SUSPENDED', 'REVOKED');
CREATE TYPE "LabelProductClass" AS ENUM ('FARM', 'SEA_CAUGHT', 'SHELLFISH_FARMED', 'PROCESSED');
CREATE TYPE "LabelEventKind" AS ENUM ('APPLIED', 'RESUBMITTED', 'DOCUMENT_ADDED', 'CHANGES_REQUESTED', 'VISIT_RECORDED', 'GRANTED', 'REFUSED', 'SUSPENDED', 'REINSTATED', 'REVOKED', 'RENEWAL_APPLIED', 'RENEWED', 'RENEWAL_REFUSED', 'REMINDED');

CREATE TABLE "Label" (
  "id" TEXT NOT NULL,
  "productId" TEXT NOT NULL,
  "status" "LabelStatus" NOT NULL DEFAULT 'PENDING',
  "productClass" "LabelProductClass" NOT NULL,
  "placeName" TEXT NOT NULL DEFAULT '',
  "placeLat" DOUBLE PRECISION,
  "placeLon" DOUBLE PRECISION,
  "landingPort" TEXT,
  "faoArea" TEXT,
  "ingredients" JSONB,
  "declaredLocalSharePercent" INTEGER,
  "lotTraceability" BOOLEAN NOT NULL DEFAULT false,
  "hygieneApproval" TEXT NOT NULL DEFAULT '',
  "producerNote" TEXT NOT NULL DEFAULT '',
  "submittedAt" TIMESTAMPTZ(3) NOT NULL,
  "renewalRequestedAt" TIMESTAMPTZ(3),
  "reviewMessage" TEXT,
  "reason" TEXT,
  "visitedAt" TIMESTAMPTZ(3),
  "visitNote" TEXT,
  "number" TEXT,
  "grantedAt" TIMESTAMPTZ(3),
  "validFrom" TIMESTAMPTZ(3),
  "validUntil" TIMESTAMPTZ(3),
  "remindedFor" TIMESTAMPTZ(3),
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "Label_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Label_number_check" CHECK ("number" IS NULL OR "number" ~ '^DM-[0-9]{4}-[0-9]{4}$'),
  CONSTRAINT "Label_granted_check" CHECK (
    "status" NOT IN ('GRANTED', 'SUSPENDED', 'REVOKED')
    OR ("number" IS NOT NULL AND "grantedAt" IS NOT NULL AND "validFrom" IS NOT NULL AND "validUntil" IS NOT NULL)
  ),
  CONSTRAINT "Label_validity_check" CHECK ("validUntil" IS NULL OR ("validFrom" IS NOT NULL AND "validUntil" > "validFrom")),
  CONSTRAINT "Label_position_check" CHECK (
    ("placeLat" IS NULL) = ("placeLon" IS NULL)
    AND ("placeLat" IS NULL OR ("placeLat" BETWEEN -90 AND 90 AND "placeLon" BETWEEN -180 AND 180))
  ),
  CONSTRAINT "Label_declaredLocalShare_check" CHECK ("declaredLocalSharePercent" IS NULL OR "declaredLocalSharePercent" BETWEEN 0 AND 100)
);
CREATE UNIQUE INDEX "Label_productId_key" ON "Label"("productId");
CREATE UNIQUE INDEX "Label_number_key" ON "Label"("number");
CREATE INDEX "Label_status_idx" ON "Label"("status");
CREATE INDEX "Label_validUntil_idx" ON "Label"("validUntil");
ALTER TABLE "Label" ADD CONSTRAINT "Label_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "LabelDocument" (
  "id" TEXT NOT NULL,
  "labelId" TEXT NOT NULL,
  "fileId" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "LabelDocument_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "LabelDocument_fileId_key" ON "LabelDocument"("fileId");
CREATE INDEX "LabelDocument_labelId_idx" ON "LabelDocument"("labelId");
ALTER TABLE "LabelDocument" ADD CONSTRAINT "LabelDocument_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "Label"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "LabelDocument" ADD CONSTRAINT "LabelDocument_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "LabelEvent" (
  "id" TEXT NOT NULL,
  "labelId" TEXT NOT NULL,
  "at" TIMESTAMPTZ(3) NOT NULL,
  "actorId" TEXT,
  "actorName" TEXT NOT NULL,
  "kind" "LabelEventKind" NOT NULL,
  "fromStatus" "LabelStatus",
  "toStatus" "LabelStatus",
  "reason" TEXT,
  "detail" JSONB,
  CONSTRAINT "LabelEvent_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "LabelEvent_labelId_at_idx" ON "LabelEvent"("labelId", "at");
ALTER TABLE "LabelEvent" ADD CONSTRAINT "LabelEvent_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "Label"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "LabelNumberCounter" (
  "year" INTEGER NOT NULL,
  "lastSequence" INTEGER NOT NULL,
  CONSTRAINT "LabelNumberCounter_pkey" PRIMARY KEY ("year"),
  CONSTRAINT "LabelNumberCounter_sequence_check" CHECK ("lastSequence" BETWEEN 1 AND 9999)
);

-- label.remind: singleton, every day; a failed run is not retried, the next tick runs it again
-- (each reminder is marked in the transaction of its email: never twice).
SELECT pgboss.create_queue('label.remind', '{"policy":"singleton","retryLimit":0,"retryDelay":0,"retryBackoff":false,"expireInSeconds":600,"retentionMinutes":1440}');
