-- The directory (issue 12, decision 030). A producer's public profile gains its opening hours, its
-- farm or boat visits and how to book one: short texts the producer writes, shown on
-- /producteurs/:slug. The search ignores accents and case with PostgreSQL's unaccent (a contrib
-- extension shipped with PostgreSQL, in the embedded one too, and offered by managed PostgreSQLs).
CREATE EXTENSION IF NOT EXISTS unaccent;

ALTER TABLE "Organisation" ADD COLUMN "openingHours" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Organisation" ADD COLUMN "visits" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Organisation" ADD COLUMN "visitBooking" TEXT NOT NULL DEFAULT '';
