-- Lots of unsold stock stored before the one address formatter (app/domain/postal-address.ts) said
-- their pickup point's postcode and town twice when the street line already held them:
-- "Quai Henri IV, 76200 Dieppe, 76200 Dieppe". Slips and the charities' pages print the stored
-- text, so it is said once here; nothing else in the line changes.
UPDATE "DonationLot"
SET "pickupPlace" = regexp_replace("pickupPlace", ', (\d{5}) ([^,]+), \1 \2$', ', \1 \2')
WHERE "pickupPlace" ~ ', (\d{5}) ([^,]+), \1 \2$';
