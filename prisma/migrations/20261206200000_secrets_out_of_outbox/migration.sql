-- Issue 9, decision 015: no usable one-time link in the outbox or any table. An email carrying such a
-- link stores a placeholder and a reference to the link's row; the mail worker makes the token
-- when it sends the email and keeps only its hash.
CREATE TYPE "EmailLinkKind" AS ENUM ('PASSWORD_RESET', 'INVITATION', 'EMAIL_VERIFICATION');

ALTER TABLE "OutboxEmail" ADD COLUMN "linkKind" "EmailLinkKind";
ALTER TABLE "OutboxEmail" ADD COLUMN "linkRef" TEXT;

-- The links emailed before this migration sit in clear in the outbox: they stop working.
UPDATE "PasswordResetToken" SET "expiresAt" = LEAST("expiresAt", now()) WHERE "usedAt" IS NULL;
UPDATE "OrganisationInvitation" SET "expiresAt" = LEAST("expiresAt", now()) WHERE "acceptedAt" IS NULL;
UPDATE "OutboxEmail" SET "text" = regexp_replace("text", '/(reinitialiser|invitation)/[A-Za-z0-9_-]{20,}', '/\1/…', 'g'),
  "html" = regexp_replace("html", '/(reinitialiser|invitation)/[A-Za-z0-9_-]{20,}', '/\1/…', 'g')
  WHERE "text" ~ '/(reinitialiser|invitation)/[A-Za-z0-9_-]{20,}';

-- Email verification: the link's hash only, expiring, used once.
CREATE TABLE "EmailVerificationToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmailVerificationToken_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "EmailVerificationToken_tokenHash_key" ON "EmailVerificationToken"("tokenHash");
CREATE INDEX "EmailVerificationToken_userId_idx" ON "EmailVerificationToken"("userId");
ALTER TABLE "EmailVerificationToken" ADD CONSTRAINT "EmailVerificationToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A verified organisation that changes its identity goes back to review without leaving the shelves.
ALTER TABLE "Organisation" ADD COLUMN "reviewRequestedAt" TIMESTAMPTZ(3);
ALTER TABLE "Organisation" ADD COLUMN "identityChanges" JSONB;
