-- The guide's other actors and the agenda (issue 12, decision 031): the territory's social and solidarity
-- economy actors kept by the admin, and the events held by an organisation or by one of those actors.
-- An event has exactly one holder, ends after it starts, and its position is a real one.
CREATE TYPE "EssActorKind" AS ENUM ('COMMUNITY_GARDEN', 'INSERTION_WORKSHOP', 'CIGALES', 'BUSINESS_CREATION_HUB', 'ESS_NETWORK');
CREATE TYPE "EventKind" AS ENUM ('ESS_FORUM', 'SOLIDARITY_MARKET', 'FARM_VISIT', 'BOAT_VISIT', 'OPEN_DAY', 'OTHER');

CREATE TABLE "EssActor" (
  "id" TEXT NOT NULL,
  "slug" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "kind" "EssActorKind" NOT NULL,
  "communeInsee" TEXT NOT NULL,
  "address" TEXT NOT NULL DEFAULT '',
  "lat" DOUBLE PRECISION NOT NULL,
  "lon" DOUBLE PRECISION NOT NULL,
  "offer" TEXT NOT NULL DEFAULT '',
  "contactEmail" TEXT,
  "contactPhone" TEXT,
  "website" TEXT,
  "searchKey" TEXT NOT NULL DEFAULT '',
  "published" BOOLEAN NOT NULL DEFAULT false,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "EssActor_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "EssActor_position_check" CHECK ("lat" BETWEEN -90 AND 90 AND "lon" BETWEEN -180 AND 180)
);
CREATE UNIQUE INDEX "EssActor_slug_key" ON "EssActor"("slug");
ALTER TABLE "EssActor" ADD CONSTRAINT "EssActor_communeInsee_fkey" FOREIGN KEY ("communeInsee") REFERENCES "Commune"("inseeCode") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "Event" (
  "id" TEXT NOT NULL,
  "title" TEXT NOT NULL,
  "description" TEXT NOT NULL DEFAULT '',
  "kind" "EventKind" NOT NULL,
  "startsAt" TIMESTAMPTZ(3) NOT NULL,
  "endsAt" TIMESTAMPTZ(3) NOT NULL,
  "placeName" TEXT NOT NULL,
  "address" TEXT NOT NULL DEFAULT '',
  "communeInsee" TEXT NOT NULL,
  "lat" DOUBLE PRECISION NOT NULL,
  "lon" DOUBLE PRECISION NOT NULL,
  "organisationId" TEXT,
  "essActorId" TEXT,
  "registrationUrl" TEXT,
  "registrationText" TEXT NOT NULL DEFAULT '',
  "publishedById" TEXT,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "Event_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Event_actor_check" CHECK (num_nonnulls("organisationId", "essActorId") = 1),
  CONSTRAINT "Event_times_check" CHECK ("endsAt" > "startsAt"),
  CONSTRAINT "Event_position_check" CHECK ("lat" BETWEEN -90 AND 90 AND "lon" BETWEEN -180 AND 180)
);
CREATE INDEX "Event_startsAt_idx" ON "Event"("startsAt");
ALTER TABLE "Event" ADD CONSTRAINT "Event_communeInsee_fkey" FOREIGN KEY ("communeInsee") REFERENCES "Commune"("inseeCode") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Event" ADD CONSTRAINT "Event_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Event" ADD CONSTRAINT "Event_essActorId_fkey" FOREIGN KEY ("essActorId") REFERENCES "EssActor"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Event" ADD CONSTRAINT "Event_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
