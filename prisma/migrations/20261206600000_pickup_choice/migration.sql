-- Where a resident collects (issue 10, the home page): one pickup point, or every point of one
-- commune, remembered on the account. Never both; a point or commune that disappears leaves the
-- person with no choice rather than a broken one.
ALTER TABLE "User" ADD COLUMN "pickupPointId" TEXT;
ALTER TABLE "User" ADD COLUMN "pickupCommuneInsee" TEXT;
ALTER TABLE "User" ADD CONSTRAINT "User_pickupPointId_fkey" FOREIGN KEY ("pickupPointId") REFERENCES "PickupPoint"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "User" ADD CONSTRAINT "User_pickupCommuneInsee_fkey" FOREIGN KEY ("pickupCommuneInsee") REFERENCES "Commune"("inseeCode") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "User" ADD CONSTRAINT "User_pickup_choice_check" CHECK ("pickupPointId" IS NULL OR "pickupCommuneInsee" IS NULL);
