-- A charity that appears in the public directory has a public page (/associations/:slug, issue 12). Its
-- address, email and phone show there only when it chose so: appearing in the directory does not publish
-- how to reach it.
ALTER TABLE "CharitySettings" ADD COLUMN "publicContact" BOOLEAN NOT NULL DEFAULT false;
