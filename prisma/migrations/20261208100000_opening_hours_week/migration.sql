-- A producer's opening hours as a week table (issue 12, second round): [{ "day": 1..7, "opens": "HH:MM",
-- "closes": "HH:MM" }] in Paris wall-clock time, shown on their public page and as schema.org
-- openingHoursSpecification. The free text "openingHours" stays, for what a table cannot say.
ALTER TABLE "Organisation" ADD COLUMN "openingHoursWeek" JSONB NOT NULL DEFAULT '[]';
